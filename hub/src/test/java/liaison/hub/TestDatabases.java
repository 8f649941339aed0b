package liaison.hub;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the hub's tests run on: SQLite in the test's folder (the default) or a PostgreSQL
 * database of their own on one PostgreSQL server, the one CI starts with {@code pg_ctlcluster}.
 *
 * <p>{@code -Dliaison.test.db=postgresql} runs every hub a test starts on PostgreSQL (CI's second
 * step runs the whole hub suite so). The server is named by {@code LIAISON_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}), {@code LIAISON_TEST_PG_USER} and {@code
 * LIAISON_TEST_PG_PASSWORD} (default {@code liaison} / {@code liaison}, a role allowed to create
 * databases). Each hub folder gets a database of its own, made on first use and kept for a restart
 * on the same folder; all of them are dropped when the test JVM ends.
 */
public final class TestDatabases {
  /** Which store a test's hub runs on. */
  public enum Store {
    SQLITE,
    POSTGRESQL;

    @Override
    public String toString() {
      return this == SQLITE ? "SQLite" : "PostgreSQL";
    }
  }

  private static final String PROPERTY = "liaison.test.db";
  private static final Map<Path, PostgresDatabase> BY_FOLDER = new ConcurrentHashMap<>();
  private static final Map<String, PostgresDatabase> CREATED = new ConcurrentHashMap<>();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static volatile Optional<String> unreachable;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropAll, "drop-test-databases"));
  }

  private TestDatabases() {}

  /** The store every hub of this run uses unless a test asks for one: {@code -Dliaison.test.db}. */
  public static Store chosen() {
    String value = System.getProperty(PROPERTY, "sqlite").strip();
    return value.isEmpty() ? Store.SQLITE : parse("-D" + PROPERTY, value);
  }

  private static Store parse(String setting, String value) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "sqlite" -> Store.SQLITE;
      case "postgresql", "postgres", "pg" -> Store.POSTGRESQL;
      default ->
          throw new IllegalArgumentException(setting + "=" + value + ": use sqlite or postgresql");
    };
  }

  /**
   * The stores an {@link OnBothStores} class runs on in this run: both by default; only PostgreSQL
   * when {@code -Dliaison.test.db=postgresql} runs every hub there (CI's PostgreSQL step: the
   * SQLite runs were CI's first step's); only one when {@code LIAISON_TEST_STORES} (or {@code
   * -Dliaison.test.stores}) names it: {@code .ci/run}'s first step, {@code ./liaison test}, says
   * {@code sqlite}, because its next step runs the whole hub suite on PostgreSQL, those classes'
   * PostgreSQL runs included, and the first step keeps to the suite's time budget so.
   */
  public static java.util.List<Store> storesToRun() {
    String named = System.getProperty("liaison.test.stores", System.getenv("LIAISON_TEST_STORES"));
    if (named != null && !named.isBlank() && !named.strip().equalsIgnoreCase("both")) {
      return java.util.List.of(parse("LIAISON_TEST_STORES", named));
    }
    return chosen() == Store.POSTGRESQL
        ? java.util.List.of(Store.POSTGRESQL)
        : java.util.List.of(Store.SQLITE, Store.POSTGRESQL);
  }

  /** Why this run leaves PostgreSQL out ({@link #storesToRun}), if it does. */
  private static Optional<String> leftOut() {
    return storesToRun().contains(Store.POSTGRESQL)
        ? Optional.empty()
        : Optional.of(
            "PostgreSQL is left to CI's PostgreSQL step in this run (LIAISON_TEST_STORES=sqlite)");
  }

  /** A PostgreSQL database of its own, with what the hub needs to reach it. */
  public record PostgresDatabase(String name, String url, String user, String password) {
    /** The hub's settings for this database. */
    public Map<String, Object> hubProperties() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("hub.db.url", url);
      p.put("hub.db.user", user);
      p.put("hub.db.password", password);
      return p;
    }

    public Connection connect() throws SQLException {
      return DriverManager.getConnection(url, user, password);
    }
  }

  /**
   * The hub settings for {@code store} with the hub's folder {@code dataDir}: nothing for SQLite
   * (the hub's default file in the folder), the folder's own PostgreSQL database otherwise.
   */
  public static Map<String, Object> hubProperties(Store store, Path dataDir) {
    if (store == Store.SQLITE) {
      return Map.of();
    }
    return BY_FOLDER
        .computeIfAbsent(dataDir.toAbsolutePath().normalize(), d -> createPostgres())
        .hubProperties();
  }

  /**
   * The PostgreSQL database of the hub folder {@code dataDir}, made by {@link #hubProperties}: for
   * a test that reaches the hub's own database beside it (a benchmark's bare baseline).
   */
  public static PostgresDatabase postgresOf(Path dataDir) {
    PostgresDatabase db = BY_FOLDER.get(dataDir.toAbsolutePath().normalize());
    if (db == null) {
      throw new IllegalStateException(
          "no PostgreSQL database for " + dataDir + ": start a hub on PostgreSQL there first");
    }
    return db;
  }

  /**
   * For a test that runs on PostgreSQL: skips it, saying why, when no server answers, except under
   * {@code CI=true}, where PostgreSQL is part of the machine and its absence fails the test.
   */
  public static void assumePostgres() {
    Optional<String> left = leftOut();
    if (left.isPresent()) {
      Assumptions.abort(left.get());
    }
    Optional<String> reason = unreachable();
    if (reason.isEmpty()) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI has no PostgreSQL: " + reason.get());
    }
    Assumptions.abort("no PostgreSQL to test on (" + reason.get() + "); .ci/run starts one");
  }

  /**
   * Why a PostgreSQL test is to be skipped: no server answers, and this is not CI (under {@code
   * CI=true} the test runs, and {@link #assumePostgres} fails it). For runners that skip otherwise
   * than by JUnit's assumptions (jqwik's skip hook).
   */
  public static Optional<String> skipWithoutPostgres() {
    if (leftOut().isPresent()) {
      return leftOut();
    }
    return "true".equals(System.getenv("CI"))
        ? Optional.empty()
        : unreachable().map(why -> "no PostgreSQL to test on (" + why + "); .ci/run starts one");
  }

  /** Why no PostgreSQL server can be used, if none can: checked once per JVM. */
  public static Optional<String> unreachable() {
    Optional<String> known = unreachable;
    if (known == null) {
      try (Connection c = admin()) {
        known = Optional.empty();
      } catch (SQLException e) {
        known = Optional.of(serverUrl() + ": " + e.getMessage());
      }
      unreachable = known;
    }
    return known;
  }

  /**
   * What the README tells an operator to make: UTF-8, and text compared by code point (collation C)
   * as SQLite compares it; whatever locale the server's cluster was made with.
   */
  public static final String AS_THE_README_SAYS =
      "ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0";

  /** A new, empty PostgreSQL database as the README says (dropped when the JVM ends). */
  public static PostgresDatabase createPostgres() {
    return createPostgres(AS_THE_README_SAYS);
  }

  /** A new, empty PostgreSQL database made with {@code settings} (dropped when the JVM ends). */
  public static PostgresDatabase createPostgres(String settings) {
    assumePostgres();
    String name = "liaison_test_" + HexFormat.of().formatHex(bytes());
    try (Connection c = admin();
        var s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " " + settings);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name, e);
    }
    PostgresDatabase db = new PostgresDatabase(name, databaseUrl(name), user(), password());
    CREATED.put(name, db);
    return db;
  }

  /**
   * The server's own database the tests connect to (no tables of the hub's): for a test that needs
   * PostgreSQL sessions but no schema, such as advisory locks, without the seconds a new database
   * takes to make.
   */
  public static PostgresDatabase serverDatabase() {
    assumePostgres();
    return new PostgresDatabase("postgres", serverUrl(), user(), password());
  }

  private static byte[] bytes() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return b;
  }

  private static void dropAll() {
    if (CREATED.isEmpty()) {
      return;
    }
    try (Connection c = admin();
        var s = c.createStatement()) {
      for (String name : CREATED.keySet()) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("could not drop the test databases " + CREATED.keySet() + ": " + e);
    }
  }

  private static Connection admin() throws SQLException {
    return DriverManager.getConnection(serverUrl(), user(), password());
  }

  static String serverUrl() {
    return env("LIAISON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  }

  /** The server's URL with another database name (the last path segment, query kept). */
  static String databaseUrl(String name) {
    String url = serverUrl();
    int query = url.indexOf('?');
    String base = query < 0 ? url : url.substring(0, query);
    String rest = query < 0 ? "" : url.substring(query);
    return base.substring(0, base.lastIndexOf('/') + 1) + name + rest;
  }

  private static String user() {
    return env("LIAISON_TEST_PG_USER", "liaison");
  }

  private static String password() {
    return env("LIAISON_TEST_PG_PASSWORD", "liaison");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
