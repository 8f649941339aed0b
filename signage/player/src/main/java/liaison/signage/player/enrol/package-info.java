/**
 * A screen without credentials enrols itself: it makes its own MQTT password, asks the hub for a
 * code to show, waits until an administrator enters it, then keeps the password in its store.
 */
@NullMarked
package liaison.signage.player.enrol;

import org.jspecify.annotations.NullMarked;
