package liaison.signage.protocol;

import java.util.Optional;

/**
 * The commands a station understands. A name not listed here is refused by the station, not lost.
 */
public enum CommandName {
  SCREENSHOT,
  IDENTIFY,
  RELOAD_CONTENT,
  RESTART_APP,
  SCREEN_ON,
  SCREEN_OFF;

  /** The command of that exact name, if this version knows it. */
  public static Optional<CommandName> of(String name) {
    for (CommandName known : values()) {
      if (known.name().equals(name)) {
        return Optional.of(known);
      }
    }
    return Optional.empty();
  }
}
