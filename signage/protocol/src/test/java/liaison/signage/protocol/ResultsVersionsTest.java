package liaison.signage.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's handling results in their two versions: a newer station reads an older hub's
 * figures, and the version 1 fields a newer hub still fills are what an older station reads.
 */
class ResultsVersionsTest {
  private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

  private static StationContent.Figures figures(LocalDate from, LocalDate until, int received) {
    return new StationContent.Figures(
        from, until, received, received, received - 1, received - 2, received - 3, 1, 2, 1, 1);
  }

  private static StationContent withResults(StationContent.Results results) {
    return GoldenFiles.content().withResults(results);
  }

  @Test
  void shouldReadAnOlderHubsResultsWithoutPeriodsOrSummaries() {
    StationContent.Results r = GoldenFiles.content().results();

    assertThat(r.received()).isEqualTo(128);
    assertThat(r.hasPeriods()).isFalse();
    assertThat(r.month()).isNull();
    assertThat(r.summariesOrNone()).isEmpty();
  }

  @Test
  void shouldCarryThePeriodsAndSummariesAndFillTheFirstVersionsFieldsFromTheLast12Months() {
    StationContent.Summary summary =
        new StationContent.Summary(
            "sum-1",
            "城乡建设",
            "Urban and rural construction",
            "县住建局",
            "反映某小区路灯损坏，已交住建局修复。",
            LocalDate.of(2026, 11, 3),
            LocalDate.of(2026, 11, 20));
    StationContent.Results results =
        StationContent.Results.of(
            figures(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1), 5),
            figures(FROM, LocalDate.of(2027, 1, 1), 40),
            figures(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), 40),
            List.of(summary));

    StationContent read =
        ProtocolCodec.decode(ProtocolCodec.encode(withResults(results)), StationContent.class);

    assertThat(read.results()).isEqualTo(results);
    assertThat(read.results().received()).isEqualTo(40);
    assertThat(read.results().since()).isEqualTo(FROM);
    assertThat(read.results().answered()).isEqualTo(38);
  }

  @Test
  void shouldLetAnOlderStationSkipTheNewFieldsAsUnknown() {
    // What a version 1 station meets: unknown properties inside results are ignored.
    String json =
        new String(GoldenFiles.bytes(GoldenFiles.CONTENT), StandardCharsets.UTF_8)
            .replace(
                "\"dissatisfied\": 4",
                "\"dissatisfied\": 4, \"quarter\": {\"received\": 9}, \"ranking\": [1, 2]");

    StationContent read =
        ProtocolCodec.decode(json.getBytes(StandardCharsets.UTF_8), StationContent.class);

    assertThat(read.results().dissatisfied()).isEqualTo(4);
  }

  @Test
  void shouldRefuseFiguresThatCannotBe() {
    assertThatThrownBy(
            () -> new StationContent.Figures(FROM, FROM.plusMonths(1), 3, 3, 3, 4, 0, 0, 0, 0, 0))
        .hasMessageContaining("answered 4");
    assertThatThrownBy(() -> new StationContent.Figures(FROM, FROM, 0, 0, 0, 0, 0, 0, 0, 0, 0))
        .hasMessageContaining("not after");
  }
}
