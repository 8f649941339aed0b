package liaison.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.db.Database;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.slf4j.LoggerFactory;

/**
 * The calendar in the database: the built-in tables stored once however often hubs start, a
 * county's own days over the national ones, kept in memory (no query per deadline), an edit seen at
 * once on its hub and after the refresh on another, and December's check for next year's table.
 */
@OnBothStores
class WorkingCalendarTest {
  private static final String COUNTY = "c-test";
  private static final Duration REFRESH = Duration.ofMinutes(1);

  @Parameter TestDatabases.Store store;

  private final TestClock clock = TestClock.at("2026-09-28T09:00:00+08:00");

  private static Database county(TestStore db) {
    Database database = db.database();
    database.useTransaction(
        h -> h.execute("INSERT INTO county (id, name) VALUES (?, ?)", COUNTY, "测试县"));
    return database;
  }

  /** The calendar's parts on a county's database, the built-in tables stored. */
  private record Parts(
      Database database, CalendarRepository repository, NationalHolidays national) {
    static Parts on(TestStore db, Clock clock) {
      CalendarRepository repository = new CalendarRepository(county(db), clock);
      NationalHolidays national = new NationalHolidays(repository);
      national.store();
      return new Parts(db.database(), repository, national);
    }

    /** One hub's calendar. */
    WorkingCalendar calendar(Clock clock) {
      return new WorkingCalendar(repository, national, clock, REFRESH);
    }
  }

  private static CalendarDay day(String date, DayKind kind, String name) {
    return new CalendarDay(LocalDate.parse(date), kind, name, false);
  }

  @Test
  void shouldStoreTheBuiltInTablesOnceHoweverOftenHubsStart(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir)) {
      CalendarRepository repository = new CalendarRepository(county(db), clock);
      new NationalHolidays(repository).store();
      new NationalHolidays(repository).store();

      assertThat(repository.addNational(NationalHolidays.builtIn())).as("nothing new").isZero();
      List<CalendarDay> stored = repository.rows(COUNTY).national();
      assertThat(stored).hasSize(NationalHolidays.builtIn().size()).allMatch(CalendarDay::national);
      assertThat(stored)
          .contains(
              new CalendarDay(LocalDate.of(2026, 10, 1), DayKind.OFF, "国庆节", true),
              new CalendarDay(LocalDate.of(2026, 2, 14), DayKind.WORK, "春节", true),
              new CalendarDay(LocalDate.of(2025, 1, 1), DayKind.OFF, "元旦", true));
    }
  }

  @Test
  void shouldCountTheCountysOwnDaysOverTheNationalOnes(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir)) {
      Parts parts = Parts.on(db, clock);
      Database database = parts.database();
      CalendarRepository repository = parts.repository();
      WorkingCalendar calendar = parts.calendar(clock);
      LocalDate start = LocalDate.of(2026, 9, 30);
      assertThat(calendar.after(COUNTY, start, 1)).isEqualTo(LocalDate.of(2026, 10, 8));

      database.useTransaction(
          h -> {
            // 县庆: a local day off right after the national week; and the national make-up
            // Saturday 10-10 turned back into a day off.
            repository.put(h, COUNTY, day("2026-10-08", DayKind.OFF, "县庆"), "u-admin");
            repository.put(h, COUNTY, day("2026-10-10", DayKind.OFF, "县庆"), "u-admin");
          });
      calendar.changed(COUNTY);

      assertThat(calendar.after(COUNTY, start, 1)).isEqualTo(LocalDate.of(2026, 10, 9));
      assertThat(calendar.after(COUNTY, start, 2))
          .as("10-10 is off now")
          .isEqualTo(LocalDate.of(2026, 10, 12));
      assertThat(calendar.between(COUNTY, start, LocalDate.of(2026, 10, 12))).isEqualTo(2);
      assertThat(calendar.before(COUNTY, LocalDate.of(2026, 10, 12), 2)).isEqualTo(start);
      assertThat(repository.rows(COUNTY).county())
          .extracting(CalendarDay::name)
          .containsExactly("县庆", "县庆");

      database.useTransaction(h -> repository.remove(h, COUNTY, LocalDate.of(2026, 10, 8)));
      calendar.changed(COUNTY);
      assertThat(calendar.after(COUNTY, start, 1)).isEqualTo(LocalDate.of(2026, 10, 8));
    }
  }

  @Test
  void shouldKeepTheTableInMemoryAndSeeAnotherHubsEditAfterTheRefresh(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir)) {
      Parts parts = Parts.on(db, clock);
      Database database = parts.database();
      CalendarRepository repository = parts.repository();
      WorkingCalendar here = parts.calendar(clock);
      WorkingCalendar otherHub = parts.calendar(clock);
      LocalDate monday = LocalDate.of(2026, 11, 2);
      assertThat(here.isWorkingDay(COUNTY, monday)).isTrue();

      // The other hub takes a day off; this hub answers from what it keeps, without a query.
      database.useTransaction(
          h -> repository.put(h, COUNTY, day("2026-11-02", DayKind.OFF, "县庆"), "u-admin"));
      otherHub.changed(COUNTY);
      assertThat(otherHub.isWorkingDay(COUNTY, monday)).as("the hub that edited").isFalse();
      assertThat(here.isWorkingDay(COUNTY, monday)).as("kept for a minute").isTrue();

      clock.advance(REFRESH.plusSeconds(1));
      assertThat(here.isWorkingDay(COUNTY, monday)).as("read again after the refresh").isFalse();
    }
  }

  @Test
  void shouldCountMondayToFridayInAYearWithoutATableAndSaySoOnce(@TempDir Path dir) {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(WorkingCalendar.class);
    logger.addAppender(log);
    try (TestStore db = TestStore.migrated(store, dir)) {
      WorkingCalendar calendar = Parts.on(db, clock).calendar(clock);

      assertThat(calendar.of(COUNTY).knows(2027)).isFalse();
      // 2027-01-01 is a Friday; with no table it counts, and the deadline goes on into 2027
      assertThat(calendar.after(COUNTY, LocalDate.of(2026, 12, 31), 1))
          .isEqualTo(LocalDate.of(2027, 1, 1));
      calendar.after(COUNTY, LocalDate.of(2026, 12, 30), 5);

      assertThat(log.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .filteredOn(m -> m.contains("no holidays for 2027"))
          .as("once per county and year")
          .hasSize(1)
          .allMatch(m -> m.contains(COUNTY) && m.contains("/admin/calendar"));
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void shouldWarnFromTheFirstOfDecemberWhileNextYearHasNoTable(@TempDir Path dir) {
    TestClock november = TestClock.at("2026-11-30T23:00:00+08:00");
    try (TestStore db = TestStore.migrated(store, dir)) {
      Parts parts = Parts.on(db, november);
      Database database = parts.database();
      CalendarRepository repository = parts.repository();
      WorkingCalendar calendar = parts.calendar(november);
      MissingYearWarning warning = new MissingYearWarning(repository, calendar);

      assertThat(calendar.missingNextYear(COUNTY)).as("still November").isEmpty();
      assertThat(warning.warn()).isEmpty();

      november.advance(Duration.ofHours(1)); // 2026-12-01 00:00 in Beijing
      assertThat(calendar.missingNextYear(COUNTY)).contains(2027);
      assertThat(warning.warn()).containsExactly(COUNTY);

      database.useTransaction(
          h -> repository.put(h, COUNTY, day("2027-05-06", DayKind.OFF, "县庆"), "u-admin"));
      calendar.changed(COUNTY);
      assertThat(calendar.missingNextYear(COUNTY))
          .as("a local day is not the year's table")
          .contains(2027);

      database.useTransaction(
          h -> repository.put(h, COUNTY, day("2027-01-01", DayKind.OFF, "元旦"), "u-admin"));
      calendar.changed(COUNTY);
      assertThat(calendar.missingNextYear(COUNTY)).as("entered").isEmpty();
      assertThat(warning.warn()).isEmpty();
    }
  }
}
