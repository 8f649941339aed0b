package liaison.hub.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.views.ModelAndView;
import java.time.Clock;
import java.util.Map;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.schedule.ReceptionCalendar;

/**
 * What a resident's phone opens from a station's QR code: the station, where and when deputies
 * receive visitors. (The opinion form comes with the residents' pages; booking, {@code /b/{token}}, is
 * {@link liaison.hub.booking.PublicBookingController}.)
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
public class PublicStationController {
  private final StationRepository stations;
  private final PublicationRepository publications;
  private final Clock clock;

  public PublicStationController(StationRepository stations, PublicationRepository publications, Clock clock) {
    this.stations = stations;
    this.publications = publications;
    this.clock = clock;
  }

  @Get(uri = "/o/{token}", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> opinion(String token) {
    return page(token);
  }

  private HttpResponse<?> page(String token) {
    var place = stations.findByToken(token);
    if (place.isEmpty()) {
      return HttpResponse.notFound(new ModelAndView<>("not-found", Map.of()));
    }
    var publication = publications.current(place.get().id());
    if (publication.isEmpty()) {
      return HttpResponse.ok(new ModelAndView<>("station", Map.of("place", place.get(), "ready", false)));
    }
    StationContent content =
        ProtocolCodec.decode(publication.get().payload().getBytes(java.nio.charset.StandardCharsets.UTF_8), StationContent.class);
    ReceptionCalendar calendar = new ReceptionCalendar(content, clock);
    return HttpResponse.ok(
        new ModelAndView<>(
            "station",
            Map.of(
                "place", place.get(),
                "ready", true,
                "content", content,
                "today", calendar.todaysReceptions(),
                "upcoming", calendar.upcoming(14),
                "calendar", calendar,
                "notices", calendar.activeNotices(),
                "todayDate", calendar.today().toString())));
  }
}
