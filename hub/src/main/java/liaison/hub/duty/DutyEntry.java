package liaison.hub.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a deputy's duty points, as recorded: its points are those of the rule in force on
 * the day, written then.
 *
 * @param sourceKind RECEPTION, CASE, SUGGESTION, REPORT (a record the hub keeps) or HAND
 * @param sourceId that record's id; a hand entry's own id
 * @param evidence a hand entry's evidence, null without
 * @param decidedBy the county administrator who approved or refused a hand entry; null otherwise
 * @param reason why a hand entry was refused; empty otherwise
 */
public record DutyEntry(
    String id,
    String deputyId,
    String countyId,
    int year,
    LocalDate occurredOn,
    DutyKind kind,
    int points,
    Status status,
    String sourceKind,
    String sourceId,
    String note,
    OffsetDateTime recordedAt,
    @Nullable String enteredBy,
    @Nullable Evidence evidence,
    @Nullable String decidedBy,
    String reason) {

  /** Only an approved entry counts; an automatic one is approved when recorded. */
  public enum Status {
    PENDING,
    APPROVED,
    REFUSED
  }

  /** The source kind of an entry made by hand. */
  public static final String HAND = "HAND";

  /**
   * A hand entry's evidence: a photo kept by the photo store or a PDF kept as a reply's file is.
   *
   * @param kind IMAGE or PDF
   */
  public record Evidence(String hash, String kind, String name) {
    /** Its address under the entry: the hash with the extension of what is stored. */
    public String file() {
      return hash + ("PDF".equals(kind) ? ".pdf" : ".jpg");
    }
  }

  public boolean byHand() {
    return HAND.equals(sourceKind);
  }
}
