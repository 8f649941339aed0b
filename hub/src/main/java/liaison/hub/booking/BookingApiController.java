package liaison.hub.booking;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import liaison.signage.protocol.ReceptionStatus;

/** Residents' bookings over JSON, for the station's managers and the county's administrators. */
@Controller("/api")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class BookingApiController {
  private final BookingService bookings;

  public BookingApiController(BookingService bookings) {
    this.bookings = bookings;
  }

  /**
   * A booking in a list: the phone masked ({@code 138****1234}); {@code status} is BOOKED or
   * CANCELLED, {@code slotCancelled} when the station cancelled the reception itself.
   */
  public record BookingView(
      String id,
      String code,
      String name,
      String phoneMasked,
      int partySize,
      @Nullable String topic,
      String status,
      boolean slotCancelled,
      String bookedAt,
      @Nullable String cancelledAt) {}

  /** A reception's bookings and its places. */
  public record SlotBookings(
      String receptionId, @Nullable Integer capacity, int booked, List<BookingView> bookings) {}

  /** A booking's contact details in full. */
  public record Contact(String id, String code, String name, String phone) {}

  /**
   * The bookings of a reception, earliest first, phones masked. 403 for deputies' accounts and for
   * managers of other stations.
   */
  @Get(uri = "/receptions/{id}/bookings", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "listBookings")
  @ApiAnswers.NotFound
  public SlotBookings list(@Parameter(hidden = true) Staff staff, String id) {
    ReceptionSlot slot = bookings.slotFor(staff, id);
    List<Booking> all = bookings.forSlot(staff, id);
    boolean slotCancelled = slot.status() == ReceptionStatus.CANCELLED;
    return new SlotBookings(
        slot.id(),
        slot.capacity(),
        all.stream().filter(Booking::holdsPlaces).mapToInt(Booking::partySize).sum(),
        all.stream()
            .map(
                b ->
                    new BookingView(
                        b.id(),
                        b.code(),
                        b.name(),
                        b.maskedPhone(),
                        b.partySize(),
                        b.topic(),
                        b.status().name(),
                        slotCancelled,
                        b.bookedAt().toString(),
                        b.cancelledAt() == null ? null : b.cancelledAt().toString()))
            .toList());
  }

  /** One booking's full phone number, to call the resident; every look is in the audit log. */
  @Get(uri = "/bookings/{id}/contact", produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "getBookingContact")
  @ApiAnswers.NotFound
  public Contact contact(@Parameter(hidden = true) Staff staff, String id) {
    Booking b = bookings.contact(staff, id);
    return new Contact(b.id(), b.code(), b.name(), b.phone());
  }
}
