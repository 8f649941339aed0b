package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.livelihood.SupervisionRepository.Count;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The year's evaluation of elected projects (测评): staff of the round's level open it; each deputy
 * of the congress rates each elected project once, residents rate on the public page (limited by
 * the page, as the opinions' ratings are); staff close it and the round is EVALUATED. Who has rated
 * is kept apart from the ratings ({@code livelihood_rating_deputy}), with nothing linking the two.
 */
@Singleton
public class Ratings {
  private static final Logger LOG = LoggerFactory.getLogger(Ratings.class);
  public static final String DEPUTY = "DEPUTY";
  public static final String RESIDENT = "RESIDENT";

  private final Database database;
  private final SupervisionRepository repository;
  private final LivelihoodRepository livelihood;
  private final Rounds rounds;
  private final Congress congress;
  private final BadInput badInput;
  private final Clock clock;

  public Ratings(
      Database database,
      SupervisionRepository repository,
      LivelihoodRepository livelihood,
      Rounds rounds,
      Congress congress,
      BadInput badInput,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.livelihood = livelihood;
    this.rounds = rounds;
    this.congress = congress;
    this.badInput = badInput;
    this.clock = clock;
  }

  /** One kind of rater's ratings of a project: counts by choice and their shares in percent. */
  public record Tally(Map<Satisfaction, Integer> counts, int total) {
    public int count(Satisfaction s) {
      return counts.getOrDefault(s, 0);
    }

    /** The share of a choice, in whole percent (0 when nobody rated). */
    public int share(Satisfaction s) {
      return total == 0 ? 0 : Math.round(count(s) * 100f / total);
    }

    public int satisfied() {
      return count(Satisfaction.SATISFIED);
    }

    public int basically() {
      return count(Satisfaction.BASICALLY_SATISFIED);
    }

    public int dissatisfied() {
      return count(Satisfaction.DISSATISFIED);
    }

    public int satisfiedShare() {
      return share(Satisfaction.SATISFIED);
    }

    public int basicallyShare() {
      return share(Satisfaction.BASICALLY_SATISFIED);
    }

    public int dissatisfiedShare() {
      return share(Satisfaction.DISSATISFIED);
    }
  }

  /** A project's results: the deputies' and the residents' apart. */
  public record Result(ElectedProject project, Tally deputies, Tally residents) {}

  /** Whether the round's ratings are open now: opened by staff, the round still decided. */
  public boolean isOpen(Round round) {
    return round.state() == RoundState.DECIDED
        && repository.ratingsOpenedAt(round.id()).isPresent();
  }

  /** Staff open the year's ratings (409 unless the round is decided and they are not open). */
  public void open(Staff staff, String roundId) {
    Round round = rounds.requireChange(staff, roundId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!database.inTransaction(h -> repository.openRatings(h, round.id(), now))) {
      throw new ConflictProblem(Text.of("problem.livelihood.ratings.not-openable"));
    }
    LOG.info("livelihood round {} ratings opened by {}", roundId, staff.id());
  }

  /** Staff close the year's ratings: the round is EVALUATED and its results are kept. */
  public void close(Staff staff, String roundId) {
    Round round = rounds.requireChange(staff, roundId);
    if (!isOpen(round)
        || !database.inTransaction(
            h -> livelihood.move(h, round.id(), RoundState.DECIDED, RoundState.EVALUATED, clock))) {
      throw new ConflictProblem(Text.of("problem.livelihood.ratings.not-open"));
    }
    LOG.info("livelihood round {} ratings closed by {}: evaluated", roundId, staff.id());
  }

  /**
   * The elected projects a deputy may rate now (the rounds of their congress with ratings open),
   * and whether they have rated each.
   */
  public record Rateable(Round round, ElectedProject project, boolean rated) {}

  public List<Rateable> forDeputy(Staff staff) {
    String deputy = Supervision.requireDeputy(staff);
    List<Rateable> rateable = new ArrayList<>();
    for (Round round : livelihood.roundsIn(List.of(RoundState.DECIDED))) {
      if (!isOpen(round) || !congress.includes(round, deputy)) {
        continue;
      }
      List<String> rated = repository.ratedBy(deputy, round.year());
      for (ElectedProject p : repository.projects(round.id())) {
        if (p.elected()) {
          rateable.add(new Rateable(round, p, rated.contains(p.id())));
        }
      }
    }
    return rateable;
  }

  /**
   * A deputy of the round's congress ({@link Congress}) rates an elected project, once a year.
   *
   * @throws ValidationProblem on {@code choice}
   * @throws ConflictProblem when they have rated it, or the ratings are not open
   * @throws ForbiddenProblem when they are not of the round's congress; nothing counted
   */
  public void rateAsDeputy(Staff staff, String projectId, @Nullable String choice) {
    String deputy = Supervision.requireDeputy(staff);
    Target target = target(projectId);
    if (!congress.includes(target.round(), deputy)) {
      badInput.record("livelihood.rating.deputy", "not-congress", staff.id());
      throw new ForbiddenProblem(Text.of("problem.livelihood.ratings.not-your-congress"));
    }
    Satisfaction rating = choice(choice, "livelihood.rating.deputy", staff.id());
    LocalDate today = LocalDate.now(clock);
    int year = target.round().year();
    boolean saved =
        database.inTransaction(
            h -> {
              if (repository.hasRated(h, projectId, year, deputy)) {
                return false;
              }
              repository.insertRatingDeputy(h, projectId, year, deputy);
              repository.insertRating(h, Ids.next("lg"), projectId, year, DEPUTY, rating, today);
              return true;
            });
    if (!saved) {
      throw new ConflictProblem(Text.of("problem.livelihood.ratings.already"));
    }
  }

  /** A resident's anonymous rating from the public page (the page limits how often). */
  public void rateAsResident(String projectId, @Nullable String choice) {
    Target target = target(projectId);
    Satisfaction rating = choice(choice, "livelihood.rating.resident", projectId);
    LocalDate today = LocalDate.now(clock);
    database.useTransaction(
        h ->
            repository.insertRating(
                h, Ids.next("lg"), projectId, target.round().year(), RESIDENT, rating, today));
  }

  /** The round's results per elected project, the deputies' and residents' apart. */
  public List<Result> results(String roundId) {
    List<Count> counts = repository.counts(roundId);
    return repository.projects(roundId).stream()
        .filter(ElectedProject::elected)
        .map(p -> new Result(p, tally(counts, p.id(), DEPUTY), tally(counts, p.id(), RESIDENT)))
        .toList();
  }

  private static Tally tally(List<Count> counts, String projectId, String rater) {
    Map<Satisfaction, Integer> byChoice = new EnumMap<>(Satisfaction.class);
    int total = 0;
    for (Count c : counts) {
      if (c.projectId().equals(projectId) && c.rater().equals(rater)) {
        byChoice.merge(c.choice(), c.count(), Integer::sum);
        total += c.count();
      }
    }
    return new Tally(byChoice, total);
  }

  private record Target(Round round, ElectedProject project) {}

  private Target target(String projectId) {
    ElectedProject project =
        repository
            .project(projectId)
            .filter(ElectedProject::elected)
            .orElseThrow(
                () -> new NotFoundProblem(Text.of("problem.livelihood.project.not-found")));
    Round round = livelihood.find(project.roundId()).orElseThrow();
    if (!isOpen(round)) {
      throw new ConflictProblem(Text.of("problem.livelihood.ratings.not-open"));
    }
    return new Target(round, project);
  }

  private Satisfaction choice(@Nullable String choice, String source, String detail) {
    Optional<Satisfaction> rating = Satisfaction.of(choice);
    if (rating.isEmpty()) {
      badInput.record(source, "refused", detail);
      throw ValidationProblem.of("choice", Text.of("problem.livelihood.ratings.choice"));
    }
    return Objects.requireNonNull(rating.get());
  }
}
