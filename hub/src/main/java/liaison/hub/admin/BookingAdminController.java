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
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liaison.hub.booking.Booking;
import liaison.hub.booking.BookingService;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.web.Pages;

/**
 * A reception's bookings for its station's managers and the county's administrators: phones
 * masked; one number shown in full on request ({@code ?show=}), and that look is audited.
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

  @Get(uri = "/receptions/{id}/bookings", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String show) {
    ReceptionSlot slot = bookings.slotFor(staff, id);
    List<Booking> all = bookings.forSlot(staff, id);
    String shown = null;
    if (show != null && all.stream().anyMatch(b -> b.id().equals(show))) {
      shown = bookings.contact(staff, show).phone();
    }
    String revealed = shown;
    Map<String, Object> model = Pages.model(request, staff);
    model.put("slot", slot);
    model.put("place", access.requireSee(staff, slot.stationId()));
    model.put(
        "deputyNames",
        slot.deputyIds().stream()
            .map(deputies::nameOf)
            .collect(Collectors.joining("、")));
    model.put(
        "rows",
        all.stream()
            .map(b -> b.id().equals(show) && revealed != null ? new Row(b, revealed, true) : new Row(b, b.maskedPhone(), false))
            .toList());
    model.put("booked", all.stream().filter(Booking::holdsPlaces).mapToInt(Booking::partySize).sum());
    model.put("retentionDays", bookings.retentionDays());
    return new ModelAndView<>("admin/bookings", model);
  }
}
