package liaison.signage.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationAlertTest {

  private static final String ALERT = Topic.stationAlert("s-001").toString();
  private static final StationAlert GOLDEN =
      ProtocolCodec.decode(GoldenFiles.bytes(GoldenFiles.ALERT), StationAlert.class);
  private static final ReconnectPolicy FAST =
      new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 0.2);

  @TempDir Path dir;
  private TestBroker broker;
  private TestClient hub;
  private final TestClock clock = TestClock.at("2026-11-23T08:00:00+08:00");

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

  private StationConfig config() {
    return StationConfig.of("s-001", broker.uri(), dir.resolve("station")).withReconnect(FAST);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void shouldShowTheAlertKeepItAgainstBadMessagesAndStillShowItAfterARestartWithoutTheHub() {
    // given the hub's retained alert
    hub.publish(ALERT, GoldenFiles.bytes(GoldenFiles.ALERT), true);
    try (StationRuntime runtime = StationRuntime.open(config(), clock)) {
      runtime.start();
      // then the station shows it
      await().until(() -> runtime.feed().alert().get().isPresent());
      assertThat(runtime.feed().alert().get()).contains(GOLDEN);

      // when an alert meant for another station arrives, and then malformed ones
      runtime
          .inbox()
          .received(
              Topic.stationAlert("s-002").toString(), GoldenFiles.bytes(GoldenFiles.ALERT), null);
      assertThat(runtime.rejections().last().orElseThrow())
          .startsWith("station s-001: ignored a message on liaison/v1/station/s-002/alert");
      hub.publish(ALERT, utf8("{\"noticeId\":\"n-1\""), false);
      hub.publish(
          ALERT,
          utf8(
              """
              {"noticeId":"n-2","title":"t","priority":"NORMAL","validFrom":"2026-11-23T07:00:00+08:00"}"""),
          false);

      // then each is rejected like bad content and the alert stays
      await().until(() -> runtime.rejections().count() == 3);
      assertThat(runtime.feed().alert().get()).contains(GOLDEN);
      assertThat(runtime.rejections().last().orElseThrow())
          .startsWith("station s-001: ignored an alert on " + ALERT + ": not a valid StationAlert")
          .endsWith("an alert must be URGENT or EMERGENCY, was NORMAL");
    }

    // when the station restarts while the hub is gone
    broker.stop();
    try (StationRuntime restarted = StationRuntime.open(config(), clock)) {
      // then it shows the stored alert before and after trying to reach the hub
      assertThat(restarted.feed().alert().get()).as("from the store").contains(GOLDEN);
      restarted.start();
      await().until(() -> restarted.presence().link().get().isOffline());
      assertThat(restarted.feed().alert().get()).contains(GOLDEN);
    }
  }

  @Test
  void shouldRejectAMalformedAlertWithTheReasonAndClearOnAnEmptyPayload() {
    hub.publish(ALERT, GoldenFiles.bytes(GoldenFiles.ALERT), true);
    try (StationRuntime runtime = StationRuntime.open(config(), clock)) {
      runtime.start();
      await().until(() -> runtime.feed().alert().get().isPresent());

      hub.publish(ALERT, utf8("not json"), false);
      await().until(() -> runtime.rejections().count() == 1);
      assertThat(runtime.rejections().last().orElseThrow())
          .startsWith("station s-001: ignored an alert on " + ALERT + ": not a valid StationAlert");
      assertThat(runtime.feed().alert().get()).contains(GOLDEN);

      // when the hub clears the retained alert
      hub.publish(ALERT, new byte[0], true);
      // then the station shows none, and the clear is no rejection
      await().until(() -> runtime.feed().alert().get().isEmpty());
      assertThat(runtime.rejections().count()).isEqualTo(1);
    }
    try (StationRuntime restarted = StationRuntime.open(config(), clock)) {
      assertThat(restarted.feed().alert().get()).as("the clear was stored too").isEmpty();
    }
  }
}
