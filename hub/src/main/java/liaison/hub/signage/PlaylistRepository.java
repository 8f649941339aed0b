package liaison.hub.signage;

import jakarta.inject.Singleton;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.Playlist.Daypart;
import liaison.signage.protocol.Playlist.Entry;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The playlists set per station (V10): a header row, the dayparts, the entries in order. */
@Singleton
public class PlaylistRepository {
  private static final Logger LOG = LoggerFactory.getLogger(PlaylistRepository.class);

  /** Daypart number of the main entries, which play outside every daypart. */
  private static final int MAIN = 0;

  private final Database database;

  public PlaylistRepository(Database database) {
    this.database = database;
  }

  /** A station's playlist and who set it when. */
  public record Stored(Playlist playlist, OffsetDateTime updatedAt, String updatedBy) {}

  /**
   * The station's playlist, or empty when none is set (the station plays the defaults). Rows that
   * do not make a playlist any more (changed by hand in the database) are logged and read as none,
   * so the station still gets its snapshot.
   */
  public Optional<Stored> find(String stationId) {
    return Optional.ofNullable(find(List.of(stationId)).get(stationId));
  }

  /**
   * {@link #find(String)} for many stations, by station id (absent when a station has none): one
   * query for the headers, and for the stations that have one, one each for entries and dayparts.
   */
  public Map<String, Stored> find(Collection<String> stationIds) {
    if (stationIds.isEmpty()) {
      return Map.of();
    }
    return database.withHandle(
        h -> {
          Map<String, Map.Entry<String, String>> headers = new HashMap<>();
          h.createQuery(
                  "SELECT station_id, updated_at, updated_by FROM station_playlist"
                      + " WHERE station_id IN (<stations>)")
              .bindList("stations", List.copyOf(stationIds))
              .map(
                  (rs, ctx) ->
                      Map.entry(rs.getString(1), Map.entry(rs.getString(2), rs.getString(3))))
              .forEach(e -> headers.put(e.getKey(), e.getValue()));
          if (headers.isEmpty()) {
            return Map.of();
          }
          List<String> withPlaylist = List.copyOf(headers.keySet());
          Map<String, List<EntryRow>> entries = new HashMap<>();
          h.createQuery(
                  "SELECT station_id, daypart, board, seconds FROM station_playlist_entry"
                      + " WHERE station_id IN (<stations>) ORDER BY station_id, daypart, position")
              .bindList("stations", withPlaylist)
              .map(
                  (rs, ctx) ->
                      new EntryRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4)))
              .forEach(e -> entries.computeIfAbsent(e.station(), k -> new ArrayList<>()).add(e));
          Map<String, List<DaypartRow>> dayparts = new HashMap<>();
          h.createQuery(
                  "SELECT station_id, daypart, from_time, until_time FROM station_playlist_daypart"
                      + " WHERE station_id IN (<stations>) ORDER BY station_id, daypart")
              .bindList("stations", withPlaylist)
              .map(
                  (rs, ctx) ->
                      new DaypartRow(
                          rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
              .forEach(d -> dayparts.computeIfAbsent(d.station(), k -> new ArrayList<>()).add(d));
          Map<String, Stored> found = new HashMap<>();
          headers.forEach(
              (station, header) ->
                  stored(
                          station,
                          header,
                          entries.getOrDefault(station, List.of()),
                          dayparts.getOrDefault(station, List.of()))
                      .ifPresent(stored -> found.put(station, stored)));
          return found;
        });
  }

  private record EntryRow(String station, int daypart, String board, int seconds) {}

  private record DaypartRow(String station, int daypart, String from, String until) {}

  private static Optional<Stored> stored(
      String stationId,
      Map.Entry<String, String> header,
      List<EntryRow> entryRows,
      List<DaypartRow> daypartRows) {
    Map<Integer, List<Entry>> entries = new TreeMap<>();
    Map<Integer, LocalTime[]> windows = new TreeMap<>();
    try {
      for (EntryRow e : entryRows) {
        entries
            .computeIfAbsent(e.daypart(), k -> new ArrayList<>())
            .add(Entry.of(e.board(), e.seconds()));
      }
      for (DaypartRow d : daypartRows) {
        windows.put(
            d.daypart(), new LocalTime[] {LocalTime.parse(d.from()), LocalTime.parse(d.until())});
      }
      List<Daypart> dayparts = new ArrayList<>();
      windows.forEach(
          (n, w) -> dayparts.add(new Daypart(w[0], w[1], entries.getOrDefault(n, List.of()))));
      Playlist playlist = new Playlist(entries.getOrDefault(MAIN, List.of()), dayparts);
      return Optional.of(new Stored(playlist, Sql.instant(header.getKey()), header.getValue()));
    } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
      LOG.warn(
          "station {}: the stored playlist is not a playlist ({}); the station gets none and plays the defaults",
          stationId,
          e.getMessage());
      return Optional.empty();
    }
  }

  /** Replaces the station's playlist. */
  public void save(Handle h, String stationId, Playlist playlist, String by, OffsetDateTime at) {
    delete(h, stationId);
    h.createUpdate(
            "INSERT INTO station_playlist (station_id, updated_at, updated_by) VALUES (:s, :at, :by)")
        .bind("s", stationId)
        .bind("at", Sql.instant(at))
        .bind("by", by)
        .execute();
    insertEntries(h, stationId, MAIN, playlist.entries());
    int n = 0;
    for (Daypart d : playlist.dayparts()) {
      n++;
      h.createUpdate(
              "INSERT INTO station_playlist_daypart (station_id, daypart, from_time, until_time) VALUES (:s, :n, :from, :until)")
          .bind("s", stationId)
          .bind("n", n)
          .bind("from", Sql.time(d.from()))
          .bind("until", Sql.time(d.until()))
          .execute();
      insertEntries(h, stationId, n, d.entries());
    }
  }

  /** Removes the station's playlist; returns whether there was one. */
  public boolean delete(Handle h, String stationId) {
    // Children first: a database without cascading deletes must not be left with orphans.
    h.createUpdate("DELETE FROM station_playlist_entry WHERE station_id = :s")
        .bind("s", stationId)
        .execute();
    h.createUpdate("DELETE FROM station_playlist_daypart WHERE station_id = :s")
        .bind("s", stationId)
        .execute();
    return h.createUpdate("DELETE FROM station_playlist WHERE station_id = :s")
            .bind("s", stationId)
            .execute()
        > 0;
  }

  private static void insertEntries(Handle h, String stationId, int daypart, List<Entry> entries) {
    int position = 0;
    for (Entry e : entries) {
      h.createUpdate(
              """
              INSERT INTO station_playlist_entry (station_id, daypart, position, board, seconds)
              VALUES (:s, :daypart, :position, :board, :seconds)
              """)
          .bind("s", stationId)
          .bind("daypart", daypart)
          .bind("position", position++)
          .bind("board", e.board())
          .bind("seconds", e.seconds())
          .execute();
    }
  }
}
