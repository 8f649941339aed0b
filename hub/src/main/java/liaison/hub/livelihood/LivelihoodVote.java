package liaison.hub.livelihood;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.report.BallotCodes;
import liaison.hub.report.ReportConfig;
import liaison.hub.report.TallyChanged;
import liaison.hub.security.Staff;
import liaison.hub.security.Throttle;
import liaison.hub.security.Throttles;
import liaison.hub.station.StationRepository;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import liaison.hub.web.PublicLinks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deputies' vote on a round's shortlisted projects (票决, docs/LIVELIHOOD.md "The vote"): staff
 * of the round's level plan the session, issue a one-time code to each deputy of the congress, open
 * and close it; deputies vote from their phones with the code, no log-in.
 *
 * <p>A ballot counts in one transaction, as {@code report.ReportVote}'s does: the session's tally
 * number and each project's count go up (only while open), the form's token is noted (a form sent
 * again is "already counted"), the code is used (only if it is the session's and unused), and the
 * ballot is stored with a random id and its minute. Any refusal rolls it all back. The screen's
 * tally is published after the commit ({@link TallyChanged}, heard by the report's {@code
 * TallyPublisher}).
 */
@Singleton
public class LivelihoodVote {
  private static final Logger LOG = LoggerFactory.getLogger(LivelihoodVote.class);
  static final int MAX_TITLE = 80;

  private final Database database;
  private final VoteRepository votes;
  private final LivelihoodRepository repository;
  private final Rounds rounds;
  private final StationRepository stations;
  private final ApplicationEventPublisher<TallyChanged> tallies;
  private final LivelihoodScreens screens;
  private final PublicLinks links;
  private final BadInput badInput;
  private final Throttle perAddress;
  private final Congress congress;
  private final Clock clock;

  public LivelihoodVote(
      Database database,
      VoteRepository votes,
      LivelihoodRepository repository,
      Rounds rounds,
      StationRepository stations,
      ApplicationEventPublisher<TallyChanged> tallies,
      LivelihoodScreens screens,
      PublicLinks links,
      BadInput badInput,
      Throttles throttles,
      ReportConfig config,
      Congress congress,
      Clock clock) {
    this.database = database;
    this.votes = votes;
    this.repository = repository;
    this.rounds = rounds;
    this.stations = stations;
    this.tallies = tallies;
    this.screens = screens;
    this.links = links;
    this.badInput = badInput;
    // The report's ballot limit: a hall's deputies share its Wi-Fi's address, as its voters do.
    this.perAddress =
        throttles.shared(
            "livelihood.ballot.address", config.ballotsPerAddress(), config.ballotsWindow());
    this.congress = congress;
    this.clock = clock;
  }

  /**
   * A session as typed.
   *
   * @param heldOn the session's day, {@code YYYY-MM-DD}
   * @param choices at most this many FOR on a ballot
   * @param elects at most this many elected; empty for every project meeting the rule
   * @param stationId the hall's screen showing the live tally; empty for none
   */
  public record Draft(
      @Nullable String title,
      @Nullable String heldOn,
      @Nullable String choices,
      @Nullable String elects,
      @Nullable String stationId) {}

  /** A code issued to a deputy, as printed on their slip (kept nowhere). */
  public record Slip(String deputyName, String code) {}

  /** A ballot as the form sent it: the code, the form's token, an answer per project id. */
  public record Cast(@Nullable String code, @Nullable String form, Map<String, String> answers) {}

  /** How a sent ballot ended when it was not refused. */
  public enum Outcome {
    COUNTED,
    ALREADY_COUNTED
  }

  /** The session with its round and its projects, as the ballot page and staff read it. */
  public record Standing(VoteSession session, Round round, List<VoteProject> projects) {
    /** The projects meeting the rule that the session's limit left out (ties are named so). */
    public List<VoteProject> overLimit() {
      return projects.stream()
          .filter(p -> "NOT_ELECTED".equals(p.state()) && session.meetsRule(p.votesFor()))
          .toList();
    }
  }

  /** The round's session and its projects, for the staff who may read the round. */
  public Optional<Standing> ofRound(Staff staff, String roundId) {
    Round round = rounds.get(staff, roundId);
    return votes.ofRound(roundId).map(s -> new Standing(s, round, votes.ballotProjects(roundId)));
  }

  /** A session for the staff who may read its round. */
  public Standing get(Staff staff, String sessionId) {
    VoteSession session = found(sessionId);
    Round round = rounds.get(staff, session.roundId());
    return new Standing(session, round, votes.ballotProjects(round.id()));
  }

  /** A session, its round and projects, for the public ballot page; 404 for no such session. */
  public Standing standing(String sessionId) {
    VoteSession session = found(sessionId);
    Round round = repository.find(session.roundId()).orElseThrow();
    return new Standing(session, round, votes.ballotProjects(round.id()));
  }

  /** Where a deputy's phone opens the ballot: on the hub's public address. */
  public String ballotUrl(String sessionId) {
    return links.base() + "/lv/" + sessionId;
  }

  /** The congress that decides the round: its deputies. */
  public List<VoteRepository.Voter> congress(Round round) {
    return congress.of(round);
  }

  /**
   * Plans the session of a shortlisted round (one per round), {@code deputies_total} being the
   * congress's deputies now.
   *
   * @throws ValidationProblem with every field's problem (title, heldOn, choices, elects,
   *     stationId); nothing saved
   */
  public Standing plan(Staff staff, String roundId, Draft draft) {
    Round round = rounds.requireChange(staff, roundId);
    if (round.state() != RoundState.SHORTLISTED) {
      throw new ConflictProblem(Text.of("problem.livelihood.vote.not-shortlisted"));
    }
    if (votes.ofRound(roundId).isPresent()) {
      throw new ConflictProblem(Text.of("problem.livelihood.vote.planned-before"));
    }
    int projects = votes.ballotProjects(roundId).size();
    List<VoteRepository.Voter> congress = congress(round);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String title = Rounds.strip(draft.title());
    if (title.isEmpty()) {
      problems.add("title", Text.of("problem.livelihood.vote.title.missing"));
    } else if (title.codePointCount(0, title.length()) > MAX_TITLE) {
      problems.add("title", Text.of("problem.livelihood.vote.title.too-long", MAX_TITLE));
    }
    LocalDate heldOn = null;
    try {
      heldOn = LocalDate.parse(Rounds.strip(draft.heldOn()));
    } catch (DateTimeParseException e) {
      problems.add("heldOn", Text.of("problem.livelihood.round.day"));
    }
    int choices = number(draft.choices());
    if (choices < 1 || choices > Math.max(1, projects)) {
      problems.add("choices", Text.of("problem.livelihood.vote.choices", Math.max(1, projects)));
    }
    Integer elects = null;
    if (!Rounds.strip(draft.elects()).isEmpty()) {
      elects = number(draft.elects());
      if (elects < 1 || elects > Math.max(1, projects)) {
        problems.add("elects", Text.of("problem.livelihood.vote.elects", Math.max(1, projects)));
      }
    }
    String station = Rounds.strip(draft.stationId());
    if (!station.isEmpty()
        && stations.find(station).filter(p -> Rounds.reaches(round, p)).isEmpty()) {
      problems.add("stationId", Text.of("problem.livelihood.vote.station"));
    }
    if (projects == 0) {
      problems.add("choices", Text.of("problem.livelihood.vote.no-projects"));
    }
    if (congress.isEmpty()) {
      problems.add("title", Text.of("problem.livelihood.vote.no-deputies"));
    }
    if (!problems.isEmpty()) {
      badInput.record("livelihood.vote", "refused", staff.id());
    }
    problems.throwIfAny();
    VoteSession session =
        new VoteSession(
            Ids.next("lvs"),
            roundId,
            title,
            Objects.requireNonNull(heldOn),
            choices,
            VoteSession.MORE_THAN_HALF_OF_ALL,
            congress.size(),
            elects,
            station.isEmpty() ? null : station,
            VoteState.PLANNED,
            null,
            null,
            0,
            0,
            0,
            staff.id(),
            OffsetDateTime.now(clock));
    database.useTransaction(h -> votes.insertSession(h, session));
    LOG.info(
        "livelihood vote {} planned by {} for round {}: {} deputies, {} choices",
        session.id(),
        staff.id(),
        roundId,
        congress.size(),
        choices);
    return get(staff, session.id());
  }

  /**
   * Issues a code to every deputy of the congress who has none yet; the codes as printed, with each
   * deputy's name, come back once (the database keeps their hashes and who received one, not
   * which). Refused once the vote is closed.
   */
  public List<Slip> issueCodes(Staff staff, String sessionId) {
    Standing standing = requireChange(staff, sessionId);
    if (standing.session().state() == VoteState.CLOSED) {
      throw new ConflictProblem(Text.of("problem.livelihood.vote.closed"));
    }
    if (standing.round().state() != RoundState.SHORTLISTED
        && standing.round().state() != RoundState.VOTING) {
      throw new ConflictProblem(Text.of("problem.livelihood.vote.not-shortlisted"));
    }
    Set<String> issued = Set.copyOf(votes.issuedTo(sessionId));
    List<VoteRepository.Voter> due =
        congress(standing.round()).stream().filter(v -> !issued.contains(v.deputyId())).toList();
    if (due.isEmpty()) {
      return List.of();
    }
    List<String> codes = draw(sessionId, due.stream().map(VoteRepository.Voter::deputyId).toList());
    List<Slip> slips = new ArrayList<>();
    for (int i = 0; i < due.size(); i++) {
      slips.add(new Slip(due.get(i).name(), codes.get(i)));
    }
    LOG.info("livelihood vote {}: {} codes issued by {}", sessionId, slips.size(), staff.id());
    return slips;
  }

  /**
   * The decided rounds of every county on the hub with their vote's result, for the public page:
   * counts and results only, never who voted how.
   */
  public List<Standing> decided() {
    List<Standing> decided = new ArrayList<>();
    for (Round round : repository.roundsIn(List.of(RoundState.DECIDED, RoundState.EVALUATED))) {
      votes
          .ofRound(round.id())
          .filter(s -> s.state() == VoteState.CLOSED)
          .ifPresent(s -> decided.add(new Standing(s, round, votes.ballotProjects(round.id()))));
    }
    return decided;
  }

  /** PLANNED → OPEN; the round SHORTLISTED → VOTING. */
  public Standing open(Staff staff, String sessionId) {
    Standing standing = requireChange(staff, sessionId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useTransaction(
        h -> {
          // Both or neither: a refusal rolls the session's opening back.
          if (!votes.open(h, sessionId, now)) {
            throw new ConflictProblem(Text.of("problem.livelihood.vote.not-planned"));
          }
          if (!repository.move(
              h, standing.round().id(), RoundState.SHORTLISTED, RoundState.VOTING, clock)) {
            throw new ConflictProblem(Text.of("problem.livelihood.vote.not-shortlisted"));
          }
        });
    changed(standing.session());
    LOG.info("livelihood vote {} opened by {}", sessionId, staff.id());
    return get(staff, sessionId);
  }

  /**
   * OPEN → CLOSED, counted by the rule: a project is ELECTED when its FOR votes are more than half
   * of all the congress's deputies; if more meet it than the session elects, the most FOR first
   * (those tied at the limit stay NOT_ELECTED and are named by {@link Standing#overLimit}, for the
   * congress to settle). The round VOTING → DECIDED, and its stations' screens are told.
   */
  public Standing close(Staff staff, String sessionId) {
    Standing standing = requireChange(staff, sessionId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useTransaction(
        h -> {
          if (!votes.close(h, sessionId, now)) {
            throw new ConflictProblem(Text.of("problem.livelihood.vote.not-open"));
          }
          VoteSession session = votes.find(h, sessionId).orElseThrow();
          for (Map.Entry<String, Boolean> r :
              elected(session, votes.ballotProjects(h, standing.round().id())).entrySet()) {
            votes.decide(h, r.getKey(), r.getValue(), now);
          }
          repository.move(h, standing.round().id(), RoundState.VOTING, RoundState.DECIDED, clock);
        });
    changed(standing.session());
    // The stations the round reaches now show the elected projects' progress board.
    screens.changed(standing.round());
    LOG.info("livelihood vote {} closed by {}", sessionId, staff.id());
    return get(staff, sessionId);
  }

  /** Each project's result by the rule and the limit: project id → elected. */
  private static Map<String, Boolean> elected(VoteSession session, List<VoteProject> projects) {
    List<VoteProject> meeting =
        projects.stream()
            .filter(p -> session.meetsRule(p.votesFor()))
            .sorted(Comparator.comparingInt(VoteProject::votesFor).reversed())
            .toList();
    Map<String, Boolean> result = new LinkedHashMap<>();
    projects.forEach(p -> result.put(p.id(), false));
    Integer limit = session.elects();
    if (limit == null || meeting.size() <= limit) {
      meeting.forEach(p -> result.put(p.id(), true));
    } else {
      // The most FOR first; those tied with the first left out are left out with it, and named.
      int cut = meeting.get(limit).votesFor();
      meeting.stream().filter(p -> p.votesFor() > cut).forEach(p -> result.put(p.id(), true));
    }
    return result;
  }

  /**
   * Counts one ballot form from {@code address} against the per-address limit: empty when it may be
   * sent, else how long to wait.
   */
  public Optional<Duration> limit(String address) {
    return perAddress.tryAcquire(address);
  }

  /** Whether this form of the session was counted already (a form sent again). */
  public boolean counted(String sessionId, @Nullable String form) {
    return form != null && BallotCodes.isFormToken(form) && votes.formCounted(sessionId, form);
  }

  /** A new ballot form's token. */
  public String formToken() {
    return BallotCodes.formToken();
  }

  /**
   * Casts a ballot. Refused with the reasons ({@link ValidationProblem}: {@code vote} for the
   * session's state or the form, {@code code}, {@code p-<project id>} for a project not answered,
   * {@code choices} for too many FOR), nothing stored; {@link Outcome#ALREADY_COUNTED} when this
   * form was counted before.
   */
  public Outcome cast(String sessionId, Cast cast) {
    Standing standing = standing(sessionId);
    String form = cast.form() == null ? "" : cast.form().strip();
    if (!BallotCodes.isFormToken(form)) {
      badInput.record("livelihood.ballot", "no-form", "session " + sessionId);
      throw ValidationProblem.of("vote", Text.of("problem.report.vote.form"));
    }
    if (votes.formCounted(sessionId, form)) {
      return Outcome.ALREADY_COUNTED;
    }
    stateProblem(standing.session()).ifPresent(LivelihoodVote::throwVote);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String typedCode = ResidentText.trimmed(cast.code());
    Optional<String> code = Optional.empty();
    if (typedCode.isEmpty()) {
      problems.add("code", Text.of("problem.livelihood.vote.code.missing"));
    } else {
      code = BallotCodes.normalize(typedCode);
      if (code.isEmpty()) {
        problems.add("code", Text.of("problem.livelihood.vote.code.wrong"));
      }
    }
    Map<String, VoteChoice> choices = new LinkedHashMap<>();
    for (VoteProject p : standing.projects()) {
      Optional<VoteChoice> c =
          VoteChoice.parse(Objects.requireNonNullElse(cast.answers().get(p.id()), "").strip());
      if (c.isEmpty()) {
        problems.add("p-" + p.id(), Text.of("problem.livelihood.vote.answer", p.title()));
      } else {
        choices.put(p.id(), c.get());
      }
    }
    long forCount = choices.values().stream().filter(c -> c == VoteChoice.FOR).count();
    if (forCount > standing.session().choices()) {
      problems.add(
          "choices",
          Text.of("problem.livelihood.vote.too-many-for", standing.session().choices(), forCount));
    }
    if (!problems.isEmpty()) {
      badInput.record("livelihood.ballot", "invalid", "session " + sessionId);
    }
    problems.throwIfAny();
    String hash = BallotCodes.hash(sessionId, code.orElseThrow());
    OffsetDateTime minute = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
    try {
      database.useTransaction(
          h -> {
            if (!votes.count(h, sessionId, choices)) {
              VoteSession now = votes.find(h, sessionId).orElseThrow();
              throwVote(stateProblem(now).orElse(Text.of("problem.livelihood.vote.closed")));
            }
            if (!votes.rememberForm(h, sessionId, form)) {
              throw new CountedBefore();
            }
            if (!votes.useCode(h, sessionId, hash)) {
              boolean known = votes.hasCode(h, sessionId, hash);
              badInput.record(
                  "livelihood.ballot", known ? "used-code" : "wrong-code", "session " + sessionId);
              throw ValidationProblem.of(
                  "code",
                  Text.of(
                      known
                          ? "problem.livelihood.vote.code.used"
                          : "problem.livelihood.vote.code.unknown"));
            }
            votes.insertBallot(h, UUID.randomUUID().toString(), sessionId, minute, choices);
          });
    } catch (CountedBefore e) {
      return Outcome.ALREADY_COUNTED;
    }
    changed(standing.session());
    return Outcome.COUNTED;
  }

  /** Why no ballot is taken now, if none is. */
  public static Optional<Text> stateProblem(VoteSession session) {
    return switch (session.state()) {
      case OPEN -> Optional.empty();
      case PLANNED -> Optional.of(Text.of("problem.livelihood.vote.not-open"));
      case CLOSED -> Optional.of(Text.of("problem.livelihood.vote.closed"));
    };
  }

  private Standing requireChange(Staff staff, String sessionId) {
    VoteSession session = found(sessionId);
    Round round = rounds.requireChange(staff, session.roundId());
    return new Standing(session, round, votes.ballotProjects(round.id()));
  }

  private VoteSession found(String sessionId) {
    return votes
        .find(sessionId)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.livelihood.vote.not-found")));
  }

  /** Draws a code per deputy and stores the hashes and the deputies in one transaction. */
  private List<String> draw(String sessionId, List<String> deputyIds) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    while (true) {
      List<String> codes = new ArrayList<>();
      for (int i = 0; i < deputyIds.size(); i++) {
        codes.add(BallotCodes.next());
      }
      List<String> hashes =
          codes.stream()
              .map(c -> BallotCodes.hash(sessionId, BallotCodes.normalize(c).orElseThrow()))
              .toList();
      if (hashes.stream().distinct().count() != hashes.size()) {
        continue;
      }
      try {
        database.useTransaction(
            h -> {
              if (!votes.issue(h, sessionId, hashes, deputyIds, now)) {
                throw new CountedBefore();
              }
            });
        return codes;
      } catch (CountedBefore e) {
        // rolled back: nothing of this draw is kept
      }
      // A code drawn before, or a deputy issued one meanwhile: the rollback kept nothing.
      if (votes.issuedTo(sessionId).stream().anyMatch(deputyIds::contains)) {
        throw new ConflictProblem(Text.of("problem.livelihood.vote.issued-meanwhile"));
      }
    }
  }

  private void changed(VoteSession session) {
    if (session.stationId() != null) {
      tallies.publishEvent(TallyChanged.of(session.stationId()));
    }
  }

  private static void throwVote(Text reason) {
    throw ValidationProblem.of("vote", reason);
  }

  private static int number(@Nullable String typed) {
    try {
      return typed == null ? -1 : Integer.parseInt(typed.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * This form was counted before, or a code was drawn before: the transaction is rolled back,
   * nothing is kept twice.
   */
  private static final class CountedBefore extends RuntimeException {
    CountedBefore() {
      super(null, null, false, false);
    }
  }
}
