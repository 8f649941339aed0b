package liaison.hub.opinion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import liaison.hub.satisfaction.Satisfaction;
import org.jspecify.annotations.Nullable;

/**
 * A resident's opinion as a case. Contact details are not here (see {@link CaseContact}): whatever
 * carries a case around (lists, exports, a department) cannot carry them by accident.
 *
 * @param deputyId the deputy it was addressed to through their own QR link
 * @param answer what the station answered the resident (shown on the tracking page)
 * @param guidance where to turn instead, for a legal or litigation matter closed with guidance
 * @param contactToDepartment the resident allowed their contact to go to the handling department
 */
public record OpinionCase(
    String id,
    String trackingCode,
    String stationId,
    @Nullable String deputyId,
    Category category,
    String text,
    CaseStatus status,
    String summary,
    @Nullable String departmentId,
    @Nullable LocalDate deadline,
    @Nullable String departmentReply,
    @Nullable String answer,
    @Nullable String guidance,
    OffsetDateTime submittedAt,
    OffsetDateTime updatedAt,
    @Nullable OffsetDateTime closedAt,
    @Nullable String mergedInto,
    @Nullable OffsetDateTime escalatedAt,
    boolean suggestion,
    boolean contactToDepartment,
    @Nullable Satisfaction rating,
    String ratingComment,
    @Nullable OffsetDateTime ratedAt) {

  /**
   * A case as a resident just sent it (SUBMITTED, no summary, department, answer or rating yet).
   *
   * @param deputyId the deputy it was addressed to through their own QR link, or null
   */
  public static OpinionCase submitted(
      String id,
      String trackingCode,
      String stationId,
      @Nullable String deputyId,
      Category category,
      String text,
      OffsetDateTime at,
      boolean contactToDepartment) {
    return new OpinionCase(
        id,
        trackingCode,
        stationId,
        deputyId,
        category,
        text,
        CaseStatus.SUBMITTED,
        "",
        null,
        null,
        null,
        null,
        null,
        at,
        at,
        null,
        null,
        null,
        false,
        contactToDepartment,
        null,
        "",
        null);
  }
}
