package liaison.hub.software;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which bundle is the newest: the installer's default and the hub's list order. */
class StationBundleTest {
  @Test
  void shouldOrderVersionsByTheirNumbersWithAReleaseAfterItsPreReleases() {
    OffsetDateTime at = OffsetDateTime.parse("2026-12-05T10:00:00+08:00");
    List<String> newestFirst =
        Stream.of("0.2.0-SNAPSHOT", "0.10.0", "0.2.0", "0.9.2", "0.2.0-rc1", "1.0")
            .map(v -> new StationBundle("0".repeat(64), v, "linux-x64", 1, "s", "a", at))
            .sorted(StationBundle.NEWEST_FIRST)
            .map(StationBundle::version)
            .toList();

    assertThat(newestFirst)
        .containsExactly("1.0", "0.10.0", "0.9.2", "0.2.0", "0.2.0-rc1", "0.2.0-SNAPSHOT");
  }
}
