package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import liaison.hub.department.Department;
import liaison.hub.notify.Notification;
import liaison.hub.notify.Outbox;
import liaison.hub.text.Text;
import liaison.hub.web.PublicLinks;
import org.jdbi.v3.core.Handle;

/**
 * The e-mails a department gets about a case it handles: forwarded (交办), its deadline two working
 * days away, past its deadline, escalated (督办), and the county's decision on its request for a
 * later deadline (延期); the forward and the decision are heard as {@link CaseMilestone}s. Each is
 * enqueued in the outbox inside the caller's transaction, one per address of the department; a
 * department without an address gets none.
 *
 * <p>What a message says: the case's number, station, category, the staff's summary, the deadline
 * and the link to the case on the department's page. Never the resident's name, phone or own words:
 * the department sees the contact on its page when the resident allowed it.
 */
@Singleton
public class DepartmentMail implements CaseMilestones.Listener {
  public static final String FORWARDED = "case-forwarded";
  public static final String DUE_SOON = "case-due-soon";
  public static final String OVERDUE = "case-overdue";
  public static final String ESCALATED = "case-escalated";
  public static final String EXTENDED = "case-extended";
  public static final String EXTENSION_REFUSED = "case-extension-refused";

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** A summary longer than this is cut in a subject line. */
  private static final int SUBJECT_SUMMARY = 30;

  private final Outbox outbox;
  private final PublicLinks links;

  public DepartmentMail(Outbox outbox, PublicLinks links) {
    this.outbox = outbox;
    this.links = links;
  }

  /** 交办, after the forward's own update: every forward is told (a case forwarded again too). */
  public int forwarded(Handle h, String caseId) {
    return enqueue(h, caseId, FORWARDED, false, Text.of("notify.mail.close.reply"));
  }

  /** Two working days before the deadline: once per case and deadline. */
  public int dueSoon(Handle h, String caseId) {
    return enqueue(h, caseId, DUE_SOON, true, Text.of("notify.mail.close.reply"));
  }

  /** The deadline has passed without a reply: once per case and deadline. */
  public int overdue(Handle h, String caseId) {
    return enqueue(h, caseId, OVERDUE, true, Text.of("notify.mail.close.soon"));
  }

  /** 督办: the case went up to the county; once per case and deadline. */
  public int escalated(Handle h, String caseId, long daysLate) {
    return enqueue(h, caseId, ESCALATED, true, Text.of("notify.mail.close.escalated", daysLate));
  }

  /**
   * A forward, or the county's decision on the department's request for a later deadline (the
   * department learns the deadline that now holds without waiting for its desk): heard in the
   * step's transaction, so the department hears of it with the step or not at all. The other
   * milestones concern the station.
   */
  @Override
  public void heard(Handle h, CaseMilestone milestone) {
    switch (milestone.kind()) {
      case FORWARDED -> forwarded(h, milestone.caseId());
      case EXTENDED ->
          enqueue(h, milestone.caseId(), EXTENDED, false, Text.of("notify.mail.close.reply"));
      case EXTENSION_REFUSED ->
          enqueue(
              h, milestone.caseId(), EXTENSION_REFUSED, false, Text.of("notify.mail.close.reply"));
      default -> {
        // nothing for the department to be told by e-mail
      }
    }
  }

  /** What a message says about a case, read in the caller's transaction. */
  private record Letter(
      String caseId,
      String code,
      String countyId,
      String station,
      Category category,
      String summary,
      LocalDate deadline,
      String department,
      List<String> addresses) {}

  private Optional<Letter> letter(Handle h, String caseId) {
    return h.createQuery(
            """
            SELECT c.id, c.tracking_code, c.category, c.summary, c.deadline, s.name AS station,
                   t.county_id, d.name AS department, d.email
            FROM opinion_case c
            JOIN station s ON s.id = c.station_id
            JOIN township t ON t.id = s.township_id
            JOIN department d ON d.id = c.department_id
            WHERE c.id = :id AND c.deadline IS NOT NULL
            """)
        .bind("id", caseId)
        .map(
            (rs, ctx) ->
                new Letter(
                    rs.getString("id"),
                    rs.getString("tracking_code"),
                    rs.getString("county_id"),
                    rs.getString("station"),
                    Category.of(rs.getString("category")).orElse(Category.OTHER),
                    rs.getString("summary"),
                    LocalDate.parse(rs.getString("deadline")),
                    rs.getString("department"),
                    Department.emails(rs.getString("email"))))
        .findOne();
  }

  private int enqueue(Handle h, String caseId, String kind, boolean once, Text close) {
    Optional<Letter> found = letter(h, caseId);
    if (found.isEmpty()) {
      return 0;
    }
    Letter l = found.get();
    String date = CHINESE_DATE.format(l.deadline());
    String summary = l.summary().isBlank() ? l.category().zh() : l.summary();
    String subject =
        Text.of(
                "notify.mail." + kind + ".subject",
                l.code(),
                summary.length() > SUBJECT_SUMMARY
                    ? summary.substring(0, SUBJECT_SUMMARY) + "…"
                    : summary)
            .zh();
    String body =
        String.join(
            "\n\n",
            Text.of("notify.mail." + kind + ".lead", l.department(), date).zh(),
            Text.of(
                    "notify.mail.facts",
                    l.code(),
                    l.station(),
                    l.category().zh(),
                    summary,
                    date,
                    links.departmentCase(l.caseId()))
                .zh(),
            close.zh(),
            Text.of("notify.mail.footer").zh());
    int enqueued = 0;
    for (String address : l.addresses()) {
      Notification n =
          Notification.email(l.countyId(), address, kind, subject, body).aboutCase(l.caseId());
      if (once) {
        n = n.once(onceKey(kind, l.caseId(), l.deadline(), address));
      }
      if (outbox.enqueue(h, n)) {
        enqueued++;
      }
    }
    return enqueued;
  }

  /** One message per kind, case, deadline and address, ever. */
  static String onceKey(String kind, String caseId, LocalDate deadline, String address) {
    return kind + ":" + caseId + ":" + deadline + ":" + address;
  }
}
