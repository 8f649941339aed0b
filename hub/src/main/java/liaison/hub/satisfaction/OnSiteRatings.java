package liaison.hub.satisfaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;

/**
 * Counts the satisfaction ratings residents pressed on a station's screen (its {@code satisfaction}
 * events, each stored once however often the station resent it), for today and the last 30 days in
 * Asia/Shanghai, by when the resident pressed. A rating this hub does not know is kept in the event
 * store but only counted as unrecognised.
 */
@Singleton
public class OnSiteRatings {
  static final int DAYS = 30;
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final Database database;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public OnSiteRatings(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** One rating's counts. */
  public record Row(Satisfaction rating, int today, int lastDays) {}

  /**
   * A station's ratings since {@code since} (30 days including today).
   *
   * @param unrecognisedToday events whose rating is missing or unknown, not in the rows
   */
  public record Summary(
      LocalDate today,
      LocalDate since,
      List<Row> rows,
      int unrecognisedToday,
      int unrecognisedLastDays) {
    public int totalToday() {
      return rows.stream().mapToInt(Row::today).sum();
    }

    public int totalLastDays() {
      return rows.stream().mapToInt(Row::lastDays).sum();
    }

    public int today(Satisfaction rating) {
      return rows.stream().filter(r -> r.rating() == rating).mapToInt(Row::today).sum();
    }

    public int lastDays(Satisfaction rating) {
      return rows.stream().filter(r -> r.rating() == rating).mapToInt(Row::lastDays).sum();
    }
  }

  public Summary summary(String stationId) {
    LocalDate today = LocalDate.now(clock.withZone(SHANGHAI));
    LocalDate since = today.minusDays(DAYS - 1);
    String from = Sql.instant(since.atStartOfDay(SHANGHAI).toOffsetDateTime());
    String todayFrom = Sql.instant(today.atStartOfDay(SHANGHAI).toOffsetDateTime());
    // A station whose clock runs ahead must not fill "today" with tomorrow's presses.
    String until = Sql.instant(today.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime());
    Map<Satisfaction, int[]> counts = new EnumMap<>(Satisfaction.class);
    for (Satisfaction s : Satisfaction.values()) {
      counts.put(s, new int[2]);
    }
    int[] unrecognised = new int[2];
    database.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT occurred_at, body FROM station_event
                    WHERE station_id = :station AND type = :type AND occurred_at >= :from AND occurred_at < :until
                    """)
                .bind("station", stationId)
                .bind("type", Satisfaction.EVENT_TYPE)
                .bind("from", from)
                .bind("until", until)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(
                    e -> {
                      boolean isToday = e.getKey().compareTo(todayFrom) >= 0;
                      int[] slot = rating(e.getValue()).map(counts::get).orElse(unrecognised);
                      slot[1]++;
                      if (isToday) {
                        slot[0]++;
                      }
                    }));
    List<Row> rows = new ArrayList<>();
    counts.forEach((rating, n) -> rows.add(new Row(rating, n[0], n[1])));
    return new Summary(today, since, rows, unrecognised[0], unrecognised[1]);
  }

  private java.util.Optional<Satisfaction> rating(String body) {
    try {
      JsonNode rating = json.readTree(body).path("rating");
      return Satisfaction.of(rating.isTextual() ? rating.asText() : null);
    } catch (JsonProcessingException e) {
      return java.util.Optional.empty();
    }
  }
}
