package liaison.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.dashboard.DashboardFigures.Count;
import liaison.hub.dashboard.DashboardFigures.Figures;
import liaison.hub.dashboard.DashboardFigures.UrgentCase;
import liaison.hub.db.Database;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationRepository;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The dashboard's figures, checked exactly against a seeded county on both stores: two townships,
 * three stations, cases in every state (one reopened and closed again, one reopened and still open,
 * one merged into another, one before the period, one escalated long ago), receptions held, to come
 * and cancelled, deputies signed in or not, screens on and off. Today is 2026-11-20 in Beijing.
 */
@OnBothStores
class DashboardFiguresTest {
  @Parameter TestDatabases.Store store;
  @TempDir Path dir;

  private final TestClock clock = TestClock.at("2026-11-20T10:00:00+08:00");
  private TestStore opened;
  private Database db;
  private DashboardFigures figures;
  private Dashboard dashboard;

  private static final LocalDate TODAY = LocalDate.parse("2026-11-20");
  private static final DashboardPeriod LAST_12 = DashboardPeriod.last12Months(TODAY);
  private static final List<String> ALL = List.of("s-a1", "s-a2", "s-b1");

  @BeforeEach
  void seed() {
    opened = TestStore.migrated(store, dir);
    db = opened.database();
    figures = new DashboardFigures(db, clock);
    dashboard = new Dashboard(new Access(new StationRepository(db, clock)), figures, clock);
    db.useTransaction(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES ('c-1', '青溪县'), ('c-2', '白沙县')");
          h.execute(
              "INSERT INTO township (id, county_id, name) VALUES ('t-a', 'c-1', '城关镇'),"
                  + " ('t-b', 'c-1', '白沙镇'), ('t-z', 'c-2', '外县镇')");
          for (String[] s :
              new String[][] {{"s-a1", "t-a"}, {"s-a2", "t-a"}, {"s-b1", "t-b"}, {"s-z1", "t-z"}}) {
            h.execute(
                "INSERT INTO station (id, township_id, name, kind, public_token, created_at,"
                    + " updated_at) VALUES (?, ?, ?, 'WORKSTATION', ?, '2026-01-01T00:00:00+08:00',"
                    + " '2026-01-01T00:00:00+08:00')",
                s[0],
                s[1],
                "站" + s[0],
                "tok-" + s[0]);
          }
          for (String d : List.of("d-1", "d-2", "d-3")) {
            h.execute(
                "INSERT INTO deputy (id, name, county_id, created_at, updated_at) VALUES (?, ?,"
                    + " 'c-1', '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00')",
                d,
                "代表" + d);
          }
        });
    // id, station, category, status, submitted, deadline, rating, escalated, merged into
    kase(
        "c01",
        "s-a1",
        "TRANSPORT",
        "CLOSED",
        "2026-11-02T09:00:00+08:00",
        "2026-11-10",
        "SATISFIED");
    answered("c01", "2026-11-09T16:00:00+08:00");
    kase("c02", "s-a1", "TRANSPORT", "ANSWERED", "2026-11-03T09:00:00+08:00", "2026-11-05", null);
    answered("c02", "2026-11-06T08:00:00+08:00");
    kase("c03", "s-a1", "EDUCATION", "FORWARDED", "2026-11-04T09:00:00+08:00", "2026-11-15", null);
    escalate("c03", "2026-11-16T09:00:00+08:00");
    // Answered late the first time, rated 不满意, reopened, answered again in time, rated 基本满意.
    kase(
        "c04",
        "s-a2",
        "EDUCATION",
        "CLOSED",
        "2026-11-01T09:00:00+08:00",
        "2026-11-12",
        "BASICALLY_SATISFIED");
    answered("c04", "2026-11-06T09:00:00+08:00");
    answered("c04", "2026-11-12T23:30:00+08:00");
    kase("c05", "s-a2", "HEALTH", "MERGED", "2026-11-05T09:00:00+08:00", null, null);
    db.useHandle(h -> h.execute("UPDATE opinion_case SET merged_into = 'c03' WHERE id = 'c05'"));
    kase("c06", "s-b1", "LEGAL", "CLOSED_WITH_GUIDANCE", "2026-10-15T09:00:00+08:00", null, null);
    kase("c07", "s-b1", "OTHER", "SUBMITTED", "2026-11-18T09:00:00+08:00", null, null);
    // Rated 不满意 and reopened: not answered now, its rating stands.
    kase(
        "c08",
        "s-b1",
        "OTHER",
        "REOPENED",
        "2026-09-01T09:00:00+08:00",
        "2026-09-20",
        "DISSATISFIED");
    answered("c08", "2026-09-10T09:00:00+08:00");
    // Before the last twelve months (which start 2025-12-01 in Beijing).
    kase("c09", "s-a1", "TRANSPORT", "REGISTERED", "2025-11-30T23:50:00+08:00", null, null);
    kase("c10", "s-b1", "ENVIRONMENT", "REGISTERED", "2025-12-01T00:10:00+08:00", null, null);
    // Escalated long ago and since replied by the department: escalated now, not overdue.
    kase(
        "c11",
        "s-b1",
        "SAFETY",
        "DEPARTMENT_REPLIED",
        "2025-06-01T09:00:00+08:00",
        "2025-07-01",
        null);
    escalate("c11", "2025-07-02T09:00:00+08:00");
    // Another county's case never counts.
    kase("c99", "s-z1", "OTHER", "SUBMITTED", "2026-11-02T09:00:00+08:00", null, null);

    reception("r1", "s-a1", "2026-11-10", "ANNOUNCED", List.of("d-1", "d-2"), List.of("d-1"));
    reception("r2", "s-a1", "2026-11-25", "ANNOUNCED", List.of("d-1"), List.of());
    reception("r3", "s-a1", "2026-11-12", "CANCELLED", List.of("d-2"), List.of());
    reception("r4", "s-b1", "2026-11-05", "HELD", List.of("d-3"), List.of("d-3"));
    reception("r5", "s-a2", "2026-11-01", "PLANNED", List.of("d-2"), List.of());
    reception("r6", "s-b1", "2025-10-05", "HELD", List.of("d-3"), List.of());
    screen("s-a1", "ONLINE");
    screen("s-b1", "OFFLINE");
  }

  @AfterEach
  void close() {
    opened.close();
  }

  @Test
  void shouldCountEveryCaseOnceInTheStatusItHasNowAndMergedOnesInTheCaseTheyJoined() {
    Figures f = figures.figures(ALL, LAST_12);

    assertThat(f.received()).isEqualTo(8);
    assertThat(f.byStatus())
        .containsExactly(
            new Count("CLOSED", 2),
            new Count("ANSWERED", 1),
            new Count("CLOSED_WITH_GUIDANCE", 1),
            new Count("FORWARDED", 1),
            new Count("REGISTERED", 1),
            new Count("REOPENED", 1),
            new Count("SUBMITTED", 1));
    assertThat(f.byCategory())
        .containsExactly(
            new Count("EDUCATION", 2),
            new Count("OTHER", 2),
            new Count("TRANSPORT", 2),
            new Count("ENVIRONMENT", 1),
            new Count("LEGAL", 1));
    assertThat(f.byStation())
        .containsExactly(new Count("s-b1", 4), new Count("s-a1", 3), new Count("s-a2", 1));
    assertThat(f.byTownship()).containsExactly(new Count("t-a", 4), new Count("t-b", 4));
    assertThat(f.byMonth()).hasSize(12);
    assertThat(f.byMonth().getFirst()).isEqualTo(new Count("2025-12", 1));
    assertThat(f.byMonth().getLast()).isEqualTo(new Count("2026-11", 5));
    assertThat(f.byMonth().stream().filter(c -> c.count() > 0))
        .containsExactly(
            new Count("2025-12", 1),
            new Count("2026-09", 1),
            new Count("2026-10", 1),
            new Count("2026-11", 5));
  }

  @Test
  void shouldRateAnswersDeadlinesAndSatisfactionOfTheCasesReceived() {
    Figures f = figures.figures(ALL, LAST_12);

    // Answered now: c01, c02, c04 (closed again after reopening), c06 (guidance); c08 is reopened.
    assertThat(f.answered()).isEqualTo(4);
    // With a deadline: c01 (in time), c02 (a day late), c04 (its latest answer on the day).
    assertThat(f.withDeadline()).isEqualTo(3);
    assertThat(f.onTime()).isEqualTo(2);
    assertThat(f.ratings())
        .containsExactlyInAnyOrder(
            new Count("SATISFIED", 1),
            new Count("BASICALLY_SATISFIED", 1),
            new Count("DISSATISFIED", 1));
    assertThat(f.rated()).isEqualTo(3);
  }

  @Test
  void shouldNameOverdueAndEscalatedCasesAsTheyAreNowWhateverThePeriod() {
    Figures f = figures.figures(ALL, monthOf("2026-10"));

    assertThat(f.overdue()).isEqualTo(1);
    assertThat(f.escalated()).isEqualTo(2);
    assertThat(f.urgent())
        .containsExactly(
            new UrgentCase(
                "c11", "CODE-c11", "s-b1", "SAFETY", LocalDate.parse("2025-07-01"), 0, true),
            new UrgentCase(
                "c03", "CODE-c03", "s-a1", "EDUCATION", LocalDate.parse("2026-11-15"), 5, true));
  }

  @Test
  void shouldCountReceptionsHeldAttendanceAndScreens() {
    // Visitors as the reception ledger records them: r1 counted, r4 not yet; the cancelled r3's
    // count must not add.
    db.useHandle(
        h -> {
          h.execute("UPDATE reception_slot SET visitors = 12 WHERE id = 'r1'");
          h.execute("UPDATE reception_slot SET visitors = 50 WHERE id = 'r3'");
        });
    Figures f = figures.figures(ALL, LAST_12);

    // r1 (announced, past) and r4 (held); not r2 (to come), r3 (cancelled), r5 (planned), r6
    // (before).
    assertThat(f.receptionsHeld()).isEqualTo(2);
    assertThat(f.dutiesScheduled()).isEqualTo(3);
    assertThat(f.dutiesSignedIn()).isEqualTo(2);
    assertThat(f.visitorsReceived()).isEqualTo(12L);
    assertThat(f.receptionsCounted()).isEqualTo(1);
    assertThat(f.screens()).isEqualTo(2);
    assertThat(f.screensOnline()).isEqualTo(1);
  }

  @Test
  void shouldNarrowEveryFigureToAMonth() {
    Figures f = figures.figures(ALL, monthOf("2026-10"));

    assertThat(f.received()).isEqualTo(1);
    assertThat(f.byStatus()).containsExactly(new Count("CLOSED_WITH_GUIDANCE", 1));
    assertThat(f.answered()).isEqualTo(1);
    assertThat(f.withDeadline()).isZero();
    assertThat(f.rated()).isZero();
    assertThat(f.receptionsHeld()).isZero();
    // The monthly chart: the twelve months up to October 2026.
    assertThat(f.byMonth().getFirst().key()).isEqualTo("2025-11");
    assertThat(f.byMonth().getLast()).isEqualTo(new Count("2026-10", 1));
    assertThat(f.count(f.byMonth(), "2025-11")).as("c09, the 30th in Beijing").isEqualTo(1);
  }

  @Test
  void shouldShowAStationManagerOnlyTheirStationsAndATownshipOnlyItsOwn() {
    Staff manager =
        new Staff("u-2", "chengguan", "站长", Role.STATION_MANAGER, "c-1", null, Set.of("s-a1"));
    Dashboard.View mine = dashboard.view(manager, LAST_12, null);
    assertThat(mine.stations()).containsOnlyKeys("s-a1");
    assertThat(mine.townships()).containsOnlyKeys("t-a");
    assertThat(mine.figures().received()).isEqualTo(3);
    assertThat(mine.figures().byStation()).containsExactly(new Count("s-a1", 3));
    assertThat(mine.figures().overdue()).isEqualTo(1);
    assertThat(mine.figures().escalated()).isEqualTo(1);
    assertThat(mine.figures().receptionsHeld()).isEqualTo(1);
    assertThat(mine.figures().screens()).isEqualTo(1);

    Staff admin = new Staff("u-1", "admin", "管理员", Role.COUNTY_ADMIN, "c-1", null, Set.of());
    Dashboard.View baisha = dashboard.view(admin, LAST_12, "t-b");
    assertThat(baisha.stations()).containsOnlyKeys("s-b1");
    assertThat(baisha.townships()).containsOnlyKeys("t-a", "t-b");
    assertThat(baisha.figures().received()).isEqualTo(4);
    assertThat(baisha.figures().byTownship()).containsExactly(new Count("t-b", 4));

    assertThatThrownBy(() -> dashboard.view(manager, LAST_12, "t-b"))
        .as("a township the manager does not look after")
        .isInstanceOf(BadRequestProblem.class);
    assertThatThrownBy(() -> dashboard.view(admin, LAST_12, "t-z"))
        .as("another county's township")
        .isInstanceOf(BadRequestProblem.class);
    Staff deputy = new Staff("u-3", "chenxl", "陈秀兰", Role.DEPUTY, "c-1", "d-1", Set.of("s-a1"));
    assertThatThrownBy(() -> dashboard.view(deputy, LAST_12, null))
        .isInstanceOf(ForbiddenProblem.class);
  }

  @Test
  void shouldReadThePeriodFromThePagesParametersAndRefuseABadOne() {
    assertThat(DashboardPeriod.of(null, null, null, null, null, TODAY)).isEqualTo(LAST_12);
    assertThat(DashboardPeriod.of("month", "2026-02", null, null, null, TODAY))
        .isEqualTo(
            new DashboardPeriod(
                "month", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28")));
    assertThat(DashboardPeriod.of("year", null, "2025", null, null, TODAY))
        .isEqualTo(
            new DashboardPeriod(
                "year", LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")));
    assertThat(DashboardPeriod.of("range", null, null, "2026-03-01", "2026-03-31", TODAY).to())
        .isEqualTo(LocalDate.parse("2026-03-31"));
    assertThatThrownBy(() -> DashboardPeriod.of("month", "2026-13", null, null, null, TODAY))
        .isInstanceOf(BadRequestProblem.class);
    assertThatThrownBy(
            () -> DashboardPeriod.of("range", null, null, "2026-03-31", "2026-03-01", TODAY))
        .isInstanceOf(BadRequestProblem.class);
    assertThatThrownBy(() -> DashboardPeriod.of("range", null, null, null, "2026-03-01", TODAY))
        .isInstanceOf(BadRequestProblem.class);
    assertThatThrownBy(() -> DashboardPeriod.of("week", null, null, null, null, TODAY))
        .isInstanceOf(BadRequestProblem.class);
  }

  private static DashboardPeriod monthOf(String month) {
    return DashboardPeriod.of("month", month, null, null, null, TODAY);
  }

  private void kase(
      String id,
      String station,
      String category,
      String status,
      String submitted,
      String deadline,
      String rating) {
    db.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO opinion_case (id, tracking_code, station_id, category, text, status,
                                              submitted_at, updated_at, deadline, rating, rated_at,
                                              closed_at)
                    VALUES (:id, :code, :station, :category, '意见', :status, :at, :at, :deadline,
                            :rating, :ratedAt, :closedAt)
                    """)
                .bind("id", id)
                .bind("code", "CODE-" + id)
                .bind("station", station)
                .bind("category", category)
                .bind("status", status)
                .bind("at", submitted)
                .bind("deadline", deadline)
                .bind("rating", rating)
                .bind("ratedAt", rating == null ? null : "2026-11-19T09:00:00+08:00")
                .bind(
                    "closedAt",
                    status.startsWith("CLOSED") || status.equals("MERGED") ? submitted : null)
                .execute());
  }

  /** A step to ANSWERED in the case's timeline. */
  private void answered(String id, String at) {
    db.useHandle(
        h ->
            h.execute(
                "INSERT INTO case_event (id, case_id, at, actor, action, from_status, to_status)"
                    + " VALUES (?, ?, ?, 'staff', 'answered', 'FORWARDED', 'ANSWERED')",
                id + "-" + at,
                id,
                at));
  }

  private void escalate(String id, String at) {
    db.useHandle(h -> h.execute("UPDATE opinion_case SET escalated_at = ? WHERE id = ?", at, id));
  }

  private void reception(
      String id,
      String station,
      String date,
      String status,
      List<String> onDuty,
      List<String> signedIn) {
    db.useTransaction(
        h -> {
          h.execute(
              "INSERT INTO reception_slot (id, station_id, slot_date, start_time, end_time, status,"
                  + " created_at, updated_at) VALUES (?, ?, ?, '09:00', '11:00', ?,"
                  + " '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00')",
              id,
              station,
              date,
              status);
          for (int i = 0; i < onDuty.size(); i++) {
            h.execute(
                "INSERT INTO reception_deputy (slot_id, deputy_id, position) VALUES (?, ?, ?)",
                id,
                onDuty.get(i),
                i);
          }
          for (String d : signedIn) {
            h.execute(
                "INSERT INTO reception_attendance (slot_id, deputy_id, marked_at, marked_by)"
                    + " VALUES (?, ?, ?, 'u-1')",
                id,
                d,
                date + "T09:05:00+08:00");
          }
        });
  }

  private void screen(String station, String presence) {
    db.useHandle(
        h ->
            h.execute(
                "INSERT INTO station_state (station_id, presence, session, app_version,"
                    + " content_version, screen, reported_at, received_at) VALUES (?, ?, 'x', '1.0',"
                    + " 1, 'ON', '2026-11-20T09:00:00+08:00', '2026-11-20T09:00:00+08:00')",
                station,
                presence));
  }
}
