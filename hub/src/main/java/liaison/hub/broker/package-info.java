/**
 * MQTT (base): the embedded HiveMQ broker and the hub's own client (the only Paho and HiveMQ
 * imports).
 */
@NullMarked
package liaison.hub.broker;

import org.jspecify.annotations.NullMarked;
