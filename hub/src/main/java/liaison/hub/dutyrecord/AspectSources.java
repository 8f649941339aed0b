package liaison.hub.dutyrecord;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import liaison.hub.db.Sql;
import liaison.hub.duty.DutyKind;
import liaison.hub.dutyrecord.DutyRecord.Line;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Category;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * What the hub knows of a deputy's year, read for each source of the duty list from the tables that
 * hold it (receptions and their 签到, opinions, suggestions, reports to voters, duty points, stars),
 * on SQLite and PostgreSQL alike. An opinion is read as its tracking code, category and status:
 * never the resident's name, phone or words.
 */
@Singleton
class AspectSources {

  /** What one source says: a sentence and the things behind it. */
  record Filled(Text summary, List<Line> lines) {}

  /** The year of one deputy, from January 1 to December 31 (Asia/Shanghai). */
  record Year(String deputyId, int year, LocalDate today) {
    String firstDay() {
      return Sql.date(LocalDate.of(year, 1, 1));
    }

    String lastDay() {
      return Sql.date(LocalDate.of(year, 12, 31));
    }

    /** The first instant of the year, and of the next: for columns holding an instant. */
    String from() {
      return Sql.instant(LocalDate.of(year, 1, 1).atStartOfDay(Sql.ZONE).toOffsetDateTime());
    }

    String until() {
      return Sql.instant(LocalDate.of(year + 1, 1, 1).atStartOfDay(Sql.ZONE).toOffsetDateTime());
    }
  }

  Filled fill(Handle h, AspectSource source, Year y) {
    return switch (source) {
      case MEETINGS, TRAINING, GROUP_ACTIVITIES, VISITS, OTHER_DUTIES ->
          handEntries(h, source.handEntries().orElseThrow(), y);
      case CONTACT -> contact(h, y);
      case RECEPTIONS -> receptions(h, y);
      case OPINIONS -> opinions(h, y);
      case SUGGESTIONS -> suggestions(h, y);
      case SUGGESTION_HANDLING -> suggestionHandling(h, y);
      case REPORTS -> reports(h, y);
      case REPORT_RESULTS -> reportResults(h, y);
      case POINTS -> points(h, y);
      case STARS -> stars(h, y);
      case MANUAL -> new Filled(Text.of("duty-record.summary.manual"), List.of());
    };
  }

  /** The receptions the deputy was on duty at (not cancelled) and whether they signed in. */
  private Filled receptions(Handle h, Year y) {
    record Duty(LocalDate date, String start, String end, String station, boolean signedIn) {}
    List<Duty> duties =
        h.createQuery(
                """
                SELECT s.slot_date, s.start_time, s.end_time, st.name,
                       CASE WHEN a.deputy_id IS NULL THEN 0 ELSE 1 END AS signed
                FROM reception_deputy rd
                JOIN reception_slot s ON s.id = rd.slot_id
                JOIN station st ON st.id = s.station_id
                LEFT JOIN reception_attendance a
                  ON a.slot_id = s.id AND a.deputy_id = rd.deputy_id
                WHERE rd.deputy_id = :deputy AND s.status <> 'CANCELLED'
                  AND s.slot_date >= :first AND s.slot_date <= :last
                ORDER BY s.slot_date, s.start_time, st.name
                """)
            .bind("deputy", y.deputyId())
            .bind("first", y.firstDay())
            .bind("last", y.lastDay())
            .map(
                (rs, ctx) ->
                    new Duty(
                        LocalDate.parse(rs.getString("slot_date")),
                        rs.getString("start_time"),
                        rs.getString("end_time"),
                        rs.getString("name"),
                        rs.getInt("signed") == 1))
            .list();
    List<Line> lines = new ArrayList<>();
    int held = 0;
    int signedIn = 0;
    for (Duty d : duties) {
      boolean past = !d.date().isAfter(y.today());
      held += past ? 1 : 0;
      signedIn += d.signedIn() ? 1 : 0;
      Text mark =
          Text.of(
              d.signedIn()
                  ? "duty-record.reception.signed-in"
                  : past ? "duty-record.reception.not-signed-in" : "duty-record.reception.to-come");
      lines.add(
          new Line(
              d.date(),
              Text.of(
                  "duty-record.line.reception",
                  d.station(),
                  hours(d.start()) + "–" + hours(d.end()),
                  mark)));
    }
    if (duties.isEmpty()) {
      return none();
    }
    return new Filled(
        Text.of("duty-record.summary.receptions", held, signedIn, duties.size() - held), lines);
  }

  /** The messages residents left for the deputy through the deputy's own link. */
  private Filled contact(Handle h, Year y) {
    List<Line> lines =
        inYear(
                h,
                """
                SELECT category, submitted_at FROM opinion_case
                WHERE deputy_id = :deputy AND submitted_at >= :from AND submitted_at < :until
                ORDER BY submitted_at, id
                """,
                y)
            .map(
                (rs, ctx) ->
                    new Line(
                        day(rs.getString("submitted_at")),
                        Text.of(
                            "duty-record.line.message",
                            Category.valueOf(rs.getString("category")).text())))
            .list();
    return counted("duty-record.summary.contact", lines);
  }

  /**
   * The opinions that concern the deputy (left for them, received at a reception they were on duty
   * at, or taken up as their suggestion) and how far each has come.
   */
  private Filled opinions(Handle h, Year y) {
    // No tracking code: it opens the resident's own case (/t), and a record is printed and filed.
    record Opinion(LocalDate day, Category category, CaseStatus status) {}
    List<Opinion> opinions =
        inYear(
                h,
                """
                SELECT c.category, c.status, c.submitted_at FROM opinion_case c
                WHERE c.submitted_at >= :from AND c.submitted_at < :until
                  AND (c.deputy_id = :deputy OR c.suggestion_deputy_id = :deputy
                       OR c.reception_id IN (SELECT slot_id FROM reception_deputy
                                             WHERE deputy_id = :deputy))
                ORDER BY c.submitted_at, c.id
                """,
                y)
            .map(
                (rs, ctx) ->
                    new Opinion(
                        day(rs.getString("submitted_at")),
                        Category.valueOf(rs.getString("category")),
                        CaseStatus.valueOf(rs.getString("status"))))
            .list();
    if (opinions.isEmpty()) {
      return none();
    }
    long finished =
        opinions.stream()
            .filter(o -> o.status().isClosed() || o.status() == CaseStatus.ANSWERED)
            .count();
    return new Filled(
        Text.of("duty-record.summary.opinions", opinions.size(), finished),
        opinions.stream()
            .map(
                o ->
                    new Line(
                        o.day(),
                        Text.of(
                            "duty-record.line.opinion", o.category().text(), o.status().text())))
            .toList());
  }

  /** The suggestions (代表建议) the deputy made this year, with how far each has come. */
  private Filled suggestions(Handle h, Year y) {
    List<Line> lines =
        inYear(
                h,
                """
                SELECT title, status, submitted_at FROM deputy_suggestion
                WHERE deputy_id = :deputy AND submitted_at >= :from AND submitted_at < :until
                ORDER BY submitted_at, id
                """,
                y)
            .map(
                (rs, ctx) ->
                    new Line(
                        day(rs.getString("submitted_at")),
                        Text.of(
                            "duty-record.line.suggestion",
                            rs.getString("title"),
                            suggestionStatus(rs.getString("status")))))
            .list();
    return counted("duty-record.summary.suggestions", lines);
  }

  /** The year's suggestions counted by how far they have come. */
  private Filled suggestionHandling(Handle h, Year y) {
    Map<String, Integer> byStatus = new java.util.TreeMap<>();
    inYear(
            h,
            """
            SELECT status, COUNT(*) AS n FROM deputy_suggestion
            WHERE deputy_id = :deputy AND submitted_at >= :from AND submitted_at < :until
            GROUP BY status
            """,
            y)
        .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getInt("n")))
        .forEach(e -> byStatus.put(e.getKey(), e.getValue()));
    if (byStatus.isEmpty()) {
      return none();
    }
    int all = byStatus.values().stream().mapToInt(Integer::intValue).sum();
    int withdrawn = byStatus.getOrDefault("WITHDRAWN", 0);
    int replied = byStatus.getOrDefault("REPLIED", 0) + byStatus.getOrDefault("CLOSED", 0);
    int closed = byStatus.getOrDefault("CLOSED", 0);
    List<Line> lines =
        byStatus.entrySet().stream()
            .map(
                e ->
                    new Line(
                        null,
                        Text.of(
                            "duty-record.line.count", suggestionStatus(e.getKey()), e.getValue())))
            .toList();
    return new Filled(
        Text.of("duty-record.summary.suggestion-handling", all - withdrawn, replied, closed),
        lines);
  }

  /** The reports to voters the deputy held or will hold this year (not cancelled). */
  private Filled reports(Handle h, Year y) {
    List<Line> lines =
        inYear(
                h,
                """
                SELECT r.starts_at, r.title, r.status, st.name FROM voter_report r
                JOIN station st ON st.id = r.station_id
                WHERE r.deputy_id = :deputy AND r.status <> 'CANCELLED'
                  AND r.starts_at >= :from AND r.starts_at < :until
                ORDER BY r.starts_at, r.id
                """,
                y)
            .map(
                (rs, ctx) ->
                    new Line(
                        day(rs.getString("starts_at")),
                        Text.of(
                            "duty-record.line.report",
                            rs.getString("name"),
                            rs.getString("title"),
                            Text.of("report.status." + rs.getString("status")))))
            .list();
    return counted("duty-record.summary.reports", lines);
  }

  /** The voters' evaluation of each report whose vote closed this year. */
  private Filled reportResults(Handle h, Year y) {
    record Result(LocalDate day, String station, int satisfied, int basically, int dissatisfied) {
      int ballots() {
        return satisfied + basically + dissatisfied;
      }
    }
    List<Result> results =
        inYear(
                h,
                """
                SELECT r.starts_at, st.name, r.satisfied, r.basically_satisfied, r.dissatisfied
                FROM voter_report r JOIN station st ON st.id = r.station_id
                WHERE r.deputy_id = :deputy AND r.status = 'CLOSED'
                  AND r.starts_at >= :from AND r.starts_at < :until
                ORDER BY r.starts_at, r.id
                """,
                y)
            .map(
                (rs, ctx) ->
                    new Result(
                        day(rs.getString("starts_at")),
                        rs.getString("name"),
                        rs.getInt("satisfied"),
                        rs.getInt("basically_satisfied"),
                        rs.getInt("dissatisfied")))
            .list();
    if (results.isEmpty()) {
      return none();
    }
    int ballots = results.stream().mapToInt(Result::ballots).sum();
    int pleased = results.stream().mapToInt(r -> r.satisfied() + r.basically()).sum();
    return new Filled(
        Text.of("duty-record.summary.report-results", results.size(), percent(pleased, ballots)),
        results.stream()
            .map(
                r ->
                    new Line(
                        r.day(),
                        Text.of(
                            "duty-record.line.report-result",
                            r.station(),
                            r.satisfied(),
                            r.basically(),
                            r.dissatisfied(),
                            percent(r.satisfied() + r.basically(), r.ballots()))))
            .toList());
  }

  /** Approved hand entries of one kind: the day, staff's note on what it was, the points. */
  private Filled handEntries(Handle h, DutyKind kind, Year y) {
    record Entry(LocalDate day, String note, int points) {}
    List<Entry> entries =
        h.createQuery(
                """
                SELECT occurred_on, note, points FROM duty_point
                WHERE deputy_id = :deputy AND year = :year AND kind = :kind
                  AND status = 'APPROVED'
                ORDER BY occurred_on, id
                """)
            .bind("deputy", y.deputyId())
            .bind("year", y.year())
            .bind("kind", kind.name())
            .map(
                (rs, ctx) ->
                    new Entry(
                        LocalDate.parse(rs.getString("occurred_on")),
                        rs.getString("note"),
                        rs.getInt("points")))
            .list();
    if (entries.isEmpty()) {
      return none();
    }
    return new Filled(
        Text.of(
            "duty-record.summary.entries",
            entries.size(),
            entries.stream().mapToInt(Entry::points).sum()),
        entries.stream()
            .map(
                e ->
                    new Line(
                        e.day(),
                        Text.of(
                            "duty-record.line.entry",
                            e.note().isBlank() ? kind.text() : e.note(),
                            e.points())))
            .toList());
  }

  /** The year's approved points by kind, and their total. */
  private Filled points(Handle h, Year y) {
    Map<DutyKind, Integer> byKind = new EnumMap<>(DutyKind.class);
    h.createQuery(
            """
            SELECT kind, SUM(points) AS total FROM duty_point
            WHERE deputy_id = :deputy AND year = :year AND status = 'APPROVED'
            GROUP BY kind
            """)
        .bind("deputy", y.deputyId())
        .bind("year", y.year())
        .map((rs, ctx) -> Map.entry(DutyKind.valueOf(rs.getString("kind")), rs.getInt("total")))
        .forEach(e -> byKind.put(e.getKey(), e.getValue()));
    if (byKind.isEmpty()) {
      return none();
    }
    return new Filled(
        Text.of(
            "duty-record.summary.points",
            byKind.values().stream().mapToInt(Integer::intValue).sum()),
        byKind.entrySet().stream()
            .map(
                e ->
                    new Line(
                        null, Text.of("duty-record.line.count", e.getKey().text(), e.getValue())))
            .toList());
  }

  /** The months of this year, and the year, the county chose the deputy as its 履职之星. */
  private Filled stars(Handle h, Year y) {
    String year = String.valueOf(y.year());
    List<Line> lines =
        h.createQuery(
                """
                SELECT period_kind, period, points FROM duty_star
                WHERE deputy_id = :deputy
                  AND ((period_kind = 'YEAR' AND period = :year)
                       OR (period_kind = 'MONTH' AND period LIKE :months))
                ORDER BY period_kind, period
                """)
            .bind("deputy", y.deputyId())
            .bind("year", year)
            .bind("months", year + "-%")
            .map(
                (rs, ctx) -> {
                  boolean month = "MONTH".equals(rs.getString("period_kind"));
                  String period = rs.getString("period");
                  return new Line(
                      null,
                      month
                          ? Text.of(
                              "duty-record.line.star-month",
                              year,
                              YearMonth.parse(period).getMonthValue(),
                              rs.getInt("points"))
                          : Text.of("duty-record.line.star-year", year, rs.getInt("points")));
                })
            .list();
    return counted("duty-record.summary.stars", lines);
  }

  /** A query of the deputy's year: {@code :deputy}, {@code :from} and {@code :until} bound. */
  private static Query inYear(Handle h, String sql, Year y) {
    return h.createQuery(sql)
        .bind("deputy", y.deputyId())
        .bind("from", y.from())
        .bind("until", y.until());
  }

  /** The lines under a sentence that counts them; "nothing recorded" without any. */
  private static Filled counted(String key, List<Line> lines) {
    return lines.isEmpty() ? none() : new Filled(Text.of(key, lines.size()), lines);
  }

  private static Filled none() {
    return new Filled(Text.of("duty-record.summary.none"), List.of());
  }

  private static Text suggestionStatus(String status) {
    return Text.of("suggestion.status." + status.toLowerCase(java.util.Locale.ROOT));
  }

  private static LocalDate day(String instant) {
    return Sql.instant(instant).atZoneSameInstant(Sql.ZONE).toLocalDate();
  }

  /** "09:00:00" or "09:00" → "09:00". */
  private static String hours(String time) {
    return time.length() > 5 ? time.substring(0, 5) : time;
  }

  /** A share in whole per cent ("—" with nobody counted). */
  private static String percent(int part, int whole) {
    return whole == 0 ? "—" : Math.round(100.0 * part / whole) + "%";
  }
}
