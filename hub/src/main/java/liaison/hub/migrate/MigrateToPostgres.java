package liaison.hub.migrate;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.naming.conventions.StringConvention;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liaison.hub.text.Text;

/**
 * {@code java -jar hub.jar migrate-to-postgres --from=data/hub.db --to=jdbc:postgresql://host/db
 * --db-user=… --db-password=…}: moves a stopped county hub from its SQLite file into PostgreSQL
 * ({@link Migration}). Flags as the hub's own ({@code --db-url} is {@code --to} here), each with
 * the environment variable the hub reads.
 */
public final class MigrateToPostgres {
  /** The first argument of {@code java -jar hub.jar} that runs this instead of the hub. */
  public static final String COMMAND = "migrate-to-postgres";

  static final String USAGE =
      """
      Usage: java -jar hub.jar migrate-to-postgres [options]   (./liaison migrate-to-postgres …)

        把停止的枢纽的 SQLite 文件复制到 PostgreSQL，逐表核对。
        Copies a stopped hub's SQLite file into PostgreSQL and checks every table.

        --from=data/hub.db      the hub's SQLite file  (default: $HUB_DATA_DIR/hub.db, else
                                data/hub.db)
        --to=JDBC_URL           e.g. jdbc:postgresql://db/liaison, an empty database
                                                              (HUB_DB_URL)
        --db-user=… --db-password=…                           (HUB_DB_USER, HUB_DB_PASSWORD)

      Exit status: 0 copied and every table the same; 1 refused or failed, the target left as
      it was; 2 wrong options.
      """;

  private MigrateToPostgres() {}

  /**
   * Runs the command.
   *
   * @param args what followed {@code migrate-to-postgres}
   * @param env the environment ({@code HUB_DATA_DIR}, {@code HUB_DB_URL}, …)
   * @return the exit status
   */
  public static int run(
      List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    Map<String, String> flags;
    try {
      flags = parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        err.println("hub migrate-to-postgres: " + e.getMessage());
      }
      (e.getMessage().isEmpty() ? out : err).print(USAGE);
      return e.getMessage().isEmpty() ? 0 : 2;
    }
    String dataDir = env.getOrDefault("HUB_DATA_DIR", "data");
    Path from = Path.of(flags.getOrDefault("from", Path.of(dataDir, "hub.db").toString()));
    String to = flags.getOrDefault("to", env.getOrDefault("HUB_DB_URL", ""));
    if (to.isBlank()) {
      err.println("hub migrate-to-postgres: --to=jdbc:postgresql://… (or HUB_DB_URL) is missing");
      err.print(USAGE);
      return 2;
    }
    String user = flags.getOrDefault("db-user", env.getOrDefault("HUB_DB_USER", ""));
    String password = flags.getOrDefault("db-password", env.getOrDefault("HUB_DB_PASSWORD", ""));
    MigrationReport report = new MigrationReport(out);
    try {
      boolean same =
          new Migration(from, to, user, password, flywaySettings(), report, System::nanoTime).run();
      return same ? 0 : 1;
    } catch (MigrationRefused e) {
      err.println(e.reason().zh());
      err.println(e.reason().en());
      e.outcome()
          .ifPresent(
              outcome -> {
                err.println(outcome.zh());
                err.println(outcome.en());
              });
      return 1;
    } catch (SQLException e) {
      Text failed = Text.of("migrate.failed", TableCopy.reason(e));
      err.println(failed.zh());
      err.println(failed.en());
      return 1;
    }
  }

  static Map<String, String> parse(List<String> args) {
    return flags(args, Set.of("from", "to", "db-user", "db-password"));
  }

  /**
   * A command's {@code --name=value} flags, each one of {@code known}.
   *
   * @throws IllegalArgumentException with an empty message for {@code --help}, else the reason
   */
  public static Map<String, String> flags(List<String> args, Set<String> known) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        throw new IllegalArgumentException("");
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String flag = arg.substring(2, eq);
      if (!known.contains(flag)) {
        throw new IllegalArgumentException("unknown option --" + flag);
      }
      flags.put(flag, arg.substring(eq + 1));
    }
    return flags;
  }

  /**
   * The hub's Flyway settings from application.yml ({@code flyway.datasources.default}) in Flyway's
   * own words ({@code flyway.locations}, …): the migrations run here exactly as the hub runs them.
   */
  static Map<String, String> flywaySettings() {
    try (ApplicationContext probe = ApplicationContext.builder().build()) {
      Environment env = probe.getEnvironment();
      env.start();
      Map<String, String> settings = new LinkedHashMap<>();
      env.getProperties("flyway.datasources.default", StringConvention.RAW)
          .forEach(
              (key, value) -> {
                if (key.contains("[") || key.equals("enabled") || key.equals("async")) {
                  return; // an item of a list given whole, or Micronaut's switches (not Flyway's)
                }
                // baseline-on-migrate → baselineOnMigrate; a placeholder's own name stays as it is
                int dot = key.indexOf('.');
                String option =
                    dot < 0
                        ? NameUtils.camelCase(key)
                        : NameUtils.camelCase(key.substring(0, dot)) + key.substring(dot);
                flatten("flyway." + option, value, settings);
              });
      return settings;
    }
  }

  private static void flatten(String name, Object value, Map<String, String> into) {
    if (value instanceof Map<?, ?> nested) {
      nested.forEach((k, v) -> flatten(name + "." + k, v, into));
    } else if (value instanceof Iterable<?> list) {
      List<String> items = new java.util.ArrayList<>();
      list.forEach(item -> items.add(String.valueOf(item)));
      into.put(name, String.join(",", items));
    } else {
      into.put(name, String.valueOf(value));
    }
  }
}
