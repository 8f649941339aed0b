package liaison.hub.media;

import java.time.OffsetDateTime;

/**
 * One station's proofs of display of one slide, added up: how often, how many seconds in all, when
 * it first came on screen and when it last left it.
 */
public record SlideProof(
    String stationId,
    String stationName,
    int times,
    long seconds,
    OffsetDateTime first,
    OffsetDateTime last) {}
