package liaison.hub.media;

import io.swagger.v3.oas.annotations.media.Schema;
import liaison.signage.protocol.StationState;
import org.jspecify.annotations.Nullable;

/**
 * A station's media: how loud it plays videos (0, the default, silent; to 100), and its cache as
 * its last heartbeat told it (none before it reported one).
 */
public record StationMedia(
    String stationId,
    int volume,
    // The API document's generator writes a nullable reference without a type, which OpenAPI 3.0
    // does not allow: say it is an object.
    @Schema(type = "object", nullable = true) StationState.@Nullable MediaCache cache) {}
