package liaison.kiosk.text;

import java.util.Optional;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent.Reception;

/** How the kiosk's pages word a reception, the same on Home and on the schedule. */
public final class ReceptionText {
  private ReceptionText() {}

  /** "已约 7/20", "已约满": how many residents booked, when the reception takes bookings. */
  public static Optional<Bilingual> booking(Reception r) {
    if (r.capacity() == null || r.status() == ReceptionStatus.CANCELLED) {
      return Optional.empty();
    }
    if (r.freePlaces().orElse(0) == 0) {
      return Optional.of(
          Bilingual.of(
              "已约满 " + r.booked() + "/" + r.capacity(),
              "Fully booked " + r.booked() + "/" + r.capacity()));
    }
    return Optional.of(
        Bilingual.of(
            "已约 " + r.booked() + "/" + r.capacity(), "Booked " + r.booked() + "/" + r.capacity()));
  }
}
