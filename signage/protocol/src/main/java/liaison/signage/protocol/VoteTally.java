package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;

/**
 * The live tally of a report to voters (述职评议), retained on the station's {@link
 * Topic.Channel#TALLY} topic while the vote is open and after it closed; an empty retained payload
 * clears it.
 *
 * <p>Convergence: the hub counts ballots in its database and numbers every change of a report's
 * tally ({@code seq}, strictly increasing per report, a ballot or the closing). A station shows,
 * for a report, the tally with the highest {@code seq} it has seen; the retained message is always
 * the latest, so a station that was offline catches up on reconnecting. Only the hub may write the
 * topic; a station reads its own (broker rules, {@code BrokerPermissions}).
 *
 * @param reportId the report ({@link StationContent.Report#id()}) this tally counts
 * @param seq strictly increasing per report
 * @param state whether ballots are still taken
 * @param at when the hub counted it
 */
public record VoteTally(
    String reportId,
    long seq,
    State state,
    int satisfied,
    int basicallySatisfied,
    int dissatisfied,
    OffsetDateTime at)
    implements ProtocolMessage {

  public VoteTally {
    text(reportId, "reportId");
    if (seq < 1) {
      throw new IllegalArgumentException("field 'seq' must be at least 1, was " + seq);
    }
    required(state, "state");
    if (satisfied < 0 || basicallySatisfied < 0 || dissatisfied < 0) {
      throw new IllegalArgumentException(
          "a tally counts no negative ballots: "
              + satisfied
              + "/"
              + basicallySatisfied
              + "/"
              + dissatisfied);
    }
    required(at, "at");
  }

  /** Every ballot counted. */
  public int ballots() {
    return satisfied + basicallySatisfied + dissatisfied;
  }

  /** Whether this tally replaces {@code shown} on a screen: another report, or a later count. */
  public boolean supersedes(VoteTally shown) {
    return !shown.reportId.equals(reportId) || seq > shown.seq;
  }

  public enum State {
    /** Ballots are taken; the screen shows the vote's QR code and the count so far. */
    OPEN,
    /** Staff closed the vote: the screen announces the result. */
    CLOSED
  }
}
