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
import java.util.List;
import java.util.stream.Collectors;
import liaison.hub.booking.Booking;
import liaison.hub.booking.BookingService;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.web.Frame;

/**
 * A reception's bookings for its station's managers and the county's administrators: phones masked;
 * one number shown in full on request ({@code ?show=}), and that look is audited.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BookingAdminController {
  private final BookingService bookings;
  private final DeputyDirectory deputies;
  private final Access access;

  public BookingAdminController(BookingService bookings, DeputyDirectory deputies, Access access) {
    this.bookings = bookings;
    this.deputies = deputies;
    this.access = access;
  }

  /** A booking as the list shows it; {@code phone} is masked unless it was asked for. */
  public record Row(Booking booking, String phone, boolean full) {}

  /**
   * admin/bookings: a reception's bookings, how many places they hold, and how long they are kept.
   */
  @Introspected
  public record BookingsPage(
      Frame frame,
      ReceptionSlot slot,
      StationPlace place,
      String deputyNames,
      List<Row> rows,
      int booked,
      int retentionDays) {}

  @Get(uri = "/receptions/{id}/bookings", produces = MediaType.TEXT_HTML)
  public ModelAndView<BookingsPage> list(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String show) {
    ReceptionSlot slot = bookings.slotFor(staff, id);
    List<Booking> all = bookings.forSlot(staff, id);
    String shown = null;
    if (show != null && all.stream().anyMatch(b -> b.id().equals(show))) {
      shown = bookings.contact(staff, show).phone();
    }
    String revealed = shown;
    return new ModelAndView<>(
        "admin/bookings",
        new BookingsPage(
            Frame.of(request, staff),
            slot,
            access.requireSee(staff, slot.stationId()),
            slot.deputyIds().stream().map(deputies::nameOf).collect(Collectors.joining("、")),
            all.stream()
                .map(
                    b ->
                        b.id().equals(show) && revealed != null
                            ? new Row(b, revealed, true)
                            : new Row(b, b.maskedPhone(), false))
                .toList(),
            all.stream().filter(Booking::holdsPlaces).mapToInt(Booking::partySize).sum(),
            bookings.retentionDays()));
  }
}
