package liaison.hub.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.List;
import java.util.Map;
import liaison.hub.publish.PublicationRepository;

/** Read-only JSON about stations: the overview and each station's published snapshot. */
@Controller("/api/stations")
public class StationApiController {
  private final StationOverview overview;
  private final PublicationRepository publications;

  public StationApiController(StationOverview overview, PublicationRepository publications) {
    this.overview = overview;
    this.publications = publications;
  }

  @Get(produces = MediaType.APPLICATION_JSON)
  public List<StationOverview.Row> list() {
    return overview.rows();
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> one(String id) {
    return overview
        .row(id)
        .<HttpResponse<?>>map(HttpResponse::ok)
        .orElseGet(() -> notFound(id));
  }

  /** The snapshot as published, byte for byte. */
  @Get(uri = "/{id}/content", produces = MediaType.APPLICATION_JSON)
  public HttpResponse<?> content(String id) {
    return publications
        .current(id)
        .<HttpResponse<?>>map(p -> HttpResponse.ok(p.payload()).contentType(MediaType.APPLICATION_JSON_TYPE))
        .orElseGet(() -> notFound(id));
  }

  private static HttpResponse<?> notFound(String id) {
    return HttpResponse.notFound(
        Map.of("message", "没有编号为 " + id + " 的联络站，或其内容尚未发布 / no station " + id + " or nothing published yet"));
  }
}
