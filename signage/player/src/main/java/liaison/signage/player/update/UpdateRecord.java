package liaison.signage.player.update;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the files under {@code LIAISON_HOME/update/} say when the app starts, and what it writes
 * there once it knows: the pending update of its own version to confirm once healthy, a rollback
 * {@code liaison-update-check} made to report, and the versions that rolled back here, which are
 * not tried again (a newer target is).
 */
public final class UpdateRecord {
  private final Path update;

  public UpdateRecord(Path home) {
    this.update = home.resolve("update");
  }

  /** A rollback as {@code liaison-update-check} wrote it. */
  public record RolledBack(String version, String previous, String reason, long atEpochSecond) {}

  /** Whether an update to this version waits to be confirmed healthy. */
  public boolean pendingFor(String ownVersion) throws IOException {
    return ownVersion.equals(fields(update.resolve("pending")).get("VERSION"));
  }

  /**
   * Confirms the pending update of this version (first frame shown, connected, content received):
   * {@code liaison-update-check} no longer rolls it back. False when none was pending for it.
   */
  public boolean confirmHealthy(String ownVersion) throws IOException {
    if (!pendingFor(ownVersion)) {
      return false;
    }
    Files.deleteIfExists(update.resolve("pending"));
    return true;
  }

  /**
   * The rollback to report, once: the file is removed and the version remembered as failed here.
   */
  public Optional<RolledBack> takeRollback() throws IOException {
    Path file = update.resolve("rolled-back");
    Map<String, String> f = fields(file);
    if (f.isEmpty()) {
      return Optional.empty();
    }
    String version = f.getOrDefault("VERSION", "");
    if (!version.isEmpty() && !failed(version)) {
      Files.writeString(
          update.resolve("failed"),
          version + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
    Files.delete(file);
    long at;
    try {
      at = Long.parseLong(f.getOrDefault("AT", "0"));
    } catch (NumberFormatException e) {
      at = 0;
    }
    return Optional.of(
        new RolledBack(version, f.getOrDefault("PREVIOUS", ""), f.getOrDefault("REASON", ""), at));
  }

  /** Whether this version rolled back on this station before (then it is not tried again). */
  public boolean failed(String version) throws IOException {
    Path file = update.resolve("failed");
    return Files.exists(file) && Files.readAllLines(file).contains(version);
  }

  /** The KEY=value lines of a file; empty when there is none. */
  private static Map<String, String> fields(Path file) throws IOException {
    Map<String, String> fields = new HashMap<>();
    if (!Files.exists(file)) {
      return fields;
    }
    for (String line : Files.readAllLines(file)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        fields.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return fields;
  }
}
