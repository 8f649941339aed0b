/**
 * Station content snapshots (feature, above the features it reads): building, versioning and
 * publishing them when a feature announces {@link liaison.hub.station.StationsChanged}.
 */
@NullMarked
package liaison.hub.publish;

import org.jspecify.annotations.NullMarked;
