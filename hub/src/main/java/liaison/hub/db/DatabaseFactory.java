package liaison.hub.db;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * One JDBI over the configured data source (SQLite by default, PostgreSQL at scale), and the {@link
 * Database} over it.
 */
@Factory
public class DatabaseFactory {
  private static final Pattern BUSY_TIMEOUT = Pattern.compile("[?&]busy_timeout=(\\d+)");

  @Singleton
  public Jdbi jdbi(DataSource dataSource) {
    return Jdbi.create(
        () -> {
          CarrierGuard.check();
          return dataSource.getConnection();
        });
  }

  @Singleton
  public Database database(Jdbi jdbi, @Value("${datasources.default.url}") String url) {
    return new Database(jdbi, url.startsWith("jdbc:sqlite:"), busyTimeout(url));
  }

  /**
   * SQLite's busy_timeout from the URL (10 s when absent), so a turn waits as long as SQLite would.
   */
  static Duration busyTimeout(String url) {
    Matcher m = BUSY_TIMEOUT.matcher(url);
    return Duration.ofMillis(m.find() ? Long.parseLong(m.group(1)) : 10_000);
  }
}
