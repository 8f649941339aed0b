package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The live tally of the deputies' vote on livelihood projects (民生实事项目票决), retained on the station's
 * {@link Topic.Channel#PROJECT_TALLY} topic (the session hall's screen) while the vote is open and
 * for a while after it closed; an empty retained payload clears it. A sibling of {@link VoteTally},
 * not a generalisation of it: a report's tally is three numbers, this one a row per project with
 * its result, and a station may show both.
 *
 * <p>Convergence, as {@link VoteTally}'s: the hub numbers every change of a session's tally ({@code
 * seq}, strictly increasing per session: the opening, a ballot, the closing); a station shows, for
 * a session, the tally with the highest {@code seq} it has seen, and the retained message is always
 * the latest. Only the hub may write the topic; a station reads its own ({@code
 * BrokerPermissions}). Who voted how is never in it: counts only.
 *
 * @param sessionId the vote session this tally counts
 * @param seq strictly increasing per session
 * @param title the congress's session, {@code 城关镇第十八届人民代表大会第七次会议}
 * @param ballots ballots cast
 * @param deputiesTotal all the congress's deputies: a project is elected with FOR above half of it
 * @param projects the ballot's projects in its order
 * @param at when the hub counted it (for a closed vote: when it closed)
 */
public record ProjectTally(
    String sessionId,
    long seq,
    VoteTally.State state,
    String title,
    int ballots,
    int deputiesTotal,
    List<Project> projects,
    OffsetDateTime at)
    implements ProtocolMessage {

  public ProjectTally {
    text(sessionId, "sessionId");
    if (seq < 1) {
      throw new IllegalArgumentException("field 'seq' must be at least 1, was " + seq);
    }
    required(state, "state");
    text(title, "title");
    if (ballots < 0 || deputiesTotal < 1) {
      throw new IllegalArgumentException(
          "a tally counts no negative ballots and at least one deputy: "
              + ballots
              + " of "
              + deputiesTotal);
    }
    required(projects, "projects");
    projects = List.copyOf(projects);
    required(at, "at");
  }

  /** Whether this tally replaces {@code shown} on a screen: another session, or a later count. */
  public boolean supersedes(ProjectTally shown) {
    return !shown.sessionId.equals(sessionId) || seq > shown.seq;
  }

  /**
   * A project's count.
   *
   * @param elected the result once the vote closed; null while it is open
   */
  public record Project(
      String title, int votesFor, int votesAgainst, int votesAbstain, @Nullable Result elected) {
    public Project {
      text(title, "title");
      if (votesFor < 0 || votesAgainst < 0 || votesAbstain < 0) {
        throw new IllegalArgumentException(
            "a project counts no negative votes: "
                + votesFor
                + "/"
                + votesAgainst
                + "/"
                + votesAbstain);
      }
    }
  }

  /** A project's result by the county's rule. */
  public enum Result {
    ELECTED,
    NOT_ELECTED
  }
}
