package liaison.signage.player;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.CuttingProxy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Presence through a connection that is cut and restored (a TCP relay between station and broker):
 * after a blip the station's state is ONLINE again at once; a longer outage shows as OFFLINE once
 * the will delay has run out, and not before. (The hub rides out the blip: FleetTest.)
 */
class PresenceTest {
  private static final String STATE = Topic.stationState("s-001").toString();

  @TempDir Path dir;
  private final TestClock clock = TestClock.at("2026-11-23T09:00:00+08:00");

  private static List<StationState.Presence> presences(TestClient hub) {
    return hub.receivedOn(STATE).stream()
        .filter(r -> r.payload().length > 0)
        .map(r -> ProtocolCodec.decode(r.payload(), StationState.class).presence())
        .toList();
  }

  /** What arrived after the first {@code from} messages; one snapshot of the list, read once. */
  private static List<StationState.Presence> since(List<StationState.Presence> all, int from) {
    return all.subList(Math.min(from, all.size()), all.size());
  }

  @Test
  void shouldNotFlapOnABlipAndGoOfflineAfterTheWillDelay() throws Exception {
    try (TestBroker broker = TestBroker.start(dir.resolve("broker"));
        CuttingProxy gate = CuttingProxy.to(URI.create(broker.uri()).getPort());
        TestClient hub = TestClient.connect(broker.uri(), "test-hub")) {
      hub.subscribe(STATE);
      StationConfig config =
          StationConfig.of("s-001", gate.mqttUri(), dir.resolve("station"))
              .withReconnect(
                  new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(300), 0.1))
              .withKeepAlive(Duration.ofSeconds(2))
              .withWillDelay(Duration.ofSeconds(4));
      try (StationRuntime runtime = StationRuntime.open(config, clock)) {
        runtime.start();
        await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> presences(hub).contains(StationState.Presence.ONLINE));

        // A blip: the connection drops and the station is back within a second. The broker may
        // hand over the old session's will as the new one starts; ONLINE always follows it.
        gate.cut();
        gate.open();
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE);
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    presences(hub).getLast() == StationState.Presence.ONLINE
                        && presences(hub).size() >= 2);
        int afterBlip = presences(hub).size();

        // An outage: the will arrives once the delay has run out, and not before.
        gate.cut();
        // The broker holds the will for its delay (4 s): nothing during the first two seconds.
        await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(3))
            .until(() -> !since(presences(hub), afterBlip).contains(StationState.Presence.OFFLINE));
        await()
            .atMost(Duration.ofSeconds(15))
            .until(() -> since(presences(hub), afterBlip).contains(StationState.Presence.OFFLINE));
      }
    }
  }
}
