package liaison.hub.calendar;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every deadline in working days, per county: {@link #after}, {@link #before}, {@link #between},
 * {@link #isWorkingDay}. The county's {@link WorkingDays} is read from the database once and kept;
 * an edit on this hub drops it at once ({@link #changed}), an edit on another hub of the county is
 * seen when the kept copy is older than {@code hub.calendar.refresh} (1 minute): the calendar of a
 * year to come is edited weeks before its days count, so a minute's delay changes no deadline that
 * matters, and no query runs for every deadline computed.
 *
 * <p>A year without a table (no day off in it) counts Monday to Friday only; the first computation
 * that reaches into it logs a warning, once per county and year on each hub.
 */
@Singleton
public class WorkingCalendar {
  private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);

  private record Kept(WorkingDays days, Instant read) {}

  private final CalendarRepository repository;
  private final Clock clock;
  private final Duration refresh;
  private final ConcurrentHashMap<String, Kept> kept = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /**
   * @param holidays stored before the first county's calendar is read
   */
  public WorkingCalendar(
      CalendarRepository repository,
      NationalHolidays holidays,
      Clock clock,
      @Value("${hub.calendar.refresh:1m}") Duration refresh) {
    this.repository = repository;
    this.clock = clock;
    this.refresh = refresh;
  }

  /** The county's working days as they stand now. */
  public WorkingDays of(String countyId) {
    Instant now = clock.instant();
    return kept.compute(
            countyId,
            (county, k) ->
                k != null && k.read().plus(refresh).isAfter(now) && !k.read().isAfter(now)
                    ? k
                    : read(county, now))
        .days();
  }

  private Kept read(String countyId, Instant now) {
    CalendarRepository.Rows rows = repository.rows(countyId);
    return new Kept(WorkingDays.of(rows.national(), rows.county()), now);
  }

  /** Forgets the county's kept calendar: it was just edited on this hub. */
  public void changed(String countyId) {
    kept.remove(countyId);
  }

  /** The deadline {@code days} working days after {@code start}. */
  public LocalDate after(String countyId, LocalDate start, int days) {
    WorkingDays w = of(countyId);
    LocalDate due = w.after(start, days);
    warnIfUnknown(countyId, w, start, due);
    return due;
  }

  /** The working day {@code days} working days before the deadline ("due in two working days"). */
  public LocalDate before(String countyId, LocalDate deadline, int days) {
    WorkingDays w = of(countyId);
    LocalDate day = w.before(deadline, days);
    warnIfUnknown(countyId, w, day, deadline);
    return day;
  }

  /** Working days in (from, to]. */
  public int between(String countyId, LocalDate from, LocalDate to) {
    WorkingDays w = of(countyId);
    warnIfUnknown(countyId, w, from, to);
    return w.between(from, to);
  }

  public boolean isWorkingDay(String countyId, LocalDate day) {
    WorkingDays w = of(countyId);
    warnIfUnknown(countyId, w, day, day);
    return w.isWorkingDay(day);
  }

  /** Today in Beijing, by the hub's clock. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /**
   * In December, next year when the county has no table for it yet (the State Council publishes it
   * in November); otherwise empty.
   */
  public Optional<Integer> missingNextYear(String countyId) {
    LocalDate today = today();
    int next = today.getYear() + 1;
    return today.getMonthValue() == 12 && !of(countyId).knows(next)
        ? Optional.of(next)
        : Optional.empty();
  }

  private void warnIfUnknown(String countyId, WorkingDays w, LocalDate from, LocalDate to) {
    IntStream.rangeClosed(Math.min(from.getYear(), to.getYear()), to.getYear())
        .filter(year -> !w.knows(year))
        .filter(year -> warned.add(countyId + " " + year))
        .forEach(
            year ->
                LOG.warn(
                    "working-day calendar: county {} has no holidays for {}; counting Monday to"
                        + " Friday only. A county administrator enters the State Council's notice"
                        + " on /admin/calendar",
                    countyId,
                    year));
  }
}
