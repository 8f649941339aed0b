package liaison.hub.booking;

import liaison.hub.text.Text;

/** A booking holds its places until it is cancelled. */
public enum BookingStatus {
  BOOKED,
  CANCELLED;

  /** Its name as people read it ({@code booking.status.*} in the bundles). */
  public Text text() {
    return Text.of("booking.status." + name());
  }

  public String zh() {
    return text().zh();
  }

  public String en() {
    return text().en();
  }
}
