package liaison.kiosk.alert;

import java.util.Optional;
import liaison.signage.player.text.Bilingual;

/** An urgent banner or an emergency that holds the screen. */
public record AlertModel(
    String noticeId,
    boolean emergency,
    Bilingual tag,
    String title,
    String body,
    Optional<Bilingual> until) {}
