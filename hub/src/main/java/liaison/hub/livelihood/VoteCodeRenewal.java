package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.report.BallotCodes;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lost or spoiled slip before the vote opens (docs/LIVELIHOOD.md, "The vote's codes in
 * practice"): nothing says which code was whose, so one deputy's code cannot be voided without
 * linking deputy and code. Staff regenerate all of them instead: in one transaction every earlier
 * code and who received one are forgotten, a new code is issued to each deputy of the congress, and
 * the audit log records who did it and when. Only while the session is PLANNED: once it is open, a
 * code may have been used, and a lost slip is the tellers' matter (a paper ballot), not the hub's.
 */
@Singleton
public class VoteCodeRenewal {
  private static final Logger LOG = LoggerFactory.getLogger(VoteCodeRenewal.class);

  private final Database database;
  private final VoteRepository votes;
  private final VoteCodeRepository codes;
  private final LivelihoodVote vote;
  private final Rounds rounds;
  private final AuditLog audit;
  private final Clock clock;

  public VoteCodeRenewal(
      Database database,
      VoteRepository votes,
      VoteCodeRepository codes,
      LivelihoodVote vote,
      Rounds rounds,
      AuditLog audit,
      Clock clock) {
    this.database = database;
    this.votes = votes;
    this.codes = codes;
    this.vote = vote;
    this.rounds = rounds;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Voids every code of the session and issues a new one to each deputy of the congress; the slips
   * come back once, as {@link LivelihoodVote#issueCodes} gives them. 409 once the session is open
   * or closed, nothing changed.
   */
  public List<LivelihoodVote.Slip> renew(Staff staff, String sessionId) {
    VoteSession session =
        votes
            .find(sessionId)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.livelihood.vote.not-found")));
    Round round = rounds.requireChange(staff, session.roundId());
    if (session.state() != VoteState.PLANNED) {
      throw new ConflictProblem(Text.of("problem.lv-codes.renew.opened"));
    }
    List<VoteRepository.Voter> congress = vote.congress(round);
    if (congress.isEmpty()) {
      throw new ConflictProblem(Text.of("problem.livelihood.vote.no-deputies"));
    }
    List<String> deputyIds = congress.stream().map(VoteRepository.Voter::deputyId).toList();
    BallotCodes.Drawn drawn = BallotCodes.draw(sessionId, congress.size());
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useTransaction(
        h -> {
          if (!codes.discard(h, sessionId)) {
            // Opened meanwhile: its codes stay as they were.
            throw new ConflictProblem(Text.of("problem.lv-codes.renew.opened"));
          }
          // The old codes are gone and the new ones differ from each other: nothing to collide.
          if (!votes.issue(h, sessionId, drawn.hashes(), deputyIds, now)) {
            throw new IllegalStateException("session " + sessionId + ": renewed codes collided");
          }
          audit.record(
              h,
              staff,
              VoteCodeRepository.RENEWED,
              VoteCodeRepository.ENTITY,
              sessionId,
              "重新生成全部票决码（" + congress.size() + " 位代表），此前的票决码作废");
        });
    List<LivelihoodVote.Slip> slips = new ArrayList<>();
    for (int i = 0; i < congress.size(); i++) {
      slips.add(new LivelihoodVote.Slip(congress.get(i).name(), drawn.codes().get(i)));
    }
    LOG.info(
        "livelihood vote {}: every code renewed by {} ({} deputies)",
        sessionId,
        staff.id(),
        slips.size());
    return slips;
  }

  /** A renewal of a session's codes: when, and by whom (the account's name). */
  public record Renewal(OffsetDateTime at, String by) {}

  /** Who renewed the session's codes and when, oldest first. */
  public List<Renewal> renewals(String sessionId) {
    return codes.renewals(sessionId);
  }
}
