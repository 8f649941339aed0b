package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.opinion.Category;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collection rounds and who acts on them: a county's round is its administrators'; a township's
 * round its administrators' and the managers of a station in that township (乡镇人大 staff). Staff of
 * one level read the other's rounds of their county but do not change them; deputies and
 * departments have no part in collecting.
 */
@Singleton
public class Rounds {
  private static final Logger LOG = LoggerFactory.getLogger(Rounds.class);
  static final int MAX_TITLE = 80;

  private final Database database;
  private final LivelihoodRepository repository;
  private final Access access;
  private final BadInput badInput;
  private final Clock clock;
  private final LivelihoodScreens screens;

  public Rounds(
      Database database,
      LivelihoodRepository repository,
      Access access,
      BadInput badInput,
      Clock clock,
      LivelihoodScreens screens) {
    this.screens = screens;
    this.database = database;
    this.repository = repository;
    this.access = access;
    this.badInput = badInput;
    this.clock = clock;
  }

  /**
   * A round as typed.
   *
   * @param townshipId the township's round; empty or null for the county's
   * @param opensOn first day residents may propose, {@code YYYY-MM-DD}
   * @param closesOn last day, inclusive
   * @param categories opinion categories' names the round asks for
   */
  public record Draft(
      @Nullable String townshipId,
      @Nullable String year,
      @Nullable String title,
      @Nullable String opensOn,
      @Nullable String closesOn,
      @Nullable List<String> categories) {}

  /** The rounds of the caller's county, for its staff. */
  public List<Round> list(Staff staff) {
    access.requireEditor(staff);
    return repository.rounds(staff.countyId()).stream().filter(r -> maySee(staff, r)).toList();
  }

  /** A round the caller may read. */
  public Round get(Staff staff, String id) {
    Round round =
        repository
            .find(id)
            .filter(r -> r.countyId().equals(staff.countyId()))
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.livelihood.round.not-found")));
    if (!maySee(staff, round)) {
      throw new ForbiddenProblem(Text.of("problem.livelihood.round.not-yours"));
    }
    return round;
  }

  /** A round the caller may change (enter proposals, accept them, close the collection). */
  public Round requireChange(Staff staff, String id) {
    Round round = get(staff, id);
    if (!mayChange(staff, round)) {
      throw new ForbiddenProblem(Text.of("problem.livelihood.round.other-level"));
    }
    return round;
  }

  public boolean maySee(Staff staff, Round round) {
    return staff.canEdit()
        && round.countyId().equals(staff.countyId())
        && (staff.isCountyAdmin()
            || round.isCounty()
            || townships(staff).containsKey(round.townshipId()));
  }

  public boolean mayChange(Staff staff, Round round) {
    return maySee(staff, round) && (staff.isCountyAdmin() || !round.isCounty());
  }

  /** The townships (id → name) whose rounds the caller may open: of the stations they manage. */
  public Map<String, String> townships(Staff staff) {
    Map<String, String> townships = new LinkedHashMap<>();
    for (StationPlace p : access.editableStations(staff)) {
      townships.putIfAbsent(p.station().townshipId(), p.townshipName());
    }
    return townships;
  }

  /**
   * The categories a round may ask for: every opinion category but legal matters (not projects).
   */
  public static List<Category> categories() {
    return java.util.Arrays.stream(Category.values()).filter(c -> c != Category.LEGAL).toList();
  }

  /**
   * Opens a collection round.
   *
   * @throws ValidationProblem with every field's problem (townshipId, year, title, opensOn,
   *     closesOn, categories); nothing saved
   */
  public Round open(Staff staff, Draft draft) {
    access.requireEditor(staff);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    LocalDate today = LocalDate.now(clock);
    String township = strip(draft.townshipId());
    if (township.isEmpty()) {
      if (!staff.isCountyAdmin()) {
        problems.add("townshipId", Text.of("problem.livelihood.round.county-admin-only"));
      }
    } else if (!townships(staff).containsKey(township)) {
      problems.add("townshipId", Text.of("problem.livelihood.round.township-not-yours"));
    }
    int year = 0;
    try {
      year = Integer.parseInt(strip(draft.year()));
    } catch (NumberFormatException e) {
      // reported below
    }
    if (year < today.getYear() || year > today.getYear() + 2) {
      problems.add(
          "year",
          Text.of(
              "problem.livelihood.round.year",
              Integer.toString(today.getYear()),
              Integer.toString(today.getYear() + 2)));
    }
    String title = strip(draft.title());
    if (title.isEmpty()) {
      problems.add("title", Text.of("problem.livelihood.round.title.missing"));
    } else if (title.codePointCount(0, title.length()) > MAX_TITLE) {
      problems.add("title", Text.of("problem.livelihood.round.title.too-long", MAX_TITLE));
    }
    LocalDate opens = day(draft.opensOn(), "opensOn", problems);
    LocalDate closes = day(draft.closesOn(), "closesOn", problems);
    if (opens != null && closes != null) {
      if (closes.isBefore(opens)) {
        problems.add("closesOn", Text.of("problem.livelihood.round.closes-before-opens"));
      } else if (closes.isBefore(today)) {
        problems.add("closesOn", Text.of("problem.livelihood.round.closes-past"));
      }
    }
    LinkedHashSet<Category> categories = new LinkedHashSet<>();
    for (String name : draft.categories() == null ? List.<String>of() : draft.categories()) {
      Category c = Category.of(strip(name)).filter(categories()::contains).orElse(null);
      if (c == null) {
        problems.add("categories", Text.of("problem.livelihood.round.category.unknown"));
      } else {
        categories.add(c);
      }
    }
    if (categories.isEmpty() && !problems.has("categories")) {
      problems.add("categories", Text.of("problem.livelihood.round.category.missing"));
    }
    if (problems.isEmpty() && alreadyOpen(staff.countyId(), township, year)) {
      problems.add("year", Text.of("problem.livelihood.round.already", Integer.toString(year)));
    }
    if (!problems.isEmpty()) {
      badInput.record("livelihood.round", "refused", staff.id());
    }
    problems.throwIfAny();
    OffsetDateTime now = OffsetDateTime.now(clock);
    Round round =
        new Round(
            Ids.next("lr"),
            staff.countyId(),
            township.isEmpty() ? null : township,
            null,
            year,
            title,
            Objects.requireNonNull(opens),
            Objects.requireNonNull(closes),
            RoundState.COLLECTING,
            new ArrayList<>(categories),
            staff.id(),
            now);
    database.useTransaction(h -> repository.insertRound(h, round));
    LOG.info(
        "livelihood round {} opened by {} for {} {}, {} to {}",
        round.id(),
        staff.id(),
        township.isEmpty() ? "county" : "township " + township,
        year,
        opens,
        closes);
    screens.changed(round);
    return repository.find(round.id()).orElseThrow();
  }

  /** 征集结束: the round stops collecting and goes to review (409 unless it is collecting). */
  public Round closeCollection(Staff staff, String id) {
    Round round = requireChange(staff, id);
    boolean moved =
        database.inTransaction(
            h ->
                repository.move(h, round.id(), RoundState.COLLECTING, RoundState.REVIEWING, clock));
    if (!moved) {
      throw new ConflictProblem(Text.of("problem.livelihood.round.not-collecting"));
    }
    screens.changed(round);
    return repository.find(id).orElseThrow();
  }

  /**
   * The rounds residents may propose to at a station today: its township's first (the nearer
   * congress, the one a resident's lane is usually for), then its county's.
   */
  public List<Round> collectingAt(StationPlace place) {
    return collectingAt(place, repository.rounds(place.countyId()));
  }

  /** As above, among the county's rounds already read ({@link LivelihoodRepository#rounds}). */
  public List<Round> collectingAt(StationPlace place, List<Round> countyRounds) {
    LocalDate today = LocalDate.now(clock);
    return countyRounds.stream()
        .filter(r -> reaches(r, place) && r.collectsOn(today))
        .sorted(java.util.Comparator.comparing(Round::isCounty))
        .toList();
  }

  /** The rounds the public page shows: collecting or under review, of every county on the hub. */
  public List<Round> publicRounds() {
    return repository.roundsIn(List.of(RoundState.COLLECTING, RoundState.REVIEWING));
  }

  /** The rounds whose shortlist is public: published, or being voted on. */
  public List<Round> shortlistedRounds() {
    return repository.roundsIn(List.of(RoundState.SHORTLISTED, RoundState.VOTING));
  }

  /** Whether residents may propose to the round today. */
  public boolean collectsToday(Round round) {
    return round.collectsOn(LocalDate.now(clock));
  }

  /** The round's screens show something new (a proposal accepted): a new snapshot for each. */
  void announce(Round round) {
    screens.changed(round);
  }

  /** Whether a station's residents and opinions belong to the round's area. */
  public static boolean reaches(Round round, StationPlace place) {
    return round.countyId().equals(place.countyId())
        && (round.isCounty() || Objects.equals(round.townshipId(), place.station().townshipId()));
  }

  private boolean alreadyOpen(String countyId, String township, int year) {
    return repository.rounds(countyId).stream()
        .anyMatch(
            r ->
                r.year() == year
                    && r.state() != RoundState.CANCELLED
                    && Objects.equals(r.townshipId(), township.isEmpty() ? null : township));
  }

  static @Nullable LocalDate day(
      @Nullable String text, String field, ValidationProblem.Collector problems) {
    try {
      return LocalDate.parse(strip(text));
    } catch (DateTimeParseException e) {
      problems.add(field, Text.of("problem.livelihood.round.day"));
      return null;
    }
  }

  static String strip(@Nullable String text) {
    return text == null ? "" : text.strip();
  }
}
