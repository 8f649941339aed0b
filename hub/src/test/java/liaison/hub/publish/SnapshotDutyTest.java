package liaison.hub.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import liaison.hub.RunningHub;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Report;
import liaison.signage.protocol.StationContent.Star;
import liaison.signage.protocol.StationContent.StarPeriod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station's snapshot carries the deputies' side its screens draw: the county's latest stars with
 * each deputy's first station, and the station's reports to voters with the address of their ballot
 * page on the hub's public base (the demo county's, on a running hub).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotDutyTest {
  private RunningHub hub;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldCarryTheCountysStarsAndTheStationsReportsWithTheirBallotPages() {
    SnapshotBuilder builder = hub.bean(SnapshotBuilder.class);

    StationContent chengguan = builder.build("s-001", 1, OffsetDateTime.now()).orElseThrow();
    StationContent baisha = builder.build("s-002", 1, OffsetDateTime.now()).orElseThrow();

    StationContent.Duty duty = chengguan.dutyOrEmpty();
    assertThat(duty.stars())
        .extracting(Star::kind, Star::deputyId, Star::points)
        .containsExactly(
            tuple(StarPeriod.MONTH, "d-0001", 46),
            tuple(StarPeriod.MONTH, "d-0008", 41),
            tuple(StarPeriod.MONTH, "d-0005", 38),
            tuple(StarPeriod.YEAR, "d-0002", 412),
            tuple(StarPeriod.YEAR, "d-0009", 389),
            tuple(StarPeriod.YEAR, "d-0012", 367));
    Star first = duty.stars().getFirst();
    assertThat(first.name()).isEqualTo("陈秀兰");
    assertThat(first.stationName()).isEqualTo(chengguan.station().name());
    assertThat(first.period()).matches("\\d{4}-\\d{2}");
    assertThat(duty.reports())
        .extracting(Report::id, Report::voteUrl)
        .containsExactly(tuple("vr-demo-1", "https://hub.test/r/vr-demo-1"));
    assertThat(duty.reports().getFirst().deputyName())
        .isEqualTo(chengguan.deputy("d-0002").orElseThrow().name());
    // The stars are the county's, on every station; the report is at its own station only.
    assertThat(baisha.dutyOrEmpty().stars()).isEqualTo(duty.stars());
    assertThat(baisha.dutyOrEmpty().reports()).isEmpty();
    // And a station reads back what the hub sent.
    assertThat(
            ProtocolCodec.decode(ProtocolCodec.encode(chengguan), StationContent.class)
                .dutyOrEmpty())
        .isEqualTo(duty);
  }
}
