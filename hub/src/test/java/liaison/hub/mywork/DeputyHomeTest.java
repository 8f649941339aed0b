package liaison.hub.mywork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liaison.hub.OnBothStores;
import liaison.hub.SmallCounty;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.db.Database;
import liaison.hub.duty.DutyKind;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.reception.AttendanceRepository;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.signage.protocol.ReceptionStatus;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A deputy's own work (我的) as read from the other features' tables, on SQLite and on PostgreSQL:
 * only their own receptions, opinions, suggestions, points and reports, the resident's name and
 * phone never among them; their rank among the county's deputies; and the stations' sign-in keys,
 * made once and kept.
 */
@OnBothStores
class DeputyHomeTest {
  @Parameter TestDatabases.Store store;

  /** Monday 2 March 2026, 10:00 in Beijing. */
  private final TestClock clock = TestClock.at("2026-03-02T10:00:00+08:00");

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
  private static final String RESIDENT_NAME = "王小明";
  private static final String RESIDENT_PHONE = "13812345678";

  private final Staff me =
      new Staff("u-d1", "d1", "代表d-1", Role.DEPUTY, "c-1", "d-1", Set.of("s-001"));

  private TestStore opened;
  private Database database;
  private MyWork myWork;

  @BeforeEach
  void open(@TempDir Path dir) {
    opened = TestStore.migrated(store, dir);
    database = opened.database();
    myWork = new MyWork(new MyWorkRepository(database), clock);
    ReceptionRepository receptions = new ReceptionRepository(database, clock);
    AttendanceRepository attendance = new AttendanceRepository(database);
    SmallCounty.store(database, clock, List.of("s-001", "s-002"), List.of("d-1", "d-2", "d-3"));
    database.useTransaction(
        h -> {
          slot(receptions, h, "r-coming", "s-001", TODAY.plusDays(3), "d-1", "d-2");
          slot(receptions, h, "r-by-phone", "s-001", TODAY.minusDays(5), "d-1");
          slot(receptions, h, "r-by-staff", "s-002", TODAY.minusDays(9), "d-1", "d-3");
          slot(receptions, h, "r-missed", "s-001", TODAY.minusDays(12), "d-1");
          slot(receptions, h, "r-not-mine", "s-002", TODAY.plusDays(1), "d-2");
          slot(receptions, h, "r-too-far", "s-001", TODAY.plusDays(40), "d-1");
          attendance.mark(h, "r-by-phone", "d-1", "u-d1", java.time.OffsetDateTime.now(clock));
          attendance.mark(h, "r-by-staff", "d-1", "u-manager", java.time.OffsetDateTime.now(clock));
          // Left through d-1's QR link, with the resident's contact and their phone in the words.
          opinion(
              h,
              "case-link",
              "s-001",
              "d-1",
              null,
              "路灯坏了，请打" + RESIDENT_PHONE,
              "FORWARDED",
              "2026-02-20T09:00:00+08:00");
          h.execute(
              "INSERT INTO case_contact (case_id, name, phone, consent_at) VALUES (?, ?, ?, ?)",
              "case-link",
              RESIDENT_NAME,
              RESIDENT_PHONE,
              "2026-02-20T09:00:00+08:00");
          // Taken at a reception d-1 was on duty at, with no deputy named.
          opinion(
              h,
              "case-reception",
              "s-002",
              null,
              "r-by-staff",
              "学校门口缺少斑马线",
              "CLOSED",
              "2026-02-22T09:00:00+08:00");
          // Another deputy's.
          opinion(
              h,
              "case-other",
              "s-002",
              "d-2",
              null,
              "他人的意见",
              "SUBMITTED",
              "2026-02-25T09:00:00+08:00");
          suggestion(h, "sg-1", "d-1", "关于公交线路的建议", "FORWARDED", "2026-01-10T09:00:00+08:00");
          suggestion(h, "sg-2", "d-1", "关于老旧小区加装电梯的建议", "SUBMITTED", "2026-02-10T09:00:00+08:00");
          suggestion(h, "sg-3", "d-1", "关于路灯的建议", "FORWARDED", "2026-02-11T09:00:00+08:00");
          suggestion(h, "sg-4", "d-1", "关于菜市场的建议", "CLOSED", "2026-02-12T09:00:00+08:00");
          suggestion(h, "sg-other", "d-2", "他人的建议", "SUBMITTED", "2026-02-13T09:00:00+08:00");
          point(h, "p-1", "d-1", 2026, DutyKind.RECEPTION_ATTENDED, 5, "APPROVED");
          point(h, "p-2", "d-1", 2026, DutyKind.MEETING, 3, "PENDING");
          point(h, "p-3", "d-1", 2025, DutyKind.MEETING, 40, "APPROVED");
          point(h, "p-4", "d-2", 2026, DutyKind.MEETING, 9, "APPROVED");
          point(h, "p-5", "d-3", 2026, DutyKind.MEETING, 2, "APPROVED");
          report(h, "vr-past", "d-1", "2026-01-15T09:00:00+08:00", "CLOSED", 30, 5, 1);
          report(h, "vr-coming", "d-1", "2026-03-20T09:00:00+08:00", "SCHEDULED", 0, 0, 0);
          report(h, "vr-other", "d-2", "2026-01-16T09:00:00+08:00", "CLOSED", 9, 9, 9);
        });
  }

  @AfterEach
  void close() {
    opened.close();
  }

  private static void slot(
      ReceptionRepository receptions,
      org.jdbi.v3.core.Handle h,
      String id,
      String station,
      LocalDate date,
      String... deputies) {
    receptions.insert(
        h,
        new ReceptionSlot(
            id,
            station,
            date,
            LocalTime.of(9, 0),
            LocalTime.of(11, 30),
            "主题 " + id,
            "一楼",
            ReceptionStatus.ANNOUNCED,
            List.of(deputies)));
  }

  private static void opinion(
      org.jdbi.v3.core.Handle h,
      String id,
      String station,
      String deputy,
      String reception,
      String text,
      String status,
      String at) {
    h.createUpdate(
            """
            INSERT INTO opinion_case (id, tracking_code, station_id, deputy_id, reception_id,
              category, text, status, submitted_at, updated_at)
            VALUES (:id, :code, :station, :deputy, :reception, 'TRANSPORT', :text, :status, :at, :at)
            """)
        .bind("id", id)
        .bind("code", "CODE-" + id)
        .bind("station", station)
        .bind("deputy", deputy)
        .bind("reception", reception)
        .bind("text", text)
        .bind("status", status)
        .bind("at", at)
        .execute();
  }

  private static void suggestion(
      org.jdbi.v3.core.Handle h, String id, String deputy, String title, String status, String at) {
    h.execute(
        "INSERT INTO deputy_suggestion (id, deputy_id, county_id, title, body, status, submitted_at)"
            + " VALUES (?, ?, 'c-1', ?, '正文', ?, ?)",
        id,
        deputy,
        title,
        status,
        at);
  }

  private static void point(
      org.jdbi.v3.core.Handle h,
      String id,
      String deputy,
      int year,
      DutyKind kind,
      int points,
      String status) {
    h.execute(
        "INSERT INTO duty_point (id, deputy_id, county_id, year, occurred_on, kind, points, status,"
            + " source_kind, source_id, note, recorded_at)"
            + " VALUES (?, ?, 'c-1', ?, ?, ?, ?, ?, 'HAND', ?, '备注', '2026-02-01T09:00:00+08:00')",
        id,
        deputy,
        year,
        year + "-02-01",
        kind.name(),
        points,
        status,
        id);
  }

  private static void report(
      org.jdbi.v3.core.Handle h,
      String id,
      String deputy,
      String starts,
      String status,
      int satisfied,
      int basically,
      int dissatisfied) {
    h.execute(
        "INSERT INTO voter_report (id, deputy_id, station_id, starts_at, ends_at, title, status,"
            + " satisfied, basically_satisfied, dissatisfied, created_by, created_at)"
            + " VALUES (?, ?, 's-001', ?, ?, '向选民述职', ?, ?, ?, ?, 'u-admin', ?)",
        id,
        deputy,
        starts,
        starts.replace("T09:", "T11:"),
        status,
        satisfied,
        basically,
        dissatisfied,
        starts);
  }

  @Test
  void shouldListOnlyTheDeputysOwnReceptionsWithTheOthersOnDutyAndTheirSignIn() {
    MyWork.Home home = myWork.home(me);

    assertThat(home.deputy().name()).isEqualTo("代表d-1");
    assertThat(home.coming()).extracting(MyWork.Reception::id).containsExactly("r-coming");
    assertThat(home.coming().getFirst().others()).containsExactly("代表d-2");
    assertThat(home.coming().getFirst().station()).isEqualTo("站 s-001");
    // The latest first; one signed in from the phone (their own account), one by staff, one not.
    assertThat(home.past())
        .extracting(MyWork.Reception::id)
        .containsExactly("r-by-phone", "r-by-staff", "r-missed");
    assertThat(home.past().get(0).attendance().markedBy()).isEqualTo("u-d1");
    assertThat(home.past().get(1).attendance().markedBy()).isEqualTo("u-manager");
    assertThat(home.past().get(1).others()).containsExactly("代表d-3");
    assertThat(home.past().get(2).signedIn()).isFalse();
  }

  @Test
  void shouldListTheOpinionsLeftForTheDeputyOrTakenAtTheirReceptionsWithoutTheResident() {
    MyWork.Home home = myWork.home(me);

    assertThat(home.opinions())
        .extracting(MyWork.Opinion::id)
        .containsExactly("case-reception", "case-link");
    MyWork.Opinion link = home.opinions().get(1);
    assertThat(link.forMe()).isTrue();
    assertThat(link.status()).isEqualTo(CaseStatus.FORWARDED);
    assertThat(link.text()).isEqualTo("路灯坏了，请打***");
    assertThat(home.opinions().getFirst().forMe()).isFalse();
    assertThat(home.toString()).doesNotContain(RESIDENT_NAME).doesNotContain(RESIDENT_PHONE);
    assertThat(myWork.opinions(me)).isEqualTo(home.opinions());
  }

  @Test
  void shouldCountTheDeputysSuggestionsAndShowTheLatestThree() {
    MyWork.Home home = myWork.home(me);

    assertThat(home.suggestionCounts())
        .isEqualTo(Map.of("CLOSED", 1, "FORWARDED", 2, "SUBMITTED", 1));
    assertThat(home.latestSuggestions())
        .extracting(MyWork.Suggestion::id)
        .containsExactly("sg-4", "sg-3", "sg-2");
  }

  @Test
  void shouldTotalThisYearsApprovedPointsAndRankTheDeputyInTheCounty() {
    MyWork.Home home = myWork.home(me);

    // 5 approved this year (the pending 3 and last year's 40 do not count); d-2 has 9, d-3 2.
    assertThat(home.points()).isEqualTo(new MyWork.Points(2026, 5, 2, 3));
    MyWork.PointsPage page = myWork.points(me);
    assertThat(page.entries())
        .extracting(MyWork.PointEntry::kind, MyWork.PointEntry::points, MyWork.PointEntry::status)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(DutyKind.RECEPTION_ATTENDED, 5, "APPROVED"),
            org.assertj.core.groups.Tuple.tuple(DutyKind.MEETING, 3, "PENDING"));
  }

  @Test
  void shouldShareARankBetweenEqualTotalsAndGiveNoneWithoutPoints() {
    database.useHandle(h -> point(h, "p-6", "d-3", 2026, DutyKind.TRAINING, 3, "APPROVED"));
    assertThat(myWork.home(me).points()).isEqualTo(new MyWork.Points(2026, 5, 2, 3));
    Staff d3 = new Staff("u-d3", "d3", "代表d-3", Role.DEPUTY, "c-1", "d-3", Set.of());
    assertThat(myWork.home(d3).points().rank()).isEqualTo(2);

    database.useHandle(h -> h.execute("DELETE FROM duty_point WHERE deputy_id = 'd-1'"));
    assertThat(myWork.home(me).points()).isEqualTo(new MyWork.Points(2026, 0, 0, 2));
  }

  @Test
  void shouldListTheDeputysReportsToVotersComingAndPastWithTheirCounts() {
    MyWork.Home home = myWork.home(me);

    assertThat(home.comingReports()).extracting(MyWork.Report::id).containsExactly("vr-coming");
    assertThat(home.pastReports())
        .extracting(
            MyWork.Report::id,
            MyWork.Report::satisfied,
            MyWork.Report::basicallySatisfied,
            MyWork.Report::dissatisfied)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("vr-past", 30, 5, 1));
  }

  @Test
  void shouldHaveNoSuchPageForAnAccountThatIsNoDeputys() {
    Staff manager = new Staff("u-m", "m", "站长", Role.STATION_MANAGER, "c-1", null, Set.of("s-001"));
    assertThatThrownBy(() -> myWork.home(manager)).isInstanceOf(NotFoundProblem.class);
    assertThatThrownBy(() -> myWork.points(manager)).isInstanceOf(NotFoundProblem.class);
  }

  @Test
  void shouldMakeAStationsSignInKeyOnceAndKeepIt() {
    SignInKeys keys = new SignInKeys(database);

    String first = keys.keyOf("s-001").orElseThrow();
    assertThat(first).hasSizeGreaterThanOrEqualTo(40);
    assertThat(keys.keyOf("s-001")).hasValue(first);
    assertThat(keys.keyOf("s-002")).isPresent().isNotEqualTo(java.util.Optional.of(first));
    assertThat(keys.keyOf("s-nowhere")).isEmpty();
  }
}
