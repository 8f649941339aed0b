package liaison.hub.media;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.BusyProblem;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media libraries: the county's (its administrators upload; every manager may put it on their
 * screens) and each station's own (its managers and the county's administrators). An upload is
 * streamed to a work file on the data disk (never held in memory: a video may be 500 MB), told by
 * its content ({@link MediaContent}), checked and made ready by kind (images re-encoded, {@link
 * VideoProbe}, {@link DocumentPages}), stored by hash ({@link MediaStore}) and recorded in one
 * transaction after its files are on disk; a refused or failed upload leaves no row and no file.
 * The same bytes again to the same library answer the entry already there.
 */
@Singleton
public class MediaLibrary {
  private static final Logger LOG = LoggerFactory.getLogger(MediaLibrary.class);

  /** A title a manager reads in a card and in the slides' list. */
  public static final int MAX_TITLE = 80;

  /** A file's name is kept for the manager to recognise, cut to this many characters. */
  static final int MAX_FILE_NAME = 200;

  static final String SOURCE = "media.upload";

  /** Uploads answered "busy, try again" because another image or PDF was being prepared. */
  static final String BUSY = "liaison.media.uploads.busy";

  /** When an upload answered busy is worth sending again: a large PDF takes up to a minute. */
  static final Duration RETRY_AFTER = Duration.ofMinutes(1);

  private final Database database;
  private final MediaItemRepository items;
  private final MediaFileRepository kept;
  private final MediaStore store;
  private final Path work;

  /**
   * Held shared by each upload from putting its files to recording them, alone by whoever unlinks
   * files no entry records; across hubs on PostgreSQL.
   */
  private final MediaFilesLock putting;

  private final Access access;
  private final AuditLog audit;
  private final BadInput badInput;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final Clock clock;

  /**
   * One image or PDF is decoded at a time (a 50-megapixel image takes 200 MB of heap while it is in
   * memory, a PDF's page as much): a second waits its turn, at most {@link #waitForTurn}.
   */
  final Semaphore preparing = new Semaphore(1);

  private final Duration waitForTurn;
  private final Counter busy;

  public MediaLibrary(
      Database database,
      MediaItemRepository items,
      MediaFileRepository kept,
      MediaStore store,
      Access access,
      AuditLog audit,
      BadInput badInput,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      Clock clock,
      MeterRegistry meters,
      @Value("${hub.media.wait-for-turn:30s}") Duration waitForTurn) {
    this.database = database;
    this.items = items;
    this.kept = kept;
    this.store = store;
    this.putting = new MediaFilesLock(database);
    // On the data disk beside the store, not in /tmp (a tmpfs in memory on many machines); this
    // hub's own, in the data folder the hubs share.
    this.work = store.work();
    this.access = access;
    this.audit = audit;
    this.badInput = badInput;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
    this.waitForTurn = waitForTurn;
    this.busy =
        Counter.builder(BUSY)
            .description(
                "Uploads answered 503 because another image or PDF was being prepared too long")
            .register(meters);
  }

  /**
   * An upload as it comes in.
   *
   * @param fileName the name the browser sent (kept for the manager, never used to decide)
   * @param title the manager's title; empty for the file's name without its extension
   * @param stationId the station's own library, or null for the county's
   */
  public record Upload(
      InputStream body, String fileName, @Nullable String title, @Nullable String stationId) {}

  /** The entry, and whether this upload made it (false: the same file was there already). */
  public record Uploaded(MediaItem item, boolean created) {}

  /** What to list: one library ({@code county} or a station's id) or all, one kind, retired. */
  public record Filter(@Nullable String library, MediaSlide.@Nullable Kind kind, boolean retired) {
    public static final Filter IN_USE = new Filter(null, null, false);
  }

  // ---- reading ----

  /**
   * A file the library keeps, by its hash, for whoever asks (stations download what their screens
   * show; a hash is not guessed): its type and size as recorded.
   */
  public Optional<MediaFile> file(String sha256) {
    return kept.find(sha256);
  }

  /** The entries of the libraries this person may use, newest first. */
  public List<MediaItem> list(Staff staff, Filter filter) {
    access.requireEditor(staff);
    if (filter.library() != null && !"county".equals(filter.library())) {
      access.requireStationStaff(staff, filter.library());
    }
    return items.ofCounty(staff.countyId()).stream()
        .filter(i -> mayUse(staff, i))
        .filter(
            i ->
                filter.library() == null
                    || ("county".equals(filter.library())
                        ? i.isCounty()
                        : filter.library().equals(i.stationId())))
        .filter(i -> filter.kind() == null || i.kind() == filter.kind())
        .filter(i -> i.isRetired() == filter.retired())
        .toList();
  }

  public MediaItem get(Staff staff, String id) {
    access.requireEditor(staff);
    MediaItem item =
        items
            .find(id)
            .filter(i -> i.countyId().equals(staff.countyId()))
            .orElseThrow(() -> notFound(id));
    if (!mayUse(staff, item)) {
      throw new ForbiddenProblem(Text.of("problem.media.not-yours"));
    }
    return item;
  }

  /** Whether this person may change (retire, delete) the entry. */
  public boolean canChange(Staff staff, MediaItem item) {
    return item.isCounty()
        ? staff.isCountyAdmin() && item.countyId().equals(staff.countyId())
        : staff.canEdit() && mayUse(staff, item);
  }

  private static boolean mayUse(Staff staff, MediaItem item) {
    return item.isCounty()
        || staff.isCountyAdmin()
        || staff.stationIds().contains(item.stationId());
  }

  // ---- uploading ----

  /**
   * Takes the upload into the library, or refuses it. Closes its body whatever the answer, also
   * when refused before reading it (no right to the library, a title too long): a form's part left
   * open would hold its temporary file.
   */
  public Uploaded upload(Staff staff, Upload upload) {
    try (InputStream body = upload.body()) {
      return receiveAndStore(staff, upload);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close an upload's body", e);
    }
  }

  private Uploaded receiveAndStore(Staff staff, Upload upload) {
    String stationId =
        upload.stationId() == null || upload.stationId().isBlank() ? null : upload.stationId();
    if (stationId == null) {
      access.requireCountyAdmin(staff);
    } else {
      access.requireEdit(staff, stationId);
    }
    String title = title(upload);
    Path dir = newWorkDir();
    try {
      Received received = receive(staff, upload, dir);
      var existing =
          database.withHandle(
              h ->
                  MediaItemRepository.findUpload(
                      h, stationId, staff.countyId(), received.sha256()));
      if (existing.isPresent()) {
        return new Uploaded(items.find(existing.get()).orElseThrow(), false);
      }
      MediaContent content =
          MediaContent.of(received.head())
              .orElseThrow(
                  () ->
                      refused(
                          staff,
                          "not-media",
                          upload.fileName(),
                          Text.of("problem.media.not-media")));
      if (received.size() > content.maxBytes()) {
        throw refused(
            staff,
            "too-large",
            upload.fileName(),
            Text.of("problem.media." + kindKey(content.kind()) + ".too-large", megabytes(content)));
      }
      Ready ready;
      try {
        ready = prepareInTurn(staff, upload, content, received.file(), dir);
      } catch (ValidationProblem e) {
        badInput.record(
            SOURCE,
            kindKey(content.kind()),
            staff.id() + " " + upload.fileName() + ": " + e.errors().getFirst().en());
        throw e;
      }
      return store(staff, stationId, title, upload.fileName(), content, received, ready);
    } finally {
      deleteTree(dir);
    }
  }

  private String title(Upload upload) {
    String title = upload.title() == null ? "" : upload.title().strip();
    if (title.isEmpty()) {
      String name = upload.fileName() == null ? "" : upload.fileName().strip();
      int dot = name.lastIndexOf('.');
      title = dot > 0 ? name.substring(0, dot) : name;
      if (title.length() > MAX_TITLE) {
        title = title.substring(0, MAX_TITLE);
      }
    }
    if (title.length() > MAX_TITLE) {
      throw ValidationProblem.of("title", Text.of("problem.media.title.too-long", MAX_TITLE));
    }
    return title.isEmpty() ? "—" : title;
  }

  /** The upload on disk: its hash and size as it came, and its first bytes. */
  private record Received(Path file, String sha256, long size, byte[] head) {}

  private Received receive(Staff staff, Upload upload, Path dir) {
    Path file = dir.resolve("upload");
    MessageDigest digest = MediaStore.sha256();
    long size;
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest);
        InputStream in = upload.body()) {
      byte[] buffer = new byte[64 * 1024];
      size = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        size += n;
        if (size > MediaContent.Limits.ANY_BYTES) {
          throw refused(
              staff,
              "too-large",
              upload.fileName(),
              Text.of("problem.media.too-large", MediaContent.Limits.ANY_BYTES / (1024 * 1024)));
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot receive an upload into " + dir, e);
    }
    if (size == 0) {
      throw refused(staff, "empty", upload.fileName(), Text.of("problem.media.missing"));
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(MediaContent.HEAD);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Received(file, HexFormat.of().formatHex(digest.digest()), size, head);
  }

  /** The files a station plays for the upload, and its thumbnail. */
  private record Ready(List<Prepared> files, Prepared thumbnail) {}

  /**
   * Prepares an image or a PDF in its turn ({@link #preparing}); a video is only read, not decoded,
   * and needs none. A request thread waits for its turn a bounded time, then the upload is answered
   * "busy, try again in a minute" (503), never held while another's large PDF renders.
   */
  private Ready prepareInTurn(
      Staff staff, Upload upload, MediaContent content, Path file, Path dir) {
    if (content.kind() == MediaSlide.Kind.VIDEO) {
      return prepare(content, file, dir);
    }
    boolean turn;
    try {
      turn = preparing.tryAcquire(waitForTurn.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      turn = false;
    }
    if (!turn) {
      busy.increment();
      LOG.warn(
          "upload {} by {} answered busy: another image or PDF took more than {}",
          upload.fileName(),
          staff.id(),
          waitForTurn);
      throw new BusyProblem(Text.of("problem.media.busy"), RETRY_AFTER);
    }
    try {
      return prepare(content, file, dir);
    } finally {
      preparing.release();
    }
  }

  private static Ready prepare(MediaContent content, Path file, Path dir) {
    return switch (content.kind()) {
      case IMAGE -> {
        Prepared image = PosterImages.prepare(file, content, dir);
        yield new Ready(List.of(image), Thumbnails.ofPicture(image, dir));
      }
      case VIDEO -> {
        // Kept as uploaded: the station plays the very bytes the manager checked.
        VideoFacts facts = VideoProbe.probe(file);
        yield new Ready(
            List.of(
                new Prepared(
                    file, "video/mp4", facts.width(), facts.height(), facts.durationMillis())),
            Thumbnails.ofVideo(facts, dir));
      }
      case DOCUMENT -> {
        Path pages = dir.resolve("pages");
        try {
          Files.createDirectories(pages);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        List<Prepared> rendered =
            DocumentPages.render(file, pages).stream()
                .map(p -> Prepared.image(p.png(), "image/png", p.width(), p.height()))
                .toList();
        yield new Ready(rendered, Thumbnails.ofPicture(rendered.getFirst(), dir));
      }
    };
  }

  /**
   * Puts the files into the store, then records them and the entry in one transaction; if that
   * fails, removes the files no row uses (so a failed upload leaves nothing behind). When the same
   * upload reached the library meanwhile, answers its entry instead.
   */
  private Uploaded store(
      Staff staff,
      @Nullable String stationId,
      String title,
      String fileName,
      MediaContent content,
      Received received,
      Ready ready) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<MediaFile> files = new ArrayList<>();
    Set<String> stored = new LinkedHashSet<>();
    boolean[] recorded = {false};
    try {
      // From the first file put to the commit: a delete (on any hub) does not unlink a file this
      // upload has put (perhaps found there already) but not yet recorded.
      return putting.shared(
          () -> {
            for (Prepared p : ready.files()) {
              MediaFile f = put(p, received);
              stored.add(f.sha256());
              files.add(f);
            }
            MediaFile thumbnail = put(ready.thumbnail(), received);
            stored.add(thumbnail.sha256());
            MediaItem item =
                new MediaItem(
                    Ids.next("m"),
                    stationId,
                    staff.countyId(),
                    content.kind(),
                    title,
                    keptName(fileName),
                    received.sha256(),
                    received.size(),
                    thumbnail,
                    staff.id(),
                    staff.displayName(),
                    now,
                    null,
                    files,
                    0);
            Optional<String> already =
                database.inTransaction(
                    h -> {
                      // The same bytes sent twice at once (a double click): the second finds the
                      // first's entry here, not before its own checks.
                      MediaItemRepository.lockLibrary(h, stationId, staff.countyId());
                      Optional<String> found =
                          MediaItemRepository.findUpload(
                              h, stationId, staff.countyId(), received.sha256());
                      if (found.isPresent()) {
                        return found;
                      }
                      for (MediaFile f : files) {
                        MediaFileRepository.insert(h, f, now);
                      }
                      MediaFileRepository.insert(h, thumbnail, now);
                      MediaItemRepository.insert(h, item);
                      audit.record(
                          h,
                          staff,
                          "upload",
                          "media",
                          item.id(),
                          kindKey(item.kind()) + " " + item.title());
                      return Optional.<String>empty();
                    });
            recorded[0] = already.isEmpty();
            return already.isPresent()
                ? new Uploaded(items.find(already.get()).orElseThrow(), false)
                : new Uploaded(items.find(item.id()).orElseThrow(), true);
          });
    } finally {
      if (!recorded[0]) {
        // failed, or the same upload was there already: the files no entry uses go
        removeUnused(stored);
      }
    }
  }

  private MediaFile put(Prepared p, Received received) {
    try {
      long size = Files.size(p.file());
      String hash;
      if (p.file().equals(received.file())) {
        // The upload kept as it came (a video): hashed as it arrived, moved, not copied again.
        store.take(p.file(), received.sha256());
        hash = received.sha256();
      } else {
        try (InputStream in = Files.newInputStream(p.file())) {
          hash = store.put(in);
        }
      }
      return new MediaFile(hash, size, p.contentType(), p.width(), p.height(), p.durationMillis());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Unlinks the files no entry records, with no upload (on any hub) between putting its files and
   * recording them: the check and the unlink are one step.
   */
  private void removeUnused(Collection<String> hashes) {
    putting.alone(
        () -> {
          for (String hash : hashes) {
            if (!database.withHandle(h -> MediaItemRepository.isUsed(h, hash))) {
              store.delete(hash);
            }
          }
        });
  }

  // ---- retiring and deleting ----

  /**
   * Takes an entry out of the library: its slides stop (the stations their slides reach get a new
   * snapshot); kept for the proofs of display that name it.
   */
  public MediaItem retire(Staff staff, String id) {
    MediaItem item = requireChange(staff, id);
    Set<String> stations =
        database.inTransaction(
            h -> {
              MediaItemRepository.retire(h, id, OffsetDateTime.now(clock));
              audit.record(h, staff, "retire", "media", id, item.title());
              return MediaItemRepository.stationsShowing(h, id, item.countyId());
            });
    if (!stations.isEmpty()) {
      stationsChanged.publishEvent(new StationsChanged(stations));
    }
    return items.find(id).orElseThrow();
  }

  /** Deletes an entry no slide uses, and the files nothing else uses from the disk. */
  public void delete(Staff staff, String id) {
    MediaItem item = requireChange(staff, id);
    if (item.slides() > 0) {
      throw new ConflictProblem(Text.of("problem.media.in-use", item.slides()));
    }
    Set<String> gone =
        database.inTransaction(
            h -> {
              int slides =
                  h.createQuery("SELECT COUNT(*) FROM media_slide WHERE item_id = :id")
                      .bind("id", id)
                      .mapTo(Integer.class)
                      .one();
              if (slides > 0) {
                throw new ConflictProblem(Text.of("problem.media.in-use", slides));
              }
              audit.record(h, staff, "delete", "media", id, item.title());
              return MediaItemRepository.delete(h, item);
            });
    removeUnused(gone); // checked again: an upload may have recorded one of them meanwhile
  }

  private MediaItem requireChange(Staff staff, String id) {
    MediaItem item = get(staff, id);
    if (!canChange(staff, item)) {
      throw new ForbiddenProblem(
          Text.of(
              item.isCounty() ? "problem.access.county-admin-only" : "problem.media.not-yours"));
    }
    return item;
  }

  // ---- small things ----

  /** The file's name as kept: stripped, within {@link #MAX_FILE_NAME} characters, "—" if none. */
  static String keptName(@Nullable String fileName) {
    String name = fileName == null ? "" : fileName.strip();
    if (name.codePointCount(0, name.length()) > MAX_FILE_NAME) {
      name = name.substring(0, name.offsetByCodePoints(0, MAX_FILE_NAME));
    }
    return name.isEmpty() ? "—" : name;
  }

  private ValidationProblem refused(Staff staff, String reason, String fileName, Text text) {
    badInput.record(SOURCE, reason, staff.id() + " " + fileName);
    return ValidationProblem.of("file", text);
  }

  private static NotFoundProblem notFound(String id) {
    return new NotFoundProblem(Text.of("problem.media.not-found", id));
  }

  static String kindKey(MediaSlide.Kind kind) {
    return switch (kind) {
      case IMAGE -> "image";
      case VIDEO -> "video";
      case DOCUMENT -> "document";
    };
  }

  private static long megabytes(MediaContent content) {
    return content.maxBytes() / (1024 * 1024);
  }

  private Path newWorkDir() {
    try {
      Files.createDirectories(work);
      return Files.createTempDirectory(work, "upload-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a work folder in " + work, e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir, e);
    }
  }
}
