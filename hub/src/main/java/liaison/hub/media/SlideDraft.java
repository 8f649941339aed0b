package liaison.hub.media;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A slide as typed in the form or sent to the API, checked field by field by {@link MediaSlides}.
 *
 * @param itemId the library item it shows
 * @param seconds how long it stays each time (each page of a document); the item's default when
 *     empty
 * @param validFrom {@code 2026-11-23T09:00} (Beijing time) or with an offset; now when empty
 * @param validUntil the same; none for until it is taken off
 * @param dayparts 0 to 4 windows of the day, each {@code HH:MM-HH:MM}; none for all day
 * @param target ALL (the county), TOWNSHIP or STATIONS
 */
@Introspected
public record SlideDraft(
    @Nullable String itemId,
    @Nullable Integer seconds,
    @Nullable String validFrom,
    @Nullable String validUntil,
    @Nullable List<String> dayparts,
    @Nullable String target,
    @Nullable String townshipId,
    @Nullable List<String> stationIds) {}
