package liaison.signage.player.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Properties;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's content, kept in a SQLite file so the screen can start and run without the hub.
 *
 * <p>A snapshot replaces the stored one only when its version is higher, decided inside one SQL
 * statement so two deliveries racing cannot store an older one. Snapshots and alerts are stored as
 * the bytes the hub sent ({@link Received}), and decoded again when read. The file runs in WAL mode
 * with {@code synchronous=FULL}: a station's power is cut without warning, and with NORMAL the last
 * commits can be lost.
 *
 * <p>It lives on an SD card, which wears out from small writes, so the file is set to write little
 * (measured by {@code StationWritesBenchmark}, docs/BENCHMARKS.md) without giving up that safety:
 * pages of 1 KB, so each page a commit changes goes to the WAL as 1 KB instead of 4 (a new file
 * only; SQLite cannot change the page size of a WAL file in place); a checkpoint every 1,000 pages
 * and the WAL cut back to 1 MB after it, so it cannot grow without bound; temporary tables and
 * indexes in memory; and nothing written when what is stored would not change (the same snapshot,
 * alert or memo again).
 */
public final class ContentStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ContentStore.class);

  /** 1: content and memo; 2: the current alert and the event outbox. */
  private static final int SCHEMA_VERSION = 2;

  /** Bytes per page of a new store file; an existing file keeps the size it was made with. */
  static final int PAGE_SIZE = 1024;

  /** Pages the WAL holds before SQLite copies them into the file (SQLite's default, said here). */
  static final int WAL_CHECKPOINT_PAGES = 1000;

  /** Bytes the WAL is cut back to after a checkpoint; without it, it keeps its largest size. */
  static final long WAL_SIZE_LIMIT = 1024 * 1024;

  private final Path file;
  private final Connection connection;

  private final Outbox outbox;

  private ContentStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.outbox = new Outbox(this);
  }

  /**
   * Opens (or creates) the store.
   *
   * @throws StoreException naming the file when it cannot be created or opened
   */
  public static ContentStore open(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
    } catch (IOException e) {
      throw new StoreException("cannot create the directory for the station store " + file, e);
    }
    Properties properties = new Properties();
    properties.setProperty("synchronous", "FULL");
    properties.setProperty("busy_timeout", "5000");
    properties.setProperty("temp_store", "MEMORY");
    try {
      Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
      ContentStore store = new ContentStore(file, connection);
      store.walWithSmallPages();
      store.migrate();
      return store;
    } catch (SQLException e) {
      throw new StoreException("cannot open the station store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * WAL mode, and the page size before it: SQLite takes a page size only for a file not yet written
   * (switching to WAL writes the header), and ignores it for an existing one.
   */
  private void walWithSmallPages() throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("PRAGMA page_size = " + PAGE_SIZE);
      st.execute("PRAGMA journal_mode = WAL");
      st.execute("PRAGMA wal_autocheckpoint = " + WAL_CHECKPOINT_PAGES);
      st.execute("PRAGMA journal_size_limit = " + WAL_SIZE_LIMIT);
    }
  }

  private void migrate() throws SQLException {
    try (Statement st = connection.createStatement()) {
      int version;
      try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > SCHEMA_VERSION) {
        throw new SQLException(
            "the store was written by a newer version of the app (schema "
                + version
                + ", this app knows "
                + SCHEMA_VERSION
                + ")");
      }
      if (version < 1) {
        st.executeUpdate(
            """
            CREATE TABLE IF NOT EXISTS content (
              station_id   TEXT PRIMARY KEY,
              version      INTEGER NOT NULL,
              generated_at TEXT NOT NULL,
              stored_at    TEXT NOT NULL,
              payload      BLOB NOT NULL
            )""");
        st.executeUpdate(
            """
            CREATE TABLE IF NOT EXISTS memo (
              key   TEXT PRIMARY KEY,
              value TEXT NOT NULL
            )""");
      }
      if (version < 2) {
        st.executeUpdate(
            """
            CREATE TABLE IF NOT EXISTS alert (
              station_id TEXT PRIMARY KEY,
              stored_at  TEXT NOT NULL,
              payload    BLOB NOT NULL
            )""");
        // AUTOINCREMENT: a sequence number is never reused, so "oldest first" survives deletes.
        st.executeUpdate(
            """
            CREATE TABLE IF NOT EXISTS outbox (
              seq         INTEGER PRIMARY KEY AUTOINCREMENT,
              event_id    TEXT NOT NULL UNIQUE,
              type        TEXT NOT NULL,
              recorded_at TEXT NOT NULL,
              payload     BLOB NOT NULL
            )""");
      }
      if (version < SCHEMA_VERSION) {
        st.executeUpdate("PRAGMA user_version = " + SCHEMA_VERSION);
      }
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Stores the snapshot, as the bytes received, if it is newer than the stored one for its station.
   *
   * @return true if stored, false if the store already holds this version or a higher one
   */
  public synchronized boolean storeIfNewer(
      Received<StationContent> received, OffsetDateTime storedAt) {
    StationContent content = received.message();
    String sql =
        """
        INSERT INTO content (station_id, version, generated_at, stored_at, payload)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (station_id) DO UPDATE SET
          version = excluded.version,
          generated_at = excluded.generated_at,
          stored_at = excluded.stored_at,
          payload = excluded.payload
        WHERE excluded.version > content.version""";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, content.stationId());
      ps.setLong(2, content.version());
      ps.setString(3, content.generatedAt().toString());
      ps.setString(4, storedAt.toString());
      ps.setBytes(5, received.payload());
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StoreException("cannot write content to " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stores a snapshot made on this side (tests, a seeded store) as its encoding; what comes from
   * the hub goes through {@link #storeIfNewer(Received, OffsetDateTime)} with the bytes received.
   */
  public boolean storeIfNewer(StationContent content, OffsetDateTime storedAt) {
    return storeIfNewer(Received.encoded(content), storedAt);
  }

  /** The stored snapshot for the station, if any and if it can still be read. */
  public synchronized Optional<StoredContent> load(String stationId) {
    String sql = "SELECT payload, stored_at FROM content WHERE station_id = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, stationId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        byte[] payload = rs.getBytes(1);
        OffsetDateTime storedAt = OffsetDateTime.parse(rs.getString(2));
        try {
          return Optional.of(
              new StoredContent(ProtocolCodec.decode(payload, StationContent.class), storedAt));
        } catch (ProtocolException e) {
          LOG.warn(
              "station {}: the stored content in {} cannot be read ({}); starting without it",
              stationId,
              file,
              e.getMessage());
          return Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read content from " + file + ": " + e.getMessage(), e);
    }
  }

  /** The version stored for the station, 0 when none. */
  public synchronized long storedVersion(String stationId) {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT version FROM content WHERE station_id = ?")) {
      ps.setString(1, stationId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Keeps the station's current alert, as the bytes received, replacing the one before. */
  public synchronized void storeAlert(
      String stationId, Received<StationAlert> alert, OffsetDateTime storedAt) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            // The same alert again (retained, redelivered at each reconnect) writes nothing and
            // keeps the time it was first stored.
            "INSERT INTO alert (station_id, stored_at, payload) VALUES (?, ?, ?)"
                + " ON CONFLICT (station_id) DO UPDATE SET"
                + " stored_at = excluded.stored_at, payload = excluded.payload"
                + " WHERE alert.payload IS NOT excluded.payload")) {
      ps.setString(1, stationId);
      ps.setString(2, storedAt.toString());
      ps.setBytes(3, alert.payload());
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write the alert to " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void clearAlert(String stationId) {
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM alert WHERE station_id = ?")) {
      ps.setString(1, stationId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot clear the alert in " + file + ": " + e.getMessage(), e);
    }
  }

  /** The stored alert, if any and if it can still be read; its expiry is the view's to judge. */
  public synchronized Optional<StationAlert> loadAlert(String stationId) {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT payload FROM alert WHERE station_id = ?")) {
      ps.setString(1, stationId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        try {
          return Optional.of(ProtocolCodec.decode(rs.getBytes(1), StationAlert.class));
        } catch (ProtocolException e) {
          LOG.warn(
              "station {}: the stored alert in {} cannot be read ({}); ignored",
              stationId,
              file,
              e.getMessage());
          return Optional.empty();
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the alert from " + file + ": " + e.getMessage(), e);
    }
  }

  /** The event outbox kept in this same file, sharing its connection and lock. */
  public Outbox outbox() {
    return outbox;
  }

  /** Runs one statement under the store's lock; for {@link Outbox}. */
  synchronized <T> T withConnection(String what, SqlWork<T> work) {
    try {
      return work.run(connection);
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** A small remembered value, such as since when the station has been offline. */
  public synchronized Optional<String> memo(String key) {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT value FROM memo WHERE key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void remember(String key, String value) {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO memo (key, value) VALUES (?, ?)"
                + " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                + " WHERE memo.value IS NOT excluded.value")) {
      ps.setString(1, key);
      ps.setString(2, value);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public synchronized void forget(String key) {
    try (PreparedStatement ps = connection.prepareStatement("DELETE FROM memo WHERE key = ?")) {
      ps.setString(1, key);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("closing the station store {} failed: {}", file, e.getMessage());
    }
  }

  /** A snapshot as stored, with when it was stored (its age on screen is measured from here). */
  public record StoredContent(StationContent content, OffsetDateTime storedAt) {}
}
