package liaison.kiosk.deputies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Optional;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import org.junit.jupiter.api.Test;

/** The directory's record, without the toolkit. */
class DeputiesPresenterTest {

  private final StationContent golden = GoldenFiles.content();
  private final DeputiesPresenter presenter = new DeputiesPresenter();

  @Test
  void shouldFilterTheDirectoryByLevelAndCountEachLevel() {
    DeputiesModel all = presenter.present(golden, Optional.empty());
    assertThat(all.cards()).extracting(DeputyCard::name).containsExactly("陈秀兰", "黄志强");
    assertThat(all.levels())
        .extracting(DeputiesModel.LevelChip::level, DeputiesModel.LevelChip::count)
        .containsExactly(
            tuple(DeputyLevel.PROVINCIAL, 1),
            tuple(DeputyLevel.COUNTY, 1),
            tuple(DeputyLevel.TOWNSHIP, 1));

    DeputiesModel township = presenter.present(golden, Optional.of(DeputyLevel.TOWNSHIP));
    assertThat(township.cards()).extracting(DeputyCard::name).containsExactly("黄志强");
    assertThat(township.selected()).contains(DeputyLevel.TOWNSHIP);
  }
}
