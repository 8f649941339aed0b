package liaison.signage.player.photos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoCacheTest {

  private static final Duration RETRY = Duration.ofMinutes(1);

  @TempDir Path dir;
  private HttpServer server;
  private String base;

  /** What the server answers per hash: bytes, or null for 404. */
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();

  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private final TestClock clock = TestClock.at("2026-11-23T08:00:00+08:00");
  private PhotoCache cache;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/photos/", this::answer);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/photos/";
    cache = PhotoCache.open(dir.resolve("photos"), clock, RETRY);
  }

  @AfterEach
  void stop() {
    cache.close();
    server.stop(0);
  }

  private void answer(HttpExchange exchange) throws IOException {
    String name = exchange.getRequestURI().getPath().substring("/photos/".length());
    String hash = name.endsWith(".jpg") ? name.substring(0, name.length() - 4) : name;
    requests.computeIfAbsent(hash, h -> new AtomicInteger()).incrementAndGet();
    try {
      hold.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] body = served.get(hash);
    if (body == null) {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
      return;
    }
    exchange.getResponseHeaders().set("Content-Type", "image/jpeg");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] photo(long seed) {
    byte[] bytes = new byte[20_000];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private int requestsFor(String hash) {
    AtomicInteger count = requests.get(hash);
    return count == null ? 0 : count.get();
  }

  @Test
  void shouldFetchAPhotoOnceEvenWhenWantedAgainWhileOnItsWayAndAfter() throws IOException {
    byte[] bytes = photo(1);
    String hash = PhotoCache.sha256(bytes);
    served.put(hash, bytes);
    hold = new CountDownLatch(1);

    cache.want(base, hash);
    cache.want(base, hash);
    await().until(() -> requestsFor(hash) == 1);
    cache.want(base, hash);
    hold.countDown();

    await().until(() -> cache.arrivals().get() == 1L);
    assertThat(cache.file(hash))
        .hasValueSatisfying(file -> assertThat(file).hasBinaryContent(bytes));
    assertThat(cache.file(hash.toUpperCase())).as("the same hash in capitals").isPresent();
    cache.want(base, hash);
    assertThat(requestsFor(hash)).isEqualTo(1);
    assertThat(cache.failures()).isZero();

    // A new cache on the same directory finds it without asking again.
    try (PhotoCache reopened = PhotoCache.open(dir.resolve("photos"), clock, RETRY)) {
      reopened.want(base, hash);
      assertThat(reopened.file(hash)).isPresent();
    }
    assertThat(requestsFor(hash)).isEqualTo(1);
  }

  @Test
  void shouldRefuseBytesThatDoNotMatchTheirHashAndLeaveNothingBehind() throws IOException {
    String hash = PhotoCache.sha256(photo(2));
    served.put(hash, photo(3));

    cache.want(base, hash);

    await().until(() -> cache.failures() == 1);
    assertThat(cache.file(hash)).isEmpty();
    assertThat(cache.arrivals().get()).isZero();
    try (var files = Files.list(dir.resolve("photos"))) {
      assertThat(files).as("no partial download is left").isEmpty();
    }
  }

  @Test
  void shouldTryAgainAfterAFailureOnlyOnceTheBackoffHasPassed() {
    byte[] bytes = photo(4);
    String hash = PhotoCache.sha256(bytes);

    // given a hub that does not have the photo yet
    cache.want(base, hash);
    await().until(() -> cache.failures() == 1);
    assertThat(requestsFor(hash)).isEqualTo(1);

    // when it has it, a want within the backoff does not ask
    served.put(hash, bytes);
    clock.advance(RETRY.minusSeconds(1));
    cache.want(base, hash);
    assertThat(requestsFor(hash)).isEqualTo(1);

    // then a want after the backoff fetches it
    clock.advance(Duration.ofSeconds(1));
    cache.want(base, hash);
    await().until(() -> cache.arrivals().get() == 1L);
    assertThat(requestsFor(hash)).isEqualTo(2);
    assertThat(cache.file(hash)).isPresent();
  }

  @Test
  void shouldIgnoreNamesThatAreNotHashes() {
    for (String bad :
        new String[] {
          "../../station.db", "9f2c4e7a1b3d5f60", "", "g".repeat(64), "a".repeat(63) + "/"
        }) {
      cache.want(base, bad);
      assertThat(cache.file(bad)).as(bad).isEmpty();
    }
    assertThat(requests).isEmpty();
  }
}
