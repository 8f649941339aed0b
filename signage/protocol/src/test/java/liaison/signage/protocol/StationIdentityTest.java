package liaison.signage.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("security")
class StationIdentityTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "station-s-001-3f9a1c2e, s-001",
    "station-s-001-ab-3f9a1c2e, s-001-ab",
    "station-x-1, x",
    "station-s-001-, ''",
    "station-s-001-ab_c, ''",
    "station--abc, ''",
    "liaison-hub, ''",
    "station-S-001-abc, ''",
  })
  void shouldReadTheOneStationAClientIdBelongsTo(String clientId, String station) {
    assertThat(StationIdentity.stationOf(clientId).orElse("")).isEqualTo(station);
  }

  @ParameterizedTest(name = "{0} + {1}")
  @CsvSource({"s-001, 3f9a1c2e", "s-001-ab, x9"})
  void shouldBuildClientIdsThatReadBack(String station, String suffix) {
    assertThat(StationIdentity.stationOf(StationIdentity.clientId(station, suffix)))
        .contains(station);
  }

  @org.junit.jupiter.api.Test
  void shouldRefuseASuffixThatWouldNameAnotherStation() {
    assertThatThrownBy(() -> StationIdentity.clientId("s-001", "ab-3f"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ab-3f");
  }
}
