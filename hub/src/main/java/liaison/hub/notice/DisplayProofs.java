package liaison.hub.notice;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * Proof of display: each time a station's screen showed a notice, as the station reported it in a
 * {@code notice.displayed} event, and what they add up to per notice and station — how often, how
 * long, first and last, by kind (in the loop, as an urgent interrupt, as an emergency hold) and per
 * day (Asia/Shanghai) over the last week.
 */
@Singleton
public class DisplayProofs {
  /** Days counted one by one on a notice's page, today included. */
  public static final int DAYS = 7;

  private final Database database;
  private final Clock clock;

  public DisplayProofs(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** How a notice came on screen. */
  public enum Kind {
    /** A page of the NOTICES board in the loop. */
    LOOP,
    /** An urgent notice shown over the loop for a while. */
    URGENT_INTERRUPT,
    /** An emergency notice holding the screen. */
    EMERGENCY_HOLD
  }

  /** One stretch of time a notice was on a station's screen, as stored. */
  public record Shown(
      String stationId,
      String eventId,
      String noticeId,
      Kind kind,
      String board,
      OffsetDateTime from,
      OffsetDateTime until,
      long seconds) {}

  /** How often and how long. */
  public record Tally(int times, long seconds) {
    public static final Tally NONE = new Tally(0, 0);

    Tally plus(Tally other) {
      return new Tally(times + other.times, seconds + other.seconds);
    }
  }

  /** Times shown on one day. */
  public record DayCount(LocalDate day, int times) {}

  /**
   * What one station reported for one notice; {@code first} and {@code last} are null when it never
   * showed it.
   *
   * @param first when it first came on screen
   * @param last when it last left the screen
   * @param days the last {@link #DAYS} days, oldest first, each counted by when it came on screen
   */
  public record AtStation(
      String stationId,
      String stationName,
      Tally total,
      Map<Kind, Tally> byKind,
      @Nullable OffsetDateTime first,
      @Nullable OffsetDateTime last,
      List<DayCount> days) {

    public Tally of(Kind kind) {
      return byKind.getOrDefault(kind, Tally.NONE);
    }
  }

  /** One station's proofs of one day (Asia/Shanghai, by when the notice came on screen). */
  public record DayRow(
      LocalDate day, String stationId, String stationName, Map<Kind, Tally> byKind) {
    public Tally total() {
      return byKind.values().stream().reduce(Tally.NONE, Tally::plus);
    }

    public Tally of(Kind kind) {
      return byKind.getOrDefault(kind, Tally.NONE);
    }
  }

  /**
   * Stores the proofs; one already stored for the same (station, event) is skipped, and so is one
   * whose notice was deleted since it was checked: its proofs went with it, and a foreign-key error
   * would hold up the whole batch of events.
   */
  public void insert(Handle h, List<Shown> proofs) {
    if (proofs.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            """
            INSERT INTO notice_display (station_id, event_id, notice_id, kind, board, shown_from, shown_until, seconds, shown_day)
            SELECT :station, :event, :notice, :kind, :board, :from, :until, :seconds, :day
            WHERE EXISTS (SELECT 1 FROM notice WHERE id = :notice)
            ON CONFLICT (station_id, event_id) DO NOTHING
            """);
    for (Shown s : proofs) {
      batch
          .bind("station", s.stationId())
          .bind("event", s.eventId())
          .bind("notice", s.noticeId())
          .bind("kind", s.kind().name())
          .bind("board", s.board())
          .bind("from", Sql.instant(s.from()))
          .bind("until", Sql.instant(s.until()))
          .bind("seconds", s.seconds())
          .bind("day", Sql.date(s.from().atZoneSameInstant(Sql.ZONE).toLocalDate()))
          .add();
    }
    batch.execute();
  }

  public boolean noticeExists(String noticeId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM notice WHERE id = :id")
                    .bind("id", noticeId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /** The stations that reported the notice on screen at least once. */
  public List<String> stationsThatShowed(String noticeId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT station_id FROM notice_display WHERE notice_id = :notice ORDER BY station_id")
                .bind("notice", noticeId)
                .mapTo(String.class)
                .list());
  }

  /**
   * The notice's proofs at each of the given stations (those that never showed it too, with zeros),
   * in station id order.
   */
  public List<AtStation> atStations(String noticeId, Collection<String> stationIds) {
    if (stationIds.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock.withZone(Sql.ZONE));
    LocalDate since = today.minusDays(DAYS - 1);
    Set<String> wanted = new LinkedHashSet<>(stationIds);
    return database.withHandle(
        h -> {
          Map<String, String> names = new HashMap<>();
          h.createQuery("SELECT id, name FROM station WHERE id IN (<stations>)")
              .bindList("stations", List.copyOf(wanted))
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
              .forEach(e -> names.put(e.getKey(), e.getValue()));
          Map<String, Map<Kind, Tally>> tallies = new HashMap<>();
          Map<String, String[]> span = new HashMap<>();
          h.createQuery(
                  """
                  SELECT station_id, kind, COUNT(*), SUM(seconds), MIN(shown_from), MAX(shown_until)
                  FROM notice_display
                  WHERE notice_id = :notice AND station_id IN (<stations>)
                  GROUP BY station_id, kind
                  """)
              .bind("notice", noticeId)
              .bindList("stations", List.copyOf(wanted))
              .map(
                  (rs, ctx) ->
                      new KindRow(
                          rs.getString(1),
                          Kind.valueOf(rs.getString(2)),
                          new Tally(rs.getInt(3), rs.getLong(4)),
                          rs.getString(5),
                          rs.getString(6)))
              .forEach(
                  r -> {
                    tallies
                        .computeIfAbsent(r.station(), s -> new EnumMap<>(Kind.class))
                        .put(r.kind(), r.tally());
                    String[] firstLast = span.computeIfAbsent(r.station(), s -> new String[2]);
                    firstLast[0] = earlier(firstLast[0], r.first());
                    firstLast[1] = later(firstLast[1], r.last());
                  });
          Map<String, Map<LocalDate, Integer>> perDay = new HashMap<>();
          h.createQuery(
                  """
                  SELECT station_id, shown_day, COUNT(*) FROM notice_display
                  WHERE notice_id = :notice AND station_id IN (<stations>) AND shown_day >= :since AND shown_day <= :today
                  GROUP BY station_id, shown_day
                  """)
              .bind("notice", noticeId)
              .bindList("stations", List.copyOf(wanted))
              .bind("since", Sql.date(since))
              .bind("today", Sql.date(today))
              .map(
                  (rs, ctx) ->
                      new DayTimes(rs.getString(1), LocalDate.parse(rs.getString(2)), rs.getInt(3)))
              .forEach(
                  d ->
                      perDay
                          .computeIfAbsent(d.station(), s -> new HashMap<>())
                          .put(d.day(), d.times()));
          List<AtStation> rows = new ArrayList<>();
          for (String station : wanted.stream().sorted().toList()) {
            Map<Kind, Tally> byKind = tallies.getOrDefault(station, Map.of());
            Tally total = byKind.values().stream().reduce(Tally.NONE, Tally::plus);
            String[] firstLast = span.getOrDefault(station, new String[2]);
            List<DayCount> days = new ArrayList<>();
            for (LocalDate d = since; !d.isAfter(today); d = d.plusDays(1)) {
              days.add(new DayCount(d, perDay.getOrDefault(station, Map.of()).getOrDefault(d, 0)));
            }
            rows.add(
                new AtStation(
                    station,
                    names.getOrDefault(station, station),
                    total,
                    byKind,
                    Sql.instantOrNull(firstLast[0]),
                    Sql.instantOrNull(firstLast[1]),
                    days));
          }
          return rows;
        });
  }

  /**
   * The notice's proofs at the given stations, one row per day and station that has any, oldest
   * first.
   */
  public List<DayRow> daily(String noticeId, Collection<String> stationIds) {
    if (stationIds.isEmpty()) {
      return List.of();
    }
    Map<DayRow, Map<Kind, Tally>> byKind = new java.util.LinkedHashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT d.shown_day, d.station_id, s.name, d.kind, COUNT(*), SUM(d.seconds)
                    FROM notice_display d JOIN station s ON s.id = d.station_id
                    WHERE d.notice_id = :notice AND d.station_id IN (<stations>)
                    GROUP BY d.shown_day, d.station_id, s.name, d.kind
                    ORDER BY d.shown_day, d.station_id
                    """)
                .bind("notice", noticeId)
                .bindList("stations", List.copyOf(stationIds))
                .map(
                    (rs, ctx) ->
                        Map.entry(
                            new DayRow(
                                LocalDate.parse(rs.getString(1)),
                                rs.getString(2),
                                rs.getString(3),
                                Map.of()),
                            Map.entry(
                                Kind.valueOf(rs.getString(4)),
                                new Tally(rs.getInt(5), rs.getLong(6)))))
                .forEach(
                    e ->
                        byKind
                            .computeIfAbsent(e.getKey(), k -> new EnumMap<>(Kind.class))
                            .put(e.getValue().getKey(), e.getValue().getValue())));
    List<DayRow> rows = new ArrayList<>();
    byKind.forEach(
        (row, tallies) ->
            rows.add(new DayRow(row.day(), row.stationId(), row.stationName(), tallies)));
    return rows;
  }

  private record KindRow(
      String station, Kind kind, Tally tally, @Nullable String first, @Nullable String last) {}

  private record DayTimes(String station, LocalDate day, int times) {}

  // Instants are stored in one offset, so comparing the text compares the instants.
  private static @Nullable String earlier(@Nullable String a, @Nullable String b) {
    return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
  }

  private static @Nullable String later(@Nullable String a, @Nullable String b) {
    return a == null ? b : b == null || a.compareTo(b) >= 0 ? a : b;
  }
}
