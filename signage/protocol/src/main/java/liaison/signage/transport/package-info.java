/** How hub and stations reach the broker: socket settings shared by every MQTT client. */
@NullMarked
package liaison.signage.transport;

import org.jspecify.annotations.NullMarked;
