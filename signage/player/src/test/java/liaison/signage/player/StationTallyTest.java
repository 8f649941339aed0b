package liaison.signage.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.Topic;
import liaison.signage.protocol.VoteTally;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live tally of a report to voters reaches the station on its own retained topic. */
class StationTallyTest {

  private static final String TALLY = Topic.stationTally("s-001").toString();
  private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T15:00:00+08:00");
  private static final ReconnectPolicy FAST =
      new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 0.2);

  @TempDir Path dir;
  private TestBroker broker;
  private TestClient hub;
  private final TestClock clock = TestClock.at("2026-11-23T15:00:00+08:00");

  @BeforeEach
  void startBroker() {
    broker = TestBroker.start(dir);
    hub = TestClient.connect(broker.uri(), "test-hub");
  }

  @AfterEach
  void stopBroker() {
    hub.close();
    broker.close();
  }

  private static byte[] tally(String report, long seq, VoteTally.State state, int satisfied) {
    return ProtocolCodec.encode(new VoteTally(report, seq, state, satisfied, 1, 0, AT));
  }

  @Test
  void shouldShowTheLatestCountIgnoreAnOlderOneAndABadOneAndClearOnAnEmptyPayload() {
    // given the hub's retained tally before the station connects
    hub.publish(TALLY, tally("r-1", 5, VoteTally.State.OPEN, 3), true);
    try (StationRuntime runtime =
        StationRuntime.open(
            StationConfig.of("s-001", broker.uri(), dir.resolve("station")).withReconnect(FAST),
            clock)) {
      runtime.start();
      await().until(() -> runtime.feed().tally().get().isPresent());
      assertThat(runtime.feed().tally().get().orElseThrow().ballots()).isEqualTo(4);

      // when an older count arrives late, then a malformed one
      hub.publish(TALLY, tally("r-1", 4, VoteTally.State.OPEN, 2), false);
      hub.publish(
          TALLY, "{\"reportId\":\"r-1\",\"seq\":0}".getBytes(StandardCharsets.UTF_8), false);
      await().until(() -> runtime.rejections().count() == 1);
      // then the screen keeps the latest count
      assertThat(runtime.feed().tally().get().orElseThrow().seq()).isEqualTo(5);
      assertThat(runtime.rejections().last().orElseThrow())
          .startsWith("station s-001: ignored a tally on " + TALLY);

      // when the vote closes, and then the hub clears the topic
      hub.publish(TALLY, tally("r-1", 6, VoteTally.State.CLOSED, 3), true);
      await()
          .until(
              () ->
                  runtime
                      .feed()
                      .tally()
                      .get()
                      .map(t -> t.state() == VoteTally.State.CLOSED)
                      .orElse(false));
      hub.publish(TALLY, new byte[0], true);
      await().until(() -> runtime.feed().tally().get().isEmpty());
      assertThat(runtime.rejections().count()).isEqualTo(1);
    }
  }
}
