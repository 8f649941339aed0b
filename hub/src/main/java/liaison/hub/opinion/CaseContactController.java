package liaison.hub.opinion;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;

/**
 * A resident's contact details in full, for the staff who handle the case: the station's managers
 * and the county's administrators, never a deputy's account. Each reading is written into the
 * case's timeline (who read personal data, and when).
 */
@Controller("/api/cases")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseContactController {
  private final CaseHandling handling;

  public CaseContactController(CaseHandling handling) {
    this.handling = handling;
  }

  /** The resident's name and phone in full; the reading is written into the case's timeline. */
  @Get("/{id}/contact")
  @Operation(operationId = "getCaseContact")
  @ApiAnswers.NotFound
  public Map<String, Object> contact(@Parameter(hidden = true) Staff staff, String id) {
    CaseHandling.ContactRead read = handling.readContact(staff, id);
    CaseContact contact = read.contact();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseId", id);
    body.put("name", contact.name());
    body.put("phone", contact.phone());
    body.put("maskedPhone", contact.maskedPhone());
    body.put("consentAt", ApiTimes.instant(contact.consentAt()));
    body.put("contactToDepartment", read.opinion().contactToDepartment());
    return body;
  }
}
