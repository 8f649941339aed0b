package liaison.hub.report;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
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
 * The voters' side of a report to voters: the ballot page's facts and casting a ballot with a
 * slip's one-time code. No log-in: the code is the key, and nothing kept says whose ballot is
 * whose.
 *
 * <p>A ballot is counted in one transaction: the report's count and its tally's number go up (only
 * while the vote is open; on PostgreSQL the row's lock queues the ballots of one report), the
 * form's token is noted (a form sent again is "already counted"), the code is used (only if it is
 * the report's and unused), and the ballot is stored. Any refusal rolls all of it back, so there is
 * no ballot without its code used, no code used without its ballot, and the counts in {@code
 * voter_report} are always those of the stored ballots. The station's tally is published after the
 * commit ({@link TallyPublisher}).
 */
@Singleton
public class ReportVote {
  private static final Logger LOG = LoggerFactory.getLogger(ReportVote.class);
  public static final int MAX_COMMENT = 200;
  private static final DateTimeFormatter SHANGHAI_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  private final Database database;
  private final ReportRepository reports;
  private final VoteTimetable timetable;
  private final ApplicationEventPublisher<TallyChanged> tallies;
  private final DeputyDirectory deputies;
  private final StationRepository stations;
  private final PublicLinks links;
  private final BadInput badInput;
  private final Throttle perAddress;
  private final Clock clock;

  @Inject
  public ReportVote(
      Database database,
      ReportRepository reports,
      VoteTimetable timetable,
      ApplicationEventPublisher<TallyChanged> tallies,
      DeputyDirectory deputies,
      StationRepository stations,
      PublicLinks links,
      BadInput badInput,
      Throttles throttles,
      ReportConfig config,
      Clock clock) {
    this.database = database;
    this.reports = reports;
    this.timetable = timetable;
    this.tallies = tallies;
    this.deputies = deputies;
    this.stations = stations;
    this.links = links;
    this.badInput = badInput;
    this.perAddress =
        throttles.shared(
            "report.ballot.address", config.ballotsPerAddress(), config.ballotsWindow());
    this.clock = clock;
  }

  /**
   * What the ballot page shows: the report (public facts only), whose it is, where, when, and the
   * token of this form.
   *
   * @param starts the start, {@code 2026-12-05 09:30} in Asia/Shanghai
   * @param ends the end's time of day, {@code 11:00}
   */
  public record Ballot(
      VoterReport report,
      String deputyName,
      String stationName,
      String form,
      String voteUrl,
      String starts,
      String ends) {
    /** The same ballot page with another form's token (the one a refused form carried). */
    public Ballot withForm(String token) {
      return new Ballot(report, deputyName, stationName, token, voteUrl, starts, ends);
    }
  }

  /** A ballot as the form sent it, as text. */
  public record Cast(
      @Nullable String code,
      @Nullable String choice,
      @Nullable String comment,
      @Nullable String form) {}

  /** How a sent ballot ended when it was not refused. */
  public enum Outcome {
    /** Stored and counted now. */
    COUNTED,
    /** The same form was counted before: nothing counted now. */
    ALREADY_COUNTED
  }

  /** The ballot page of a report, with a new form token; 404 for no such report (or cancelled). */
  public Ballot ballot(String reportId) {
    VoterReport report = opened(reportId);
    return new Ballot(
        report,
        deputies.nameOf(report.deputyId()),
        stations.find(report.stationId()).map(p -> p.station().name()).orElse(""),
        BallotCodes.formToken(),
        voteUrl(reportId),
        SHANGHAI_MINUTE.format(report.startsAt().atZoneSameInstant(Sql.ZONE)),
        HOUR_MINUTE.format(report.endsAt().atZoneSameInstant(Sql.ZONE)));
  }

  /** Where a voter's phone opens the ballot of a report: on the hub's public address. */
  public String voteUrl(String reportId) {
    return links.base() + "/r/" + reportId;
  }

  /**
   * Counts one ballot form from {@code address} against the per-address limit: empty when it may be
   * sent, else how long to wait.
   */
  public Optional<Duration> limit(String address) {
    return perAddress.tryAcquire(address);
  }

  /** Whether this form of the report was counted already (a form sent again). */
  public boolean counted(String reportId, @Nullable String form) {
    return form != null && BallotCodes.isFormToken(form) && reports.formCounted(reportId, form);
  }

  /**
   * Casts a ballot. Refused with the reasons ({@link ValidationProblem}: the field {@code vote} for
   * the vote's state or the form, {@code code}, {@code choice}, {@code comment}) and nothing
   * stored; {@link Outcome#ALREADY_COUNTED} when this form was counted before.
   */
  public Outcome cast(String reportId, Cast cast) {
    VoterReport report = opened(reportId);
    String form = cast.form() == null ? "" : cast.form().strip();
    if (!BallotCodes.isFormToken(form)) {
      badInput.record("report.ballot", "no-form", "report " + reportId);
      throw ValidationProblem.of("vote", Text.of("problem.report.vote.form"));
    }
    if (reports.formCounted(reportId, form)) {
      return Outcome.ALREADY_COUNTED;
    }
    stateProblem(report).ifPresent(p -> throwVote(p));
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String typedCode = ResidentText.trimmed(cast.code());
    Optional<String> code = Optional.empty();
    if (typedCode.isEmpty()) {
      problems.add("code", Text.of("problem.report.code.missing"));
    } else {
      code = BallotCodes.normalize(typedCode);
      if (code.isEmpty()) {
        problems.add("code", Text.of("problem.report.code.wrong"));
      }
    }
    Optional<Choice> choice = Choice.parse(cast.choice() == null ? "" : cast.choice().strip());
    if (choice.isEmpty()) {
      problems.add("choice", Text.of("problem.report.choice.missing"));
    }
    String comment = ResidentText.clean(cast.comment());
    if (ResidentText.hasBrokenEncoding(comment)) {
      problems.add("comment", Text.of("problem.report.comment.encoding"));
    } else if (ResidentText.length(comment) > MAX_COMMENT) {
      problems.add("comment", Text.of("problem.report.comment.too-long", MAX_COMMENT));
    }
    if (!problems.isEmpty()) {
      badInput.record("report.ballot", "invalid", "report " + reportId);
    }
    problems.throwIfAny();
    String hash = BallotCodes.hash(reportId, code.get());
    OffsetDateTime minute = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
    try {
      database.useTransaction(
          h -> {
            if (!reports.count(h, reportId, choice.get())) {
              VoterReport now = reports.find(h, reportId).orElseThrow();
              throwVote(stateProblem(now).orElse(Text.of("problem.report.vote.closed")));
            }
            if (!reports.rememberForm(h, reportId, form)) {
              throw new CountedBefore();
            }
            if (!reports.useCode(h, reportId, hash)) {
              boolean known = reports.hasCode(h, reportId, hash);
              badInput.record(
                  "report.ballot", known ? "used-code" : "wrong-code", "report " + reportId);
              throw ValidationProblem.of(
                  "code",
                  Text.of(known ? "problem.report.code.used" : "problem.report.code.wrong"));
            }
            reports.insertBallot(
                h, UUID.randomUUID().toString(), reportId, choice.get(), comment, minute);
          });
    } catch (CountedBefore e) {
      return Outcome.ALREADY_COUNTED;
    }
    tallies.publishEvent(TallyChanged.of(report.stationId()));
    return Outcome.COUNTED;
  }

  /** The report, opened first if its start has come; 404 when there is none to vote on. */
  private VoterReport opened(String reportId) {
    VoterReport report =
        reports
            .find(reportId)
            .filter(r -> r.status() != ReportStatus.CANCELLED)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.report.not-found", reportId)));
    if (report.scheduled()
        && !report.startsAt().isAfter(OffsetDateTime.now(clock))
        && timetable.openIfDue(reportId)) {
      LOG.debug("report {}: opened by its first voter", reportId);
      return reports.find(reportId).orElseThrow();
    }
    return report;
  }

  /** Why no ballot is taken now, if none is. */
  private static Optional<Text> stateProblem(VoterReport report) {
    return switch (report.status()) {
      case OPEN -> Optional.empty();
      case SCHEDULED ->
          Optional.of(
              Text.of(
                  "problem.report.vote.not-open",
                  SHANGHAI_MINUTE.format(report.startsAt().atZoneSameInstant(Sql.ZONE))));
      case CLOSED -> Optional.of(Text.of("problem.report.vote.closed"));
      case CANCELLED -> Optional.of(Text.of("problem.report.not-found", report.id()));
    };
  }

  private static void throwVote(Text reason) {
    throw ValidationProblem.of("vote", reason);
  }

  /** This form was counted before: the transaction is rolled back, nothing is counted twice. */
  private static final class CountedBefore extends RuntimeException {
    CountedBefore() {
      super(null, null, false, false);
    }
  }
}
