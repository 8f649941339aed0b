package liaison.hub.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import liaison.hub.audit.AuditLog;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.web.Pages;

/** Who changed what, and when: for county administrators. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditAdminController {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final List<String> ENTITIES = List.of("reception", "notice", "station", "deputy");

  private final AuditLog audit;
  private final Access access;

  public AuditAdminController(AuditLog audit, Access access) {
    this.audit = audit;
    this.access = access;
  }

  /** One line of the log, its time in Beijing time. */
  public record Line(String at, String actor, String action, String entity, String entityId, String summary) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> log(HttpRequest<?> request, Staff staff, @Nullable @QueryValue String entity) {
    access.requireCountyAdmin(staff);
    String kind = BadRequestProblem.choice("entity", entity, ENTITIES);
    List<Line> lines =
        audit.latest(300, kind, staff.countyId()).stream()
            .map(e -> new Line(AT.format(e.at().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))), e.actorName(), e.action(), e.entity(), e.entityId(), e.summary()))
            .toList();
    Map<String, Object> model = Pages.model(request, staff);
    model.put("lines", lines);
    model.put("entity", kind);
    model.put("entities", ENTITIES);
    return new ModelAndView<>("admin/audit", model);
  }
}
