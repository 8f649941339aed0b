package liaison.hub.publish;

import java.time.OffsetDateTime;

/** The last snapshot published for a station. */
public record Publication(
    String stationId,
    long version,
    String contentHash,
    String payload,
    OffsetDateTime publishedAt) {}
