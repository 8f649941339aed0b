package liaison.signage.player.media;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import liaison.signage.player.download.Backoff;
import liaison.signage.player.download.LazyHttpClient;
import liaison.signage.player.download.ResumableDownload;
import liaison.signage.player.model.LiveValue;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's media files (issue 20, docs/MEDIA.md "Delivery to stations"): the files of the
 * snapshot's media slides, downloaded from the hub by hash into {@code <data-dir>/media/}, and what
 * of them is ready to play.
 *
 * <p>Each snapshot names the slides in force or still to come ({@link #want}); the cache fetches
 * the files of those in force now or starting within a day ({@link #AHEAD}), in play order, two at
 * a time on their own threads. A download goes to {@code <sha256>.part} and resumes where a cut one
 * stopped; the whole file is checked against its hash before it is renamed to {@code <sha256>}, so
 * a file under its name is complete and right, and {@link #ready} answers for no other. A failed
 * download is tried again after a backoff doubling from {@code retryAfter} up to an hour, and at
 * once when the snapshot changes.
 *
 * <p>The cache is bounded ({@code limitBytes}, and never leaving less than {@code reserveBytes}
 * free on the disk). To make room it removes the least recently played files first (the time a file
 * was last asked for is its modification time, written at most once an hour so playing costs the
 * card nearly no writes) and never a pinned one, a file of a slide the current snapshot schedules;
 * a file that does not fit beside the pinned ones waits. Nothing here throws into the caller.
 */
public final class MediaCache implements MediaFiles, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(MediaCache.class);
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
  private static final String PART = ".part";

  /** A slide's files are fetched this long before it starts. */
  public static final Duration AHEAD = Duration.ofDays(1);

  /**
   * The bound by default: 4 GiB on a station's 16 GB card, beside the system (about 5 GB), three
   * software versions, the journal and the station's store, leaves several GB free; it holds about
   * an hour of 1080p H.264 at 8 Mbit/s, far more than a station's slides.
   */
  public static final long DEFAULT_LIMIT_MB = 4096;

  /** The cache never leaves less than this free on the disk, whatever its bound. */
  public static final long RESERVE_BYTES = 1024L * 1024 * 1024;

  private static final Duration TOUCH_EVERY = Duration.ofHours(1);
  private static final Duration TICK = Duration.ofMinutes(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int DOWNLOADS = 2;

  private final Path dir;
  private final Clock clock;
  private final long limitBytes;
  private final long reserveBytes;
  private final Backoff backoff;
  private final LazyHttpClient http;
  private final ExecutorService downloads;
  private final ScheduledExecutorService ticker;
  private final LiveValue<Long> arrivals = new LiveValue<>(0L);
  private final Map<String, Instant> touched = new ConcurrentHashMap<>();
  private volatile boolean closed;

  // What the snapshot asks for and what is on disk; guarded by this.
  private StationContent.Media media = StationContent.Media.NONE;
  private @Nullable URI hub;
  private final Map<String, Long> complete = new HashMap<>();
  private final Map<String, Long> parts = new HashMap<>();
  private final Map<String, Instant> lastPlayed = new HashMap<>();
  private final Map<String, Attempt> attempts = new HashMap<>();
  private final Map<String, MediaFile> running = new HashMap<>();

  /** A file's failed downloads: how many in a row, and when the next may start. */
  private record Attempt(int failures, Instant retryAt) {}

  private MediaCache(
      Path dir,
      Clock clock,
      long limitBytes,
      long reserveBytes,
      Duration retryAfter,
      @Nullable SSLContext tls) {
    this.dir = dir;
    this.clock = clock;
    this.limitBytes = limitBytes;
    this.reserveBytes = reserveBytes;
    this.backoff = Backoff.upToAnHour(retryAfter);
    this.http = new LazyHttpClient(() -> ResumableDownload.client(tls));
    this.downloads =
        Executors.newFixedThreadPool(
            DOWNLOADS, Thread.ofPlatform().daemon().name("media-download-", 0).factory());
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("media-tick").factory());
    scan();
    ticker.scheduleWithFixedDelay(
        this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Opens the cache in {@code dir} (created if missing): complete files are kept with the time they
   * were last played, {@code .part} files for resuming, anything else is removed.
   *
   * @param limitBytes the most the cache holds
   * @param retryAfter how long after a failed download the first retry may start
   * @param tls the hub's trust ({@code --trust}), or null for the JVM's
   */
  public static MediaCache open(
      Path dir, Clock clock, long limitBytes, Duration retryAfter, @Nullable SSLContext tls) {
    return new MediaCache(dir, clock, limitBytes, RESERVE_BYTES, retryAfter, tls);
  }

  /** The same with another free-disk reserve (tests fill a small bound on any disk). */
  static MediaCache open(
      Path dir, Clock clock, long limitBytes, long reserveBytes, Duration retryAfter) {
    return new MediaCache(dir, clock, limitBytes, reserveBytes, retryAfter, null);
  }

  public Path directory() {
    return dir;
  }

  /** Changes each time a file becomes ready, so a screen can look again for a slide it skipped. */
  public LiveValue<Long> arrivals() {
    return arrivals;
  }

  /**
   * The snapshot the station shows: its media slides decide what is pinned and what is fetched, the
   * hub's address is where its photos come from ({@code links.photoBase}, {@code /photos/} beside
   * {@code /media/}). A changed snapshot retries failed files at once. Returns at once.
   */
  public void want(StationContent content) {
    if (closed) {
      return;
    }
    @Nullable URI base = hubOf(content.links().photoBase());
    synchronized (this) {
      StationContent.Media next = content.mediaOrEmpty();
      if (!next.equals(media) || !java.util.Objects.equals(base, hub)) {
        Instant now = clock.instant();
        attempts.replaceAll((sha, a) -> new Attempt(a.failures(), now));
      }
      media = next;
      hub = base;
    }
    scheduleSoon();
  }

  /** The hub is reachable again: failed files are tried at once. */
  public void retryNow() {
    synchronized (this) {
      Instant now = clock.instant();
      attempts.replaceAll((sha, a) -> new Attempt(a.failures(), now));
    }
    scheduleSoon();
  }

  /**
   * Looks again at what is due: a slide coming within {@link #AHEAD}, a backoff that has passed.
   * Runs every minute; tests call it after moving their clock.
   */
  public void tick() {
    try {
      schedule();
    } catch (RuntimeException e) {
      LOG.warn("media cache: looking for due files failed: {}", e.toString());
    }
  }

  @Override
  public Optional<Path> ready(MediaFile file) {
    Long size;
    synchronized (this) {
      size = complete.get(file.sha256());
    }
    if (size == null || size != file.size()) {
      return Optional.empty();
    }
    Path path = dir.resolve(file.sha256());
    if (!Files.isRegularFile(path)) {
      synchronized (this) {
        complete.remove(file.sha256());
      }
      return Optional.empty();
    }
    played(file.sha256(), path);
    return Optional.of(path);
  }

  /** What the heartbeat reports of the cache, for the fleet page. */
  public StationState.MediaCache telemetry() {
    Instant now = clock.instant();
    synchronized (this) {
      int ready = 0;
      int failed = 0;
      List<MediaFile> due = due(now);
      for (MediaFile file : due) {
        if (isComplete(file)) {
          ready++;
        } else if (attempts.containsKey(file.sha256())) {
          failed++;
        }
      }
      return new StationState.MediaCache(used(), limitBytes, ready, due.size() - ready, failed);
    }
  }

  /** Failed downloads of a file in a row (0 once it is ready), for tests. */
  synchronized int failures(MediaFile file) {
    Attempt attempt = attempts.get(file.sha256());
    return attempt == null ? 0 : attempt.failures();
  }

  // --- what to fetch --------------------------------------------------------------------------

  /**
   * Schedules on the cache's own thread: the snapshot arrives on the link's thread, which removing
   * files to make room must not hold up.
   */
  private void scheduleSoon() {
    try {
      ticker.execute(this::tick);
    } catch (RejectedExecutionException e) {
      // closed
    }
  }

  /** Starts the downloads that are due and fit, in play order, up to two at once. */
  private void schedule() {
    if (closed) {
      return;
    }
    List<MediaFile> start = new ArrayList<>();
    URI base;
    synchronized (this) {
      base = hub;
      if (base == null) {
        return;
      }
      Instant now = clock.instant();
      Set<String> pinned = pinned(now);
      for (MediaFile file : due(now)) {
        if (running.size() >= DOWNLOADS) {
          break;
        }
        String sha = file.sha256();
        Attempt attempt = attempts.get(sha);
        if (isComplete(file)
            || running.containsKey(sha)
            || (attempt != null && now.isBefore(attempt.retryAt()))) {
          continue;
        }
        if (!makeRoom(file, pinned)) {
          continue; // waits: the pinned files alone fill the bound
        }
        running.put(sha, file);
        start.add(file);
      }
    }
    for (MediaFile file : start) {
      try {
        downloads.execute(() -> download(base, file));
      } catch (RejectedExecutionException e) {
        synchronized (this) {
          running.remove(file.sha256());
        }
      }
    }
  }

  /** The files of slides in force now or starting within a day, known kinds, in play order. */
  private List<MediaFile> due(Instant now) {
    Instant ahead = now.plus(AHEAD);
    Map<String, MediaFile> files = new LinkedHashMap<>();
    for (MediaSlide slide : media.slides()) {
      if (slide.known().isPresent()
          && !slide.validFrom().toInstant().isAfter(ahead)
          && notOver(slide, now)) {
        slide.files().forEach(f -> files.putIfAbsent(f.sha256(), f));
      }
    }
    return List.copyOf(files.values());
  }

  /** Files of every slide the snapshot schedules (not over yet): never removed to make room. */
  private Set<String> pinned(Instant now) {
    Set<String> pinned = new HashSet<>();
    for (MediaSlide slide : media.slides()) {
      if (notOver(slide, now)) {
        slide.files().forEach(f -> pinned.add(f.sha256()));
      }
    }
    return pinned;
  }

  private static boolean notOver(MediaSlide slide, Instant now) {
    return slide.validUntil() == null || slide.validUntil().toInstant().isAfter(now);
  }

  private boolean isComplete(MediaFile file) {
    Long size = complete.get(file.sha256());
    return size != null && size == file.size();
  }

  // --- the bound ------------------------------------------------------------------------------

  /** Complete files, the parts kept for resuming, and running downloads at their full size. */
  private long occupied() {
    long total = used();
    for (Map.Entry<String, Long> part : parts.entrySet()) {
      if (!running.containsKey(part.getKey())) {
        total += part.getValue();
      }
    }
    for (MediaFile file : running.values()) {
      total += file.size();
    }
    return total;
  }

  private long used() {
    return complete.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Whether the file fits within the bound and the disk's reserve, removing files no slide
   * schedules (least recently played first, stale parts before them) when that is enough; removes
   * nothing when it is not.
   */
  private boolean makeRoom(MediaFile file, Set<String> pinned) {
    long need = file.size() - parts.getOrDefault(file.sha256(), 0L);
    long overBound = occupied() + need - limitBytes;
    long overDisk = reserveBytes + need - usableSpace();
    long over = Math.max(overBound, overDisk);
    if (over <= 0) {
      return true;
    }
    List<Path> removable = new ArrayList<>();
    long freed = 0;
    for (Map.Entry<String, Long> part : parts.entrySet()) {
      if (freed < over && !pinned.contains(part.getKey())) {
        removable.add(dir.resolve(part.getKey() + PART));
        freed += part.getValue();
      }
    }
    List<String> byAge =
        complete.keySet().stream()
            .filter(sha -> !pinned.contains(sha))
            .sorted(Comparator.comparing(sha -> lastPlayed.getOrDefault(sha, Instant.EPOCH)))
            .toList();
    for (String sha : byAge) {
      if (freed >= over) {
        break;
      }
      removable.add(dir.resolve(sha));
      freed += complete.get(sha);
    }
    if (freed < over) {
      return false;
    }
    for (Path path : removable) {
      String name = path.getFileName().toString();
      try {
        Files.deleteIfExists(path);
        if (name.endsWith(PART)) {
          parts.remove(name.substring(0, name.length() - PART.length()));
        } else {
          complete.remove(name);
          lastPlayed.remove(name);
          touched.remove(name);
        }
        LOG.info("media {} removed to make room for {}", name, file.sha256());
      } catch (IOException e) {
        LOG.warn("media {} cannot be removed: {}", path, e.getMessage());
        return false;
      }
    }
    return true;
  }

  private long usableSpace() {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      return 0;
    }
  }

  // --- one download ---------------------------------------------------------------------------

  private void download(URI base, MediaFile file) {
    String sha = file.sha256();
    Path part = dir.resolve(sha + PART);
    URI uri = base.resolve(file.path().substring(1));
    try {
      ResumableDownload.Outcome got =
          ResumableDownload.fetch(http.get(), uri, part, file.size(), TIMEOUT);
      long size = Files.size(part);
      if (size != file.size()) {
        failed(file, uri + " ended after " + size + " of " + file.size() + " bytes");
        return;
      }
      String actual = java.util.HexFormat.of().formatHex(got.sha256());
      if (!actual.equals(sha)) {
        Files.deleteIfExists(part);
        failed(file, uri + " sent bytes whose SHA-256 is " + actual + "; refused");
        return;
      }
      Path target = dir.resolve(sha);
      ResumableDownload.keep(part, target);
      Instant now = clock.instant();
      Files.setLastModifiedTime(target, FileTime.from(now));
      synchronized (this) {
        running.remove(sha);
        parts.remove(sha);
        attempts.remove(sha);
        complete.put(sha, size);
        lastPlayed.put(sha, now);
      }
      touched.put(sha, now);
      synchronized (arrivals) {
        arrivals.set(arrivals.get() + 1);
      }
      LOG.info(
          "media {} ready ({} bytes{})",
          sha,
          size,
          got.resumedAt() > 0 ? ", resumed at " + got.resumedAt() : "");
    } catch (IOException e) {
      failed(file, "fetching " + uri + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      synchronized (this) {
        running.remove(sha);
      }
      return;
    } catch (RuntimeException e) {
      failed(file, "fetching " + uri + " failed: " + e);
    }
    tick();
  }

  private void failed(MediaFile file, String reason) {
    String sha = file.sha256();
    Path part = dir.resolve(sha + PART);
    Attempt after;
    synchronized (this) {
      running.remove(sha);
      long kept = 0;
      try {
        kept = Files.exists(part) ? Files.size(part) : 0;
      } catch (IOException e) {
        // counted as nothing kept
      }
      if (kept > 0) {
        parts.put(sha, kept);
      } else {
        parts.remove(sha);
      }
      Attempt previous = attempts.get(sha);
      int failures = previous == null ? 1 : previous.failures() + 1;
      after = new Attempt(failures, clock.instant().plus(backoff.after(failures)));
      attempts.put(sha, after);
    }
    if (!closed) {
      LOG.warn("media {}: {}; tried again from {}", sha, reason, after.retryAt());
    }
  }

  /** Remembers when a file was played; on the card at most once an hour per file. */
  private void played(String sha, Path path) {
    Instant now = clock.instant();
    synchronized (this) {
      lastPlayed.put(sha, now);
    }
    Instant last = touched.get(sha);
    if (last != null && now.isBefore(last.plus(TOUCH_EVERY))) {
      return;
    }
    touched.put(sha, now);
    try {
      Files.setLastModifiedTime(path, FileTime.from(now));
    } catch (IOException e) {
      LOG.debug("media {}: last played not written: {}", sha, e.getMessage());
    }
  }

  // --- the folder -----------------------------------------------------------------------------

  /** What a previous run left: complete files and parts are kept, anything else removed. */
  private void scan() {
    try {
      Files.createDirectories(dir);
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path entry : entries) {
          String name = entry.getFileName().toString();
          String sha =
              name.endsWith(PART) ? name.substring(0, name.length() - PART.length()) : name;
          if (!Files.isRegularFile(entry) || !HASH.matcher(sha).matches()) {
            LOG.info("media folder: {} is not the cache's; removed", name);
            deleteStray(entry);
          } else if (name.endsWith(PART)) {
            parts.put(sha, Files.size(entry));
          } else {
            complete.put(sha, Files.size(entry));
            Instant at = Files.getLastModifiedTime(entry).toInstant();
            lastPlayed.put(sha, at);
            touched.put(sha, at);
          }
        }
      }
    } catch (IOException e) {
      // The screen plays its boards without media rather than not at all.
      LOG.warn("media cache {} cannot be read ({}); media slides will wait", dir, e.getMessage());
    }
  }

  private static void deleteStray(Path entry) {
    try {
      if (Files.isDirectory(entry)) {
        try (var paths = Files.walk(entry)) {
          for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      } else {
        Files.deleteIfExists(entry);
      }
    } catch (IOException e) {
      LOG.warn("media folder: {} cannot be removed: {}", entry, e.getMessage());
    }
  }

  /**
   * The hub's address from where its photos are ({@code <hub>/photos/}): media is at {@code
   * <hub>/media/}, beside them, on the same hub and through the same proxy.
   */
  private static @Nullable URI hubOf(String photoBase) {
    try {
      URI photos = URI.create(photoBase.endsWith("/") ? photoBase : photoBase + "/");
      if (photos.getHost() == null) {
        return null;
      }
      return photos.resolve("../");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Override
  public void close() {
    closed = true;
    ticker.shutdownNow();
    downloads.shutdownNow();
    http.shutdownNow(); // a download blocked reading the hub ends now
    try {
      downloads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
