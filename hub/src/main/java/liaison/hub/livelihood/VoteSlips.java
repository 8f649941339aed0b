package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.poster.BallotSlipRenderer;
import liaison.hub.poster.BallotSlips;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;

/**
 * The printed slips of a session's codes, one per deputy with the deputy's name, drawn by the
 * report to voters' slip renderer: the codes exist on the paper only.
 */
@Singleton
public class VoteSlips {
  private final LivelihoodVote vote;
  private final VoteCodeRenewal renewal;
  private final BallotSlipRenderer renderer;

  public VoteSlips(LivelihoodVote vote, VoteCodeRenewal renewal, BallotSlipRenderer renderer) {
    this.vote = vote;
    this.renewal = renewal;
    this.renderer = renderer;
  }

  /** A printed batch: the PDF, its file name, how many slips. */
  public record Printed(byte[] pdf, String fileName, int slips) {}

  /**
   * Issues a code to each deputy of the congress without one and prints their slips; 409 when every
   * deputy has one.
   */
  public Printed print(Staff staff, String roundId) {
    LivelihoodVote.Standing standing = standing(staff, roundId);
    List<LivelihoodVote.Slip> slips = vote.issueCodes(staff, standing.session().id());
    if (slips.isEmpty()) {
      throw new ConflictProblem(Text.of("livelihood.vote.admin.none-issued"));
    }
    return printed(standing, slips);
  }

  /**
   * Voids every code of the round's session and prints a new slip for each deputy of the congress
   * ({@link VoteCodeRenewal}); 409 once the vote is open.
   */
  public Printed reprint(Staff staff, String roundId) {
    LivelihoodVote.Standing standing = standing(staff, roundId);
    return printed(standing, renewal.renew(staff, standing.session().id()));
  }

  private LivelihoodVote.Standing standing(Staff staff, String roundId) {
    return vote.ofRound(staff, roundId)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.livelihood.vote.not-found")));
  }

  private Printed printed(LivelihoodVote.Standing standing, List<LivelihoodVote.Slip> slips) {
    Round round = standing.round();
    byte[] pdf =
        renderer.render(
            new BallotSlips(
                "",
                standing.session().title(),
                round.townshipName() == null ? round.title() : round.townshipName(),
                standing.session().heldOn(),
                "",
                vote.ballotUrl(standing.session().id()),
                slips.stream().map(LivelihoodVote.Slip::code).toList(),
                8,
                "livelihood-slip",
                slips.stream().map(LivelihoodVote.Slip::deputyName).toList()));
    return new Printed(pdf, "vote-codes-" + standing.session().id() + ".pdf", slips.size());
  }
}
