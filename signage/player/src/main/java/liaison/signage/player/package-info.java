/**
 * The station at work, shared by the kiosk and the standalone signage screen. {@link
 * liaison.signage.player.StationRuntime} opens the store, makes the parts and wires them to the
 * link; each part has one job: {@link liaison.signage.player.ContentFeed} (content and alert,
 * stored before shown), {@link liaison.signage.player.StationEvents} with {@code OutboxDelivery}
 * (events through the durable outbox), {@link liaison.signage.player.StationPresence} (link status
 * here, state and heartbeat at the hub), {@code StationLogin} (credentials, enrolment) and {@code
 * StationInbox} (which part reads which topic). Screens ({@code board}, the kiosk) and {@code
 * hardware} sit above this package; everything else below it.
 */
@NullMarked
package liaison.signage.player;

import org.jspecify.annotations.NullMarked;
