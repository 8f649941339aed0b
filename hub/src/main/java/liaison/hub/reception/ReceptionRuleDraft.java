package liaison.hub.reception;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A recurring reception as typed in the admin or sent to the API.
 *
 * @param kind WEEKLY or MONTHLY
 * @param weekday 1 (Monday) to 7 (Sunday), for WEEKLY
 * @param monthDay 1 to 31, for MONTHLY
 * @param exceptions dates without a reception, e.g. {@code 2026-12-15, 2027-01-01}
 */
@Introspected
public record ReceptionRuleDraft(
    @Nullable String stationId,
    @Nullable String kind,
    @Nullable String weekday,
    @Nullable String monthDay,
    @Nullable String start,
    @Nullable String end,
    @Nullable String theme,
    @Nullable String location,
    @Nullable String validFrom,
    @Nullable String validUntil,
    @Nullable List<String> deputyIds,
    @Nullable String exceptions) {}
