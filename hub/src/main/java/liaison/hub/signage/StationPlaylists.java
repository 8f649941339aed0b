package liaison.hub.signage;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import liaison.signage.protocol.Playlist;
import org.jspecify.annotations.Nullable;

/**
 * A station's signage playlist as staff set it: whoever may change the station (its managers, the
 * county's administrators) saves one or goes back to the defaults; everyone who may see the station
 * reads it. A draft is checked in full before anything is written ({@link PlaylistCheck}); the
 * change and its audit entry are one transaction; then the station gets a new snapshot carrying the
 * playlist (or none, so that it plays {@link Playlist#DEFAULT}).
 */
@Singleton
public class StationPlaylists {
  private final Database database;
  private final PlaylistRepository playlists;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final Clock clock;

  public StationPlaylists(
      Database database,
      PlaylistRepository playlists,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      Clock clock) {
    this.database = database;
    this.playlists = playlists;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /**
   * What a station's screen plays.
   *
   * @param custom false when no playlist is set and {@code playlist} is the defaults
   */
  public record Current(
      StationPlace place,
      Playlist playlist,
      boolean custom,
      @Nullable OffsetDateTime updatedAt,
      @Nullable String updatedBy) {}

  public Current get(Staff staff, String stationId) {
    return current(access.requireStationStaff(staff, stationId));
  }

  /**
   * Checks the draft and makes it the station's playlist.
   *
   * @throws liaison.hub.problem.ValidationProblem with every mistake; nothing saved
   */
  public Current save(Staff staff, String stationId, PlaylistDraft draft) {
    StationPlace place = access.requireEdit(staff, stationId);
    Playlist playlist = PlaylistCheck.playlist(draft);
    Optional<PlaylistRepository.Stored> before = playlists.find(stationId);
    database.useTransaction(
        h -> {
          playlists.save(h, stationId, playlist, staff.displayName(), OffsetDateTime.now(clock));
          audit.record(
              h,
              staff,
              "update",
              "playlist",
              stationId,
              before.map(b -> describe(b.playlist())).orElse(defaults())
                  + " → "
                  + describe(playlist));
        });
    stationsChanged.publishEvent(new StationsChanged(List.of(stationId)));
    return current(place);
  }

  /** The station goes back to the defaults; nothing happens when it plays them already. */
  public Current reset(Staff staff, String stationId) {
    StationPlace place = access.requireEdit(staff, stationId);
    Optional<PlaylistRepository.Stored> before = playlists.find(stationId);
    boolean removed =
        database.inTransaction(
            h -> {
              boolean had = playlists.delete(h, stationId);
              if (had) {
                audit.record(
                    h,
                    staff,
                    "reset",
                    "playlist",
                    stationId,
                    before.map(b -> describe(b.playlist())).orElse("?") + " → " + defaults());
              }
              return had;
            });
    if (removed) {
      stationsChanged.publishEvent(new StationsChanged(List.of(stationId)));
    }
    return current(place);
  }

  private Current current(StationPlace place) {
    return playlists
        .find(place.id())
        .map(s -> new Current(place, s.playlist(), true, s.updatedAt(), s.updatedBy()))
        .orElseGet(() -> new Current(place, Playlist.DEFAULT, false, null, null));
  }

  /** "默认 default": the audit log keeps both languages of this one. */
  private static String defaults() {
    return Text.of("audit.summary.default-playlist").both(" ");
  }

  /** "TODAY 20s, WEEK 15s; 07:30—09:00: WEEK 10s" for the audit log. */
  static String describe(Playlist p) {
    String main = entries(p.entries());
    if (p.dayparts().isEmpty()) {
      return main;
    }
    return main
        + "; "
        + p.dayparts().stream()
            .map(d -> d.from() + "—" + d.until() + ": " + entries(d.entries()))
            .collect(Collectors.joining("; "));
  }

  private static String entries(List<Playlist.Entry> entries) {
    return entries.stream()
        .map(e -> e.board() + " " + e.seconds() + "s")
        .collect(Collectors.joining(", "));
  }
}
