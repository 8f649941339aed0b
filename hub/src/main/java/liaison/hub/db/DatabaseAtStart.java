package liaison.hub.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import liaison.hub.config.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hub settles about its database before the pool opens it, and so before Flyway migrates
 * it: an unknown URL is refused, naming the setting; a PostgreSQL database that cannot hold Chinese
 * text is refused, saying how to make one ({@link Dialect#check}: its migrations would fail on the
 * first Chinese comment, with PostgreSQL's words, not ours); each pooled connection gets the
 * settings its database needs ({@link Dialect#connectionSettings}: on PostgreSQL a writer waiting
 * on another's row lock gives up after as long as a SQLite writer waits for its turn). A {@code
 * connection-init-sql} set in the configuration is kept as it is.
 */
@Singleton
public class DatabaseAtStart implements BeanCreatedEventListener<DatasourceConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseAtStart.class);

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration configuration = event.getBean();
    String url = configuration.getUrl();
    if (url == null) {
      return configuration;
    }
    Dialect dialect = Dialect.of(url);
    if (dialect == Dialect.POSTGRESQL) {
      try (Connection c =
          DriverManager.getConnection(
              url, configuration.getUsername(), configuration.getPassword())) {
        dialect.check(c).ifPresent(warning -> LOG.warn("database: {}", warning));
      } catch (SQLException e) {
        throw new StartupProblem(
            "数据库无法连接 · cannot reach the database at "
                + (url.contains("?") ? url.substring(0, url.indexOf('?')) : url)
                + ": "
                + e.getMessage()
                + " (--db-url, --db-user, --db-password)",
            e);
      }
    }
    if (configuration.getConnectionInitSql() == null) {
      dialect
          .connectionSettings(DatabaseFactory.busyTimeout(url))
          .ifPresent(configuration::setConnectionInitSql);
    }
    return configuration;
  }
}
