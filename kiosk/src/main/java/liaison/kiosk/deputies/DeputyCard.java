package liaison.kiosk.deputies;

import java.util.Optional;
import liaison.kiosk.text.DeputyText;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.StationContent.Deputy;

/** A deputy in a list; {@code initial} stands in for the portrait while there is no photo. */
public record DeputyCard(
    String id,
    String name,
    Bilingual level,
    String occupation,
    String initial,
    Optional<String> photo) {

  public static DeputyCard of(Deputy d) {
    return new DeputyCard(
        d.id(),
        d.name(),
        DeputyText.level(d.highestLevel()),
        d.occupation(),
        DeputyText.initial(d.name()),
        Optional.ofNullable(d.photo()));
  }
}
