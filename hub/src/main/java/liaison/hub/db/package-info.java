/**
 * Database access shared by the features (base): JDBI on SQLite or PostgreSQL, taken only through
 * {@link liaison.hub.db.Database}.
 */
@NullMarked
package liaison.hub.db;

import org.jspecify.annotations.NullMarked;
