package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.util.List;

/**
 * The congress of a round (本级人代会): the deputies who vote on its shortlist, supervise its elected
 * projects and rate them at the year's end. A county round's are the county's deputies (level
 * COUNTY); a township round's, the township's deputies (level TOWNSHIP) assigned to a station of
 * that township. The vote, supervision and the ratings all ask here.
 */
@Singleton
public class Congress {
  private final VoteRepository votes;

  public Congress(VoteRepository votes) {
    this.votes = votes;
  }

  /** The round's congress, by name. */
  public List<VoteRepository.Voter> of(Round round) {
    return votes.congress(round.countyId(), round.townshipId());
  }

  /** Whether the deputy sits in the round's congress. */
  public boolean includes(Round round, String deputyId) {
    return of(round).stream().anyMatch(v -> v.deputyId().equals(deputyId));
  }
}
