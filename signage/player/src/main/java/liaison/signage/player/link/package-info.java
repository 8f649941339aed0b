/** The MQTT link to the hub; the only package that imports Paho. */
@NullMarked
package liaison.signage.player.link;

import org.jspecify.annotations.NullMarked;
