package liaison.hub.results;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the public disclosure pages' results section shows ({@code views/public/results.html},
 * fragment {@code results(section)}): the period's figures (a line per station on a county's page,
 * the station's alone on its own page, with the total), the published summaries of the month and
 * category chosen, paged, and the filter's choices. Every text is in the reader's language already;
 * nothing here names a resident.
 *
 * @param action where the filter form and the pager lead (the page that includes the section)
 * @param none nothing was received in the period: the page says so instead of a table of zeros
 */
public record ResultsSection(
    String action,
    String period,
    List<Line> lines,
    @Nullable Line total,
    boolean none,
    List<Item> summaries,
    int page,
    int pages,
    int count,
    String month,
    List<Choice> months,
    String category,
    List<Choice> categories) {

  /** A line of the figures table: a station (or the total), its counts and whole percentages. */
  public record Line(String name, HandlingFigures figures) {}

  /** A published summary as the page lists it. */
  public record Item(
      String station,
      String category,
      @Nullable String department,
      String text,
      String received,
      @Nullable String answered) {}

  /** An option of the filter form. */
  public record Choice(String value, String label) {}

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages;
  }
}
