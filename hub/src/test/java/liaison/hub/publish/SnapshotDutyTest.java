package liaison.hub.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import liaison.hub.demo.DemoReports;
import liaison.hub.duty.DutyStars;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Report;
import liaison.signage.protocol.StationContent.Star;
import liaison.signage.protocol.StationContent.StarPeriod;
import org.assertj.core.groups.Tuple;
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
    StationContent third = builder.build("s-003", 1, OffsetDateTime.now()).orElseThrow();

    // The stars the county's rule chose (the demo's points), of the latest month and year chosen.
    List<DutyStars.Star> chosen = hub.bean(DutyStars.class).stars(DemoCounty.COUNTY);
    assertThat(chosen).as("the demo's points choose stars").isNotEmpty();
    List<Tuple> expected = new ArrayList<>();
    for (StarPeriod kind : StarPeriod.values()) {
      chosen.stream()
          .filter(c -> c.periodKind().equals(kind.name()))
          .map(DutyStars.Star::period)
          .max(Comparator.naturalOrder())
          .ifPresent(
              latest ->
                  chosen.stream()
                      .filter(c -> c.periodKind().equals(kind.name()) && c.period().equals(latest))
                      .forEach(
                          c -> expected.add(tuple(kind, c.period(), c.deputyId(), c.points()))));
    }
    StationContent.Duty duty = chengguan.dutyOrEmpty();
    assertThat(duty.stars())
        .extracting(Star::kind, Star::period, Star::deputyId, Star::points)
        .containsExactlyInAnyOrderElementsOf(expected);
    for (Star star : duty.stars()) {
      assertThat(star.name()).isNotBlank().doesNotContain("d-0");
    }

    // The vote under way at s-003 is on its screen with the address of its ballot page; the report
    // closed last month at s-001 is on no screen.
    assertThat(third.dutyOrEmpty().reports())
        .extracting(Report::id, Report::voteUrl)
        .contains(tuple(DemoReports.OPEN_REPORT, "https://hub.test/r/" + DemoReports.OPEN_REPORT));
    assertThat(duty.reports()).isEmpty();
    // The stars are the county's, on every station.
    assertThat(third.dutyOrEmpty().stars()).isEqualTo(duty.stars());
    // And a station reads back what the hub sent.
    assertThat(
            ProtocolCodec.decode(ProtocolCodec.encode(third), StationContent.class).dutyOrEmpty())
        .isEqualTo(third.dutyOrEmpty());
  }
}
