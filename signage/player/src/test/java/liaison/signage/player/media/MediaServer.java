package liaison.signage.player.media;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.signage.protocol.MediaSlide.MediaFile;

/**
 * A hub's {@code /media/{sha256}} for the cache's tests: answers Range as the hub does (206 from
 * the byte asked for), or, per file, ignores it, or sends other bytes than the name says; remembers
 * each request's Range header.
 */
final class MediaServer implements AutoCloseable {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

  private final HttpServer server;
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, byte[]> lies = new ConcurrentHashMap<>();
  private final java.util.Set<String> ignoringRange = ConcurrentHashMap.newKeySet();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  MediaServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/media/", this::answer);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** The hub's address as a snapshot names its photos. */
  String photoBase() {
    return "http://127.0.0.1:" + port() + "/photos/";
  }

  /** Serves these bytes under their hash; returns the file's reference. */
  MediaFile serve(byte[] bytes) {
    MediaFile file = reference(bytes);
    files.put(file.sha256(), bytes);
    return file;
  }

  /** Under the hash of {@code bytes}, answers {@code other} instead (same length). */
  void lie(MediaFile file, byte[] other) {
    lies.put(file.sha256(), other);
  }

  void tellTheTruth(MediaFile file) {
    lies.remove(file.sha256());
  }

  /** Answers the whole file with 200 whatever Range was asked. */
  void ignoreRange(MediaFile file) {
    ignoringRange.add(file.sha256());
  }

  /** Each request as {@code <sha256> <Range or "-">}. */
  List<String> requests() {
    return requests;
  }

  long requestsFor(MediaFile file) {
    return requests.stream().filter(r -> r.startsWith(file.sha256())).count();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String sha = exchange.getRequestURI().getPath().substring("/media/".length());
    String range = exchange.getRequestHeaders().getFirst("Range");
    requests.add(sha + " " + (range == null ? "-" : range));
    byte[] body = lies.getOrDefault(sha, files.get(sha));
    if (body == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "video/mp4");
    Matcher m = range == null ? null : RANGE.matcher(range);
    if (m != null && m.matches() && !ignoringRange.contains(sha)) {
      int from = Integer.parseInt(m.group(1));
      if (from >= body.length) {
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + body.length);
        exchange.sendResponseHeaders(416, -1);
        exchange.close();
        return;
      }
      exchange
          .getResponseHeaders()
          .set("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
      exchange.sendResponseHeaders(206, body.length - from);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body, from, body.length - from);
      }
      return;
    }
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static MediaFile reference(byte[] bytes) {
    try {
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
      return new MediaFile(sha, bytes.length, "video/mp4", 1920, 1080, 10_000);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
