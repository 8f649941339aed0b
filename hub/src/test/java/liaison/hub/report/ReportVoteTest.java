package liaison.hub.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.event.ApplicationEventPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.audit.AuditLog;
import liaison.hub.config.HubConfig;
import liaison.hub.config.SlipConfig;
import liaison.hub.config.TlsConfig;
import liaison.hub.db.Database;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.poster.BallotSlipRenderer;
import liaison.hub.poster.PrintFont;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.security.Throttles;
import liaison.hub.station.Access;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;
import liaison.hub.web.PublicLinks;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The vote of a report to voters on both stores: a code counts once, a form sent twice counts once,
 * a failure half-way through a ballot leaves nothing behind (no code used without its ballot, no
 * ballot without its count), a closed vote takes no ballot, and every change of the tally takes the
 * next number.
 */
@OnBothStores
class ReportVoteTest {
  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  private final TestClock clock = TestClock.at("2026-12-05T09:00:00+08:00");
  private final Staff admin =
      new Staff("u-admin", "admin", "县管理员", Role.COUNTY_ADMIN, "c-1", null, Set.of());
  private final List<TallyChanged> tallies = new CopyOnWriteArrayList<>();
  private final List<StationsChanged> stationsChanged = new CopyOnWriteArrayList<>();

  private TestStore db;
  private Database database;
  private ReportRepository reports;
  private ReportSchedule schedule;
  private ReportVote vote;
  private BallotPrints prints;

  @BeforeEach
  void open() {
    db = TestStore.migrated(store, dir);
    database = db.database();
    database.useTransaction(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES ('c-1', '青溪县')");
          h.execute("INSERT INTO township (id, county_id, name) VALUES ('t-1', 'c-1', '城关镇')");
          h.execute(
              "INSERT INTO station (id, township_id, name, kind, public_token, created_at, updated_at)"
                  + " VALUES ('s-001', 't-1', '城关镇人大代表之家', 'WORKSTATION', 'tok-1',"
                  + " '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00')");
          h.execute(
              "INSERT INTO deputy (id, name, county_id, created_at, updated_at)"
                  + " VALUES ('d-0001', '陈秀兰', 'c-1', '2026-01-01T00:00:00+08:00',"
                  + " '2026-01-01T00:00:00+08:00')");
        });
    reports = new ReportRepository(database);
    StationRepository stations = new StationRepository(database, clock);
    Access access = new Access(stations);
    DeputyDirectory deputies =
        new DeputyDirectory(new DeputyRepository(database, clock), stations, access);
    ApplicationEventPublisher<TallyChanged> tallyEvents = tallies::add;
    ApplicationEventPublisher<StationsChanged> stationEvents = stationsChanged::add;
    ReportConfig config = new ReportConfig(1000, Duration.ofMinutes(10), 500);
    VoteTimetable timetable = new VoteTimetable(database, reports, tallyEvents, clock);
    schedule =
        new ReportSchedule(
            database,
            reports,
            deputies,
            access,
            new AuditLog(database, clock),
            tallyEvents,
            stationEvents,
            clock);
    vote =
        new ReportVote(
            database,
            reports,
            timetable,
            tallyEvents,
            deputies,
            stations,
            new PublicLinks(
                new HubConfig(8080, "127.0.0.1", "data", "https://hub.example.cn", "never"),
                new TlsConfig(null, null, null, 8443, "0.0.0.0", 8883, "0.0.0.0")),
            new BadInput(clock),
            new Throttles(database, db.dialect(), clock),
            config,
            clock);
    prints =
        new BallotPrints(
            database,
            reports,
            schedule,
            vote,
            new BallotSlipRenderer(new PrintFont(new SlipConfig("", ""))),
            new AuditLog(database, clock),
            config);
  }

  @AfterEach
  void close() {
    db.close();
  }

  private VoterReport scheduled() {
    return schedule.schedule(
        admin,
        new ReportSchedule.Draft("d-0001", "s-001", "2026-12-05", "09:30", "11:00", "2026 年度履职报告"));
  }

  private ReportVote.Outcome cast(String reportId, String code, String choice) {
    return vote.cast(reportId, new ReportVote.Cast(code, choice, "", vote.ballot(reportId).form()));
  }

  private static List<String> problems(Runnable action) {
    try {
      action.run();
    } catch (ValidationProblem e) {
      return e.errors().stream().map(f -> f.field() + ":" + f.text().key()).toList();
    }
    return List.of();
  }

  @Test
  void shouldCountEachCodeOnceAndKeepNothingThatLinksABallotToItsCode() {
    VoterReport report = scheduled();
    schedule.open(admin, report.id());
    List<String> codes = prints.issue(admin, report.id(), 3);

    assertThat(cast(report.id(), codes.get(0), "SATISFIED")).isEqualTo(ReportVote.Outcome.COUNTED);
    // Typed by hand: lower case, no dash, a space.
    assertThat(
            cast(
                report.id(),
                " " + codes.get(1).toLowerCase(java.util.Locale.ROOT).replace("-", ""),
                "DISSATISFIED"))
        .isEqualTo(ReportVote.Outcome.COUNTED);
    assertThat(problems(() -> cast(report.id(), codes.get(0), "SATISFIED")))
        .containsExactly("code:problem.report.code.used");
    assertThat(problems(() -> cast(report.id(), "2345-6789", "SATISFIED")))
        .containsExactly("code:problem.report.code.wrong");
    assertThat(problems(() -> cast(report.id(), "", "MAYBE")))
        .containsExactly(
            "code:problem.report.code.missing", "choice:problem.report.choice.missing");

    VoterReport now = reports.find(report.id()).orElseThrow();
    assertThat(List.of(now.satisfied(), now.basicallySatisfied(), now.dissatisfied()))
        .containsExactly(1, 0, 1);
    assertThat(reports.ballotsStored(report.id())).isEqualTo(2);
    assertThat(now.tallySeq()).as("opened, then two ballots").isEqualTo(3);
    assertThat(now.codesIssued()).isEqualTo(3);
    assertThat(usedCodes(report.id())).isEqualTo(2);
    // Nothing kept links a ballot to a code or a moment: no code column, no time of use, minutes.
    assertThat(columns("report_ballot"))
        .containsExactlyInAnyOrder("id", "report_id", "choice", "comment", "cast_at");
    assertThat(columns("report_ballot_code"))
        .containsExactlyInAnyOrder("report_id", "code_hash", "used");
    assertThat(strings("SELECT cast_at FROM report_ballot"))
        .allMatch(at -> at.endsWith(":00+08:00"));
    assertThat(strings("SELECT code_hash FROM report_ballot_code"))
        .hasSize(3)
        .allMatch(hash -> hash.matches("[0-9a-f]{64}"))
        .noneMatch(hash -> codes.stream().anyMatch(c -> hash.contains(c.replace("-", ""))));
  }

  @Test
  void shouldCountAFormSentTwiceOnce() {
    VoterReport report = scheduled();
    schedule.open(admin, report.id());
    List<String> codes = prints.issue(admin, report.id(), 2);
    String form = vote.ballot(report.id()).form();

    ReportVote.Outcome first =
        vote.cast(report.id(), new ReportVote.Cast(codes.get(0), "SATISFIED", "讲得实在", form));
    // The same form again, even with the other slip's code: a replay, not a second voter.
    ReportVote.Outcome again =
        vote.cast(report.id(), new ReportVote.Cast(codes.get(1), "DISSATISFIED", "", form));

    assertThat(first).isEqualTo(ReportVote.Outcome.COUNTED);
    assertThat(again).isEqualTo(ReportVote.Outcome.ALREADY_COUNTED);
    assertThat(vote.counted(report.id(), form)).isTrue();
    assertThat(reports.find(report.id()).orElseThrow().ballots()).isEqualTo(1);
    assertThat(usedCodes(report.id())).as("the replay used no code").isEqualTo(1);
    assertThat(cast(report.id(), codes.get(1), "BASICALLY_SATISFIED"))
        .isEqualTo(ReportVote.Outcome.COUNTED);
    assertThat(
            problems(
                () ->
                    vote.cast(
                        report.id(), new ReportVote.Cast(codes.get(1), "SATISFIED", "", "forged"))))
        .containsExactly("vote:problem.report.vote.form");
  }

  @Test
  void shouldLeaveNothingBehindWhenABallotFailsHalfWay() {
    VoterReport report = scheduled();
    schedule.open(admin, report.id());
    List<String> codes = prints.issue(admin, report.id(), 1);
    String form = vote.ballot(report.id()).form();
    long seqBefore = reports.find(report.id()).orElseThrow().tallySeq();
    tallies.clear();

    // The ballot's insert fails after the count, the form and the code were written.
    database.useHandle(h -> h.execute("ALTER TABLE report_ballot RENAME TO report_ballot_away"));
    assertThatThrownBy(
            () -> vote.cast(report.id(), new ReportVote.Cast(codes.get(0), "SATISFIED", "", form)))
        .isNotInstanceOf(ValidationProblem.class);
    database.useHandle(h -> h.execute("ALTER TABLE report_ballot_away RENAME TO report_ballot"));

    VoterReport after = reports.find(report.id()).orElseThrow();
    assertThat(after.ballots()).isZero();
    assertThat(after.tallySeq()).isEqualTo(seqBefore);
    assertThat(usedCodes(report.id())).isZero();
    assertThat(vote.counted(report.id(), form)).isFalse();
    assertThat(tallies).as("nothing committed, nothing announced").isEmpty();
    // The voter sends the same form again: it counts, once.
    assertThat(vote.cast(report.id(), new ReportVote.Cast(codes.get(0), "SATISFIED", "", form)))
        .isEqualTo(ReportVote.Outcome.COUNTED);
    assertThat(reports.find(report.id()).orElseThrow().ballots()).isEqualTo(1);
    assertThat(reports.ballotsStored(report.id())).isEqualTo(1);
  }

  @Test
  void shouldCountRacingBallotsExactlyAndAReusedCodeOnce() throws Exception {
    VoterReport report = scheduled();
    schedule.open(admin, report.id());
    List<String> codes = prints.issue(admin, report.id(), 12);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<Future<String>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 12; i++) {
        String code = codes.get(i);
        answers.add(pool.submit(() -> answer(() -> cast(report.id(), code, "SATISFIED"))));
      }
      // Five phones race with one more slip's code: one of them counts.
      String shared = prints.issue(admin, report.id(), 1).getFirst();
      for (int i = 0; i < 5; i++) {
        answers.add(pool.submit(() -> answer(() -> cast(report.id(), shared, "DISSATISFIED"))));
      }
      List<String> got = new ArrayList<>();
      for (Future<String> f : answers) {
        got.add(f.get());
      }
      assertThat(got).filteredOn("COUNTED"::equals).hasSize(13);
      assertThat(got).filteredOn("code:problem.report.code.used"::equals).hasSize(4);
    } finally {
      pool.shutdownNow();
    }
    VoterReport now = reports.find(report.id()).orElseThrow();
    assertThat(now.satisfied()).isEqualTo(12);
    assertThat(now.dissatisfied()).isEqualTo(1);
    assertThat(reports.ballotsStored(report.id())).isEqualTo(13);
    assertThat(usedCodes(report.id())).isEqualTo(13);
    assertThat(now.tallySeq()).as("opened, then one number per ballot").isEqualTo(14);
  }

  @Test
  void shouldOpenAtTheStartAndTakeNoBallotBeforeOrAfterTheVote() {
    VoterReport report = scheduled();
    List<String> codes = prints.issue(admin, report.id(), 2);

    assertThat(problems(() -> cast(report.id(), codes.get(0), "SATISFIED")))
        .containsExactly("vote:problem.report.vote.not-open");

    clock.set(java.time.Instant.parse("2026-12-05T01:30:00Z"));
    tallies.clear();
    assertThat(cast(report.id(), codes.get(0), "SATISFIED")).isEqualTo(ReportVote.Outcome.COUNTED);
    assertThat(reports.find(report.id()).orElseThrow().status()).isEqualTo(ReportStatus.OPEN);
    assertThat(tallies).contains(TallyChanged.of("s-001"));

    VoterReport closed = schedule.close(admin, report.id());
    assertThat(closed.closed()).isTrue();
    assertThat(closed.satisfied()).isEqualTo(1);
    assertThat(closed.tallySeq()).as("opened, one ballot, closed").isEqualTo(3);
    assertThat(problems(() -> cast(report.id(), codes.get(1), "DISSATISFIED")))
        .containsExactly("vote:problem.report.vote.closed");
    assertThat(reports.find(report.id()).orElseThrow().ballots()).isEqualTo(1);
    assertThat(usedCodes(report.id())).as("the refused ballot used no code").isEqualTo(1);
    assertThatThrownBy(() -> schedule.close(admin, report.id()))
        .isInstanceOf(ConflictProblem.class);
    assertThatThrownBy(() -> prints.print(admin, report.id(), "10", "8"))
        .isInstanceOf(ConflictProblem.class);

    // The result stays on the screen the day of the vote and is cleared the next day.
    assertThat(reports.tallyAt("s-001")).isPresent();
    assertThat(new VoteTimetable(database, reports, tallies::add, clock).clearYesterdays())
        .isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(new VoteTimetable(database, reports, tallies::add, clock).clearYesterdays())
        .containsExactly("s-001");
    assertThat(reports.tallyAt("s-001")).isEmpty();
    assertThat(reports.find(report.id()).orElseThrow().satisfied())
        .as("the counts stay")
        .isEqualTo(1);
  }

  @Test
  void shouldCloseAVoteLeftOpenTwoHoursAfterItsEndAndNeverOpenOneThatHasEnded() {
    VoterReport report = scheduled();
    List<String> codes = prints.issue(admin, report.id(), 2);
    VoteTimetable timetable = new VoteTimetable(database, reports, tallies::add, clock);

    // Nobody pressed 开始评议: the vote opens at 09:30 by itself; a ballot is counted.
    clock.set(java.time.Instant.parse("2026-12-05T01:45:00Z"));
    assertThat(timetable.openDue()).isEqualTo(1);
    assertThat(cast(report.id(), codes.get(0), "SATISFIED")).isEqualTo(ReportVote.Outcome.COUNTED);

    // Nobody pressed 结束评议 either: at 12:59 (1 h 59 min after its 11:00 end) it is still open ...
    clock.set(java.time.Instant.parse("2026-12-05T04:59:00Z"));
    assertThat(timetable.closeLeftOpen()).isZero();
    assertThat(reports.find(report.id()).orElseThrow().status()).isEqualTo(ReportStatus.OPEN);
    // ... at 13:01 the hub closes it, the screen hears it, and a slip taken home counts nothing.
    clock.set(java.time.Instant.parse("2026-12-05T05:01:00Z"));
    tallies.clear();
    assertThat(timetable.closeLeftOpen()).isEqualTo(1);
    VoterReport closed = reports.find(report.id()).orElseThrow();
    assertThat(closed.status()).isEqualTo(ReportStatus.CLOSED);
    assertThat(closed.satisfied()).isEqualTo(1);
    assertThat(tallies).contains(TallyChanged.of("s-001"));
    assertThat(problems(() -> cast(report.id(), codes.get(1), "DISSATISFIED")))
        .containsExactly("vote:problem.report.vote.closed");

    // A report whose whole time passed with no hub to open it is not opened late.
    VoterReport missed =
        schedule.schedule(
            admin,
            new ReportSchedule.Draft("d-0001", "s-001", "2026-12-05", "13:30", "14:00", "补充述职"));
    clock.set(java.time.Instant.parse("2026-12-05T06:30:00Z"));
    assertThat(timetable.openDue()).isZero();
    assertThat(reports.find(missed.id()).orElseThrow().status()).isEqualTo(ReportStatus.SCHEDULED);
  }

  @Test
  void shouldChangeOnlyAScheduledReportAndAnnounceTheSchedule() {
    VoterReport report = scheduled();
    assertThat(stationsChanged).contains(StationsChanged.of("s-001"));
    List<String> wrong =
        problems(
            () ->
                schedule.schedule(
                    admin,
                    new ReportSchedule.Draft(
                        "d-9999", "s-404", "2026-12-04", "11:00", "10:00", "")));
    assertThat(wrong)
        .containsExactly(
            "deputyId:problem.report.deputy",
            "stationId:problem.report.station",
            "end:problem.report.end-before-start",
            "date:problem.report.past",
            "title:problem.report.title.missing");

    VoterReport moved =
        schedule.reschedule(
            admin,
            report.id(),
            new ReportSchedule.Draft("d-0001", "s-001", "2026-12-06", "14:00", "16:00", "改期"));
    assertThat(moved.title()).isEqualTo("改期");
    schedule.open(admin, report.id());
    assertThatThrownBy(
            () ->
                schedule.reschedule(
                    admin,
                    report.id(),
                    new ReportSchedule.Draft(
                        "d-0001", "s-001", "2026-12-07", "14:00", "16:00", "再改")))
        .isInstanceOf(ConflictProblem.class);
    assertThatThrownBy(() -> schedule.cancel(admin, report.id()))
        .isInstanceOf(ConflictProblem.class);
    assertThat(
            strings("SELECT action FROM audit_entry WHERE entity = 'report' ORDER BY at, action"))
        .contains("create", "update", "open-vote");
  }

  @Test
  void shouldPrintTheSlipsItIssuesEachWithItsCodeAndNothingElse() {
    VoterReport report = scheduled();
    BallotPrints.Printed printed = prints.print(admin, report.id(), "9", "4");

    PrintedSlips.Read read = PrintedSlips.read(printed.pdf());
    assertThat(read.pages()).as("9 slips, 4 to a page").isEqualTo(3);
    assertThat(read.codes()).hasSize(9).doesNotHaveDuplicates();
    assertThat(read.text().replace("\n", ""))
        .as("a long address wraps on the slip")
        .contains("代表述职评议票", "陈秀兰", "https://hub.example.cn/r/" + report.id());
    assertThat(reports.find(report.id()).orElseThrow().codesIssued()).isEqualTo(9);
    // Each printed code is one the vote takes.
    schedule.open(admin, report.id());
    assertThat(cast(report.id(), read.codes().getLast(), "SATISFIED"))
        .isEqualTo(ReportVote.Outcome.COUNTED);
    assertThat(problems(() -> prints.print(admin, report.id(), "0", "7")))
        .containsExactly(
            "count:problem.report.slips.count", "perPage:problem.report.slips.per-page");
  }

  private static String answer(Runnable cast) {
    try {
      cast.run();
      return "COUNTED";
    } catch (ValidationProblem e) {
      return e.errors().stream()
          .map(FieldError::field)
          .findFirst()
          .map(f -> f + ":" + e.errors().getFirst().text().key())
          .orElse("?");
    }
  }

  private List<String> strings(String sql) {
    return database.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  private int usedCodes(String reportId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT COUNT(*) FROM report_ballot_code WHERE report_id = :r AND used = TRUE")
                .bind("r", reportId)
                .mapTo(Integer.class)
                .one());
  }

  /** The table's columns, as the store names them. */
  private List<String> columns(String table) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM " + table + " WHERE 1 = 0")
                .scanResultSet(
                    (rs, ctx) -> {
                      java.sql.ResultSetMetaData meta = rs.get().getMetaData();
                      List<String> names = new ArrayList<>();
                      for (int c = 1; c <= meta.getColumnCount(); c++) {
                        names.add(meta.getColumnName(c).toLowerCase(java.util.Locale.ROOT));
                      }
                      return names;
                    }));
  }
}
