package liaison.hub.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import liaison.hub.poster.PosterRenderer;
import liaison.hub.security.Access;
import liaison.hub.security.Staff;
import liaison.hub.station.StationPlace;
import liaison.hub.web.PublicLinks;

/** A station's printable A4 poster with its two QR codes, for those who look after the station. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/stations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PosterController {
  private final Access access;
  private final PosterRenderer renderer;
  private final PublicLinks links;

  public PosterController(Access access, PosterRenderer renderer, PublicLinks links) {
    this.access = access;
    this.renderer = renderer;
    this.links = links;
  }

  @Get(uri = "/{id}/poster.png", produces = "image/png")
  public HttpResponse<byte[]> poster(Staff staff, String id) {
    StationPlace place = access.requireEdit(staff, id);
    var s = place.station();
    byte[] png =
        renderer.stationPoster(
            s.signPlate().isBlank() ? s.name() : s.signPlate(),
            place.countyName() + " · " + place.townshipName(),
            s.address(),
            s.openingHours(),
            links.opinion(s.publicToken()),
            links.booking(s.publicToken()));
    return HttpResponse.ok(png)
        .header("Content-Disposition", "inline; filename=\"poster-" + id + ".png\"")
        .header("Cache-Control", "no-store");
  }
}
