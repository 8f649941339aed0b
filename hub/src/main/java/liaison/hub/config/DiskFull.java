package liaison.hub.config;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A full disk named as such, wherever it shows: an {@code IOException} "No space left on device",
 * SQLite's {@code SQLITE_FULL} ("database or disk is full"), PostgreSQL's {@code disk_full}.
 * Without this a full disk looks like a broker that does not start in time or a bare 500.
 */
@Singleton
public class DiskFull {
  private final Path dataDir;
  private final String dbUrl;

  public DiskFull(HubConfig hub, @Value("${hub.db.url:}") String dbUrl) {
    this.dataDir = hub.dataPath().toAbsolutePath().normalize();
    this.dbUrl = dbUrl;
  }

  /**
   * The place that is full when {@code problem} (or a cause of it) is a full disk: the file the
   * system named, else the database file, else the data directory; empty for any other problem.
   */
  public Optional<Path> where(Throwable problem) {
    if (!isDiskFull(problem)) {
      return Optional.empty();
    }
    for (Throwable t = problem; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException fs && fs.getFile() != null) {
        return Optional.of(Path.of(fs.getFile()).toAbsolutePath());
      }
      if (t instanceof SQLException) {
        return Optional.of(sqliteFile().orElse(dataDir));
      }
    }
    return Optional.of(dataDir);
  }

  /** True when the problem, or any cause of it, says the disk (or the database) is full. */
  public static boolean isDiskFull(Throwable problem) {
    for (Throwable t = problem; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage();
      if (t instanceof IOException
          && (message.contains("No space left on device") || message.contains("ENOSPC"))) {
        return true;
      }
      if (t instanceof SQLException sql
          && (message.contains("SQLITE_FULL")
              || message.contains("database or disk is full")
              || "53100".equals(sql.getSQLState()))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** "磁盘空间已满 · no space left on /srv/liaison/data/hub.db": for the log and the start-up message. */
  public static String describe(Path where) {
    // For the operator's log and console, like every start-up message (not a page).
    return "磁盘空间已满 · no space left on " + where;
  }

  /**
   * Refuses to start on a disk with less than {@code minFree} bytes usable where {@code dir} lives:
   * SQLite and the broker would fail later, the broker by not starting in time.
   */
  static void checkFreeSpace(Path dir, long minFree, String setting) {
    Path absolute = dir.toAbsolutePath().normalize();
    long usable;
    try {
      FileStore store = Files.getFileStore(existing(absolute));
      usable = store.getUsableSpace();
    } catch (IOException e) {
      return; // not knowable here; the write check that follows says what is wrong
    }
    if (usable < minFree) {
      throw new StartupProblem(
          describe(absolute)
              + " ("
              + megabytes(usable)
              + " free, the hub needs at least "
              + megabytes(minFree)
              + "); free some space there or choose another folder with "
              + setting);
    }
  }

  private static Path existing(Path path) {
    Path p = path;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p == null ? path : p;
  }

  private static String megabytes(long bytes) {
    return bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : (bytes / (1024 * 1024)) + " MB";
  }

  private Optional<Path> sqliteFile() {
    if (!dbUrl.startsWith("jdbc:sqlite:")) {
      return Optional.empty();
    }
    String file = dbUrl.substring("jdbc:sqlite:".length());
    int query = file.indexOf('?');
    file = query < 0 ? file : file.substring(0, query);
    return file.isBlank() || file.startsWith(":memory:")
        ? Optional.empty()
        : Optional.of(Path.of(file).toAbsolutePath().normalize());
  }
}
