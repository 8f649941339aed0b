/**
 * Who is signed in (base): staff accounts and their hashes, sessions, CSRF tokens, log-in
 * throttling and rate limits.
 */
@NullMarked
package liaison.hub.security;

import org.jspecify.annotations.NullMarked;
