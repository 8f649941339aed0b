package liaison.hub.opinion;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Something a department or the county did with a case that someone outside the hub may have to be
 * told of (the department on a forward, the station on a reply or a hand-back, the department on an
 * extension's decision). Heard by every {@link CaseMilestones.Listener} inside the transaction that
 * made it, so a message queued for it is queued or not together with the step.
 *
 * @param departmentId the department the case was forwarded to (or handed back by)
 * @param deadline the case's deadline after the step
 * @param by the staff account that took the step (its username)
 */
public record CaseMilestone(
    Kind kind,
    String caseId,
    String trackingCode,
    String stationId,
    String departmentId,
    @Nullable LocalDate deadline,
    String by) {

  /** What happened. */
  public enum Kind {
    /** 交办: staff forwarded the case to the department. */
    FORWARDED,
    /** 办理: the department replied. */
    REPLIED,
    /** 延期申请: the department asked for a later deadline. */
    EXTENSION_ASKED,
    /** The county approved the extension: the deadline moved. */
    EXTENDED,
    /** The county refused the extension: the deadline stands. */
    EXTENSION_REFUSED,
    /** 退回: the department handed the case back as not theirs. */
    RETURNED
  }
}
