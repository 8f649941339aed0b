package liaison.hub.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liaison.hub.text.Text;

/**
 * Debian's PostgreSQL client programs ({@code pg_dump}, {@code pg_restore}) for a server of a given
 * major version: each {@code /usr/lib/postgresql/N/bin} (Debian keeps one per installed version)
 * and the one on the PATH, the newest first. A program older than the server cannot read it, and is
 * refused with the package to install.
 */
final class PostgresTools {
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");
  private static final Path DEBIAN = Path.of("/usr/lib/postgresql");

  /** A program found, with its major version. */
  record Program(Path path, int major) {}

  private PostgresTools() {}

  /**
   * @param name {@code pg_dump} or {@code pg_restore}
   * @throws BackupRefused when none is found, or only ones older than the server
   */
  static Program find(String name, int serverMajor) {
    List<Program> found = new ArrayList<>();
    for (Path candidate : candidates(name)) {
      version(candidate).ifPresent(major -> found.add(new Program(candidate, major)));
    }
    if (found.isEmpty()) {
      throw new BackupRefused(Text.of("backup.refused.pg-missing", name, serverMajor));
    }
    Program newest = found.stream().max(Comparator.comparingInt(Program::major)).orElseThrow();
    if (newest.major() < serverMajor) {
      throw new BackupRefused(
          Text.of("backup.refused.pg-old", name, newest.major(), serverMajor, newest.path()));
    }
    return newest;
  }

  private static List<Path> candidates(String name) {
    List<Path> paths = new ArrayList<>();
    if (Files.isDirectory(DEBIAN)) {
      try (Stream<Path> versions = Files.list(DEBIAN)) {
        versions
            .map(v -> v.resolve("bin").resolve(name))
            .filter(Files::isExecutable)
            .forEach(paths::add);
      } catch (IOException e) {
        // then only the PATH's
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
        paths.add(Path.of(dir, name));
      }
    }
    return paths;
  }

  private static Optional<Integer> version(Path program) {
    try {
      Process p =
          new ProcessBuilder(program.toString(), "--version").redirectErrorStream(true).start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor();
      Matcher m = VERSION.matcher(said);
      return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * The connection options of libpq's programs for a JDBC URL (the password goes by PGPASSWORD).
   */
  static List<String> connection(String jdbcUrl, String user) {
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    List<String> args = new ArrayList<>();
    args.add("--host=" + (uri.getHost() == null ? "localhost" : uri.getHost()));
    args.add("--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()));
    args.add("--dbname=" + uri.getPath().replaceFirst("^/", ""));
    if (!user.isBlank()) {
      args.add("--username=" + user);
    }
    args.add("--no-password");
    return args;
  }

  /**
   * Runs a program to its end.
   *
   * @throws BackupRefused with what it said when it fails
   */
  static void run(List<String> command, String password, Path log) {
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (!password.isEmpty()) {
      builder.environment().put("PGPASSWORD", password);
    }
    try {
      int status = builder.start().waitFor();
      if (status != 0) {
        String said = Files.readString(log, StandardCharsets.UTF_8).strip();
        throw new BackupRefused(
            Text.of(
                "backup.failed.program",
                Path.of(command.getFirst()).getFileName(),
                status,
                said.length() > 600 ? said.substring(0, 600) + "…" : said));
      }
    } catch (IOException e) {
      throw new BackupRefused(Text.of("backup.failed", String.valueOf(e.getMessage())), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupRefused(Text.of("backup.failed", "interrupted"), e);
    }
  }

  /** A JDBC URL without its query (where a password may be), for people to read. */
  static String shown(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }
}
