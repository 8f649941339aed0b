package liaison.hub.admin;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.opinion.DeputyLinks;
import liaison.hub.poster.PosterRenderer;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.PublicLinks;
import liaison.signage.protocol.DeputyLevel;

/**
 * A station's printable A4 poster with its two QR codes, and each deputy's desk card with their own
 * code, for those who look after the station.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/stations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PosterController {
  private final Access access;
  private final PosterRenderer renderer;
  private final PublicLinks links;
  private final DeputyDirectory deputies;
  private final DeputyLinks deputyLinks;

  public PosterController(
      Access access,
      PosterRenderer renderer,
      PublicLinks links,
      DeputyDirectory deputies,
      DeputyLinks deputyLinks) {
    this.access = access;
    this.renderer = renderer;
    this.links = links;
    this.deputies = deputies;
    this.deputyLinks = deputyLinks;
  }

  /** A deputy's A6 desk card for this station: their own code, so messages reach them by name. */
  @Get(uri = "/{id}/deputies/{deputyId}/card.png", produces = "image/png")
  public HttpResponse<byte[]> card(Staff staff, String id, String deputyId) {
    StationPlace place = access.requireEdit(staff, id);
    Deputy deputy =
        deputies.atStation(staff, id).stream()
            .filter(d -> d.id().equals(deputyId))
            .findFirst()
            .orElseThrow(
                () -> new NotFoundProblem(Text.of("problem.deputy.not-at-station", deputyId)));
    String levels = String.join(" · ", deputy.levels().stream().map(DeputyLevel::zh).toList());
    byte[] png =
        renderer.deputyCard(
            deputy.name(),
            levels,
            place.station().name(),
            links.opinion(deputyLinks.token(id, deputyId)));
    return HttpResponse.ok(png)
        .header("Content-Disposition", "inline; filename=\"card-" + id + "-" + deputyId + ".png\"")
        .header("Cache-Control", "no-store");
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
