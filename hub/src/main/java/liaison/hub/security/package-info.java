/** Staff accounts, sessions, CSRF tokens and who may see or change which station. */
@NullMarked
package liaison.hub.security;

import org.jspecify.annotations.NullMarked;
