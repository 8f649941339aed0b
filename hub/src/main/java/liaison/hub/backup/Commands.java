package liaison.hub.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/** What the backup and restore commands share: how they answer on the terminal, and tidying up. */
final class Commands {
  private Commands() {}

  /** {@code --help} (an empty message) on standard output, wrong options with the reason. */
  static int usage(
      String command, IllegalArgumentException e, String usage, PrintStream out, PrintStream err) {
    if (!e.getMessage().isEmpty()) {
      err.println("hub " + command + ": " + e.getMessage());
    }
    (e.getMessage().isEmpty() ? out : err).print(usage);
    return e.getMessage().isEmpty() ? 0 : 2;
  }

  /** The reason, in Chinese then in English; the exit status of a refusal. */
  static int refused(BackupRefused e, PrintStream err) {
    err.println(e.reason().zh());
    err.println(e.reason().en());
    return 1;
  }

  /** {@code 12.3 MB}: one unit for both languages. */
  static String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  static String seconds(Duration took) {
    return String.format(Locale.ROOT, "%.1f s", took.toNanos() / 1e9);
  }

  /** Removes a folder this command made, with all it holds. */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary folder left behind is named .liaison-backup-…; nothing of the county's is lost
    }
  }
}
