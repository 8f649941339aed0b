package liaison.hub.opinion;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.calendar.CalendarRepository;
import liaison.hub.calendar.NationalHolidays;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.config.HubConfig;
import liaison.hub.config.TlsConfig;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.notify.Outbox;
import liaison.hub.web.PublicLinks;

/**
 * The hub's schema in a database of its own on the given store ({@link TestStore}), with one
 * station, for tests of the case model that need no server.
 */
final class CaseDatabase implements AutoCloseable {
  static final String STATION = "s-test";

  final Database jdbi;
  final CaseRepository repository;
  final Cases cases;
  private final Clock clock;

  private final TestStore store;

  CaseDatabase(TestDatabases.Store store, Path dir, Clock clock) {
    this.store = TestStore.migrated(store, dir);
    this.jdbi = this.store.database();
    this.clock = clock;
    this.repository = new CaseRepository(jdbi);
    this.cases = new Cases(jdbi, repository, clock);
    String now = Sql.instant(OffsetDateTime.now(clock));
    jdbi.useHandle(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES ('c-test', '测试县')");
          h.execute(
              "INSERT INTO township (id, county_id, name) VALUES ('t-test', 'c-test', '测试镇')");
          h.execute(
              "INSERT INTO station (id, township_id, name, kind, public_token, created_at, updated_at)"
                  + " VALUES (?, 't-test', '测试站', 'WORKSTATION', 'tok-test', ?, ?)",
              STATION,
              now,
              now);
        });
  }

  /**
   * A new submitted case with its 'submit' line in the timeline, as the residents' form makes it.
   */
  OpinionCase submitted(String text) {
    OpinionCase c = unsaved(text, OffsetDateTime.now(clock).withNano(0));
    jdbi.useTransaction(
        h -> {
          repository.insert(h, c);
          cases.record(h, c.id(), CaseEvent.RESIDENT, "submit", "");
        });
    return repository.find(c.id()).orElseThrow();
  }

  /** A case as the residents' form makes it at {@code now}, at this database's station, unsaved. */
  static OpinionCase unsaved(String text, OffsetDateTime now) {
    return unsaved(text, now, TrackingCodes.next());
  }

  /** The same, with the tracking code {@code code}. */
  static OpinionCase unsaved(String text, OffsetDateTime now, String code) {
    return OpinionCase.submitted(
        liaison.hub.db.Ids.next("case"), code, STATION, null, Category.OTHER, text, now, false);
  }

  /**
   * The departments' e-mails, into this database's outbox, with links to {@code hub.example.cn}.
   */
  DepartmentMail departmentMail() {
    return new DepartmentMail(
        new Outbox(clock),
        new PublicLinks(
            new HubConfig(8080, "127.0.0.1", "data", "https://hub.example.cn", "never"),
            new TlsConfig(null, null, null, 8443, "0.0.0.0", 8883, "0.0.0.0")));
  }

  /** The county's working-day calendar on this database, the built-in national tables stored. */
  WorkingCalendar calendar() {
    CalendarRepository days = new CalendarRepository(jdbi, clock);
    NationalHolidays national = new NationalHolidays(days);
    national.store();
    return new WorkingCalendar(days, national, clock, java.time.Duration.ofMinutes(1));
  }

  @Override
  public void close() {
    store.close();
  }
}
