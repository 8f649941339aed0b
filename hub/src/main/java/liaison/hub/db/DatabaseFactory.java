package liaison.hub.db;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/** One JDBI over the configured data source (SQLite by default, PostgreSQL at scale). */
@Factory
public class DatabaseFactory {
  @Singleton
  public Jdbi jdbi(DataSource dataSource) {
    return Jdbi.create(dataSource);
  }
}
