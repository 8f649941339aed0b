/**
 * Deputies, their levels and their stations (feature): the directory, the changes, the assignments,
 * the field check.
 */
@NullMarked
package liaison.hub.deputy;

import org.jspecify.annotations.NullMarked;
