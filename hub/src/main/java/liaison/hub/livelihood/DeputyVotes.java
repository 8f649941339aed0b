package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.security.Staff;

/**
 * The votes a deputy may take part in now, for their {@code /me}: the open sessions whose round's
 * congress ({@link LivelihoodVote#congress}) counts them. The ballot's address only, never a code:
 * the code is on the slip handed over at the session.
 */
@Singleton
public class DeputyVotes {
  private final VoteCodeRepository codes;
  private final VoteRepository votes;
  private final LivelihoodRepository repository;
  private final LivelihoodVote vote;

  public DeputyVotes(
      VoteCodeRepository codes,
      VoteRepository votes,
      LivelihoodRepository repository,
      LivelihoodVote vote) {
    this.codes = codes;
    this.votes = votes;
    this.repository = repository;
    this.vote = vote;
  }

  /** An open session the deputy may vote in: its title, its round's, the ballot's address. */
  public record OpenBallot(String title, String roundTitle, String ballotUrl) {}

  /** The open sessions of the deputy's congresses; none for an account that is not a deputy's. */
  public List<OpenBallot> openFor(Staff staff) {
    String deputy = staff.deputyId();
    if (deputy == null) {
      return List.of();
    }
    List<OpenBallot> open = new ArrayList<>();
    for (String id : codes.openSessions()) {
      VoteSession session = votes.find(id).orElse(null);
      Round round = session == null ? null : repository.find(session.roundId()).orElse(null);
      if (round != null
          && vote.congress(round).stream().anyMatch(v -> v.deputyId().equals(deputy))) {
        open.add(new OpenBallot(session.title(), round.title(), vote.ballotUrl(id)));
      }
    }
    return open;
  }
}
