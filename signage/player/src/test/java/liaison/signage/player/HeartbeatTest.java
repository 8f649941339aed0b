package liaison.signage.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's heartbeat: its state with fresh readings, on the retained state topic. */
class HeartbeatTest {
  private static final String STATE = Topic.stationState("s-001").toString();

  @TempDir Path dir;
  private final TestClock clock = TestClock.at("2026-11-23T09:00:00+08:00");

  private static List<StationState> states(TestClient hub) {
    return hub.receivedOn(STATE).stream()
        .filter(r -> r.payload().length > 0)
        .map(r -> ProtocolCodec.decode(r.payload(), StationState.class))
        .toList();
  }

  @Test
  void shouldReportReadingsEveryBeatAndTheScreenWhenItChanges() {
    try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
        TestClient hub = TestClient.connect(broker.uri(), "test-hub")) {
      hub.subscribe(STATE);
      StationConfig config =
          StationConfig.of("s-001", broker.uri(), dir.resolve("station"))
              .withReconnect(
                  new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 0.1))
              .withHeartbeat(Duration.ofSeconds(1));
      try (StationRuntime runtime = StationRuntime.open(config, clock)) {
        runtime.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> !states(hub).isEmpty());
        clock.advance(Duration.ofMinutes(5));
        int before = states(hub).size();
        await().atMost(Duration.ofSeconds(20)).until(() -> states(hub).size() > before);

        StationState beat = states(hub).getLast();
        assertThat(beat.presence()).isEqualTo(StationState.Presence.ONLINE);
        assertThat(beat.telemetry()).isNotNull();
        assertThat(beat.telemetry().uptimeSeconds()).isGreaterThanOrEqualTo(300);
        assertThat(beat.telemetry().diskFreeBytes()).isPositive();
        assertThat(beat.telemetry().memoryUsedBytes()).isPositive();
        assertThat(beat.screen()).isEqualTo(StationState.Screen.ON);

        runtime.presence().screen(false);
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> states(hub).getLast().screen() == StationState.Screen.OFF);
      }
    }
  }

  @Test
  void shouldReadTheSocTemperatureOnlyWhenItIsPlausible() throws Exception {
    Path thermal = dir.resolve("temp");
    Files.writeString(thermal, "51300\n");
    TelemetryProbe probe = new TelemetryProbe(clock, dir, thermal);
    assertThat(probe.read().cpuCelsius()).isEqualTo(51.3);

    Files.writeString(thermal, "999999\n");
    assertThat(probe.read().cpuCelsius()).as("a broken sensor says nothing").isNull();

    TelemetryProbe none = new TelemetryProbe(clock, dir, dir.resolve("no-such-file"));
    assertThat(none.read().cpuCelsius()).isNull();
  }
}
