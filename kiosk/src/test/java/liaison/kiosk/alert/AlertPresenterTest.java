package liaison.kiosk.alert;

import static liaison.kiosk.PageFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Notice;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;

/** Which alert the frame shows, without the toolkit. */
class AlertPresenterTest {

  private final StationContent golden = GoldenFiles.content();
  private final AlertPresenter presenter =
      new AlertPresenter(TestClock.at("2026-11-23T09:30:00+08:00"));

  @Test
  void shouldShowTheHubsAlertWhileValidAndFallBackToTheContentsEmergency() {
    StationAlert urgent =
        new StationAlert(
            "n-9",
            "停水通知",
            "今日14:00起停水",
            NoticePriority.URGENT,
            OffsetDateTime.parse("2026-11-23T08:00:00+08:00"),
            OffsetDateTime.parse("2026-11-23T18:00:00+08:00"));
    AlertModel banner = presenter.present(Optional.of(urgent), Optional.of(golden)).orElseThrow();
    assertThat(banner.emergency()).isFalse();
    assertThat(banner.until().orElseThrow().zh()).isEqualTo("有效至 11月23日 18:00");

    StationAlert expired =
        new StationAlert(
            "n-9",
            "停水通知",
            "",
            NoticePriority.URGENT,
            OffsetDateTime.parse("2026-11-22T08:00:00+08:00"),
            OffsetDateTime.parse("2026-11-22T18:00:00+08:00"));
    assertThat(presenter.present(Optional.of(expired), Optional.of(golden)))
        .as("expired, nothing in content")
        .isEmpty();

    Notice flood =
        new Notice(
            "n-10",
            "防汛紧急通知",
            "请立即撤离低洼地带",
            NoticePriority.EMERGENCY,
            OffsetDateTime.parse("2026-11-23T09:00:00+08:00"),
            null);
    StationContent withFlood = with(golden, golden.receptions(), List.of(flood));
    AlertModel held = presenter.present(Optional.empty(), Optional.of(withFlood)).orElseThrow();
    assertThat(held.emergency()).isTrue();
    assertThat(held.title()).isEqualTo("防汛紧急通知");

    AlertPresenter early = new AlertPresenter(TestClock.at("1970-01-01T08:00:00+08:00"));
    assertThat(early.present(Optional.empty(), Optional.of(withFlood)))
        .as("no clock: judged at the content's time, before it began")
        .isEmpty();
  }
}
