package liaison.signage.player.board;

import java.util.Optional;
import liaison.signage.player.fx.Portraits;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.schedule.ReceptionCalendar;

/**
 * What a board is drawn from: the station's content at an instant, its portraits, the shape of the
 * screen (a portrait screen has room for more rows and fewer columns) and which of the board's
 * pages is on screen.
 */
record BoardInput(
    StationContent content,
    ReceptionCalendar calendar,
    Portraits portraits,
    boolean portrait,
    double fontPx,
    int page) {

  static String initial(Deputy deputy) {
    return deputy.name().substring(0, Math.min(1, deputy.name().length()));
  }

  Optional<String> photo(Deputy deputy) {
    return Optional.ofNullable(deputy.photo());
  }
}
