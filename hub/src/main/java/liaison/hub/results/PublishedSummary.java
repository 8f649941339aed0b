package liaison.hub.results;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import liaison.hub.opinion.Category;
import org.jspecify.annotations.Nullable;

/**
 * A published summary (公示摘要) as the public sees it: the station, the category, the department, the
 * days the opinion arrived and was answered, and what staff wrote for the public. Nothing of the
 * resident.
 *
 * @param caseId the case it summarises: for staff's pages and the withdrawal, never shown publicly
 * @param withdrawnAt set when a county administrator withdrew it (only staff's lists show those)
 */
public record PublishedSummary(
    String caseId,
    String stationId,
    String stationName,
    Category category,
    @Nullable String department,
    String text,
    LocalDate received,
    @Nullable LocalDate answered,
    OffsetDateTime publishedAt,
    @Nullable OffsetDateTime withdrawnAt) {

  public boolean isWithdrawn() {
    return withdrawnAt != null;
  }
}
