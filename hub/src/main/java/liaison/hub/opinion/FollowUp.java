package liaison.hub.opinion;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A follow-up call (回访) staff made about a case.
 *
 * @param caller who called, as staff wrote it
 * @param recordedBy the staff account that recorded it
 */
public record FollowUp(
    String id,
    String caseId,
    LocalDate calledOn,
    String caller,
    FollowUpResult result,
    String note,
    OffsetDateTime recordedAt,
    String recordedBy) {}
