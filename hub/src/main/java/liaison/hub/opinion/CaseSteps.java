package liaison.hub.opinion;

import io.micronaut.core.annotation.Introspected;
import org.jspecify.annotations.Nullable;

/**
 * What staff send for each step of the loop, from the case page's forms or the API; checked by
 * {@link CaseHandling}.
 */
public final class CaseSteps {
  private CaseSteps() {}

  /** 登记: the category (a {@link Category} name) and staff's summary. */
  @Introspected
  public record Register(@Nullable String category, @Nullable String summary) {}

  /** Merge into another open case: its id or tracking code. */
  @Introspected
  public record Merge(@Nullable String into, @Nullable String note) {}

  /**
   * 交办: the department and the deadline ({@code 2026-03-20}); an empty deadline takes the
   * category's default in working days.
   */
  @Introspected
  public record Forward(
      @Nullable String departmentId, @Nullable String deadline, @Nullable String note) {}

  /**
   * A text: the department's reply, the answer to the resident, the guidance, or a closing note.
   */
  @Introspected
  public record Text(@Nullable String text) {}

  /**
   * 答复: the answer the resident reads and, when {@code publish} is ticked (公开), a summary for the
   * public (公示摘要: the problem in general terms, the department, the result), never the resident's
   * own words.
   */
  @Introspected
  public record Answer(
      @Nullable String text, @Nullable String publicSummary, @Nullable Boolean publish) {
    /** An answer with no public summary. */
    public Answer(@Nullable String text) {
      this(text, null, false);
    }

    public boolean published() {
      return Boolean.TRUE.equals(publish);
    }
  }

  /** 代表建议: the deputy of the case's station who takes it up as a formal suggestion. */
  @Introspected
  public record Suggestion(@Nullable String deputyId, @Nullable String note) {}

  /** 延期申请: the department's wanted deadline ({@code 2026-03-20}) and its reason. */
  @Introspected
  public record Extension(@Nullable String deadline, @Nullable String reason) {}

  /** 退回: why the case is not the department's. */
  @Introspected
  public record HandBack(@Nullable String reason) {}

  /** The county's decision on a request for a later deadline; a refusal needs its note. */
  @Introspected
  public record Decision(@Nullable Boolean approve, @Nullable String note) {
    public boolean approved() {
      return Boolean.TRUE.equals(approve);
    }
  }
}
