package liaison.signage.player.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's GPIO: motion sensor, call button and status LED, on the provider the configuration
 * names. The provider is chosen here, once, at start; the parts that use the pins never know which
 * one drives them.
 */
public final class StationDevices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StationDevices.class);

  private final DeviceConfig config;
  private final Context pi4j;
  private final DigitalInput motion;
  private final DigitalInput button;
  private final DigitalOutput led;

  private StationDevices(DeviceConfig config, Context pi4j) {
    this.config = config;
    this.pi4j = pi4j;
    this.motion =
        pi4j.create(
            DigitalInput.newConfigBuilder(pi4j)
                .id("motion")
                .name("PIR motion sensor")
                .address(config.motionPin())
                .pull(PullResistance.PULL_DOWN)
                .build());
    this.button =
        pi4j.create(
            DigitalInput.newConfigBuilder(pi4j)
                .id("button")
                .name("call-staff button")
                .address(config.buttonPin())
                .pull(PullResistance.PULL_UP)
                .debounce(config.buttonDebounce().toMillis() * 1000)
                .build());
    this.led =
        pi4j.create(
            DigitalOutput.newConfigBuilder(pi4j)
                .id("led")
                .name("status LED")
                .address(config.ledPin())
                .initial(DigitalState.LOW)
                .shutdown(DigitalState.LOW)
                .build());
  }

  /** Opens the pins on the configured provider; empty for {@link DeviceConfig.Provider#NONE}. */
  public static Optional<StationDevices> open(DeviceConfig config) {
    Context pi4j =
        switch (config.provider()) {
          case NONE -> null;
          case MOCK ->
              Pi4J.newContextBuilder()
                  .add(
                      MockDigitalInputProvider.newInstance(),
                      MockDigitalOutputProvider.newInstance())
                  .build();
          case GPIOD ->
              Pi4J.newContextBuilder()
                  .add(
                      GpioDDigitalInputProvider.newInstance(),
                      GpioDDigitalOutputProvider.newInstance())
                  .build();
        };
    if (pi4j == null) {
      return Optional.empty();
    }
    LOG.info(
        "station hardware on {}: motion BCM {}, button BCM {}, LED BCM {}",
        config.provider(),
        config.motionPin(),
        config.buttonPin(),
        config.ledPin());
    return Optional.of(new StationDevices(config, pi4j));
  }

  public DeviceConfig config() {
    return config;
  }

  /** Called with true when movement starts, false when it ends. */
  public void onMotion(Consumer<Boolean> listener) {
    motion.addListener(e -> listener.accept(e.state() == DigitalState.HIGH));
  }

  /** Called when the button is pressed (the pin pulled low). */
  public void onButton(Runnable listener) {
    button.addListener(
        e -> {
          if (e.state() == DigitalState.LOW) {
            listener.run();
          }
        });
  }

  public void led(boolean lit) {
    led.state(lit ? DigitalState.HIGH : DigitalState.LOW);
  }

  public boolean ledLit() {
    return led.state() == DigitalState.HIGH;
  }

  /**
   * The mock pins, for the kiosk's developer panel and for tests: present only on the mock
   * provider.
   */
  public Optional<Emulator> emulator() {
    if (motion instanceof MockDigitalInput m && button instanceof MockDigitalInput b) {
      return Optional.of(new Emulator(m, b));
    }
    return Optional.empty();
  }

  /** Works the mock sensor and button as a person would. */
  public static final class Emulator {
    private final MockDigitalInput motion;
    private final MockDigitalInput button;

    Emulator(MockDigitalInput motion, MockDigitalInput button) {
      this.motion = motion;
      this.button = button;
      button.mockState(DigitalState.HIGH); // released: the pull-up holds it high
    }

    public void motion(boolean moving) {
      motion.mockState(moving ? DigitalState.HIGH : DigitalState.LOW);
    }

    /** Pressed and released. */
    public void press() {
      button.mockState(DigitalState.LOW);
      button.mockState(DigitalState.HIGH);
    }
  }

  @Override
  public void close() {
    try {
      led(false);
    } finally {
      pi4j.shutdown();
    }
  }
}
