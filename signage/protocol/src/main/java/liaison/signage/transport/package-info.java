/**
 * How hub and stations reach the broker, shared by every MQTT client and free of any MQTT library:
 * socket settings, the pacing of publishes and the reconnect policy.
 */
@NullMarked
package liaison.signage.transport;

import org.jspecify.annotations.NullMarked;
