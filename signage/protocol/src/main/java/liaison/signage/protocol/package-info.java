/**
 * What the hub and the stations say to each other: topics ({@link liaison.signage.protocol.Topic}),
 * the messages (records under {@link liaison.signage.protocol.ProtocolMessage}) and their JSON
 * codec ({@link liaison.signage.protocol.ProtocolCodec}). No UI, broker or framework imports here.
 */
@NullMarked
package liaison.signage.protocol;

import org.jspecify.annotations.NullMarked;
