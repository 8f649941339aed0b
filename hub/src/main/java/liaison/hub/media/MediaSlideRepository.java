package liaison.hub.media;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.station.Reach;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.MediaSlide.Window;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * The slides scheduled from the media library ({@code media_slide} with its stations and dayparts,
 * V29), the items they show as a slide needs them, the proofs of display stations sent for them
 * ({@code media_display}) and each station's volume ({@code station.media_volume}).
 */
@Singleton
public class MediaSlideRepository {
  private final Database database;

  public MediaSlideRepository(Database database) {
    this.database = database;
  }

  /** A slide's row before its item, stations and dayparts are read. */
  private record Bare(
      String id,
      String itemId,
      int seconds,
      OffsetDateTime validFrom,
      @Nullable OffsetDateTime validUntil,
      Reach.Target target,
      @Nullable String townshipId,
      int position,
      @Nullable String countyId,
      String createdBy,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /**
   * A slide's row with its author's county and name: {@code created_by} is the author's account,
   * and a slide belongs to that account's county (V29 keeps no county on the slide).
   */
  private static final String SELECT_SLIDE =
      """
      SELECT sl.*, a.county_id AS author_county, a.display_name AS author_name
      FROM media_slide sl LEFT JOIN staff_account a ON a.id = sl.created_by
      """;

  /** One stretch of time a slide was on a station's screen, as a station reported it. */
  public record Shown(
      String stationId,
      String eventId,
      String slideId,
      OffsetDateTime from,
      OffsetDateTime until,
      long seconds) {}

  // ---- items ----

  /** The library item, as a slide shows it. */
  public Optional<SlideItem> item(String itemId) {
    return database.withHandle(h -> items(h, List.of(itemId)).values().stream().findFirst());
  }

  /** Every item still in a library (not retired), newest first. */
  public List<SlideItem> activeItems() {
    return database.withHandle(
        h -> {
          List<String> ids =
              h.createQuery(
                      "SELECT id FROM media_item WHERE retired_at IS NULL ORDER BY uploaded_at DESC, id")
                  .mapTo(String.class)
                  .list();
          Map<String, SlideItem> items = items(h, ids);
          return ids.stream().map(items::get).filter(i -> i != null).toList();
        });
  }

  private static Map<String, SlideItem> items(Handle h, List<String> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<String, List<MediaFile>> files = new HashMap<>();
    h.createQuery(
            """
            SELECT f.item_id, m.sha256, m.size, m.content_type, m.width, m.height, m.duration_ms
            FROM media_item_file f JOIN media_file m ON m.sha256 = f.sha256
            WHERE f.item_id IN (<ids>) ORDER BY f.item_id, f.position
            """)
        .bindList("ids", ids)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getString(1),
                    new MediaFile(
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getLong(7))))
        .forEach(e -> files.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<String, SlideItem> items = new HashMap<>();
    h.createQuery(
            """
            SELECT i.id, i.station_id, i.kind, i.title, i.thumbnail, i.retired_at,
            """
                + MediaItemRepository.ITEM_COUNTY
                + " AS county_id FROM media_item i WHERE i.id IN (<ids>)")
        .bindList("ids", ids)
        .map((rs, ctx) -> item(rs, files))
        .forEach(found -> found.ifPresent(i -> items.put(i.id(), i)));
    return items;
  }

  /** The item of the row; none for a kind this hub does not know (a newer hub's row). */
  private static Optional<SlideItem> item(ResultSet rs, Map<String, List<MediaFile>> files)
      throws SQLException {
    Optional<MediaSlide.Kind> kind = MediaSlide.Kind.find(rs.getString("kind"));
    if (kind.isEmpty()) {
      return Optional.empty();
    }
    String id = rs.getString("id");
    return Optional.of(
        new SlideItem(
            id,
            rs.getString("station_id"),
            rs.getString("county_id"),
            kind.get(),
            rs.getString("title"),
            rs.getString("thumbnail"),
            files.getOrDefault(id, List.of()),
            rs.getString("retired_at") != null));
  }

  // ---- slides ----

  /** Every slide, in the order they play. */
  public List<ScheduledSlide> all() {
    return database.withHandle(
        h ->
            complete(
                h,
                h.createQuery(SELECT_SLIDE + " ORDER BY sl.position, sl.id")
                    .map((rs, ctx) -> bare(rs))
                    .list()));
  }

  public Optional<ScheduledSlide> find(String id) {
    return database.withHandle(
        h ->
            complete(
                    h,
                    h.createQuery(SELECT_SLIDE + " WHERE sl.id = :id")
                        .bind("id", id)
                        .map((rs, ctx) -> bare(rs))
                        .list())
                .stream()
                .findFirst());
  }

  /** The slides showing an item (all of them, whether in force or not). */
  public List<ScheduledSlide> ofItem(String itemId) {
    return all().stream().filter(s -> s.item().id().equals(itemId)).toList();
  }

  /**
   * The slides aimed at each of these stations, of items still in a library that the station may
   * show (the county's or its own), not ended at {@code now} and starting before {@code horizon},
   * in the order they play, by station id (absent when a station has none): one query for them all
   * (a row per station and slide), the slides completed once.
   */
  public Map<String, List<ScheduledSlide>> forStations(
      Collection<String> stationIds, OffsetDateTime now, OffsetDateTime horizon) {
    if (stationIds.isEmpty()) {
      return Map.of();
    }
    return database.withHandle(
        h -> {
          List<Map.Entry<String, Bare>> rows =
              h.createQuery(
                      """
                      SELECT st.id AS for_station, sl.*,
                             a.county_id AS author_county, a.display_name AS author_name
                      FROM station st JOIN township stw ON stw.id = st.township_id
                      JOIN media_slide sl
                        ON (sl.valid_until IS NULL OR sl.valid_until > :now)
                       AND sl.valid_from < :horizon
                      LEFT JOIN staff_account a ON a.id = sl.created_by
                      JOIN media_item i ON i.id = sl.item_id
                      WHERE st.id IN (<stations>)
                        AND i.retired_at IS NULL
                        AND (i.station_id IS NULL OR i.station_id = st.id)
                        AND (\s"""
                          + MediaItemRepository.ITEM_COUNTY
                          + """
                        ) = stw.county_id
                        AND ((sl.target = 'ALL' AND a.county_id = stw.county_id)
                             OR (sl.target = 'TOWNSHIP' AND sl.township_id = st.township_id)
                             OR (sl.target = 'STATIONS' AND EXISTS (
                                   SELECT 1 FROM media_slide_station ss
                                   WHERE ss.slide_id = sl.id AND ss.station_id = st.id)))
                      ORDER BY sl.position, sl.id
                      """)
                  .bindList("stations", List.copyOf(stationIds))
                  .bind("now", Sql.instant(now))
                  .bind("horizon", Sql.instant(horizon))
                  .map((rs, ctx) -> Map.entry(rs.getString("for_station"), bare(rs)))
                  .list();
          if (rows.isEmpty()) {
            return Map.<String, List<ScheduledSlide>>of();
          }
          Map<String, Bare> distinct = new LinkedHashMap<>();
          rows.forEach(r -> distinct.putIfAbsent(r.getValue().id(), r.getValue()));
          Map<String, ScheduledSlide> slides = new HashMap<>();
          complete(h, List.copyOf(distinct.values())).forEach(sl -> slides.put(sl.id(), sl));
          Map<String, List<ScheduledSlide>> byStation = new HashMap<>();
          for (Map.Entry<String, Bare> r : rows) {
            ScheduledSlide slide = slides.get(r.getValue().id());
            if (slide != null) {
              byStation.computeIfAbsent(r.getKey(), k -> new ArrayList<>()).add(slide);
            }
          }
          return byStation;
        });
  }

  /** The position after every slide's: a new slide plays last. */
  public int nextPosition(Handle h) {
    return h.createQuery("SELECT COALESCE(MAX(position), 0) + 1 FROM media_slide")
        .mapTo(Integer.class)
        .one();
  }

  public void insert(Handle h, ScheduledSlide s) {
    h.createUpdate(
            """
            INSERT INTO media_slide (id, item_id, seconds, valid_from, valid_until, target, township_id,
                                     position, created_by, created_at, updated_at)
            VALUES (:id, :item, :seconds, :from, :until, :target, :township, :position, :by, :at, :at)
            """)
        .bind("id", s.id())
        .bind("item", s.item().id())
        .bind("seconds", s.seconds())
        .bind("from", Sql.instant(s.validFrom()))
        .bind("until", Sql.instantOrNull(s.validUntil()))
        .bind("target", s.reach().target().name())
        .bind("township", s.reach().townshipId())
        .bind("position", s.position())
        .bind("by", s.createdBy())
        .bind("at", Sql.instant(s.createdAt()))
        .execute();
    insertParts(h, s);
  }

  /** Changes what the slide shows, when and where (not its position or its author). */
  public void update(Handle h, ScheduledSlide s) {
    h.createUpdate(
            """
            UPDATE media_slide SET item_id = :item, seconds = :seconds, valid_from = :from,
                   valid_until = :until, target = :target, township_id = :township, updated_at = :at
            WHERE id = :id
            """)
        .bind("id", s.id())
        .bind("item", s.item().id())
        .bind("seconds", s.seconds())
        .bind("from", Sql.instant(s.validFrom()))
        .bind("until", Sql.instantOrNull(s.validUntil()))
        .bind("target", s.reach().target().name())
        .bind("township", s.reach().townshipId())
        .bind("at", Sql.instant(s.updatedAt()))
        .execute();
    h.createUpdate("DELETE FROM media_slide_station WHERE slide_id = :id")
        .bind("id", s.id())
        .execute();
    h.createUpdate("DELETE FROM media_slide_daypart WHERE slide_id = :id")
        .bind("id", s.id())
        .execute();
    insertParts(h, s);
  }

  /** Whether any station sent a proof of display of the slide. */
  public boolean hasProofs(Handle h, String slideId) {
    return h.createQuery("SELECT COUNT(*) FROM media_display WHERE slide_id = :id")
            .bind("id", slideId)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * Ends the slide at {@code now} (not later than it ended already; one not yet begun begins and
   * ends now): it leaves the snapshots, its proofs stay.
   */
  public void end(Handle h, String id, OffsetDateTime now) {
    h.createUpdate(
            """
            UPDATE media_slide
            SET valid_from = CASE WHEN valid_from > :now THEN :now ELSE valid_from END,
                valid_until = :now, updated_at = :now
            WHERE id = :id AND (valid_until IS NULL OR valid_until > :now)
            """)
        .bind("id", id)
        .bind("now", Sql.instant(now))
        .execute();
  }

  /** Deletes the slide; its stations, dayparts and proofs go with it (ON DELETE CASCADE). */
  public void delete(Handle h, String id) {
    h.createUpdate("DELETE FROM media_display WHERE slide_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM media_slide_station WHERE slide_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM media_slide_daypart WHERE slide_id = :id").bind("id", id).execute();
    h.createUpdate("DELETE FROM media_slide WHERE id = :id").bind("id", id).execute();
  }

  /** Numbers the slides 1, 2, 3… in the order given (every slide's id, once). */
  public void reorder(Handle h, List<String> ids) {
    PreparedBatch batch = h.prepareBatch("UPDATE media_slide SET position = :p WHERE id = :id");
    for (int i = 0; i < ids.size(); i++) {
      batch.bind("p", i + 1).bind("id", ids.get(i)).add();
    }
    if (!ids.isEmpty()) {
      batch.execute();
    }
  }

  private static void insertParts(Handle h, ScheduledSlide s) {
    for (String stationId : s.reach().stationIds()) {
      h.createUpdate(
              "INSERT INTO media_slide_station (slide_id, station_id) VALUES (:slide, :station)")
          .bind("slide", s.id())
          .bind("station", stationId)
          .execute();
    }
    for (int i = 0; i < s.dayparts().size(); i++) {
      Window w = s.dayparts().get(i);
      h.createUpdate(
              """
              INSERT INTO media_slide_daypart (slide_id, position, from_time, until_time)
              VALUES (:slide, :position, :from, :until)
              """)
          .bind("slide", s.id())
          .bind("position", i + 1)
          .bind("from", Sql.time(w.from()))
          .bind("until", Sql.time(w.until()))
          .execute();
    }
  }

  private static Bare bare(ResultSet rs) throws SQLException {
    return new Bare(
        rs.getString("id"),
        rs.getString("item_id"),
        rs.getInt("seconds"),
        Sql.instant(rs.getString("valid_from")),
        Sql.instantOrNull(rs.getString("valid_until")),
        Reach.Target.valueOf(rs.getString("target")),
        rs.getString("township_id"),
        rs.getInt("position"),
        rs.getString("author_county"),
        rs.getString("author_name") == null
            ? rs.getString("created_by")
            : rs.getString("author_name"),
        Sql.instant(rs.getString("created_at")),
        Sql.instant(rs.getString("updated_at")));
  }

  /** The slides with their items, listed stations and dayparts, read three queries at once. */
  private static List<ScheduledSlide> complete(Handle h, List<Bare> bare) {
    if (bare.isEmpty()) {
      return List.of();
    }
    List<String> ids = bare.stream().map(Bare::id).toList();
    Map<String, SlideItem> items = items(h, bare.stream().map(Bare::itemId).distinct().toList());
    Map<String, List<String>> stations = new HashMap<>();
    h.createQuery(
            "SELECT slide_id, station_id FROM media_slide_station WHERE slide_id IN (<ids>) ORDER BY station_id")
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
        .forEach(
            e -> stations.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    Map<String, List<Window>> dayparts = new HashMap<>();
    h.createQuery(
            """
            SELECT slide_id, from_time, until_time FROM media_slide_daypart
            WHERE slide_id IN (<ids>) ORDER BY slide_id, position
            """)
        .bindList("ids", ids)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getString(1),
                    new Window(LocalTime.parse(rs.getString(2)), LocalTime.parse(rs.getString(3)))))
        .forEach(
            e -> dayparts.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    List<ScheduledSlide> slides = new ArrayList<>();
    for (Bare b : bare) {
      SlideItem item = items.get(b.itemId());
      if (item == null) {
        // An item of a kind this hub does not know (a newer hub's row): not a slide here.
        continue;
      }
      slides.add(
          new ScheduledSlide(
              b.id(),
              item,
              b.seconds(),
              b.validFrom(),
              b.validUntil(),
              dayparts.getOrDefault(b.id(), List.of()),
              new Reach(b.target(), b.townshipId(), stations.getOrDefault(b.id(), List.of())),
              b.position(),
              b.countyId(),
              b.createdBy(),
              b.createdAt(),
              b.updatedAt()));
    }
    return slides;
  }

  // ---- proofs of display ----

  /**
   * Stores the proofs; one already stored for the same (station, event) is skipped, and so is one
   * whose slide was deleted since it was checked (its proofs went with it).
   */
  public void insertProofs(Handle h, List<Shown> proofs) {
    if (proofs.isEmpty()) {
      return;
    }
    PreparedBatch batch =
        h.prepareBatch(
            """
            INSERT INTO media_display (station_id, event_id, slide_id, shown_from, shown_until, seconds, shown_day)
            SELECT :station, :event, :slide, :from, :until, :seconds, :day
            WHERE EXISTS (SELECT 1 FROM media_slide WHERE id = :slide)
            ON CONFLICT (station_id, event_id) DO NOTHING
            """);
    for (Shown s : proofs) {
      batch
          .bind("station", s.stationId())
          .bind("event", s.eventId())
          .bind("slide", s.slideId())
          .bind("from", Sql.instant(s.from()))
          .bind("until", Sql.instant(s.until()))
          .bind("seconds", s.seconds())
          .bind("day", Sql.date(s.from().atZoneSameInstant(Sql.ZONE).toLocalDate()))
          .add();
    }
    batch.execute();
  }

  /**
   * The stations that sent a proof of display, per slide of {@code slideIds} (one query for a whole
   * list; a slide no station proved is absent).
   */
  public Map<String, Set<String>> provedAt(List<String> slideIds) {
    if (slideIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Set<String>> proved = new HashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    "SELECT DISTINCT slide_id, station_id FROM media_display WHERE slide_id IN (<ids>)")
                .bindList("ids", slideIds)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(
                    e ->
                        proved
                            .computeIfAbsent(e.getKey(), k -> new HashSet<>())
                            .add(e.getValue())));
    return proved;
  }

  /** Each station's proofs of the slide, added up, in station id order. */
  public List<SlideProof> proofs(String slideId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT d.station_id, s.name, COUNT(*), SUM(d.seconds), MIN(d.shown_from), MAX(d.shown_until)
                    FROM media_display d JOIN station s ON s.id = d.station_id
                    WHERE d.slide_id = :slide
                    GROUP BY d.station_id, s.name ORDER BY d.station_id
                    """)
                .bind("slide", slideId)
                .map(
                    (rs, ctx) ->
                        new SlideProof(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getInt(3),
                            rs.getLong(4),
                            Sql.instant(rs.getString(5)),
                            Sql.instant(rs.getString(6))))
                .list());
  }

  // ---- volume ----

  /** How loud the station plays a video, 0 to 100; 0 for a station that does not exist. */
  public int volume(String stationId) {
    return volumes(List.of(stationId)).getOrDefault(stationId, 0);
  }

  /**
   * How loud each of these stations plays a video (at most a few hundred: one bound list), by
   * station id; a station that does not exist is absent. One query for them all.
   */
  public Map<String, Integer> volumes(Collection<String> stationIds) {
    Map<String, Integer> volumes = new HashMap<>();
    if (stationIds.isEmpty()) {
      return volumes;
    }
    database.useHandle(
        h ->
            h.createQuery("SELECT id, media_volume FROM station WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(stationIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .forEach(e -> volumes.put(e.getKey(), e.getValue())));
    return volumes;
  }

  public void setVolume(Handle h, String stationId, int volume) {
    h.createUpdate("UPDATE station SET media_volume = :v WHERE id = :id")
        .bind("v", volume)
        .bind("id", stationId)
        .execute();
  }
}
