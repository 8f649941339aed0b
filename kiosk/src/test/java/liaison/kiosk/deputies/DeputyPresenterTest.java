package liaison.kiosk.deputies;

import static org.assertj.core.api.Assertions.assertThat;

import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;

/** One deputy's record, without the toolkit. */
class DeputyPresenterTest {

  private final StationContent golden = GoldenFiles.content();
  private final DeputyPresenter presenter =
      new DeputyPresenter(TestClock.at("2026-11-23T09:30:00+08:00"));

  @Test
  void shouldGiveADeputyTheirDutyDatesAndTheirOwnMessageLink() {
    DeputyModel chen = presenter.present(golden, "d-0001").orElseThrow();
    assertThat(chen.duties()).extracting(Bilingual::zh).containsExactly("11月23日 星期一 09:00—11:30");
    assertThat(chen.messageUrl()).isEqualTo("https://hub.example.cn/o/Xq7fK2mPw9?deputy=d-0001");
    assertThat(chen.addressedToDeputy()).isTrue();
    assertThat(chen.phone()).contains("0771-5551234");

    DeputyModel huang = presenter.present(golden, "d-0002").orElseThrow();
    assertThat(huang.messageUrl())
        .as("no own link: the station's opinion form")
        .isEqualTo(golden.links().opinion());
    assertThat(huang.phone()).as("no consent, no phone").isEmpty();
    assertThat(huang.duties()).hasSize(2);

    assertThat(presenter.present(golden, "d-gone")).isEmpty();
  }

  @Test
  void shouldListNoDutyWhenTheClockIsImplausible() {
    DeputyPresenter early = new DeputyPresenter(TestClock.at("1970-01-01T08:00:00+08:00"));

    assertThat(early.present(golden, "d-0001").orElseThrow().duties()).isEmpty();
  }
}
