package liaison.kiosk.deputies;

import java.util.List;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;

/**
 * One deputy's page.
 *
 * @param messageUrl the QR: the deputy's own message form, else the station's opinion form
 * @param duties coming reception days and times at this station
 */
public record DeputyModel(
    DeputyCard card,
    List<Bilingual> levels,
    String constituency,
    String occupation,
    String workUnit,
    List<String> specialties,
    Optional<String> phone,
    List<Bilingual> duties,
    String messageUrl,
    boolean addressedToDeputy) {}
