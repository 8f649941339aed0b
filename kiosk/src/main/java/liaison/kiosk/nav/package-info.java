/**
 * Where a visitor is: the page, the way back, the visitor's settings and the idle return, as plain
 * state.
 */
@NullMarked
package liaison.kiosk.nav;

import org.jspecify.annotations.NullMarked;
