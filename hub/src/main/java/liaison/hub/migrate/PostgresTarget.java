package liaison.hub.migrate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import liaison.hub.text.Text;

/**
 * The PostgreSQL database the county moves to: reached, inspected before anything is written, and
 * put back as it was when a migration that began there fails.
 */
final class PostgresTarget implements AutoCloseable {
  private final String url;
  private final Connection connection;

  private PostgresTarget(String url, Connection connection) {
    this.url = url;
    this.connection = connection;
  }

  /**
   * @throws MigrationRefused when the URL is not PostgreSQL's or the server cannot be reached
   */
  static PostgresTarget connect(String url, String user, String password) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new MigrationRefused(Text.of("migrate.refused.target-not-postgres", shown(url)));
    }
    Properties properties = new Properties();
    if (!user.isEmpty()) {
      properties.setProperty("user", user);
    }
    if (!password.isEmpty()) {
      properties.setProperty("password", password);
    }
    // Named in pg_stat_activity; batches of inserts sent as multi-row statements.
    properties.setProperty("ApplicationName", "liaison migrate-to-postgres");
    properties.setProperty("reWriteBatchedInserts", "true");
    try {
      return new PostgresTarget(url, DriverManager.getConnection(url, properties));
    } catch (SQLException e) {
      throw new MigrationRefused(
          Text.of("migrate.refused.target-unreachable", shown(url), TableCopy.reason(e)), e);
    }
  }

  /** The URL as it may be printed: a password in it is hidden. */
  static String shown(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  String url() {
    return url;
  }

  Connection connection() {
    return connection;
  }

  /**
   * The database stores text as UTF-8: in any other encoding Chinese names would be refused
   * (LATIN1) or kept as unchecked bytes (SQL_ASCII).
   */
  void checkEncoding() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet r = s.executeQuery("SHOW server_encoding")) {
      r.next();
      String encoding = r.getString(1);
      if (!"UTF8".equalsIgnoreCase(encoding)) {
        throw new MigrationRefused(
            Text.of("migrate.refused.target-encoding", shown(url), encoding));
      }
    }
  }

  /** Which of these tables exist in the target's schema. */
  Set<String> existing(Collection<String> names) throws SQLException {
    Set<String> found = new TreeSet<>();
    try (PreparedStatement q =
        connection.prepareStatement(
            "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_name = ANY (?)")) {
      q.setArray(1, connection.createArrayOf("text", names.toArray()));
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          found.add(r.getString(1));
        }
      }
    }
    return found;
  }

  /** Which of these tables exist and hold at least one row. */
  List<String> withRows(Collection<String> names) throws SQLException {
    List<String> filled = new ArrayList<>();
    for (String table : existing(names)) {
      try (Statement s = connection.createStatement();
          ResultSet r =
              s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + Table.quote(table) + ")")) {
        r.next();
        if (r.getBoolean(1)) {
          filled.add(table);
        }
      }
    }
    return filled;
  }

  /** A table, view or sequence of the target's schema, by name and kind ({@code pg_class}). */
  record Relation(String name, String kind) {}

  /** What the target's schema holds now: compared afterwards to drop what a failed run made. */
  Set<Relation> relations() throws SQLException {
    Set<Relation> relations = new TreeSet<>(java.util.Comparator.comparing(Relation::name));
    try (Statement s = connection.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT c.relname, c.relkind FROM pg_class c"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')")) {
      while (r.next()) {
        relations.add(new Relation(r.getString(1), r.getString(2)));
      }
    }
    return relations;
  }

  /**
   * Drops, in one transaction, every table, view and sequence made since {@code before} was taken:
   * what the migrations made on a target that had nothing of Liaison's (Flyway's history included),
   * so a failed run leaves it as it was.
   */
  void dropMadeSince(Set<Relation> before) throws SQLException {
    Set<String> had = before.stream().map(Relation::name).collect(Collectors.toSet());
    List<Relation> made = relations().stream().filter(r -> !had.contains(r.name())).toList();
    if (made.isEmpty()) {
      return;
    }
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      // Tables first: CASCADE takes their views and sequences along; what is left goes next.
      for (Relation r : made) {
        if (Set.of("r", "p", "f").contains(r.kind())) {
          s.execute("DROP TABLE IF EXISTS " + Table.quote(r.name()) + " CASCADE");
        }
      }
      for (Relation r : made) {
        String what =
            switch (r.kind()) {
              case "v" -> "VIEW";
              case "m" -> "MATERIALIZED VIEW";
              case "S" -> "SEQUENCE";
              default -> null;
            };
        if (what != null) {
          s.execute("DROP " + what + " IF EXISTS " + Table.quote(r.name()) + " CASCADE");
        }
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Committed or rolled back already: nothing left to lose.
    }
  }
}
