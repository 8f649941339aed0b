/** What a screen waiting to be enrolled shows: its code, large, and what to do with it. */
@NullMarked
package liaison.kiosk.enrol;

import org.jspecify.annotations.NullMarked;
