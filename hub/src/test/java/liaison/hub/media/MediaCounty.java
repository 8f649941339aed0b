package liaison.hub.media;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.event.ApplicationEventPublisher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.audit.AuditLog;
import liaison.hub.config.HubConfig;
import liaison.hub.db.Database;
import liaison.hub.problem.BadInput;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;
import liaison.testkit.TestClock;

/**
 * A county for the media library on a store of its own: two stations (s-a, s-b), its administrator,
 * s-a's manager (each with an account row: a county library's county is its uploader's), and the
 * library over them with its files under the test's data folder.
 */
final class MediaCounty implements AutoCloseable {
  static final String COUNTY = "c-media";
  static final String T = "2026-12-01T00:00:00+08:00";

  final TestStore store;
  final Database db;
  final Path data;
  final MediaLibrary library;
  final BadInput badInput;
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  final List<StationsChanged> announced = new ArrayList<>();

  /** The hashes the store was given as copies of a stream, and as files moved in. */
  final List<String> copied = new java.util.concurrent.CopyOnWriteArrayList<>();

  final List<String> moved = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Runs after the store has put each file, in the uploading thread (a test's hook). */
  volatile Runnable afterPut = () -> {};

  final Staff admin =
      new Staff("u-admin", "admin", "县管理员", Role.COUNTY_ADMIN, COUNTY, null, Set.of());
  final Staff manager =
      new Staff("u-mgr", "mgr", "站长", Role.STATION_MANAGER, COUNTY, null, Set.of("s-a"));

  MediaCounty(TestDatabases.Store which, Path dir) {
    this(which, dir, Duration.ofSeconds(30));
  }

  /**
   * @param waitForTurn how long an upload waits for its turn to be prepared (as the hub's {@code
   *     hub.media.wait-for-turn}): a test holding the turn waits no more than that
   */
  MediaCounty(TestDatabases.Store which, Path dir, Duration waitForTurn) {
    this.store = TestStore.migrated(which, dir.resolve("db"));
    this.db = store.database();
    this.data = dir.resolve("data");
    db.useHandle(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES (?, '媒体县')", COUNTY);
          h.execute("INSERT INTO township (id, county_id, name) VALUES ('t-a', ?, '城关镇')", COUNTY);
          for (String s : List.of("s-a", "s-b")) {
            h.execute(
                "INSERT INTO station (id, township_id, name, kind, public_token, created_at,"
                    + " updated_at) VALUES (?, 't-a', ?, 'WORKSTATION', ?, ?, ?)",
                s,
                s + "站",
                "tok-" + s,
                T,
                T);
          }
          for (Staff s : List.of(admin, manager)) {
            h.execute(
                "INSERT INTO staff_account (id, username, display_name, role, county_id,"
                    + " password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'x', ?, ?)",
                s.id(),
                s.username(),
                s.displayName(),
                s.role().name(),
                COUNTY,
                T,
                T);
          }
        });
    TestClock clock = TestClock.at("2026-12-05T10:00:00+08:00");
    this.badInput = new BadInput(clock);
    HubConfig config =
        new HubConfig(8080, "127.0.0.1", data.toString(), "https://hub.example.cn", "never");
    ApplicationEventPublisher<StationsChanged> publisher = announced::add;
    this.library =
        new MediaLibrary(
            db,
            new MediaItemRepository(db),
            new MediaFileRepository(db),
            new MediaStore(config) {
              @Override
              public String put(java.io.InputStream in) {
                String hash = super.put(in);
                copied.add(hash);
                afterPut.run();
                return hash;
              }

              @Override
              public void take(Path file, String sha256) {
                super.take(file, sha256);
                moved.add(sha256);
                afterPut.run();
              }
            },
            new Access(new StationRepository(db, clock)),
            new AuditLog(db, clock),
            badInput,
            publisher,
            clock,
            meters,
            waitForTurn);
  }

  MediaLibrary.Uploaded upload(Staff staff, byte[] bytes, String name, String stationId) {
    return library.upload(
        staff, new MediaLibrary.Upload(new ByteArrayInputStream(bytes), name, null, stationId));
  }

  int rows(String table) {
    return db.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
  }

  /** Every file under the data folder's media/ (the store and its work folder). */
  List<Path> filesOnDisk() {
    Path media = data.resolve("media");
    if (!Files.exists(media)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(media)) {
      return files.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where the store keeps the file of that hash. */
  Path file(String sha256) {
    return data.resolve("media").resolve(sha256);
  }

  byte[] stored(String sha256) {
    try {
      return Files.readAllBytes(data.resolve("media").resolve(sha256));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A slide of the item, aimed at the listed stations, as the slides' part would write it. */
  void slide(String id, String itemId, String... stations) {
    db.useHandle(
        h -> {
          h.execute(
              "INSERT INTO media_slide (id, item_id, seconds, valid_from, target, position,"
                  + " created_by, created_at, updated_at) VALUES (?, ?, 10, ?, 'STATIONS', 0,"
                  + " 'u-admin', ?, ?)",
              id,
              itemId,
              T,
              T,
              T);
          for (String s : stations) {
            h.execute(
                "INSERT INTO media_slide_station (slide_id, station_id) VALUES (?, ?)", id, s);
          }
        });
  }

  @Override
  public void close() {
    store.close();
  }
}
