package liaison.signage.player.enrol;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.StationContent;

/**
 * Turns the runtime's enrolment state into the panel a waiting screen shows; nothing once enrolled.
 */
public final class EnrolmentPresenter {
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final Bilingual NO_NAME =
      Bilingual.of("本站名称尚未收到", "The station's name has not arrived yet");
  private final Clock clock;

  public EnrolmentPresenter(Clock clock) {
    this.clock = clock;
  }

  /**
   * The station's name as a waiting screen shows it, or that none has arrived yet: never its
   * internal id, which means nothing to the people in front of it. (The name comes with the
   * enrolment ticket from a current hub, else with the content.)
   */
  public static Bilingual stationLine(Optional<StationName> stationName) {
    return known(stationName)
        .map(n -> Bilingual.of("本站：" + n, "This station: " + n))
        .orElse(NO_NAME);
  }

  /** The name the content gives, else the one enrolment heard; none when neither has one. */
  public static Optional<StationName> nameOf(
      Optional<StationContent> content, Optional<StationName> enrolled) {
    return content.map(c -> StationName.of(c.station())).or(() -> enrolled);
  }

  private static Optional<String> known(Optional<StationName> stationName) {
    return stationName.map(StationName::shown).filter(n -> !n.isBlank());
  }

  /**
   * @param stationName the station's name, when its content or its enrolment ticket said it
   */
  public Optional<EnrolmentPanel> present(EnrolmentState state, Optional<StationName> stationName) {
    if (!state.showing()) {
      return Optional.empty();
    }
    Bilingual title =
        state.again()
            ? Bilingual.of("本机需要重新登记", "This screen must be enrolled again")
            : Bilingual.of("本机尚未登记", "This screen is not enrolled yet");
    Bilingual station = stationLine(stationName);
    return Optional.of(
        switch (state.phase()) {
          case WAITING ->
              new EnrolmentPanel(
                  title,
                  state.code(),
                  Bilingual.of(
                      "请管理员在管理后台「站点管理 → 本站 → 屏幕登记」输入上面的登记码",
                      "An administrator enters this code in the admin: Stations → this station →"
                          + " Screen"),
                  state.expiresAt() == null
                      ? Bilingual.of("", "")
                      : Bilingual.of(
                          "登记码 "
                              + HH_MM.format(state.expiresAt().atZoneSameInstant(clock.getZone()))
                              + " 前有效，过期后自动换新码",
                          "Valid until "
                              + HH_MM.format(state.expiresAt().atZoneSameInstant(clock.getZone()))
                              + "; a new code follows by itself"),
                  station);
          case ASKING ->
              new EnrolmentPanel(
                  title,
                  null,
                  Bilingual.of("正在向枢纽获取登记码…", "Getting an enrolment code from the hub…"),
                  state.problem() == null
                      ? Bilingual.of(state.hub(), state.hub())
                      : Bilingual.of(
                          state.problem(),
                          state.problemEn() == null ? state.problem() : state.problemEn()),
                  station);
          case REFUSED ->
              new EnrolmentPanel(
                  title,
                  null,
                  state.problem() == null
                      ? Bilingual.of("枢纽拒绝登记这块屏幕", "The hub refused to enrol this screen")
                      : Bilingual.of(
                          state.problem(),
                          state.problemEn() == null ? state.problem() : state.problemEn()),
                  Bilingual.of(
                      "请联系县级管理员；一分钟后自动重试", "Ask the county administrator; retrying in a minute"),
                  station);
          case NOT_NEEDED -> throw new IllegalStateException("not shown");
        });
  }
}
