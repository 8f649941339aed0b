package liaison.kiosk.results;

import static org.assertj.core.api.Assertions.assertThat;

import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import org.junit.jupiter.api.Test;

/** The handling figures' record, without the toolkit. */
class ResultsPresenterTest {

  private final StationContent golden = GoldenFiles.content();
  private final ResultsPresenter presenter = new ResultsPresenter();

  @Test
  void shouldTurnHandlingFiguresIntoRatesAndShares() {
    var figures = presenter.present(golden).figures().orElseThrow();

    assertThat(figures.answeredPercent()).isEqualTo(91); // 117 / 128
    assertThat(figures.rated()).isEqualTo(111);
    assertThat(figures.satisfaction())
        .extracting(ResultsModel.Share::percent)
        .containsExactly(77, 19, 4);
    assertThat(figures.since().zh()).isEqualTo("2026年1月1日以来");

    StationContent none =
        new StationContent(
            golden.stationId(),
            1,
            golden.generatedAt(),
            golden.station(),
            golden.deputies(),
            golden.receptions(),
            golden.notices(),
            golden.links());
    assertThat(presenter.present(none).figures()).isEmpty();
  }
}
