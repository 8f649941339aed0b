package liaison.hub.report;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A deputy's report to the voters at a station, with its vote's counts so far (final once {@link
 * ReportStatus#CLOSED}).
 *
 * @param tallySeq the number of the tally's latest change (0 before the vote opened)
 * @param codesIssued ballot codes printed for it, over every batch of slips
 */
public record VoterReport(
    String id,
    String deputyId,
    String stationId,
    OffsetDateTime startsAt,
    OffsetDateTime endsAt,
    String title,
    ReportStatus status,
    @Nullable OffsetDateTime closedAt,
    int satisfied,
    int basicallySatisfied,
    int dissatisfied,
    long tallySeq,
    int codesIssued,
    String createdBy,
    OffsetDateTime createdAt) {

  /** Every ballot counted. */
  public int ballots() {
    return satisfied + basicallySatisfied + dissatisfied;
  }

  /** The share of ballots that said 满意 or 基本满意, in whole percent; 0 without ballots. */
  public int satisfiedPercent() {
    int all = ballots();
    return all == 0 ? 0 : Math.round(100f * (satisfied + basicallySatisfied) / all);
  }

  public boolean scheduled() {
    return status == ReportStatus.SCHEDULED;
  }

  public boolean open() {
    return status == ReportStatus.OPEN;
  }

  public boolean closed() {
    return status == ReportStatus.CLOSED;
  }
}
