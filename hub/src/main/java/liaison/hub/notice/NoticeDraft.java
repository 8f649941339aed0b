package liaison.hub.notice;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A notice as typed in the composer or sent to the API, checked field by field by {@link
 * NoticeService}.
 *
 * @param validFrom {@code 2026-11-23T09:00} (Beijing time) or with an offset; now when empty
 * @param validUntil the same, optional for normal notices
 * @param target ALL (the county), TOWNSHIP or STATIONS
 */
@Introspected
public record NoticeDraft(
    @Nullable String title,
    @Nullable String body,
    @Nullable String priority,
    @Nullable String validFrom,
    @Nullable String validUntil,
    @Nullable String target,
    @Nullable String townshipId,
    @Nullable List<String> stationIds) {}
