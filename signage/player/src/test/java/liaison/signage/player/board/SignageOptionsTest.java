package liaison.signage.player.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignageOptionsTest {

  @Test
  void shouldTakeFlagsOverTheEnvironmentAndDefaultTheRest() {
    Map<String, String> env = Map.of("LIAISON_STATION", "s-009", "LIAISON_SIZE", "1080x1920");
    SignageOptions options =
        SignageOptions.parse(List.of("--station=s-002", "--fullscreen"), env::get);

    assertThat(options.station().stationId()).isEqualTo("s-002");
    assertThat(options.station().dataDir()).isEqualTo(Path.of("data/signage-s-002"));
    assertThat(options.fullScreen()).isTrue();
    assertThat(options.width()).isEqualTo(1080);
    assertThat(options.height()).isEqualTo(1920);
  }

  @Test
  void shouldSayWhatIsWrong() {
    assertThatThrownBy(() -> SignageOptions.parse(List.of(), k -> null))
        .hasMessageContaining("which station is this?");
    assertThatThrownBy(
            () -> SignageOptions.parse(List.of("--station=s-1", "--size=big"), k -> null))
        .hasMessage("--size must look like 1920x1080, was 'big'");
    assertThatThrownBy(
            () -> SignageOptions.parse(List.of("--station=s-1", "--volume=11"), k -> null))
        .hasMessage("unknown option --volume");
  }
}
