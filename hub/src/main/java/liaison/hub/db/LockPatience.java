package liaison.hub.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Gives each pooled connection the settings its database needs before the pool opens it ({@link
 * Dialect#connectionSettings}): on PostgreSQL a writer waiting on another's row lock gives up after
 * as long as a SQLite writer waits for its turn, and is answered "busy, try again". An unknown
 * database URL is refused here, at start, naming the setting. A {@code connection-init-sql} set in
 * the configuration is kept as it is.
 */
@Singleton
public class LockPatience implements BeanCreatedEventListener<DatasourceConfiguration> {

  @Override
  public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration configuration = event.getBean();
    String url = configuration.getUrl();
    if (url != null && configuration.getConnectionInitSql() == null) {
      Dialect.of(url)
          .connectionSettings(DatabaseFactory.busyTimeout(url))
          .ifPresent(configuration::setConnectionInitSql);
    }
    return configuration;
  }
}
