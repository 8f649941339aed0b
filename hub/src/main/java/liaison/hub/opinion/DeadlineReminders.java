package liaison.hub.opinion;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.db.Database;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds a department of a forwarded case by e-mail: two working days before its deadline, and
 * once the deadline has passed. The job runs every hour (a hub down at the usual hour still sends
 * the day's reminders when it is back) but not before {@link #FROM}, so the mail arrives with the
 * working day; each reminder is enqueued once per case and deadline ({@link DepartmentMail}'s
 * once-keys), however often the job runs and on however many hubs.
 */
@Singleton
public class DeadlineReminders {
  public static final String LEASE = "case-reminders";
  private static final Logger LOG = LoggerFactory.getLogger(DeadlineReminders.class);

  /** Reminders are not sent at night. */
  static final LocalTime FROM = LocalTime.of(8, 0);

  /** How far ahead the query looks; the exact day is decided by {@link #remindFrom}. */
  private static final int LOOK_AHEAD_DAYS = 31;

  private final Database database;
  private final DepartmentMail mail;
  private final WorkingCalendar calendar;
  private final Clock clock;

  public DeadlineReminders(
      Database database, DepartmentMail mail, WorkingCalendar calendar, Clock clock) {
    this.database = database;
    this.mail = mail;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${hub.cases.reminder-check:1h}", initialDelay = "2m")
  @Leased(LEASE)
  void remindOnSchedule() {
    int sent = remindDue();
    if (sent > 0) {
      LOG.info("enqueued {} deadline reminder(s) to departments", sent);
    }
  }

  /**
   * The first day a department is reminded of this deadline: two working days before it, by the
   * county's working-day calendar (a deadline just after the National Day week is reminded of
   * before the week starts).
   */
  public LocalDate remindFrom(String countyId, LocalDate deadline) {
    return calendar.before(countyId, deadline, 2);
  }

  /** Enqueues the reminders due now; returns how many messages. */
  public int remindDue() {
    if (LocalTime.now(clock).isBefore(FROM)) {
      return 0;
    }
    LocalDate today = LocalDate.now(clock);
    record Forwarded(String id, String countyId, LocalDate deadline) {}
    List<Forwarded> open =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT c.id, c.deadline, t.county_id FROM opinion_case c"
                            + " JOIN station s ON s.id = c.station_id"
                            + " JOIN township t ON t.id = s.township_id"
                            + " WHERE c.status = 'FORWARDED' AND c.department_id IS NOT NULL"
                            + " AND c.deadline IS NOT NULL AND c.deadline <= :ahead"
                            + " ORDER BY c.deadline, c.id")
                    .bind("ahead", Sql.date(today.plusDays(LOOK_AHEAD_DAYS)))
                    .map(
                        (rs, ctx) ->
                            new Forwarded(
                                rs.getString("id"),
                                rs.getString("county_id"),
                                LocalDate.parse(rs.getString("deadline"))))
                    .list());
    int enqueued = 0;
    for (Forwarded f : open) {
      if (today.isAfter(f.deadline())) {
        enqueued += database.inTransaction(h -> mail.overdue(h, f.id()));
      } else if (!today.isBefore(remindFrom(f.countyId(), f.deadline()))) {
        enqueued += database.inTransaction(h -> mail.dueSoon(h, f.id()));
      }
    }
    return enqueued;
  }
}
