package liaison.hub;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import liaison.hub.db.Database;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Counts the SQL statements the hub's database runs from now until closed (those for which {@code
 * counted} says so when they start: this thread's, or all), passing each on to the logger that was
 * there before; closing puts that logger back.
 */
public final class CountedStatements implements AutoCloseable {
  private final SqlStatements config;
  private final SqlLogger before;
  private final AtomicLong count = new AtomicLong();

  private CountedStatements(Database database, BooleanSupplier counted) {
    this.config = database.jdbi().getConfig(SqlStatements.class);
    this.before = config.getSqlLogger();
    config.setSqlLogger(
        new SqlLogger() {
          @Override
          public void logBeforeExecution(StatementContext context) {
            if (counted.getAsBoolean()) {
              count.incrementAndGet();
            }
            before.logBeforeExecution(context);
          }

          @Override
          public void logAfterExecution(StatementContext context) {
            before.logAfterExecution(context);
          }

          @Override
          public void logException(StatementContext context, SQLException ex) {
            before.logException(context, ex);
          }
        });
  }

  /** Every statement, whichever thread runs it. */
  public static CountedStatements all(Database database) {
    return new CountedStatements(database, () -> true);
  }

  /** The statements the calling thread runs. */
  public static CountedStatements ofThisThread(Database database) {
    Thread self = Thread.currentThread();
    return new CountedStatements(database, () -> Thread.currentThread() == self);
  }

  /** How many so far. */
  public long count() {
    return count.get();
  }

  @Override
  public void close() {
    config.setSqlLogger(before);
  }
}
