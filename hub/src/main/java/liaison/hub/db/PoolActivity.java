package liaison.hub.db;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * How busy the database connections are, read from the pool itself (no query): connections lent out
 * now, and requests waiting for one. A pool with waiters for long is a hub short of connections
 * ({@code --db-pool-size}) or a database that answers slowly.
 */
@Singleton
public class PoolActivity {
  private final DataSource dataSource;

  public PoolActivity(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Connections lent out now; 0 before the pool has started. */
  public int inUse() {
    HikariPoolMXBean pool = pool();
    return pool == null ? 0 : pool.getActiveConnections();
  }

  /** Threads waiting for a connection now. */
  public int waiting() {
    HikariPoolMXBean pool = pool();
    return pool == null ? 0 : pool.getThreadsAwaitingConnection();
  }

  /** Connections the pool may hold. */
  public int size() {
    HikariDataSource hikari = hikari();
    return hikari == null ? 0 : hikari.getMaximumPoolSize();
  }

  private @Nullable HikariPoolMXBean pool() {
    HikariDataSource hikari = hikari();
    return hikari == null ? null : hikari.getHikariPoolMXBean();
  }

  private @Nullable HikariDataSource hikari() {
    try {
      // Micronaut may hand out a wrapper (transaction awareness); the pool is underneath.
      return dataSource.isWrapperFor(HikariDataSource.class)
          ? dataSource.unwrap(HikariDataSource.class)
          : null;
    } catch (SQLException e) {
      return null;
    }
  }
}
