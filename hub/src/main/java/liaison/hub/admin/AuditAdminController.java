package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
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
import liaison.hub.audit.AuditLog;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.web.Frame;

/** Who changed what, and when: for county administrators. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditAdminController {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final List<String> ENTITIES =
      List.of("reception", "notice", "station", "deputy", "activity");

  private final AuditLog audit;
  private final Access access;

  public AuditAdminController(AuditLog audit, Access access) {
    this.audit = audit;
    this.access = access;
  }

  /** One line of the log, its time in Beijing time. */
  public record Line(
      String at, String actor, String action, String entity, String entityId, String summary) {}

  /**
   * admin/audit: the latest lines, the kind of record shown ({@code entity}, null for all) and the
   * kinds to choose from.
   */
  @Introspected
  public record AuditPage(
      Frame frame, List<Line> lines, @Nullable String entity, List<String> entities) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<AuditPage> log(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String entity) {
    access.requireCountyAdmin(staff);
    String kind = BadRequestProblem.choice("entity", entity, ENTITIES);
    List<Line> lines =
        audit.latest(300, kind, staff.countyId()).stream()
            .map(
                e ->
                    new Line(
                        AT.format(e.at().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))),
                        e.actorName(),
                        e.action(),
                        e.entity(),
                        e.entityId(),
                        e.summary()))
            .toList();
    return new ModelAndView<>(
        "admin/audit", new AuditPage(Frame.of(request, staff), lines, kind, ENTITIES));
  }
}
