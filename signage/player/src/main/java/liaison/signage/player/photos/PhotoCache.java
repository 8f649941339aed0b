package liaison.signage.player.photos;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import liaison.signage.player.download.Backoff;
import liaison.signage.player.download.LazyHttpClient;
import liaison.signage.player.download.ResumableDownload;
import liaison.signage.player.model.LiveValue;
import liaison.signage.protocol.StationContent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deputies' photos on the station's disk, fetched once from the hub over HTTP by content hash.
 *
 * <p>A photo's name is the SHA-256 of its bytes, so a cached file never goes stale and a download
 * is checked against its name before it is kept. Downloads run in the background, two at a time; a
 * failed one is logged and tried again on a later {@link #want} once its backoff has passed
 * (doubling from {@code retryAfter} up to an hour). Nothing here throws into the caller.
 */
public final class PhotoCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PhotoCache.class);
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  public static final int MAX_BYTES = 2 * 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Path dir;
  private final Clock clock;
  private final Backoff backoff;
  private final LazyHttpClient http;
  private final ExecutorService fetchers;
  private final Map<String, Attempt> attempts = new ConcurrentHashMap<>();
  private final LiveValue<Long> arrivals = new LiveValue<>(0L);
  private final AtomicLong failures = new AtomicLong();
  private final java.util.Set<String> notHashes = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * Where a hash stands: being fetched, or failed {@code failures} times, the last at {@code at}.
   */
  private record Attempt(boolean running, int failures, Instant at) {}

  private PhotoCache(
      Path dir, Clock clock, Duration retryAfter, javax.net.ssl.@Nullable SSLContext tls) {
    this.dir = dir;
    this.clock = clock;
    this.backoff = Backoff.upToAnHour(retryAfter);
    this.http = new LazyHttpClient(() -> ResumableDownload.client(tls));
    this.fetchers =
        Executors.newFixedThreadPool(2, Thread.ofVirtual().name("photo-fetch-", 0).factory());
  }

  /**
   * Opens the cache in {@code dir} (created if missing) and removes downloads a crash left
   * unfinished.
   *
   * @param retryAfter how long after a failed download the first retry may start
   */
  public static PhotoCache open(Path dir, Clock clock, Duration retryAfter) {
    return open(dir, clock, retryAfter, null);
  }

  /** The same, over HTTPS trusting the hub's certificate ({@code --trust}). */
  public static PhotoCache open(
      Path dir, Clock clock, Duration retryAfter, javax.net.ssl.@Nullable SSLContext tls) {
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "*.part")) {
        for (Path part : parts) {
          Files.deleteIfExists(part);
        }
      }
    } catch (IOException e) {
      // The screen shows deputies without photos rather than not at all.
      LOG.warn(
          "photo cache {} cannot be prepared ({}); photos will be missing", dir, e.getMessage());
    }
    return new PhotoCache(dir, clock, retryAfter, tls);
  }

  public Path directory() {
    return dir;
  }

  /** The cached photo for the hash, if it has arrived; empty for anything that is not a hash. */
  public Optional<Path> file(String hash) {
    Optional<String> name = canonical(hash);
    if (name.isEmpty()) {
      return Optional.empty();
    }
    Path file = fileFor(name.get());
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Changes each time a new photo lands, so a view can look for the photos it lacked. */
  public LiveValue<Long> arrivals() {
    return arrivals;
  }

  /** Downloads that failed or were refused since the cache opened, for diagnostics. */
  public long failures() {
    return failures.get();
  }

  /**
   * Asks for the photo of every deputy in the snapshot ({@link #want}), and of the county's duty
   * stars, who may be at other stations; returns at once.
   */
  public void wantAll(StationContent shown) {
    for (StationContent.Deputy deputy : shown.deputies()) {
      if (deputy.photo() != null) {
        want(shown.links().photoBase(), deputy.photo());
      }
    }
    for (StationContent.Star star : shown.dutyOrEmpty().stars()) {
      if (star.photo() != null) {
        want(shown.links().photoBase(), star.photo());
      }
    }
  }

  /**
   * Fetches {@code photoBase + hash + ".jpg"} in the background unless it is cached, on its way, or
   * failed too recently. Returns at once.
   */
  public void want(String photoBase, String hash) {
    Optional<String> name = canonical(hash);
    if (name.isEmpty()) {
      // Each snapshot repeats it: say it once per name.
      if (notHashes.size() < 1_000 && notHashes.add(hash)) {
        LOG.warn("photo '{}' ignored: a photo is named by the 64 hex digits of its SHA-256", hash);
      }
      return;
    }
    String key = name.get();
    if (closed || Files.isRegularFile(fileFor(key))) {
      return;
    }
    Instant now = clock.instant();
    boolean[] mine = {false};
    attempts.compute(
        key,
        (k, previous) -> {
          if (previous != null
              && (previous.running()
                  || now.isBefore(previous.at().plus(backoff(previous.failures()))))) {
            return previous;
          }
          mine[0] = true;
          return new Attempt(true, previous == null ? 0 : previous.failures(), now);
        });
    if (!mine[0]) {
      return;
    }
    URI uri;
    try {
      uri = URI.create(photoBase + (photoBase.endsWith("/") ? "" : "/") + key + ".jpg");
    } catch (IllegalArgumentException e) {
      failed(key, "photo base '" + photoBase + "' is not a URL");
      return;
    }
    try {
      fetchers.execute(() -> fetch(uri, key));
    } catch (RejectedExecutionException e) {
      attempts.remove(key);
    }
  }

  private Duration backoff(int failures) {
    return backoff.after(failures);
  }

  private void fetch(URI uri, String hash) {
    Path part = null;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "image/jpeg").GET().build();
      HttpResponse<InputStream> response =
          http.get().send(request, HttpResponse.BodyHandlers.ofInputStream());
      byte[] bytes;
      try (InputStream body = response.body()) {
        if (response.statusCode() != 200) {
          failed(hash, uri + " answered HTTP " + response.statusCode());
          return;
        }
        long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (declared > MAX_BYTES) {
          failed(
              hash,
              uri + " is " + declared + " bytes, more than the " + MAX_BYTES + " a photo may have");
          return;
        }
        bytes = body.readNBytes(MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        failed(hash, uri + " sent more than the " + MAX_BYTES + " bytes a photo may have");
        return;
      }
      String actual = sha256(bytes);
      if (!actual.equals(hash)) {
        failed(hash, uri + " sent bytes whose SHA-256 is " + actual + "; refused");
        return;
      }
      part = Files.createTempFile(dir, hash, ".part");
      Files.write(part, bytes);
      moveIntoPlace(part, fileFor(hash));
      part = null;
      attempts.remove(hash);
      synchronized (arrivals) {
        arrivals.set(arrivals.get() + 1);
      }
      LOG.info("photo {} cached ({} bytes)", hash, bytes.length);
    } catch (IOException e) {
      failed(hash, "fetching " + uri + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      attempts.remove(hash);
    } catch (RuntimeException e) {
      failed(hash, "fetching " + uri + " failed: " + e);
    } finally {
      if (part != null) {
        try {
          Files.deleteIfExists(part);
        } catch (IOException e) {
          LOG.debug("leftover {}: {}", part, e.getMessage());
        }
      }
    }
  }

  private static void moveIntoPlace(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void failed(String hash, String reason) {
    failures.incrementAndGet();
    Attempt after =
        attempts.compute(
            hash,
            (k, previous) ->
                new Attempt(
                    false, previous == null ? 1 : previous.failures() + 1, clock.instant()));
    LOG.warn(
        "photo {}: {}; may be tried again after {} s",
        hash,
        reason,
        backoff(after.failures()).toSeconds());
  }

  private Path fileFor(String hash) {
    return dir.resolve(hash + ".jpg");
  }

  /** The hash in lower case if it is one; nothing else ever becomes part of a file name. */
  private static Optional<String> canonical(@Nullable String hash) {
    if (hash == null) {
      return Optional.empty();
    }
    String lower = hash.toLowerCase(Locale.ROOT);
    return HASH.matcher(lower).matches() ? Optional.of(lower) : Optional.empty();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public void close() {
    closed = true;
    fetchers.shutdownNow();
    try {
      fetchers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    http.shutdownNow();
  }
}
