package liaison.hub.booking;

import java.time.OffsetDateTime;
import liaison.hub.text.Masks;
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

  /** {@link Masks#phone}; a number erased after the retention period shows as {@code ****}. */
  static String mask(String phone) {
    return phone.isEmpty() ? "****" : Masks.phone(phone);
  }

  public boolean holdsPlaces() {
    return status == BookingStatus.BOOKED;
  }
}
