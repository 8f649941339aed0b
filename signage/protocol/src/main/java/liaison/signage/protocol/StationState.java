package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;

/**
 * What a station says about itself, retained on its state topic. The Last Will carries the same
 * record with {@link Presence#OFFLINE}.
 *
 * @param session identifies one run of the station's app, so a late message from an old session can
 *     be told apart from the current one
 * @param contentVersion the content version on screen, 0 before any content was shown
 */
public record StationState(
    Presence presence,
    String session,
    String appVersion,
    long contentVersion,
    Screen screen,
    OffsetDateTime at)
    implements ProtocolMessage {

  public StationState {
    required(presence, "presence");
    text(session, "session");
    text(appVersion, "appVersion");
    if (contentVersion < 0) {
      throw new IllegalArgumentException("field 'contentVersion' is negative: " + contentVersion);
    }
    screen = screen == null ? Screen.ON : screen;
    required(at, "at");
  }

  public enum Presence {
    ONLINE,
    OFFLINE
  }

  public enum Screen {
    ON,
    OFF
  }
}
