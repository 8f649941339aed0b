package liaison.hub.suggestion;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import liaison.hub.department.Department;
import liaison.hub.notify.Notification;
import liaison.hub.notify.Outbox;
import liaison.hub.text.Text;
import liaison.hub.web.PublicLinks;
import org.jdbi.v3.core.Handle;

/**
 * The e-mails a department gets about a deputy's suggestion: forwarded to it (交办, 再交办), and a
 * promise of its reply coming up for review (定期回头看). Enqueued in the outbox inside the caller's
 * transaction, one per address of the department; a department without an address gets none. A
 * message says the suggestion's title, its deputy, the date that matters and the link to it on the
 * department's desk.
 */
@Singleton
public class SuggestionMail {
  public static final String FORWARDED = "suggestion-forwarded";
  public static final String REVIEW = "promise-review";

  private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final Outbox outbox;
  private final PublicLinks links;

  public SuggestionMail(Outbox outbox, PublicLinks links) {
    this.outbox = outbox;
    this.links = links;
  }

  /** 交办 or 再交办: every forward is told. */
  public int forwarded(Handle h, Suggestion s, String departmentId, LocalDate deadline) {
    Addressee to = addressee(h, departmentId);
    String date = CHINESE_DATE.format(deadline);
    return send(
        h,
        s.countyId(),
        to,
        FORWARDED,
        Text.of("notify.mail.suggestion-forwarded.subject", s.title()),
        Text.of("notify.mail.suggestion-forwarded.lead", to.name(), s.deputyName(), date),
        Text.of("notify.mail.suggestion.facts", s.title(), s.deputyName(), date, link(s.id())),
        null);
  }

  /** A promise's review is near: once per promise, review date and address. */
  public int reviewDue(Handle h, Promise p) {
    LocalDate on = p.nextReviewOn();
    if (on == null) {
      return 0;
    }
    Addressee to = addressee(h, p.departmentId());
    String date = CHINESE_DATE.format(on);
    return send(
        h,
        p.countyId(),
        to,
        REVIEW,
        Text.of("notify.mail.promise-review.subject", p.suggestionTitle()),
        Text.of(
            "notify.mail.promise-review.lead",
            to.name(),
            date,
            p.text(),
            CHINESE_DATE.format(p.dueOn())),
        Text.of(
            "notify.mail.suggestion.facts",
            p.suggestionTitle(),
            p.deputyName(),
            date,
            link(p.suggestionId())),
        REVIEW + ":" + p.id() + ":" + on);
  }

  private String link(String suggestionId) {
    return links.base() + "/dept/suggestions/" + suggestionId;
  }

  private record Addressee(String name, List<String> addresses) {}

  private static Addressee addressee(Handle h, String departmentId) {
    return h.createQuery("SELECT name, email FROM department WHERE id = :id")
        .bind("id", departmentId)
        .map(
            (rs, ctx) ->
                new Addressee(rs.getString("name"), Department.emails(rs.getString("email"))))
        .findOne()
        .orElse(new Addressee("", List.of()));
  }

  /**
   * @param once a key per message (the address is added), or null for a message every time
   */
  private int send(
      Handle h,
      String countyId,
      Addressee to,
      String kind,
      Text subject,
      Text lead,
      Text facts,
      @org.jspecify.annotations.Nullable String once) {
    String body = String.join("\n\n", lead.zh(), facts.zh(), Text.of("notify.mail.footer").zh());
    int enqueued = 0;
    for (String address : to.addresses()) {
      Notification n = Notification.email(countyId, address, kind, subject.zh(), body);
      if (once != null) {
        n = n.once(once + ":" + address);
      }
      if (outbox.enqueue(h, n)) {
        enqueued++;
      }
    }
    return enqueued;
  }
}
