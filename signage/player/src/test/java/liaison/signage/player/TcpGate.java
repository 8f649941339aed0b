package liaison.signage.player;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between a station and the broker that a test can cut, as a network outage would,
 * while the broker itself keeps running (and so finishes delivering what it acknowledged).
 */
final class TcpGate implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean open = true;

  private TcpGate(ServerSocket server, int target) {
    this.server = server;
    this.target = target;
    Thread.ofVirtual().name("gate-accept").start(this::accept);
  }

  static TcpGate to(int port) throws IOException {
    return new TcpGate(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), port);
  }

  String uri() {
    return "tcp://127.0.0.1:" + server.getLocalPort();
  }

  /** Drops every connection through the gate and refuses new ones until {@link #open()}. */
  void cut() {
    open = false;
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
  }

  void open() {
    open = true;
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket station;
      try {
        station = server.accept();
      } catch (IOException e) {
        return;
      }
      if (!open) {
        closeQuietly(station);
        continue;
      }
      try {
        Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(station);
        sockets.add(broker);
        Thread.ofVirtual().start(() -> pipe(station, broker));
        Thread.ofVirtual().start(() -> pipe(broker, station));
      } catch (IOException e) {
        closeQuietly(station);
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side went away: take the other down too
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      sockets.remove(from);
      sockets.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  @Override
  public void close() {
    cut();
    try {
      server.close();
    } catch (IOException e) {
      // closing
    }
  }
}
