package liaison.hub.db;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JDBI over the configured data source (SQLite by default, PostgreSQL at scale), the {@link
 * Database} over it, and the {@link Dialect} its URL names.
 */
@Factory
public class DatabaseFactory {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);
  private static final Pattern BUSY_TIMEOUT = Pattern.compile("[?&]busy_timeout=(\\d+)");

  @Singleton
  public Dialect dialect(@Value("${datasources.default.url}") String url) {
    return Dialect.of(url);
  }

  @Singleton
  public Jdbi jdbi(DataSource dataSource) {
    return Jdbi.create(
        () -> {
          CarrierGuard.check();
          return dataSource.getConnection();
        });
  }

  @Singleton
  public Database database(
      Jdbi jdbi,
      DataSource dataSource,
      Dialect dialect,
      @Value("${datasources.default.url}") String url) {
    announce(dataSource, dialect, url);
    return new Database(jdbi, dialect.writersTakeTurns(), busyTimeout(url));
  }

  /**
   * One line in the log naming the database the hub works on, as the database itself says (the
   * migrations have run by now): an operator, and CI's PostgreSQL step, can see which it was.
   */
  private static void announce(DataSource dataSource, Dialect dialect, String url) {
    String where = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      LOG.info(
          "database: {} {} at {}{}",
          meta.getDatabaseProductName(),
          meta.getDatabaseProductVersion(),
          where,
          dialect.writersTakeTurns() ? " (writers take turns)" : "");
    } catch (SQLException e) {
      // The first query says what is wrong, where a caller can answer it.
      LOG.warn("database: {} at {} did not answer yet: {}", dialect.product(), where, e.toString());
    }
  }

  /**
   * SQLite's busy_timeout from the URL (10 s when absent), so a turn waits as long as SQLite would.
   */
  static Duration busyTimeout(String url) {
    Matcher m = BUSY_TIMEOUT.matcher(url);
    return Duration.ofMillis(m.find() ? Long.parseLong(m.group(1)) : 10_000);
  }
}
