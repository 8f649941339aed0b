package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import liaison.hub.report.TallySource;
import liaison.signage.protocol.ProjectTally;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.Topic;
import liaison.signage.protocol.VoteTally;

/**
 * The livelihood projects' vote on the session hall's screen ({@link ProjectTally} on the station's
 * {@code project-tally} topic), published by the report's {@code TallyPublisher}: the open
 * session's count, then its result for a day after the close.
 */
@Singleton
public class ProjectTallies implements TallySource {
  /** How long a closed session's result stays on the topic (the player shows it for less). */
  static final Duration RESULT_KEPT = Duration.ofDays(1);

  private final VoteRepository votes;
  private final Clock clock;

  public ProjectTallies(VoteRepository votes, Clock clock) {
    this.votes = votes;
    this.clock = clock;
  }

  @Override
  public Topic topic(String stationId) {
    return Topic.stationProjectTally(stationId);
  }

  @Override
  public List<String> stationsWithTallies() {
    return votes.stationsWithTallies();
  }

  @Override
  public Optional<Latest> latest(String stationId) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    return votes
        .tallyAt(stationId, now.minus(RESULT_KEPT))
        .map(s -> new Latest(s.id() + "#" + s.tallySeq(), ProtocolCodec.encode(tally(s, now))));
  }

  private ProjectTally tally(VoteSession s, OffsetDateTime now) {
    boolean closed = s.state() == VoteState.CLOSED;
    return new ProjectTally(
        s.id(),
        s.tallySeq(),
        closed ? VoteTally.State.CLOSED : VoteTally.State.OPEN,
        s.title(),
        s.ballots(),
        s.deputiesTotal(),
        votes.ballotProjects(s.roundId()).stream()
            .map(
                p ->
                    new ProjectTally.Project(
                        p.title(),
                        p.votesFor(),
                        p.votesAgainst(),
                        p.votesAbstain(),
                        !closed
                            ? null
                            : "ELECTED".equals(p.state())
                                ? ProjectTally.Result.ELECTED
                                : ProjectTally.Result.NOT_ELECTED))
            .toList(),
        // A closed vote is dated by its close: a republish after a restart announces nothing anew.
        closed && s.closedAt() != null ? s.closedAt() : now);
  }
}
