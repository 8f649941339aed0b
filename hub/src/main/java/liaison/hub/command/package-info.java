/** Remote commands to stations (MQTT 5 request/response), their history, and screenshots. */
@NullMarked
package liaison.hub.command;

import org.jspecify.annotations.NullMarked;
