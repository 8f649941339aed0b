package liaison.hub.suggestion;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.db.Database;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reminds a department by e-mail that a promise of its reply comes up for review (定期回头看): from
 * {@link #DAYS_BEFORE} working days before the review date to the day itself, so it can say what it
 * has done. The job runs every hour from {@link #FROM} (a hub down at the usual hour still sends
 * the day's reminders when back), under the lease {@value #LEASE}; each reminder is enqueued once
 * per promise, review date and address ({@link SuggestionMail}'s once-keys), however often it runs
 * and on however many hubs.
 */
@Singleton
public class PromiseReviews {
  public static final String LEASE = "promise-reviews";
  private static final Logger LOG = LoggerFactory.getLogger(PromiseReviews.class);

  /** Working days ahead of the review date the department is told. */
  public static final int DAYS_BEFORE = 3;

  static final LocalTime FROM = LocalTime.of(8, 0);

  /** How far ahead the query looks; the exact day is decided by the calendar. */
  private static final int LOOK_AHEAD_DAYS = 31;

  private final Database database;
  private final SuggestionRepository repository;
  private final SuggestionMail mail;
  private final WorkingCalendar calendar;
  private final Clock clock;

  public PromiseReviews(
      Database database,
      SuggestionRepository repository,
      SuggestionMail mail,
      WorkingCalendar calendar,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.mail = mail;
    this.calendar = calendar;
    this.clock = clock;
  }

  @Scheduled(fixedDelay = "${hub.suggestions.review-check:1h}", initialDelay = "3m")
  @Leased(LEASE)
  void remindOnSchedule() {
    int sent = remindDue();
    if (sent > 0) {
      LOG.info("enqueued {} promise review reminder(s) to departments", sent);
    }
  }

  /** Enqueues the reminders due now; returns how many messages. */
  public int remindDue() {
    if (LocalTime.now(clock.withZone(Sql.ZONE)).isBefore(FROM)) {
      return 0;
    }
    LocalDate today = LocalDate.now(clock.withZone(Sql.ZONE));
    List<Promise> due =
        database.withHandle(
            h ->
                repository.promises(
                    h,
                    "p.kept_at IS NULL AND p.next_review_on IS NOT NULL"
                        + " AND p.next_review_on >= :today AND p.next_review_on <= :ahead",
                    Map.of(
                        "today",
                        Sql.date(today),
                        "ahead",
                        Sql.date(today.plusDays(LOOK_AHEAD_DAYS)))));
    int enqueued = 0;
    for (Promise p : due) {
      LocalDate on = p.nextReviewOn();
      if (on != null && !today.isBefore(calendar.before(p.countyId(), on, DAYS_BEFORE))) {
        enqueued += database.inTransaction(h -> mail.reviewDue(h, p));
      }
    }
    return enqueued;
  }
}
