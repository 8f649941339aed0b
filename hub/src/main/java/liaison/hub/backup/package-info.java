/**
 * {@code java -jar hub.jar backup} and {@code restore}: the county's hub in one file, taken while
 * it runs, and put back into a new folder (and an empty PostgreSQL database) with every table and
 * file checked against the file's manifest (a feature of its own, used only by {@code HubMain}).
 *
 * <p>Like {@code migrate}, it works on plain JDBC connections, not through {@code db.Database}: it
 * runs in no hub, and what makes its copy consistent is one read transaction of its own (SQLite's
 * online backup inside it, or {@code pg_dump} on the snapshot it exports), which the hub's turns
 * know nothing of.
 */
@NullMarked
package liaison.hub.backup;

import org.jspecify.annotations.NullMarked;
