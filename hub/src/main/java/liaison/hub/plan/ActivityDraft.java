package liaison.hub.plan;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An activity as typed in the staff's form or sent to the API: plain text, checked field by field
 * by {@link PlanService} so every mistake gets its own message.
 *
 * @param date {@code 2026-03-15}
 * @param kind RECEPTION_DAY, INSPECTION, RESEARCH, REPORT, TRAINING or OTHER
 */
@Introspected
public record ActivityDraft(
    @Nullable String stationId,
    @Nullable String date,
    @Nullable String kind,
    @Nullable String theme,
    @Nullable String place,
    @Nullable List<String> deputyIds,
    @Nullable String notes) {}
