package liaison.signage.player.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's pins on Pi4J's mock provider, driving a real station runtime whose events go
 * through its outbox and the real broker to a subscriber standing in for the hub.
 */
class StationHardwareTest {
  private static final ReconnectPolicy FAST =
      new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 0.1);
  private static final String EVENTS = Topic.stationEvent("s-001").toString();

  @TempDir Path dir;
  private final TestClock clock = TestClock.at("2026-11-23T09:00:00+08:00");
  private TestBroker broker;
  private TestClient hub;
  private StationRuntime runtime;
  private StationDevices devices;
  private StationHardware hardware;
  private Path backlight;

  @BeforeEach
  void start() throws Exception {
    broker = TestBroker.start(dir.resolve("broker"));
    hub = TestClient.connect(broker.uri(), "test-hub");
    hub.subscribe(EVENTS);
    runtime =
        StationRuntime.open(
            StationConfig.of("s-001", broker.uri(), dir.resolve("station")).withReconnect(FAST),
            clock);
    devices =
        StationDevices.open(DeviceConfig.DEFAULTS.withProvider(DeviceConfig.Provider.MOCK))
            .orElseThrow();
    backlight = Files.createDirectories(dir.resolve("sys/class/backlight/10-0045"));
    hardware = new StationHardware(runtime, devices, ScreenPower.backlight(backlight), clock);
  }

  @AfterEach
  void stop() {
    hardware.close();
    devices.close();
    runtime.close();
    hub.close();
    broker.close();
  }

  private List<StationEvent> events(String type) {
    return hub.receivedOn(EVENTS).stream()
        .map(r -> ProtocolCodec.decode(r.payload(), StationEvent.class))
        .filter(e -> e.type().equals(type))
        .toList();
  }

  @Test
  void shouldWakeOnMotionCountVisitorsAndReportTheHourOnceItIsOver() {
    runtime.start();
    AtomicInteger wakes = new AtomicInteger();
    hardware.onWake(wakes::incrementAndGet);
    StationDevices.Emulator pins = devices.emulator().orElseThrow();

    for (int visitor = 0; visitor < 3; visitor++) {
      pins.motion(true);
      clock.advance(Duration.ofSeconds(5));
      pins.motion(false);
      clock.advance(Duration.ofMinutes(1));
    }
    assertThat(wakes.get()).isEqualTo(3);
    assertThat(hardware.footfallThisHour()).isEqualTo(3);

    clock.set(OffsetDateTime.parse("2026-11-23T10:00:05+08:00").toInstant());
    hardware.tick();

    await().atMost(Duration.ofSeconds(20)).until(() -> !events("footfall").isEmpty());
    StationEvent hour = events("footfall").getFirst();
    assertThat(hour.body())
        .containsEntry("count", 3)
        .containsEntry("hour", "2026-11-23T09:00+08:00");
    assertThat(events("footfall")).hasSize(1);
  }

  @Test
  void shouldReportMotionOnceWhenSomeoneAppearsThenEveryThirtySecondsWhileTheyStay() {
    runtime.start();
    StationDevices.Emulator pins = devices.emulator().orElseThrow();

    // Someone stands in front of the screen for 75 s, the sensor flickering on the way.
    pins.motion(true);
    for (int i = 0; i < 5; i++) {
      pins.motion(false);
      pins.motion(true);
    }
    for (int s = 0; s < 75; s++) {
      clock.advance(Duration.ofSeconds(1));
      hardware.tick();
    }
    pins.motion(false);
    // Back ten seconds later: too soon for another report.
    clock.advance(Duration.ofSeconds(10));
    pins.motion(true);
    pins.motion(false);
    // A new visitor a minute on.
    clock.advance(Duration.ofMinutes(1));
    pins.motion(true);
    pins.motion(false);
    hardware.tick();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> runtime.events().pending() == 0 && events("motion").size() == 4);
    assertThat(events("motion"))
        .extracting(
            e ->
                e.at()
                    .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                    .toLocalTime()
                    .toString())
        .containsExactly("09:00", "09:00:30", "09:01", "09:02:25");
  }

  @Test
  void shouldSendOneCallEventPerPressThroughTheBroker() {
    runtime.start();
    StationDevices.Emulator pins = devices.emulator().orElseThrow();

    pins.press();
    pins.press(); // bounce: within the debounce time
    clock.advance(Duration.ofSeconds(3));
    pins.press();

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> events("button.call").size() == 2 && runtime.events().pending() == 0);
    assertThat(events("button.call")).extracting(StationEvent::id).doesNotHaveDuplicates();
  }

  @Test
  void shouldBlinkSlowlyUntilOnlineThenStaySteady() {
    assertThat(hardware.pattern()).isEqualTo(LedPattern.SLOW_BLINK);
    hardware.tick();
    boolean first = devices.ledLit();
    clock.advance(Duration.ofSeconds(1));
    hardware.tick();
    assertThat(devices.ledLit()).as("a slow blink changes every second").isNotEqualTo(first);

    runtime.start();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE);
    assertThat(hardware.pattern()).isEqualTo(LedPattern.STEADY);
    hardware.tick();
    assertThat(devices.ledLit()).isTrue();

    hardware.error(true);
    assertThat(hardware.pattern()).isEqualTo(LedPattern.FAST_BLINK);
    hardware.identify(Duration.ofSeconds(10));
    assertThat(hardware.pattern()).isEqualTo(LedPattern.IDENTIFY);
  }

  @Test
  void shouldSwitchTheBacklightOffAtNightAndOnForAVisitor() throws Exception {
    clock.set(OffsetDateTime.parse("2026-11-23T22:00:00+08:00").toInstant());
    hardware.tick();
    assertThat(Files.readString(backlight.resolve("bl_power"))).isEqualTo("1\n");

    devices.emulator().orElseThrow().motion(true);
    hardware.tick();
    assertThat(Files.readString(backlight.resolve("bl_power"))).isEqualTo("0\n");

    clock.advance(Duration.ofMinutes(6));
    hardware.tick();
    assertThat(Files.readString(backlight.resolve("bl_power"))).isEqualTo("1\n");
  }
}
