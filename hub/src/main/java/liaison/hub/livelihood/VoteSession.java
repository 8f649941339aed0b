package liaison.hub.livelihood;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The vote of a round's projects at a session of the congress that decides them (票决).
 *
 * @param choices at most this many FOR on one ballot
 * @param rule MORE_THAN_HALF_OF_ALL: a project is elected with FOR above half of {@code
 *     deputiesTotal}, all the congress's deputies, not those present
 * @param deputiesTotal the congress's deputies when the session was planned
 * @param elects at most this many projects elected; null for every project meeting the rule
 * @param stationId the station whose screen shows the live tally; null for none
 * @param ballots ballots cast
 */
public record VoteSession(
    String id,
    String roundId,
    String title,
    LocalDate heldOn,
    int choices,
    String rule,
    int deputiesTotal,
    @Nullable Integer elects,
    @Nullable String stationId,
    VoteState state,
    @Nullable OffsetDateTime openedAt,
    @Nullable OffsetDateTime closedAt,
    int codesIssued,
    long tallySeq,
    int ballots,
    String createdBy,
    OffsetDateTime createdAt) {
  public static final String MORE_THAN_HALF_OF_ALL = "MORE_THAN_HALF_OF_ALL";

  /** Whether {@code votesFor} meets the rule: more than half of all the congress's deputies. */
  public boolean meetsRule(int votesFor) {
    return votesFor * 2 > deputiesTotal;
  }
}
