package liaison.signage.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;

/**
 * Plain TCP sockets with Nagle's algorithm off, for every MQTT client of hub and stations.
 *
 * <p>Why: an MQTT client acknowledges each QoS 1 message with its own 4-byte PUBACK. With Nagle on,
 * the kernel holds every PUBACK after the first until the broker's TCP acknowledges that one; a
 * broker that sends in windows (HiveMQ CE waits for PUBACKs once its window of in-flight messages
 * is used up) has nothing to carry that acknowledgement and delays it (40–200 ms on Linux). Result:
 * one window per delayed ACK, 50–250 messages per second. With TCP_NODELAY the same pair moves
 * 10,000+ per second. Measured in docs/BENCHMARKS.md.
 */
public final class NoDelaySocketFactory extends SocketFactory {
  private static final NoDelaySocketFactory INSTANCE = new NoDelaySocketFactory();

  private final SocketFactory plain = SocketFactory.getDefault();

  private NoDelaySocketFactory() {}

  public static NoDelaySocketFactory get() {
    return INSTANCE;
  }

  /**
   * True for the broker addresses this factory serves: {@code tcp://} ({@link #tls} for {@code
   * ssl://}).
   */
  public static boolean serves(String brokerUri) {
    return brokerUri.startsWith("tcp://");
  }

  /**
   * TLS sockets from the given factory with Nagle's algorithm off, for {@code ssl://} brokers: the
   * same stall awaits QoS 1 acknowledgements inside TLS records.
   */
  public static SSLSocketFactory tls(SSLSocketFactory tls) {
    return new NoDelayTls(tls);
  }

  private static final class NoDelayTls extends SSLSocketFactory {
    private final SSLSocketFactory tls;

    NoDelayTls(SSLSocketFactory tls) {
      this.tls = tls;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return tls.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return tls.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return noDelay(tls.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose)
        throws IOException {
      socket.setTcpNoDelay(true);
      return noDelay(tls.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return noDelay(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
        throws IOException {
      return noDelay(tls.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(tls.createSocket(host, port));
    }

    @Override
    public Socket createSocket(
        InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
      return noDelay(tls.createSocket(address, port, localAddress, localPort));
    }
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(plain.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(plain.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(plain.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(plain.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(plain.createSocket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
