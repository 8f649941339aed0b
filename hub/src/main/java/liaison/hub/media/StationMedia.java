package liaison.hub.media;

import liaison.signage.protocol.StationState;
import org.jspecify.annotations.Nullable;

/**
 * A station's media: how loud it plays videos (0, the default, silent; to 100), and its cache as
 * its last heartbeat told it (none before it reported one).
 */
public record StationMedia(String stationId, int volume, StationState.@Nullable MediaCache cache) {}
