package liaison.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop in the middle of a test cuts every client off before it returns; a close, the broker's
 * end, returns once the port refuses connections, before HiveMQ's stop has finished idling.
 */
class TestBrokerTest {
  /**
   * MQTT 5 reason codes below 0x80 are successes (0x10: no subscriber matched); Paho's own codes
   * for a publish that never reached a broker are in the thousands.
   */
  private static final int SUCCESS_BELOW = 0x80;

  @TempDir Path dir;

  @Test
  void shouldServeNoClientOnceStoppedAndServeAgainOnTheSamePortAndRefuseConnectionsOnceClosed()
      throws Exception {
    TestBroker broker = TestBroker.start(dir);
    TestClient client = TestClient.connect(broker.uri(), "before-the-stop");
    assertThat(client.publishReason("t/x", bytes("first"), false)).isLessThan(SUCCESS_BELOW);

    broker.stop();

    assertThat(broker.isRunning()).isFalse();
    assertRefused(broker);
    assertThat(client.publishReason("t/x", bytes("after the stop"), false))
        .as("a publish after the stop is acknowledged by no one")
        .isGreaterThanOrEqualTo(SUCCESS_BELOW);
    client.close();

    broker.startAgain();
    try (TestClient again = TestClient.connect(broker.uri(), "after-the-restart")) {
      assertThat(again.publishReason("t/x", bytes("again"), false)).isLessThan(SUCCESS_BELOW);
    }

    broker.close();

    assertThat(broker.isRunning()).isFalse();
    assertRefused(broker);
  }

  private static void assertRefused(TestBroker broker) {
    assertThatThrownBy(
            () -> {
              try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", broker.port()), 1_000);
              }
            })
        .as("a connection to the broker's port")
        .isInstanceOf(ConnectException.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
