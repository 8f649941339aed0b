package liaison.hub.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteException;

/**
 * Why a database call failed, as far as what to do next goes: the same write may work later ({@link
 * #UNAVAILABLE}: busy, locked, disk full, connection lost), or it never will, because of what it
 * writes ({@link #REFUSED}: a constraint, a type the column does not take). Work that comes from
 * outside keeps what met an unavailable database and drops only what the database refused.
 */
public enum DatabaseFault {
  /** The database cannot take the write now, whatever it is: keep it and try again. */
  UNAVAILABLE,
  /** The database refused this write for what it holds: trying it again changes nothing. */
  REFUSED;

  /**
   * Reads the failure and its causes; anything not known to be the database's own state is REFUSED.
   */
  public static DatabaseFault of(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DatabaseBusy) {
        // A writer's turn that did not come in time (Database), or SQLite's own busy timeout.
        return UNAVAILABLE;
      }
      if (t instanceof SQLTransientException
          || t instanceof SQLRecoverableException
          || t instanceof SQLNonTransientConnectionException) {
        // The pool's connection time-out, a lost connection, a serialisation failure.
        return UNAVAILABLE;
      }
      if (t instanceof SQLiteException
          || t instanceof SQLException sql && sql.getSQLState() != null) {
        // The vendor's own code says which (Dialect knows both databases' codes).
        return Dialect.unavailable((SQLException) t) ? UNAVAILABLE : REFUSED;
      }
    }
    return REFUSED;
  }
}
