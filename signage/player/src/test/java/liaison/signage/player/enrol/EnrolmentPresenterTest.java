package liaison.signage.player.enrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;

/** What a waiting screen says, zh first: the code and what to do with it, or why there is none. */
class EnrolmentPresenterTest {
  private final EnrolmentPresenter presenter =
      new EnrolmentPresenter(TestClock.at("2026-11-23T10:15:00+08:00"));

  @Test
  void shouldShowTheCodeWhereToEnterItAndUntilWhen() {
    EnrolmentState waiting =
        new EnrolmentState(
            EnrolmentState.Phase.WAITING,
            "K7QX-M4PD",
            OffsetDateTime.parse("2026-11-23T02:30:00Z"),
            null,
            null,
            false,
            "http://hub");

    EnrolmentPanel panel = presenter.present(waiting, Optional.empty()).orElseThrow();

    assertThat(panel.code()).isEqualTo("K7QX-M4PD");
    assertThat(panel.title().zh()).isEqualTo("本机尚未登记");
    assertThat(panel.instruction().zh()).contains("站点管理 → 本站 → 屏幕登记");
    assertThat(panel.detail().zh()).as("in the station's time").contains("10:30 前有效");
    assertThat(panel.detail().en()).contains("Valid until 10:30");
  }

  @Test
  void shouldSayWhyThereIsNoCodeYet() {
    EnrolmentState unreachable =
        new EnrolmentState(
            EnrolmentState.Phase.ASKING,
            null,
            null,
            "连接不上枢纽 http://hub",
            "cannot reach the hub at http://hub",
            true,
            "http://hub");
    EnrolmentState refused =
        new EnrolmentState(
            EnrolmentState.Phase.REFUSED,
            null,
            null,
            Enrolment.UNKNOWN_STATION[0],
            Enrolment.UNKNOWN_STATION[1],
            false,
            "http://hub");

    EnrolmentPanel asking =
        presenter
            .present(unreachable, Optional.of(new StationName("城关镇人大代表之家", "城关镇")))
            .orElseThrow();
    EnrolmentPanel no = presenter.present(refused, Optional.empty()).orElseThrow();

    assertThat(asking.code()).isNull();
    assertThat(asking.title().zh()).as("it had a credential before").isEqualTo("本机需要重新登记");
    assertThat(asking.detail().primary(false)).contains("连接不上枢纽");
    assertThat(no.instruction().zh()).isEqualTo(Enrolment.UNKNOWN_STATION[0]);
    assertThat(no.instruction().en()).isEqualTo(Enrolment.UNKNOWN_STATION[1]);
    assertThat(no.detail().zh()).contains("一分钟后自动重试");
  }

  @Test
  void shouldShowNothingOnceEnrolled() {
    assertThat(presenter.present(EnrolmentState.NOT_NEEDED, Optional.empty())).isEmpty();
  }

  @Test
  void shouldNameTheStationWhenItsNameIsKnownAndNeverShowItsId() {
    EnrolmentState waiting =
        new EnrolmentState(
            EnrolmentState.Phase.WAITING,
            "K7QX-M4PD",
            OffsetDateTime.parse("2026-11-23T02:30:00Z"),
            null,
            null,
            true,
            "http://hub");

    EnrolmentPanel known =
        presenter.present(waiting, Optional.of(new StationName("城关镇人大代表之家", "城关镇"))).orElseThrow();
    EnrolmentPanel unknown = presenter.present(waiting, Optional.empty()).orElseThrow();

    assertThat(known.station()).isEqualTo(new Bilingual("本站：城关镇人大代表之家", "This station: 城关镇人大代表之家"));
    assertThat(unknown.station().zh()).isEqualTo("本站名称尚未收到");
    assertThat(unknown.station().en()).isEqualTo("The station's name has not arrived yet");
    for (EnrolmentPanel p : java.util.List.of(known, unknown)) {
      assertThat(
              String.join(
                  " ",
                  p.title().zh(),
                  p.title().en(),
                  p.instruction().zh(),
                  p.instruction().en(),
                  p.detail().zh(),
                  p.detail().en(),
                  p.station().zh(),
                  p.station().en()))
          .doesNotContain("s-001");
    }
  }
}
