package liaison.hub.web;

import io.swagger.v3.oas.annotations.Parameter;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;
import java.util.Map;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.security.Access;
import liaison.hub.security.Staff;

/** JSON about the stations the signed-in staff member may see, and the public links of any station. */
@Controller
public class StationApiController {
  private final StationOverview overview;
  private final PublicationRepository publications;
  private final Access access;

  public StationApiController(StationOverview overview, PublicationRepository publications, Access access) {
    this.overview = overview;
    this.publications = publications;
    this.access = access;
  }

  @Get(uri = "/api/stations", produces = MediaType.APPLICATION_JSON)
  public List<StationOverview.Row> list(@Parameter(hidden = true) Staff staff) {
    return access.visibleStations(staff).stream().map(p -> overview.row(p.id()).orElseThrow()).toList();
  }

  @Get(uri = "/api/stations/{id}", produces = MediaType.APPLICATION_JSON)
  public StationOverview.Row one(@Parameter(hidden = true) Staff staff, String id) {
    access.requireSee(staff, id);
    return overview.row(id).orElseThrow();
  }

  /** The snapshot as published, byte for byte. */
  @Get(uri = "/api/stations/{id}/content", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> content(@Parameter(hidden = true) Staff staff, String id) {
    access.requireSee(staff, id);
    return publications
        .current(id)
        .<HttpResponse<?>>map(p -> HttpResponse.ok(p.payload()).contentType(MediaType.APPLICATION_JSON_TYPE))
        .orElseThrow(() -> new NotFoundProblem("站点 " + id + " 的内容尚未发布", "nothing published yet for " + id));
  }

  /** What anyone may know: the name and the residents' QR links (they are printed on posters). */
  @Get(uri = "/api/public/stations/{id}", produces = MediaType.APPLICATION_JSON)
  public Map<String, String> publicLinks(String id) {
    StationOverview.Row row =
        overview.row(id).orElseThrow(() -> new NotFoundProblem("没有站点 " + id, "no station " + id));
    return Map.of("id", row.id(), "name", row.name(), "opinionUrl", row.opinionUrl());
  }
}
