package liaison.hub.notice;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.NoticePriority;
import org.jdbi.v3.core.Handle;

/** Notices and their targets. */
@Singleton
public class NoticeRepository {
  private final Database database;
  private final Clock clock;
  private final StationRepository stations;

  public NoticeRepository(Database database, Clock clock, StationRepository stations) {
    this.database = database;
    this.clock = clock;
    this.stations = stations;
  }

  /** Notices aimed at the station and not yet expired at {@code at} (future ones included). */
  /**
   * The notices in force or to come at {@code at} that are aimed at each of these stations, newest
   * first, by station id: one query for them all (a publishing round reads hundreds of stations at
   * once), sorted out per station here by the same rule the query's filter states.
   */
  public Map<String, List<Notice>> forStations(Collection<StationPlace> places, OffsetDateTime at) {
    if (places.isEmpty()) {
      return Map.of();
    }
    List<Notice> candidates =
        database.withHandle(
            h ->
                withStations(
                    h,
                    h.createQuery(
                            """
                            SELECT n.* FROM notice n WHERE (n.valid_until IS NULL OR n.valid_until > :at) AND (
                              (n.target = 'ALL' AND (n.county_id IS NULL OR n.county_id IN (<counties>)))
                              OR (n.target = 'TOWNSHIP' AND n.township_id IN (<townships>))
                              OR (n.target = 'STATIONS' AND EXISTS (
                                    SELECT 1 FROM notice_station ns
                                    WHERE ns.notice_id = n.id AND ns.station_id IN (<stations>))))
                            ORDER BY n.valid_from DESC, n.id
                            """)
                        .bind("at", Sql.instant(at))
                        .bindList(
                            "counties",
                            places.stream().map(StationPlace::countyId).distinct().toList())
                        .bindList(
                            "townships",
                            places.stream().map(p -> p.station().townshipId()).distinct().toList())
                        .bindList("stations", places.stream().map(p -> p.station().id()).toList())
                        .map((rs, ctx) -> row(rs))
                        .list()));
    Map<String, List<Notice>> byStation = new HashMap<>();
    for (StationPlace place : places) {
      byStation.put(
          place.station().id(), candidates.stream().filter(n -> aimedAt(n, place)).toList());
    }
    return byStation;
  }

  /** Whether the notice goes to the station: the Java side of {@link #forStations}' query. */
  private static boolean aimedAt(Notice n, StationPlace place) {
    return switch (n.target()) {
      case ALL -> n.countyId() == null || n.countyId().equals(place.countyId());
      case TOWNSHIP -> place.station().townshipId().equals(n.townshipId());
      case STATIONS -> n.stationIds().contains(place.station().id());
    };
  }

  /** Every notice of a county, newest first (targets included). */
  public List<Notice> ofCounty(String countyId) {
    return database.withHandle(
        h ->
            withStations(
                h,
                h.createQuery(
                        """
                        SELECT n.* FROM notice n
                        WHERE n.county_id = :county
                           OR n.township_id IN (SELECT id FROM township WHERE county_id = :county)
                           OR EXISTS (SELECT 1 FROM notice_station ns JOIN station s ON s.id = ns.station_id
                                      JOIN township t ON t.id = s.township_id
                                      WHERE ns.notice_id = n.id AND t.county_id = :county)
                        ORDER BY n.valid_from DESC, n.id
                        """)
                    .bind("county", countyId)
                    .map((rs, ctx) -> row(rs))
                    .list()));
  }

  public Optional<Notice> find(String id) {
    return database.withHandle(
        h ->
            withStations(
                    h,
                    h.createQuery("SELECT * FROM notice WHERE id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> row(rs))
                        .list())
                .stream()
                .findFirst());
  }

  /** The stations a notice reaches. */
  public List<String> targetStations(Notice n) {
    return stations.reached(n.reach(), n.countyId());
  }

  /**
   * For each station the notice reaches: when it first reported on screen a content version that
   * carried the notice; null while it has not.
   */
  public List<DeliveryReceipt> receipts(Notice n) {
    List<String> targets = targetStations(n);
    if (targets.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.id, s.name, r.shown_at
                    FROM station s
                    LEFT JOIN notice_receipt r ON r.station_id = s.id AND r.notice_id = :notice
                    WHERE s.id IN (<stations>) ORDER BY s.id
                    """)
                .bind("notice", n.id())
                .bindList("stations", targets)
                .map(
                    (rs, ctx) ->
                        new DeliveryReceipt(
                            rs.getString(1), rs.getString(2), Sql.instantOrNull(rs.getString(3))))
                .list());
  }

  /**
   * The earliest moment after {@code now} when an urgent or emergency notice starts or ends, so the
   * alert topics can change right then.
   */
  public Optional<OffsetDateTime> nextAlertChange(OffsetDateTime now) {
    String at = Sql.instant(now);
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT MIN(t) FROM (
                      SELECT valid_from AS t FROM notice WHERE priority <> 'NORMAL' AND valid_from > :at
                      UNION ALL
                      SELECT valid_until AS t FROM notice WHERE priority <> 'NORMAL' AND valid_until > :at
                    ) changes
                    """)
                .bind("at", at)
                .mapTo(String.class)
                .findOne()
                .map(Sql::instant));
  }

  public void insert(Handle h, Notice n) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(
            """
            INSERT INTO notice (id, title, body, priority, valid_from, valid_until, target, township_id,
                                author, county_id, created_at, updated_at)
            VALUES (:id, :title, :body, :priority, :from, :until, :target, :township, :author, :county, :now, :now)
            """)
        .bind("id", n.id())
        .bind("title", n.title())
        .bind("body", n.body())
        .bind("priority", n.priority().name())
        .bind("from", Sql.instant(n.validFrom()))
        .bind("until", Sql.instantOrNull(n.validUntil()))
        .bind("target", n.target().name())
        .bind("township", n.townshipId())
        .bind("author", n.author())
        .bind("county", n.countyId())
        .bind("now", now)
        .execute();
    insertStations(h, n);
  }

  public void update(Handle h, Notice n) {
    h.createUpdate(
            """
            UPDATE notice SET title = :title, body = :body, priority = :priority, valid_from = :from,
                   valid_until = :until, target = :target, township_id = :township, updated_at = :now
            WHERE id = :id
            """)
        .bind("id", n.id())
        .bind("title", n.title())
        .bind("body", n.body())
        .bind("priority", n.priority().name())
        .bind("from", Sql.instant(n.validFrom()))
        .bind("until", Sql.instantOrNull(n.validUntil()))
        .bind("target", n.target().name())
        .bind("township", n.townshipId())
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .execute();
    h.createUpdate("DELETE FROM notice_station WHERE notice_id = :id").bind("id", n.id()).execute();
    insertStations(h, n);
  }

  public void delete(Handle h, String id) {
    h.createUpdate("DELETE FROM notice_station WHERE notice_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM notice WHERE id = :id").bind("id", id).execute();
  }

  private static void insertStations(Handle h, Notice n) {
    for (String stationId : n.stationIds()) {
      h.createUpdate(
              "INSERT INTO notice_station (notice_id, station_id) VALUES (:notice, :station)")
          .bind("notice", n.id())
          .bind("station", stationId)
          .execute();
    }
  }

  private static Notice row(ResultSet rs) throws SQLException {
    return new Notice(
        rs.getString("id"),
        rs.getString("title"),
        rs.getString("body"),
        NoticePriority.valueOf(rs.getString("priority")),
        Sql.instant(rs.getString("valid_from")),
        Sql.instantOrNull(rs.getString("valid_until")),
        Notice.Target.valueOf(rs.getString("target")),
        rs.getString("township_id"),
        List.of(),
        rs.getString("author"),
        rs.getString("county_id"));
  }

  private static List<Notice> withStations(Handle h, List<Notice> bare) {
    List<Notice> listed = bare.stream().filter(n -> n.target() == Notice.Target.STATIONS).toList();
    if (listed.isEmpty()) {
      return bare;
    }
    Map<String, List<String>> stations = new HashMap<>();
    h.createQuery(
            "SELECT notice_id, station_id FROM notice_station WHERE notice_id IN (<ids>) ORDER BY station_id")
        .bindList("ids", listed.stream().map(Notice::id).toList())
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(
            e -> stations.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return bare.stream()
        .map(
            n ->
                n.target() != Notice.Target.STATIONS
                    ? n
                    : new Notice(
                        n.id(),
                        n.title(),
                        n.body(),
                        n.priority(),
                        n.validFrom(),
                        n.validUntil(),
                        n.target(),
                        n.townshipId(),
                        stations.getOrDefault(n.id(), List.of()),
                        n.author(),
                        n.countyId()))
        .toList();
  }
}
