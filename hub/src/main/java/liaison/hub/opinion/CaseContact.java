package liaison.hub.opinion;

import java.time.OffsetDateTime;
import liaison.hub.text.Masks;

/**
 * The name and phone a resident chose to leave, after the consent notice; stored apart from the
 * case.
 *
 * @param notifySms the resident ticked "text me when there is an answer"
 */
public record CaseContact(
    String caseId, String name, String phone, OffsetDateTime consentAt, boolean notifySms) {

  /** As lists show it: the phone masked. */
  public String maskedPhone() {
    return Masks.phone(phone);
  }
}
