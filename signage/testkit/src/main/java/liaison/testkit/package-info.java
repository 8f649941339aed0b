/**
 * Real parts for tests of every module: an embedded HiveMQ broker that can be stopped and started,
 * a plain MQTT client, a settable clock. Used in test scope only.
 */
@NullMarked
package liaison.testkit;

import org.jspecify.annotations.NullMarked;
