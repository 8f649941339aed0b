package liaison.signage.player.hardware;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Switches the display: the official touchscreen's backlight, or nothing where there is none. */
public interface ScreenPower {

  void set(boolean on);

  /** No control over the display (a desktop, a test): the screen simply stays on. */
  ScreenPower NONE = on -> {};

  /**
   * A backlight under {@code /sys/class/backlight/<name>/bl_power}: 0 lights it, 1 turns it off
   * (the Raspberry Pi 7-inch panel: {@code /sys/class/backlight/10-0045}).
   */
  static ScreenPower backlight(Path device) {
    Logger log = LoggerFactory.getLogger(ScreenPower.class);
    return on -> {
      try {
        Files.writeString(device.resolve("bl_power"), on ? "0\n" : "1\n");
      } catch (IOException e) {
        log.warn("cannot switch the backlight at {}: {}", device, e.getMessage());
      }
    };
  }
}
