package liaison.hub.spreadsheet;

import java.util.List;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * What an import found (dry run) or did: the rows it takes, the rows it refuses with the reasons,
 * and the problems of the file as a whole (then no row is taken).
 *
 * @param kind {@code stations} or {@code deputies}
 * @param encoding what the file was read as: UTF-8, UTF-8 (BOM) or GBK
 * @param written true when the accepted rows were saved (never on a dry run)
 */
public record ImportReport(
    String kind,
    String encoding,
    boolean dryRun,
    boolean written,
    List<Accepted> accepted,
    List<Rejected> rejected,
    List<Problem> problems) {

  public ImportReport {
    accepted = List.copyOf(accepted);
    rejected = List.copyOf(rejected);
    problems = List.copyOf(problems);
  }

  /** A row that can be (or was) saved. {@code action}: create, update or unchanged. */
  public record Accepted(long row, String id, String name, String action) {}

  /** A row that is skipped, with every reason found. */
  public record Rejected(
      long row, @Nullable String id, @Nullable String name, List<Problem> reasons) {
    public Rejected {
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * One thing wrong: in a row (or row 0 for the whole file), in a column when one is to blame.
   *
   * @param message Chinese; {@code messageEn} English
   */
  public record Problem(long row, String column, String message, String messageEn) {
    public static Problem of(long row, String column, Text text) {
      return new Problem(row, column, text.zh(), text.en());
    }
  }

  /** Rows that would change something. */
  public long changes() {
    return accepted.stream().filter(a -> !a.action().equals("unchanged")).count();
  }

  public boolean fileOk() {
    return problems.isEmpty();
  }
}
