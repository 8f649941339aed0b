package liaison.hub.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * What one row of a sheet comes to: a checked change to write, or the reasons it is refused.
 *
 * @param action create, update or unchanged when accepted
 */
record RowOutcome<C>(
    long row,
    String id,
    String name,
    @Nullable C change,
    String action,
    List<ImportReport.Problem> reasons) {

  static <C> RowOutcome<C> accepted(long row, String id, String name, C change, String action) {
    return new RowOutcome<>(row, id, name, change, action, List.of());
  }

  static <C> RowOutcome<C> rejected(
      long row, String id, String name, List<ImportReport.Problem> reasons) {
    return new RowOutcome<>(row, id, name, null, "", reasons);
  }

  boolean isAccepted() {
    return change != null;
  }

  /**
   * The sheet's own reasons, then the form's for every column the sheet's did not already name (a
   * missing 编号 is said once, not again by the form's rules).
   */
  static List<ImportReport.Problem> merged(
      List<ImportReport.Problem> sheet, List<ImportReport.Problem> form) {
    List<ImportReport.Problem> all = new ArrayList<>(sheet);
    for (ImportReport.Problem p : form) {
      boolean named =
          !p.column().isEmpty() && sheet.stream().anyMatch(s -> s.column().equals(p.column()));
      if (!named) {
        all.add(p);
      }
    }
    return all;
  }

  /** The messages of a service's refusal, each under the column its field comes from. */
  static List<ImportReport.Problem> reasons(
      long row, RuntimeException e, Map<String, String> columnOfField) {
    List<ImportReport.Problem> reasons = new ArrayList<>();
    switch (e) {
      case ValidationProblem v -> {
        for (FieldError f : v.errors()) {
          String column = columnOfField.getOrDefault(f.field(), "");
          reasons.add(
              ImportReport.Problem.of(
                  row,
                  column,
                  column.isEmpty()
                      ? f.text()
                      : Text.of("problem.sheet.in-column", column, f.text())));
        }
      }
      case ForbiddenProblem f -> reasons.add(ImportReport.Problem.of(row, "", f.text()));
      case NotFoundProblem n -> reasons.add(ImportReport.Problem.of(row, "", n.text()));
      default -> throw e;
    }
    return reasons;
  }
}
