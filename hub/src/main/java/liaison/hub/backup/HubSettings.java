package liaison.hub.backup;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The hub's data folder and database as the hub itself would find them: the flags given, else its
 * environment variables ({@code HUB_DATA_DIR}, {@code HUB_DB_URL}, … as {@code
 * /etc/liaison/hub.env} sets them under systemd), else application.yml's defaults (SQLite's file in
 * the data folder).
 */
record HubSettings(Path dataDir, String dbUrl, String dbUser, String dbPassword) {
  private static final Map<String, String> FLAGS =
      Map.of(
          "data-dir", "hub.data-dir",
          "db-url", "hub.db.url",
          "db-user", "hub.db.user",
          "db-password", "hub.db.password");

  static HubSettings resolve(Map<String, String> flags) {
    Map<String, Object> properties = new LinkedHashMap<>();
    FLAGS.forEach(
        (flag, property) -> {
          if (flags.containsKey(flag)) {
            properties.put(property, flags.get(flag));
          }
        });
    try (ApplicationContext probe = ApplicationContext.builder().properties(properties).build()) {
      Environment env = probe.getEnvironment();
      env.start();
      return new HubSettings(
          Path.of(env.getProperty("hub.data-dir", String.class).orElse("data"))
              .toAbsolutePath()
              .normalize(),
          env.getProperty("hub.db.url", String.class).orElse(""),
          env.getProperty("hub.db.user", String.class).orElse(""),
          env.getProperty("hub.db.password", String.class).orElse(""));
    }
  }

  boolean sqlite() {
    return dbUrl.startsWith("jdbc:sqlite:");
  }

  /** SQLite's file, when the database is one. */
  Optional<Path> sqliteFile() {
    if (!sqlite()) {
      return Optional.empty();
    }
    String rest = dbUrl.substring("jdbc:sqlite:".length());
    int query = rest.indexOf('?');
    return Optional.of(
        Path.of(query < 0 ? rest : rest.substring(0, query)).toAbsolutePath().normalize());
  }

  /** The database's address without a password, for people to read. */
  String shownDatabase() {
    return sqliteFile().map(Path::toString).orElseGet(() -> PostgresTools.shown(dbUrl));
  }
}
