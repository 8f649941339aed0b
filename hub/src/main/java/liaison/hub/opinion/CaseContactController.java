package liaison.hub.opinion;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;
import liaison.hub.db.Sql;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.db.Database;

/**
 * A resident's contact details in full, for the staff who handle the case: the station's managers
 * and the county's administrators, never a deputy's account. Each reading is written into the case's
 * timeline (who read personal data, and when).
 */
@Controller("/api/cases")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseContactController {
  private final CaseRepository repository;
  private final CaseHandling handling;
  private final Cases cases;
  private final Database database;

  public CaseContactController(CaseRepository repository, CaseHandling handling, Cases cases, Database database) {
    this.repository = repository;
    this.handling = handling;
    this.cases = cases;
    this.database = database;
  }

  @Get("/{id}/contact")
  public Map<String, Object> contact(@Parameter(hidden = true) Staff staff, String id) {
    OpinionCase c = handling.requireContactReader(staff, id).c();
    CaseContact contact =
        repository
            .contact(id)
            .orElseThrow(() -> new NotFoundProblem("该意见没有留下联系方式（匿名，或已按期删除）", "no contact details: anonymous, or deleted after the retention period"));
    database.useTransaction(h -> cases.record(h, id, staff.username(), "contact-viewed", ""));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("caseId", id);
    body.put("name", contact.name());
    body.put("phone", contact.phone());
    body.put("maskedPhone", contact.maskedPhone());
    body.put("consentAt", Sql.instant(contact.consentAt()));
    body.put("contactToDepartment", c.contactToDepartment());
    return body;
  }
}
