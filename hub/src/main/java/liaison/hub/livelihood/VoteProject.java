package liaison.hub.livelihood;

/**
 * A project on a session's ballot with its count.
 *
 * @param state SHORTLISTED before the close, ELECTED or NOT_ELECTED after
 */
public record VoteProject(
    String id,
    int position,
    String title,
    String category,
    String place,
    String state,
    int votesFor,
    int votesAgainst,
    int votesAbstain) {}
