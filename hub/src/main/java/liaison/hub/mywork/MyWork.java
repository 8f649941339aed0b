package liaison.hub.mywork;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import liaison.hub.duty.DutyKind;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Category;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Masks;
import liaison.hub.text.Text;
import liaison.signage.protocol.ReceptionStatus;
import org.jspecify.annotations.Nullable;

/**
 * A deputy's own work as their page ({@code /me}) and {@code GET /api/me} show it, for the deputy
 * behind a deputy's account only: every other account is told there is no such page, since it has a
 * home of its own. Dates are Asia/Shanghai, from the injected clock.
 */
@Singleton
public class MyWork {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** How far ahead the coming receptions and back the past ones are listed. */
  public static final int DAYS = 30;

  /** How many suggestions the page lists beside their counts. */
  public static final int LATEST_SUGGESTIONS = 3;

  private final MyWorkRepository repository;
  private final Clock clock;

  public MyWork(MyWorkRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  /** The deputy a page is for. */
  public record Deputy(String id, String name, @Nullable String countyId) {}

  /**
   * The deputy's 签到 at a reception: the account that marked it (the deputy's own when they signed
   * in from the phone) and when.
   */
  public record Attendance(String markedBy, OffsetDateTime at) {}

  /** A reception the deputy is on duty at, with the others on duty and their own 签到 if any. */
  public record Reception(
      String id,
      String station,
      LocalDate date,
      LocalTime start,
      LocalTime end,
      @Nullable String theme,
      String location,
      ReceptionStatus status,
      List<String> others,
      @Nullable Attendance attendance) {
    public Reception {
      others = List.copyOf(others);
    }

    Reception withOthers(List<String> names) {
      return new Reception(
          id, station, date, start, end, theme, location, status, names, attendance);
    }

    public boolean signedIn() {
      return attendance != null;
    }
  }

  /**
   * An opinion the deputy is involved in; its words with long numbers hidden (a resident writes
   * their phone into the text now and then), never the resident's name or phone.
   *
   * @param forMe left through the deputy's own QR link (else taken at their reception)
   */
  public record Opinion(
      String id,
      OffsetDateTime submitted,
      Category category,
      CaseStatus status,
      String text,
      boolean forMe) {}

  /** A suggestion (代表建议) of the deputy; its status as the suggestions' table keeps it. */
  public record Suggestion(String id, String title, String status, OffsetDateTime submitted) {}

  /** An entry of the deputy's duty points; its status as the points' table keeps it. */
  public record PointEntry(
      LocalDate occurredOn, DutyKind kind, int points, String status, String note) {}

  /**
   * The deputy's approved points of the year and their place among the county's deputies with any:
   * rank 1 is the most, equal totals share a rank; 0 while they have none.
   */
  public record Points(int year, int total, int rank, int ranked) {}

  /** A report to voters (述职) by the deputy, with the counts kept when its vote closed. */
  public record Report(
      String id,
      String station,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String title,
      String status,
      int satisfied,
      int basicallySatisfied,
      int dissatisfied) {}

  /** Everything on the deputy's landing page. */
  public record Home(
      Deputy deputy,
      LocalDate today,
      List<Reception> coming,
      List<Reception> past,
      List<Opinion> opinions,
      Map<String, Integer> suggestionCounts,
      List<Suggestion> latestSuggestions,
      Points points,
      List<Report> comingReports,
      List<Report> pastReports) {}

  /** The landing page's content for the deputy signed in. */
  public Home home(Staff staff) {
    Deputy deputy = deputyOf(staff);
    LocalDate today = today();
    List<Reception> receptions =
        repository.receptions(deputy.id(), today.minusDays(DAYS), today.plusDays(DAYS));
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<Report> reports = repository.reports(deputy.id());
    return new Home(
        deputy,
        today,
        receptions.stream().filter(r -> !r.date().isBefore(today)).toList(),
        receptions.stream().filter(r -> r.date().isBefore(today)).toList().reversed(),
        opinions(deputy),
        repository.suggestionCounts(deputy.id()),
        repository.latestSuggestions(deputy.id(), LATEST_SUGGESTIONS),
        points(deputy, today.getYear()),
        reports.stream().filter(r -> r.endsAt().isAfter(now)).toList(),
        reports.stream().filter(r -> !r.endsAt().isAfter(now)).toList().reversed());
  }

  /** The opinions the deputy is involved in, newest first, the words masked. */
  public List<Opinion> opinions(Staff staff) {
    return opinions(deputyOf(staff));
  }

  /** The deputy's duty-point entries of this year, newest first, with the year's total. */
  public PointsPage points(Staff staff) {
    Deputy deputy = deputyOf(staff);
    int year = today().getYear();
    return new PointsPage(deputy, points(deputy, year), repository.pointEntries(deputy.id(), year));
  }

  /** The deputy's year of points: its total and rank, and every entry. */
  public record PointsPage(Deputy deputy, Points points, List<PointEntry> entries) {}

  private List<Opinion> opinions(Deputy deputy) {
    return repository.opinions(deputy.id()).stream()
        .map(
            o ->
                new Opinion(
                    o.id(),
                    o.submitted(),
                    o.category(),
                    o.status(),
                    Masks.longNumbers(o.text()),
                    o.forMe()))
        .toList();
  }

  private Points points(Deputy deputy, int year) {
    if (deputy.countyId() == null) {
      return new Points(year, 0, 0, 0);
    }
    Map<String, Integer> totals = repository.approvedTotals(deputy.countyId(), year);
    int mine = totals.getOrDefault(deputy.id(), 0);
    if (!totals.containsKey(deputy.id())) {
      return new Points(year, mine, 0, totals.size());
    }
    long ahead = totals.values().stream().filter(t -> t > mine).count();
    return new Points(year, mine, (int) ahead + 1, totals.size());
  }

  /** The deputy behind the account; for any other account, there is no such page. */
  Deputy deputyOf(Staff staff) {
    if (!staff.isDeputy() || staff.deputyId() == null) {
      throw new NotFoundProblem(Text.of("problem.me.deputies-only"));
    }
    return repository
        .deputy(staff.deputyId())
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.me.deputies-only")));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(SHANGHAI));
  }
}
