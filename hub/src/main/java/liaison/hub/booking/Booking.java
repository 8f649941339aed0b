package liaison.hub.booking;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * A resident's booking at a reception slot. Name and phone are personal data: lists show {@link
 * #maskedPhone()}; after the retention period they are erased ({@code erasedAt}).
 */
public record Booking(
    String id,
    String slotId,
    String code,
    String name,
    String phone,
    int partySize,
    @Nullable String topic,
    BookingStatus status,
    OffsetDateTime bookedAt,
    @Nullable OffsetDateTime cancelledAt,
    @Nullable OffsetDateTime erasedAt) {

  /** {@code 138****1234}: enough for staff to tell bookings apart on a list, not to call. */
  public String maskedPhone() {
    return mask(phone);
  }

  static String mask(String phone) {
    if (phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
  }

  public boolean holdsPlaces() {
    return status == BookingStatus.BOOKED;
  }
}
