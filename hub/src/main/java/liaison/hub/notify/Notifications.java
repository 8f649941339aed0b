package liaison.hub.notify;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * Who may read the outbox and send a message again. The county's administrators see their county's
 * messages and put a given-up one back in the queue (in the audit log); a station's staff see a
 * case's messages on the case's page only (the case page decides who reads the case), and a
 * deputy's account none.
 */
@Singleton
public class Notifications {
  public static final int PAGE_SIZE = 50;

  /** Every kind a message may be of, as {@link Notification#kind()} names them. */
  public static final List<String> KINDS =
      List.of(
          "case-forwarded",
          "case-due-soon",
          "case-overdue",
          "case-escalated",
          "case-extended",
          "case-extension-refused",
          "case-answered",
          "booking-confirmed",
          "booking-cancelled",
          "suggestion-forwarded",
          "promise-review");

  private static final List<String> STATES =
      List.of(
          NotificationState.PENDING.name(),
          NotificationState.SENT.name(),
          NotificationState.GIVEN_UP.name());

  private final Database database;
  private final NotificationRepository repository;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;

  public Notifications(
      Database database,
      NotificationRepository repository,
      Access access,
      AuditLog audit,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * One page of the county's messages, newest first.
   *
   * @param total messages matching the filter
   * @param pending messages of the county waiting to be sent (or sent again), whatever the filter
   * @param givenUp messages of the county given up, whatever the filter
   */
  public record Page(
      List<SentMessage> messages,
      int page,
      int pages,
      int total,
      int pending,
      int givenUp,
      @Nullable String state,
      @Nullable String kind) {}

  /**
   * The county's messages for its administrator.
   *
   * @throws BadRequestProblem an unknown state or kind
   */
  public Page list(Staff staff, @Nullable String state, @Nullable String kind, int page) {
    access.requireCountyAdmin(staff);
    String s = BadRequestProblem.choice("state", state, STATES);
    String k = BadRequestProblem.choice("kind", kind, KINDS);
    NotificationRepository.Filter filter =
        new NotificationRepository.Filter(
            staff.countyId(), s == null ? null : NotificationState.valueOf(s), k);
    int total = repository.count(filter);
    int pages = Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(Math.max(page, 1), pages);
    return new Page(
        repository.list(filter, (shown - 1) * PAGE_SIZE, PAGE_SIZE),
        shown,
        pages,
        total,
        count(staff.countyId(), NotificationState.PENDING),
        count(staff.countyId(), NotificationState.GIVEN_UP),
        s,
        k);
  }

  /** Messages given up in the staff member's county, for the warning on the home page (admins). */
  public int givenUp(Staff staff) {
    return staff.isCountyAdmin() ? count(staff.countyId(), NotificationState.GIVEN_UP) : 0;
  }

  /**
   * A case's messages, oldest first, for its page: the caller has checked that this person may read
   * the case.
   */
  public List<SentMessage> aboutCase(String caseId) {
    return repository.aboutCase(caseId);
  }

  /**
   * Puts a given-up message back in the queue: due now, its tries counted afresh.
   *
   * @throws NotFoundProblem no such message in the administrator's county
   * @throws ConflictProblem the message is not given up (sent, or already waiting)
   */
  public SentMessage resend(Staff staff, String id) {
    access.requireCountyAdmin(staff);
    if (!repository.countyOf(id).map(staff.countyId()::equals).orElse(false)) {
      throw new NotFoundProblem(Text.of("problem.notification.not-found", id));
    }
    String now = Sql.instant(OffsetDateTime.now(clock));
    boolean requeued =
        database.inTransaction(
            h -> {
              if (!repository.requeue(h, id, now)) {
                return false;
              }
              SentMessage m = repository.find(h, id).orElseThrow();
              audit.record(
                  h, staff, "resend", "notification", id, m.kind() + " → " + m.recipient());
              return true;
            });
    if (!requeued) {
      throw new ConflictProblem(Text.of("problem.notification.not-given-up"));
    }
    return repository.find(id).orElseThrow();
  }

  private int count(String countyId, NotificationState state) {
    return repository.count(new NotificationRepository.Filter(countyId, state, null));
  }
}
