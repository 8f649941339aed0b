package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.List;
import liaison.hub.calendar.CalendarService;
import liaison.hub.fleet.StationOverview;
import liaison.hub.notify.Notifications;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/** The admin's front page: the stations this person looks after, their screens and links. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AdminController {
  private final Access access;
  private final StationOverview overview;
  private final Notifications notifications;

  private final CalendarService calendar;

  public AdminController(
      Access access,
      StationOverview overview,
      Notifications notifications,
      CalendarService calendar) {
    this.access = access;
    this.overview = overview;
    this.notifications = notifications;
    this.calendar = calendar;
  }

  /**
   * A station's card: its words in the reader's language; {@code online} colours the screen's
   * state.
   */
  public record StationCard(
      String id,
      String name,
      String kind,
      String township,
      String opinionUrl,
      String screen,
      boolean online,
      long shownVersion,
      long publishedVersion) {}

  /**
   * admin/home: the stations this person looks after; for a county administrator how many messages
   * the outbox gave up (a warning that links to them) and, in December, the next year whose
   * holidays are still to be entered.
   */
  @Introspected
  public record HomePage(
      Frame frame, List<StationCard> stations, int givenUp, @Nullable Integer calendarMissing) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<HomePage> home(HttpRequest<?> request, Staff staff) {
    Lang lang = Lang.of(request);
    List<StationCard> stations =
        access.visibleStations(staff).stream()
            .map(
                p -> {
                  StationOverview.Row row = overview.row(p.id()).orElseThrow();
                  return new StationCard(
                      p.id(),
                      p.station().name(),
                      lang.pick(p.station().kind().zh(), p.station().kind().en()),
                      p.townshipName(),
                      row.opinionUrl(),
                      lang.text(row.screen()),
                      row.screen().key().equals("presence.online"),
                      row.shownVersion(),
                      row.publishedVersion());
                })
            .toList();
    return new ModelAndView<>(
        "admin/home",
        new HomePage(
            Frame.of(request, staff),
            stations,
            notifications.givenUp(staff),
            calendar.missingNextYear(staff).orElse(null)));
  }
}
