/** Database access shared by the features: JDBI on SQLite or PostgreSQL. */
@NullMarked
package liaison.hub.db;

import org.jspecify.annotations.NullMarked;
