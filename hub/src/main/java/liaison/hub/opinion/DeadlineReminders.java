package liaison.hub.opinion;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
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
  private final Clock clock;

  public DeadlineReminders(Database database, DepartmentMail mail, Clock clock) {
    this.database = database;
    this.mail = mail;
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
   * The first day a department is reminded of this deadline: two working days before it. The one
   * place that knows it, so the working-day calendar decides it alone.
   */
  public static LocalDate remindFrom(LocalDate deadline) {
    LocalDate day = deadline;
    int left = 2;
    while (left > 0) {
      day = day.minusDays(1);
      if (WorkingDays.isWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /** Enqueues the reminders due now; returns how many messages. */
  public int remindDue() {
    if (LocalTime.now(clock).isBefore(FROM)) {
      return 0;
    }
    LocalDate today = LocalDate.now(clock);
    record Forwarded(String id, LocalDate deadline) {}
    List<Forwarded> open =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT id, deadline FROM opinion_case WHERE status = 'FORWARDED'"
                            + " AND department_id IS NOT NULL AND deadline IS NOT NULL"
                            + " AND deadline <= :ahead ORDER BY deadline, id")
                    .bind("ahead", Sql.date(today.plusDays(LOOK_AHEAD_DAYS)))
                    .map(
                        (rs, ctx) ->
                            new Forwarded(
                                rs.getString("id"), LocalDate.parse(rs.getString("deadline"))))
                    .list());
    int enqueued = 0;
    for (Forwarded f : open) {
      if (today.isAfter(f.deadline())) {
        enqueued += database.inTransaction(h -> mail.overdue(h, f.id()));
      } else if (!today.isBefore(remindFrom(f.deadline()))) {
        enqueued += database.inTransaction(h -> mail.dueSoon(h, f.id()));
      }
    }
    return enqueued;
  }
}
