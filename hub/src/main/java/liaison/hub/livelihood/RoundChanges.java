package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import liaison.hub.db.Database;
import liaison.hub.opinion.Category;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A round changed after it was opened: its dates and categories while it collects, and its
 * cancellation (with a reason kept for staff) in any state before the vote opens. A cancelled round
 * is gone from the public page. Staff may also look at a proposal's photos here: never public, they
 * are shown to the staff who may read the round.
 */
@Singleton
public class RoundChanges {
  private static final Logger LOG = LoggerFactory.getLogger(RoundChanges.class);

  private final Database database;
  private final ShortlistRepository repository;
  private final LivelihoodRepository proposals;
  private final Rounds rounds;
  private final BadInput badInput;
  private final Clock clock;

  public RoundChanges(
      Database database,
      ShortlistRepository repository,
      LivelihoodRepository proposals,
      Rounds rounds,
      BadInput badInput,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.proposals = proposals;
    this.rounds = rounds;
    this.badInput = badInput;
    this.clock = clock;
  }

  /**
   * A round's new dates and categories, as typed.
   *
   * @param opensOn {@code YYYY-MM-DD}
   * @param closesOn the last day, inclusive
   * @param categories opinion categories' names
   */
  public record Schedule(
      @Nullable String opensOn, @Nullable String closesOn, @Nullable List<String> categories) {}

  /** Why a round is cancelled (required, kept for staff). */
  public record Cancel(@Nullable String reason) {}

  /**
   * Changes a collecting round's dates and categories; a category some proposal is in stays.
   *
   * @throws ValidationProblem on opensOn, closesOn, categories; nothing saved
   * @throws ConflictProblem unless the round collects
   */
  public Round reschedule(Staff staff, String roundId, Schedule schedule) {
    Round round = rounds.requireChange(staff, roundId);
    if (round.state() != RoundState.COLLECTING) {
      throw new ConflictProblem(Text.of("problem.livelihood.round.not-collecting"));
    }
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    LocalDate opens = Rounds.day(schedule.opensOn(), "opensOn", errors);
    LocalDate closes = Rounds.day(schedule.closesOn(), "closesOn", errors);
    if (opens != null && closes != null) {
      if (closes.isBefore(opens)) {
        errors.add("closesOn", Text.of("problem.livelihood.round.closes-before-opens"));
      } else if (closes.isBefore(LocalDate.now(clock))) {
        errors.add("closesOn", Text.of("problem.livelihood.round.closes-past"));
      }
    }
    LinkedHashSet<Category> categories = new LinkedHashSet<>();
    for (String name : schedule.categories() == null ? List.<String>of() : schedule.categories()) {
      Category c =
          Category.of(Rounds.strip(name)).filter(Rounds.categories()::contains).orElse(null);
      if (c == null) {
        errors.add("categories", Text.of("problem.livelihood.round.category.unknown"));
      } else {
        categories.add(c);
      }
    }
    if (categories.isEmpty() && !errors.has("categories")) {
      errors.add("categories", Text.of("problem.livelihood.round.category.missing"));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useTransaction(
        h -> {
          for (String used : repository.categoriesInUse(h, round.id())) {
            Category c = Category.of(used).orElse(null);
            if (c != null && !categories.isEmpty() && !categories.contains(c)) {
              errors.add(
                  "categories", Text.of("problem.livelihood.round.category.in-use", c.text()));
            }
          }
          refuse(errors, staff);
          if (!repository.touchIf(h, round.id(), List.of(RoundState.COLLECTING), now)) {
            throw new ConflictProblem(Text.of("problem.livelihood.round.not-collecting"));
          }
          repository.reschedule(
              h,
              round.id(),
              Objects.requireNonNull(opens),
              Objects.requireNonNull(closes),
              new ArrayList<>(categories),
              now);
        });
    LOG.info(
        "livelihood round {} rescheduled by {}: {} to {}", round.id(), staff.id(), opens, closes);
    return rounds.get(staff, roundId);
  }

  /**
   * 取消: the round ends, before its vote opens, with a reason; the public page shows nothing of it.
   *
   * @throws ValidationProblem on reason
   * @throws ConflictProblem once the vote is open or over, or when already cancelled
   */
  public Round cancel(Staff staff, String roundId, Cancel cancel) {
    Round round = rounds.requireChange(staff, roundId);
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    String reason =
        Projects.reason(cancel.reason(), Text.of("problem.livelihood.round.cancel.reason"), errors);
    refuse(errors, staff);
    boolean cancelled =
        database.inTransaction(
            h -> repository.cancel(h, round.id(), reason, OffsetDateTime.now(clock)));
    if (!cancelled) {
      throw new ConflictProblem(Text.of("problem.livelihood.round.cancel.too-late"));
    }
    LOG.info("livelihood round {} cancelled by {}", round.id(), staff.id());
    return rounds.get(staff, roundId);
  }

  /** Why the round was cancelled; empty unless it was. */
  public String cancelReason(Round round) {
    return repository.cancelReason(round.id());
  }

  /**
   * Whether the photo (by its hash) is one of the proposal's, for staff who may read its round.
   *
   * @throws NotFoundProblem when the proposal is not the round's
   */
  public boolean hasPhoto(Staff staff, String roundId, String proposalId, String hash) {
    Round round = rounds.get(staff, roundId);
    Proposal proposal =
        database
            .withHandle(h -> proposals.findProposal(h, proposalId))
            .filter(p -> p.roundId().equals(round.id()))
            .orElseThrow(
                () -> new NotFoundProblem(Text.of("problem.livelihood.proposal.not-found")));
    return proposal.photos().contains(hash);
  }

  private void refuse(ValidationProblem.Collector errors, Staff staff) {
    if (!errors.isEmpty()) {
      badInput.record("livelihood.round", "refused", staff.id());
    }
    errors.throwIfAny();
  }
}
