package liaison.hub.report;

import liaison.hub.text.Text;

/** Where a report to voters stands (the {@code voter_report.status} column). */
public enum ReportStatus {
  /** On the schedule; staff may still change it. No ballot is taken. */
  SCHEDULED,
  /** Held: ballots are taken and counted live. */
  OPEN,
  /** The vote is over and its counts are final. */
  CLOSED,
  /** Called off before it was held. */
  CANCELLED;

  /** Its name on the staff pages ({@code report.status.*}). */
  public Text text() {
    return Text.of("report.status." + name());
  }
}
