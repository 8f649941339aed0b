/**
 * The app as a systemd service on a station (docs/FIELD.md): {@link
 * liaison.signage.player.systemd.SystemdUnit} tells systemd when the screen is up and feeds its
 * watchdog only while the UI thread answers, so a hung screen is restarted rather than left frozen.
 * The notification goes over a unix datagram socket, which plain Java cannot send to, through the
 * foreign-function API ({@code Libc}). Without {@code NOTIFY_SOCKET} (a desktop, the tests) it does
 * nothing.
 */
@NullMarked
package liaison.signage.player.systemd;

import org.jspecify.annotations.NullMarked;
