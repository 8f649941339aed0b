package liaison.kiosk.home;

import java.util.List;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;

/**
 * What the home screen shows, as plain values: the presenter computes it, the view draws it, and
 * tests read it without the toolkit.
 *
 * @param waitingForContent no content was ever received: the screen says it is on its way
 * @param clockWarning set when the station's clock is earlier than the content; nothing is "today"
 * @param offlineBadge for example "离线 · 10:42 起"; empty while the hub is reachable
 * @param contentAge for example "内容更新于 11月23日 07:30"
 * @param tickerStep where the notice line stands: it shows the next line at each step
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
    Optional<String> bookingUrl,
    Optional<Bilingual> offlineBadge,
    Optional<Bilingual> contentAge,
    long tickerStep) {

  /**
   * One of today's reception slots with its deputies.
   *
   * @param signIn while it is under way at a station the hub gave a sign-in key: the address of
   *     this minute's code the deputies on duty scan to sign in (代表签到)
   */
  public record Slot(
      String window,
      Bilingual status,
      SlotState state,
      String theme,
      String location,
      List<DeputyLine> deputies,
      Optional<Bilingual> booking,
      Optional<String> signIn) {}

  public enum SlotState {
    COMING,
    IN_PROGRESS,
    OVER,
    CANCELLED
  }

  /**
   * An on-duty deputy as listed on the screen; {@code initial} fills the portrait until the photo
   * arrives; {@code attendance} says expected or present while the slot is not cancelled.
   */
  public record DeputyLine(
      String id,
      String name,
      Bilingual level,
      String occupation,
      String initial,
      Optional<String> photo,
      Optional<Attendance> attendance) {}

  public enum Attendance {
    EXPECTED,
    PRESENT
  }

  /** A later reception, on one line. */
  public record Upcoming(
      String day, String window, String names, String theme, Optional<Bilingual> booking) {}

  public record NoticeLine(String id, String title, String body, Bilingual tag, boolean urgent) {}
}
