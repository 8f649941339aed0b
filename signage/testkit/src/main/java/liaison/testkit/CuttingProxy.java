package liaison.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay between a station and a server that a test can cut, as the station's line fails: all
 * at once and for a while ({@link #cut()} until {@link #open()}, the broker itself running on), or
 * a connection after a number of bytes of its answer, as a mobile network fading half-way through a
 * video ({@link #cutNextAfter}): the client sees the answer's head and part of its body, then a
 * closed socket. Counts what it passed to clients, so a test can tell a resumed download from one
 * fetched twice.
 */
public final class CuttingProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int target;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final AtomicLong cutAfter = new AtomicLong(-1);
  private final AtomicInteger cuts = new AtomicInteger();
  private final AtomicLong toClient = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean open = true;

  private CuttingProxy(ServerSocket server, int target) {
    this.server = server;
    this.target = target;
    Thread.ofVirtual().name("cutting-proxy-accept").start(this::accept);
  }

  /** A relay on a free loopback port to {@code 127.0.0.1:port}. */
  public static CuttingProxy to(int port) {
    try {
      return new CuttingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), port);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The relay's address, {@code http://127.0.0.1:<port>}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** The relay's address for MQTT, {@code tcp://127.0.0.1:<port>}. */
  public String mqttUri() {
    return "tcp://127.0.0.1:" + port();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Drops every connection through the relay and refuses new ones until {@link #open()}. */
  public void cut() {
    open = false;
    for (Socket socket : sockets) {
      closeQuietly(socket);
    }
  }

  public void open() {
    open = true;
  }

  /** The next connection is dropped once this many bytes of its answer have passed; once. */
  public void cutNextAfter(long bytes) {
    cutAfter.set(bytes);
  }

  /** Connections dropped so far. */
  public int cuts() {
    return cuts.get();
  }

  /** Connections relayed so far. */
  public int connections() {
    return connections.get();
  }

  /** Bytes passed from the server to clients so far, heads and bodies. */
  public long bytesToClient() {
    return toClient.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return;
      }
      if (!open) {
        closeQuietly(client);
        continue;
      }
      try {
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
        sockets.add(client);
        sockets.add(upstream);
        connections.incrementAndGet();
        long limit = cutAfter.getAndSet(-1);
        Thread.ofVirtual().start(() -> pipe(client, upstream, Long.MAX_VALUE, false));
        Thread.ofVirtual()
            .start(() -> pipe(upstream, client, limit < 0 ? Long.MAX_VALUE : limit, true));
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void pipe(Socket from, Socket to, long limit, boolean answer) {
    long passed = 0;
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      byte[] buffer = new byte[16 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        int send = (int) Math.min(n, limit - passed);
        out.write(buffer, 0, send);
        out.flush();
        passed += send;
        if (answer) {
          toClient.addAndGet(send);
        }
        if (passed >= limit) {
          cuts.incrementAndGet();
          break;
        }
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
