/**
 * {@code java -jar hub.jar migrate-to-postgres}: a county's SQLite hub copied into PostgreSQL while
 * the hub is stopped, checked table by table (a feature of its own, used only by {@code HubMain});
 * and {@link liaison.hub.migrate.DatabaseDigest}, which {@code backup} uses to state and check a
 * copy.
 *
 * <p>It works on plain JDBC connections, not through {@code db.Database}: it runs in no hub, holds
 * the SQLite file alone for as long as it runs, and writes the target in one transaction of its
 * own, so the turns and the carrier guard that protect a running hub have nothing to guard here.
 */
@NullMarked
package liaison.hub.migrate;

import org.jspecify.annotations.NullMarked;
