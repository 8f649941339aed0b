package liaison.hub.report;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.Topic;
import liaison.signage.protocol.VoteTally;

/** The report to voters' tally ({@link VoteTally}) on the station's {@code tally} topic. */
@Singleton
public class ReportTallies implements TallySource {
  private final ReportRepository reports;
  private final Clock clock;

  public ReportTallies(ReportRepository reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public Topic topic(String stationId) {
    return Topic.stationTally(stationId);
  }

  @Override
  public List<String> stationsWithTallies() {
    return reports.stationsWithTallies();
  }

  @Override
  public Optional<Latest> latest(String stationId) {
    return reports
        .tallyAt(stationId)
        .map(
            t ->
                new Latest(
                    t.reportId() + "#" + t.seq(),
                    ProtocolCodec.encode(
                        new VoteTally(
                            t.reportId(),
                            t.seq(),
                            t.status() == ReportStatus.OPEN
                                ? VoteTally.State.OPEN
                                : VoteTally.State.CLOSED,
                            t.satisfied(),
                            t.basicallySatisfied(),
                            t.dissatisfied(),
                            // A closed vote's result is dated by its close, not by this
                            // publish: a republish after a restart announces nothing anew.
                            t.closedAt() == null ? OffsetDateTime.now(clock) : t.closedAt()))));
  }
}
