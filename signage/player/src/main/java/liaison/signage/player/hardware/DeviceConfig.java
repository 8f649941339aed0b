package liaison.signage.player.hardware;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Map;

/**
 * The station's hardware as configured at start: which GPIO provider, which pins (BCM numbers), and
 * when the screen is on. A station without hardware uses {@link Provider#NONE}.
 *
 * @param motionPin PIR sensor output, high while it sees movement
 * @param buttonPin call-staff button to ground, read with the pull-up (pressed = low)
 * @param ledPin status LED through a resistor, high = lit
 * @param screenOn from when the screen is on each day
 * @param screenOff from when it is off (motion wakes it for {@code wakeFor})
 */
public record DeviceConfig(
    Provider provider,
    int motionPin,
    int buttonPin,
    int ledPin,
    Duration buttonDebounce,
    Duration footfallGap,
    LocalTime screenOn,
    LocalTime screenOff,
    Duration wakeFor) {

  /** Which Pi4J provider drives the pins. */
  public enum Provider {
    /** libgpiod on a Raspberry Pi. */
    GPIOD,
    /** Pi4J's mock: a machine without GPIO; the kiosk's developer panel works the pins. */
    MOCK,
    /** No hardware at all. */
    NONE
  }

  public static final DeviceConfig DEFAULTS =
      new DeviceConfig(
          Provider.NONE,
          17,
          27,
          22,
          Duration.ofMillis(800),
          Duration.ofSeconds(20),
          LocalTime.of(7, 30),
          LocalTime.of(19, 0),
          Duration.ofMinutes(5));

  public DeviceConfig {
    for (int pin : new int[] {motionPin, buttonPin, ledPin}) {
      if (pin < 0 || pin > 27) {
        throw new IllegalArgumentException(
            "GPIO pin " + pin + " is not a BCM pin of a Raspberry Pi (0–27)");
      }
    }
    if (motionPin == buttonPin || motionPin == ledPin || buttonPin == ledPin) {
      throw new IllegalArgumentException(
          "the motion sensor, button and LED need three different pins, got "
              + motionPin
              + ", "
              + buttonPin
              + ", "
              + ledPin);
    }
    if (buttonDebounce.isNegative() || footfallGap.isNegative() || wakeFor.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  public DeviceConfig withProvider(Provider next) {
    return new DeviceConfig(
        next,
        motionPin,
        buttonPin,
        ledPin,
        buttonDebounce,
        footfallGap,
        screenOn,
        screenOff,
        wakeFor);
  }

  /**
   * Reads {@code provider}, {@code motion-pin}, {@code button-pin}, {@code led-pin}, {@code
   * screen-on} and {@code screen-off} ("07:30") from the kiosk's options; the rest keep their
   * defaults.
   */
  public static DeviceConfig from(Map<String, String> options) {
    DeviceConfig d = DEFAULTS;
    String provider = options.getOrDefault("provider", d.provider().name());
    Provider chosen;
    try {
      chosen = Provider.valueOf(provider.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "GPIO must be none, mock or gpiod, was '" + provider + "'");
    }
    return new DeviceConfig(
        chosen,
        pin(options, "motion-pin", d.motionPin()),
        pin(options, "button-pin", d.buttonPin()),
        pin(options, "led-pin", d.ledPin()),
        d.buttonDebounce(),
        d.footfallGap(),
        LocalTime.parse(options.getOrDefault("screen-on", d.screenOn().toString())),
        LocalTime.parse(options.getOrDefault("screen-off", d.screenOff().toString())),
        d.wakeFor());
  }

  private static int pin(Map<String, String> options, String key, int fallback) {
    String value = options.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          key + " must be a BCM pin number such as 17, was '" + value + "'");
    }
  }
}
