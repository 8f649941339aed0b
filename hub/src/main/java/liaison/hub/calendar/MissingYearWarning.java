package liaison.hub.calendar;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.db.Leased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From 1 December, once a day, logs each county whose next year has no table yet: deadlines set
 * then would count Monday to Friday only from 1 January. One hub logs it (the job's lease); the
 * administrators' pages show the same warning, worked out when the page is drawn.
 */
@Singleton
public class MissingYearWarning {
  private static final Logger LOG = LoggerFactory.getLogger(MissingYearWarning.class);

  /** The job's lease. */
  public static final String LEASE = "calendar-warning";

  private final CalendarRepository repository;
  private final WorkingCalendar calendar;

  public MissingYearWarning(CalendarRepository repository, WorkingCalendar calendar) {
    this.repository = repository;
    this.calendar = calendar;
  }

  @Scheduled(cron = "0 0 9 * * *", zoneId = "Asia/Shanghai")
  @Leased(LEASE)
  void warnOnSchedule() {
    warn();
  }

  /** The counties warned about (none outside December). */
  public List<String> warn() {
    List<String> missing =
        repository.counties().stream()
            .filter(county -> calendar.missingNextYear(county).isPresent())
            .toList();
    for (String county : missing) {
      LOG.warn(
          "working-day calendar: county {} has no holidays for {} yet; a county administrator"
              + " enters the State Council's notice on /admin/calendar",
          county,
          calendar.today().getYear() + 1);
    }
    return missing;
  }
}
