package liaison.hub.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import liaison.hub.config.StartupProblem;
import org.sqlite.SQLiteException;

/**
 * What differs between the two databases the hub runs on, and nothing else: the features' SQL is
 * portable (TEXT columns whose instants compare as strings, see {@link Sql}; {@code ON CONFLICT};
 * {@code NULLS FIRST} where an order meets a NULL; {@code LIMIT} with a bound integer; a total
 * order in every {@code ORDER BY} that a person or a test reads), and what cannot be written once
 * for both is asked of the dialect here. docs/ARCHITECTURE.md lists the differences and why.
 */
public enum Dialect {
  SQLITE("SQLite"),
  POSTGRESQL("PostgreSQL");

  /**
   * SQLite's primary result codes that say nothing about the statement: BUSY, LOCKED, NOMEM,
   * READONLY, INTERRUPT, IOERR, CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB.
   */
  private static final Set<Integer> SQLITE_UNAVAILABLE =
      Set.of(5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 26);

  /** SQLite's primary result code for "database is locked by another connection". */
  private static final int SQLITE_BUSY = 5;

  /** The escape character of every LIKE the hub writes. */
  private static final char LIKE_ESCAPE = '!';

  private final String product;

  Dialect(String product) {
    this.product = product;
  }

  /** The dialect of a JDBC URL; any other database is refused at start, naming the setting. */
  public static Dialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    String scheme = jdbcUrl.contains(":") ? jdbcUrl.substring(0, jdbcUrl.lastIndexOf(':')) : "";
    throw new StartupProblem(
        "数据库地址无效 · the database URL must start with jdbc:sqlite: or jdbc:postgresql:, not '"
            + (scheme.isEmpty() ? jdbcUrl : scheme + ":…")
            + "' (--db-url or HUB_DB_URL)");
  }

  /** The dialect that raised {@code failure}: SQLite's driver says so by its exception's class. */
  static Dialect of(SQLException failure) {
    return failure instanceof SQLiteException ? SQLITE : POSTGRESQL;
  }

  /** The product's name, as the hub's start-up line and the health details show it. */
  public String product() {
    return product;
  }

  /**
   * Whether writers take turns in Java before they take a connection ({@link Database}): SQLite
   * lets one connection write at a time; PostgreSQL locks rows, and its writers wait only for the
   * rows they share.
   */
  public boolean writersTakeTurns() {
    return this == SQLITE;
  }

  /**
   * What each new connection is told before its first statement, if anything: on PostgreSQL, to
   * give up waiting for another transaction's row lock after {@code patience} (it waits forever by
   * default, so one stuck session, an operator's open psql transaction say, would hold every
   * request that needs the row); the write then fails as busy, as SQLite's does after its busy
   * timeout. SQLite's settings are in its URL.
   */
  public Optional<String> connectionSettings(Duration patience) {
    return this == POSTGRESQL
        ? Optional.of("SET lock_timeout = '" + patience.toMillis() + "ms'")
        : Optional.empty();
  }

  /**
   * Checks the database the hub is about to work on, once at start: PostgreSQL's must store text as
   * UTF-8 (a SQL_ASCII or LATIN1 database would mangle or refuse every Chinese name), else the hub
   * refuses to start, saying how to make one. Returns what the operator should know but need not
   * fix: a collation other than C sorts names by the server's locale, not by code point as SQLite
   * does.
   */
  public Optional<String> check(Connection connection) throws SQLException {
    if (this != POSTGRESQL) {
      return Optional.empty();
    }
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_database(), pg_encoding_to_char(encoding), datcollate"
                    + " FROM pg_database WHERE datname = current_database()")) {
      rs.next();
      String database = rs.getString(1);
      String encoding = rs.getString(2);
      String collation = rs.getString(3);
      if (!encoding.equals("UTF8")) {
        throw new StartupProblem(
            "数据库编码须为 UTF8 · the PostgreSQL database "
                + database
                + " stores text as "
                + encoding
                + ", which cannot hold Chinese names; make it with CREATE DATABASE "
                + database
                + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0 (README,"
                + " \"PostgreSQL\")");
      }
      return List.of("C", "POSIX", "C.UTF-8", "C.utf8").contains(collation)
          ? Optional.empty()
          : Optional.of(
              "the PostgreSQL database "
                  + database
                  + " sorts text by the locale "
                  + collation
                  + ", not by code point as SQLite does; lists sorted by name may differ");
    }
  }

  /**
   * A condition that {@code column} contains the text bound to {@code parameter} (made with {@link
   * #containing}), ignoring the case of ASCII letters: SQLite's {@code LIKE} ignores it,
   * PostgreSQL's does not ({@code ILIKE} does). Both are told the escape character: PostgreSQL's
   * {@code LIKE} takes a backslash as one unless told otherwise, SQLite's has none. It is {@code !}
   * rather than a backslash, because JDBI's parser reads the literal of a backslash as an escaped
   * quote and would take the named parameters after it for text.
   */
  public String containsIgnoringCase(String column, String parameter) {
    String like = this == SQLITE ? " LIKE :" : " ILIKE :";
    return column + like + parameter + " ESCAPE '" + LIKE_ESCAPE + "'";
  }

  /** The value for {@link #containsIgnoringCase}: {@code text} anywhere, taken literally. */
  public static String containing(String text) {
    String escape = String.valueOf(LIKE_ESCAPE);
    String literal =
        text.replace(escape, escape + escape).replace("%", escape + "%").replace("_", escape + "_");
    return "%" + literal + "%";
  }

  /**
   * Whether {@code failure} says another writer held what this one needed for longer than it may
   * wait: SQLite's busy timeout; PostgreSQL's lock timeout, a deadlock it broke by cancelling this
   * transaction, or a serialisation failure. The same write may work when tried again.
   */
  static boolean busy(SQLException failure) {
    if (of(failure) == SQLITE) {
      return failure.getErrorCode() == SQLITE_BUSY
          || String.valueOf(failure.getMessage()).contains("SQLITE_BUSY");
    }
    String state = String.valueOf(failure.getSQLState());
    return state.equals("55P03") || state.equals("40P01") || state.equals("40001");
  }

  /**
   * Whether {@code failure} is the database's own state (busy, unreachable, out of room) rather
   * than what the statement asked: the same write may work later. Anything else it refused.
   */
  static boolean unavailable(SQLException failure) {
    if (failure instanceof SQLiteException sqlite) {
      return SQLITE_UNAVAILABLE.contains(sqlite.getErrorCode());
    }
    String state = failure.getSQLState();
    if (state == null) {
      return false;
    }
    // PostgreSQL's classes: connection (08), insufficient resources such as a full disk or too
    // many connections (53), operator intervention such as a shutdown or a cancelled statement
    // (57), system errors such as an I/O error (58); a lock not granted in time (55P03); a
    // serialisation failure or a deadlock (40001, 40P01).
    return state.startsWith("08")
        || state.startsWith("53")
        || state.startsWith("57")
        || state.startsWith("58")
        || busy(failure);
  }
}
