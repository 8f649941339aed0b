package liaison.hub.duty;

import io.micronaut.context.event.ApplicationEventPublisher;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.audit.AuditLog;
import liaison.hub.config.HubConfig;
import liaison.hub.db.Database;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.opinion.ReplyFiles;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.BadInput;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;

/**
 * A county for the duty points on a store of its own: two townships with a station each (s-a in
 * t-a, s-b in t-b), four deputies (d-1 at s-a, d-2 at both, d-3 and d-4 at s-b), its administrator,
 * s-a's manager and d-1's own account, and the duty points' parts over it.
 */
final class DutyCounty implements AutoCloseable {
  static final String COUNTY = "c-duty";
  static final String T = "2025-01-01T00:00:00+08:00";

  final TestStore store;
  final Database db;
  final DutyRules rules;
  final DutyPointRepository repository;
  final DutyRecorder recorder;
  final DutyPoints points;
  final DutyStars stars;
  final BadInput badInput;
  final List<StationsChanged> announced = new ArrayList<>();

  final Staff admin =
      new Staff("u-admin", "admin", "县管理员", Role.COUNTY_ADMIN, COUNTY, null, Set.of());
  final Staff manager =
      new Staff("u-mgr", "mgr", "站长", Role.STATION_MANAGER, COUNTY, null, Set.of("s-a"));
  final Staff deputy = new Staff("u-d1", "d1", "代表一", Role.DEPUTY, COUNTY, "d-1", Set.of("s-a"));

  DutyCounty(TestDatabases.Store which, Path dir, Clock clock) {
    this.store = TestStore.migrated(which, dir.resolve("db"));
    this.db = store.database();
    db.useHandle(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES (?, '积分县')", COUNTY);
          for (String t : List.of("t-a", "t-b")) {
            h.execute("INSERT INTO township (id, county_id, name) VALUES (?, ?, ?)", t, COUNTY, t);
            String s = "s-" + t.substring(2);
            h.execute(
                "INSERT INTO station (id, township_id, name, kind, public_token, created_at,"
                    + " updated_at) VALUES (?, ?, ?, 'WORKSTATION', ?, ?, ?)",
                s,
                t,
                s + "站",
                "tok-" + s,
                T,
                T);
          }
          for (String[] d :
              List.of(
                  new String[] {"d-1", "陈一", "s-a"},
                  new String[] {"d-2", "王二", "s-a,s-b"},
                  new String[] {"d-3", "张三", "s-b"},
                  new String[] {"d-4", "李四", "s-b"})) {
            h.execute(
                "INSERT INTO deputy (id, name, county_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                d[0],
                d[1],
                COUNTY,
                T,
                T);
            for (String s : d[2].split(",")) {
              h.execute(
                  "INSERT INTO station_deputy (station_id, deputy_id) VALUES (?, ?)", s, d[0]);
            }
          }
        });
    this.rules = new DutyRules(db, clock);
    this.repository = new DutyPointRepository(db);
    this.recorder = new DutyRecorder(db, rules, repository, clock);
    this.badInput = new BadInput(clock);
    HubConfig config =
        new HubConfig(
            8080, "127.0.0.1", dir.resolve("data").toString(), "https://hub.example.cn", "never");
    this.points =
        new DutyPoints(
            db,
            repository,
            rules,
            new DeputyRepository(db, clock),
            new ReplyFiles(db, new PhotoStore(config), config),
            new StationRepository(db, clock),
            new Access(new StationRepository(db, clock)),
            new AuditLog(db, clock),
            badInput,
            clock);
    ApplicationEventPublisher<StationsChanged> publisher = announced::add;
    this.stars =
        new DutyStars(
            db,
            points,
            new Access(new StationRepository(db, clock)),
            new AuditLog(db, clock),
            badInput,
            publisher,
            clock);
  }

  /** A reception at s-a with its on-duty deputies; those marked present signed in (签到). */
  void reception(String id, String date, String status, List<String> onDuty, List<String> present) {
    db.useHandle(
        h -> {
          h.execute(
              "INSERT INTO reception_slot (id, station_id, slot_date, start_time, end_time, status,"
                  + " created_at, updated_at) VALUES (?, 's-a', ?, '09:00', '11:00', ?, ?, ?)",
              id,
              date,
              status,
              T,
              T);
          int position = 0;
          for (String d : onDuty) {
            h.execute(
                "INSERT INTO reception_deputy (slot_id, deputy_id, position) VALUES (?, ?, ?)",
                id,
                d,
                position++);
          }
          for (String d : present) {
            h.execute(
                "INSERT INTO reception_attendance (slot_id, deputy_id, marked_at, marked_by)"
                    + " VALUES (?, ?, ?, 'u-mgr')",
                id,
                d,
                date + "T09:05:00+08:00");
          }
        });
  }

  void closedCase(String id, String deputyId, String status, String closedAt) {
    db.useHandle(
        h ->
            h.execute(
                "INSERT INTO opinion_case (id, tracking_code, station_id, deputy_id, category, text,"
                    + " status, submitted_at, updated_at, closed_at) VALUES (?, ?, 's-a', ?, 'OTHER',"
                    + " '路灯', ?, ?, ?, ?)",
                id,
                "TC-" + id,
                deputyId,
                status,
                T,
                closedAt,
                closedAt));
  }

  void suggestion(String id, String deputyId, String status, String at) {
    db.useHandle(
        h ->
            h.execute(
                "INSERT INTO deputy_suggestion (id, deputy_id, county_id, title, body, status,"
                    + " submitted_at) VALUES (?, ?, ?, '建议', '内容', ?, ?)",
                id,
                deputyId,
                COUNTY,
                status,
                at));
  }

  void report(String id, String deputyId, String closedAt, int satisfied, int basically, int not) {
    db.useHandle(
        h ->
            h.execute(
                "INSERT INTO voter_report (id, deputy_id, station_id, starts_at, ends_at, status,"
                    + " closed_at, satisfied, basically_satisfied, dissatisfied, created_by, created_at)"
                    + " VALUES (?, ?, 's-b', ?, ?, 'CLOSED', ?, ?, ?, ?, 'u-admin', ?)",
                id,
                deputyId,
                closedAt,
                closedAt,
                closedAt,
                satisfied,
                basically,
                not,
                T));
  }

  @Override
  public void close() {
    store.close();
  }
}
