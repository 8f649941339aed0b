package liaison.hub.livelihood;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import liaison.hub.opinion.Category;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * A project staff made from one or more accepted proposals (初定): what goes on the shortlist and the
 * ballot. Department, cost and timetable may stay empty while it is a draft; the shortlist is
 * published only when every project not left out has them.
 *
 * @param position its place on the shortlist and the ballot, from 1
 * @param departmentName the responsible department's name (承办单位); null when none is chosen
 * @param costYuan the estimate in whole yuan; null when not yet estimated
 * @param startsOn the first month of its timetable
 * @param endsOn the last month, not before {@code startsOn}
 * @param leftOutReason why it was left out (public with the shortlist); empty unless LEFT_OUT
 * @param proposals the proposals it was made from, by title (public)
 */
public record Project(
    String id,
    String roundId,
    int position,
    Category category,
    String title,
    String description,
    String place,
    @Nullable String departmentId,
    @Nullable String departmentName,
    @Nullable Long costYuan,
    @Nullable YearMonth startsOn,
    @Nullable YearMonth endsOn,
    ProjectState state,
    String leftOutReason,
    List<ProposalRef> proposals) {

  public Project {
    proposals = List.copyOf(proposals);
  }

  /** A proposal a project was made from: its id and its public title. */
  public record ProposalRef(String id, String title) {}

  /** "120 万元" (CNY 1,200,000 in English), or "8,000 元" below ten thousand; null when unknown. */
  public @Nullable Text cost() {
    if (costYuan == null) {
      return null;
    }
    DecimalFormat grouped =
        new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    if (costYuan < 10_000) {
      return Text.of("livelihood.project.cost.yuan", grouped.format(costYuan));
    }
    DecimalFormat wan =
        new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return Text.of(
        "livelihood.project.cost.wan", wan.format(costYuan / 10_000.0), grouped.format(costYuan));
  }

  /** "2027-03 至 2027-10"; null unless both months are set. */
  public @Nullable Text timetable() {
    return startsOn == null || endsOn == null
        ? null
        : Text.of("livelihood.project.timetable", startsOn.toString(), endsOn.toString());
  }

  /** The proposals' titles as one line, "、" between them in Chinese. */
  public List<String> proposalTitles() {
    return proposals.stream().map(ProposalRef::title).toList();
  }
}
