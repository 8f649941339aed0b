package liaison.signage.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

  @Test
  void shouldTurnNaglesAlgorithmOffOnEverySocketItMakes() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        Socket unconnected = NoDelaySocketFactory.get().createSocket();
        Socket connected =
            NoDelaySocketFactory.get()
                .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
      assertThat(unconnected.getTcpNoDelay()).isTrue();
      assertThat(connected.getTcpNoDelay()).isTrue();
    }
  }

  @Test
  void shouldServePlainTcpBrokerAddressesOnly() {
    assertThat(NoDelaySocketFactory.serves("tcp://127.0.0.1:1883")).isTrue();
    assertThat(NoDelaySocketFactory.serves("ssl://hub.example:8883")).isFalse();
  }
}
