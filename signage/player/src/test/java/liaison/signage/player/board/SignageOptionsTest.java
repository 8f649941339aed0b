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
    assertThat(options.station().mediaCacheMb()).isEqualTo(4096);
    assertThat(options.station().mediaDir()).isEqualTo(Path.of("data/signage-s-002/media"));
  }

  @Test
  void shouldBoundTheMediaCacheAsToldAndRefuseWhatIsNotASize() {
    assertThat(
            SignageOptions.parse(
                    List.of("--station=s-002"), Map.of("LIAISON_MEDIA_CACHE_MB", "2048")::get)
                .station()
                .mediaCacheBytes())
        .isEqualTo(2048L * 1024 * 1024);
    assertThat(
            SignageOptions.parse(List.of("--station=s-002", "--media-cache-mb=0"), k -> null)
                .station()
                .mediaCacheMb())
        .isZero();
    assertThatThrownBy(
            () ->
                SignageOptions.parse(List.of("--station=s-002", "--media-cache-mb=4GB"), k -> null))
        .hasMessage("--media-cache-mb must be a number of MB, 0 to 1048576, e.g. 4096; was '4GB'");
    assertThatThrownBy(
            () ->
                SignageOptions.parse(List.of("--station=s-002", "--media-cache-mb=-1"), k -> null))
        .hasMessageContaining("--media-cache-mb must be a number of MB");
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
