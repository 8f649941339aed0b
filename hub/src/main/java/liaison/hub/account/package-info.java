/**
 * Staff accounts as a county administrator keeps them (feature): the list, a password reset to a
 * temporary one, and anyone's change of their own password, each audited.
 */
@NullMarked
package liaison.hub.account;

import org.jspecify.annotations.NullMarked;
