package liaison.kiosk.home;

import java.util.List;
import java.util.Optional;

/**
 * What the home screen shows, as plain values: the presenter computes it, the view draws it, and
 * tests read it without the toolkit.
 *
 * @param waitingForContent no content was ever received: the screen says it is on its way
 * @param clockWarning set when the station's clock is earlier than the content; nothing is "today"
 * @param offlineBadge for example "离线 · 10:42 起"; empty while the hub is reachable
 * @param contentAge for example "内容更新于 11月23日 07:30"
 */
public record HomeScreen(
    String stationName,
    String signPlate,
    String dateZh,
    String dateEn,
    String time,
    boolean waitingForContent,
    Optional<Bilingual> clockWarning,
    List<Slot> today,
    List<Upcoming> upcoming,
    List<NoticeLine> notices,
    Optional<String> opinionUrl,
    Optional<Bilingual> offlineBadge,
    Optional<Bilingual> contentAge) {

  /** A text in Chinese, with its English second. */
  public record Bilingual(String zh, String en) {}

  /** One of today's reception slots with its deputies. */
  public record Slot(
      String window,
      Bilingual status,
      SlotState state,
      String theme,
      String location,
      List<DeputyLine> deputies) {}

  public enum SlotState {
    COMING,
    IN_PROGRESS,
    OVER,
    CANCELLED
  }

  /** A deputy as listed on the screen; {@code initial} fills the portrait until photos arrive. */
  public record DeputyLine(String id, String name, String level, String occupation, String initial) {}

  /** A later reception, on one line. */
  public record Upcoming(String day, String window, String names, String theme) {}

  public record NoticeLine(String id, String title, String body, boolean urgent) {}
}
