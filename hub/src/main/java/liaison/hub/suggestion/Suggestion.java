package liaison.hub.suggestion;

import java.time.OffsetDateTime;
import liaison.hub.opinion.Category;

/**
 * A deputy's suggestion as the hub keeps it.
 *
 * @param madeBy the username of whoever typed it in: the deputy, or a county administrator who
 *     registered one made at a meeting
 */
public record Suggestion(
    String id,
    String deputyId,
    String deputyName,
    String countyId,
    String title,
    String body,
    Category category,
    SuggestionStatus status,
    OffsetDateTime submittedAt,
    String madeBy,
    OffsetDateTime updatedAt) {}
