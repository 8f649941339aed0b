package liaison.hub.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liaison.hub.broker.MalformedSenders;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.ingest.StateIngest;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.station.StationPlace;
import liaison.signage.protocol.StationState;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How each station is doing, from its retained state (presence and heartbeat readings), what the
 * hub published to it, and today's events: online or not and since when, the content version it
 * shows against the one published, today's footfall and calls, and what needs someone's attention.
 */
@Singleton
public class FleetOverview {
  private static final Logger LOG = LoggerFactory.getLogger(FleetOverview.class);

  /** Offline this long: someone should look. */
  public static final Duration OFFLINE_ALERT = Duration.ofMinutes(10);

  /** A published version not on screen after this long: the station is stuck. */
  public static final Duration STALE_CONTENT = Duration.ofDays(1);

  /** Less free disk than this: the store and photos will soon have no room. */
  public static final long LOW_DISK_BYTES = 1L << 30;

  /**
   * A Last Will younger than this is not shown yet: a station that drops and reconnects at once has
   * its old session's will published just before its new ONLINE state, and must not flap.
   */
  public static final Duration GRACE = Duration.ofSeconds(15);

  /** No heartbeat for three beats: the station is gone even if its Last Will has not arrived. */
  public static final Duration SILENT = Duration.ofSeconds(90);

  private final StateIngest states;
  private final PublicationRepository publications;
  private final MalformedSenders malformed;
  private final Database database;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public FleetOverview(
      StateIngest states,
      PublicationRepository publications,
      MalformedSenders malformed,
      Database database,
      Clock clock) {
    this.states = states;
    this.publications = publications;
    this.malformed = malformed;
    this.database = database;
    this.clock = clock;
  }

  /** What needs attention at a station. */
  public enum Alert {
    OFFLINE_LONG,
    CONTENT_STALE,
    DISK_LOW,
    NEVER_SEEN,
    /**
     * It floods the hub with messages the hub refuses: disconnected, see {@link Row#malformed()}.
     */
    MALFORMED_DATA
  }

  public enum Status {
    ONLINE,
    OFFLINE,
    NEVER_SEEN
  }

  /**
   * One station's line.
   *
   * @param since when it went offline or came online (the state's time)
   * @param lastSeen when the hub last heard from it
   * @param lag published version minus the version on screen; 0 when up to date
   * @param malformed how many refused messages since when, while it floods the hub
   */
  public record Row(
      StationPlace place,
      Status status,
      @Nullable OffsetDateTime since,
      @Nullable OffsetDateTime lastSeen,
      @Nullable String appVersion,
      long published,
      long shown,
      long lag,
      StationState.@Nullable Screen screen,
      StationState.@Nullable Telemetry telemetry,
      int footfallToday,
      int callsToday,
      List<Alert> alerts,
      MalformedSenders.@Nullable Flag malformed) {}

  public List<Row> rows(List<StationPlace> places) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.atZoneSameInstant(Sql.ZONE).toLocalDate();
    String from = Sql.instant(today.atStartOfDay(Sql.ZONE).toOffsetDateTime());
    String until = Sql.instant(today.plusDays(1).atStartOfDay(Sql.ZONE).toOffsetDateTime());
    List<Row> rows = new ArrayList<>();
    for (StationPlace place : places) {
      String id = place.id();
      Optional<StateIngest.StoredState> stored = states.state(id);
      var publication = publications.current(id);
      long published = publication.map(p -> p.version()).orElse(0L);
      List<Alert> alerts = new ArrayList<>();
      MalformedSenders.Flag flag = malformed.flag(id).orElse(null);
      if (flag != null) {
        alerts.add(Alert.MALFORMED_DATA);
      }
      if (stored.isEmpty()) {
        alerts.add(Alert.NEVER_SEEN);
        rows.add(
            new Row(
                place,
                Status.NEVER_SEEN,
                null,
                null,
                null,
                published,
                0,
                published,
                null,
                null,
                footfall(id, from, until),
                calls(id, from, until),
                alerts,
                flag));
        continue;
      }
      StationState s = stored.get().state();
      OffsetDateTime lastSeen = stored.get().receivedAt();
      boolean silent = lastSeen.isBefore(now.minus(SILENT));
      boolean willJustIn =
          s.presence() == StationState.Presence.OFFLINE && !lastSeen.isBefore(now.minus(GRACE));
      Status status =
          (s.presence() == StationState.Presence.ONLINE && !silent) || willJustIn
              ? Status.ONLINE
              : Status.OFFLINE;
      // A will carries the time it was registered at connect: offline since it arrived.
      OffsetDateTime since = status == Status.ONLINE ? null : lastSeen;
      if (status == Status.OFFLINE && since.isBefore(now.minus(OFFLINE_ALERT))) {
        alerts.add(Alert.OFFLINE_LONG);
      }
      long lag = Math.max(0, published - s.contentVersion());
      if (lag > 0
          && publication
              .map(p -> p.publishedAt().isBefore(now.minus(STALE_CONTENT)))
              .orElse(false)) {
        alerts.add(Alert.CONTENT_STALE);
      }
      if (s.telemetry() != null && s.telemetry().diskFreeBytes() < LOW_DISK_BYTES) {
        alerts.add(Alert.DISK_LOW);
      }
      rows.add(
          new Row(
              place,
              status,
              since,
              lastSeen,
              s.appVersion(),
              published,
              s.contentVersion(),
              lag,
              s.screen(),
              s.telemetry(),
              footfall(id, from, until),
              calls(id, from, until),
              alerts,
              flag));
    }
    return rows;
  }

  private int calls(String stationId, String from, String until) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM station_event WHERE station_id = :s AND type = 'button.call'"
                        + " AND occurred_at >= :from AND occurred_at < :until")
                .bind("s", stationId)
                .bind("from", from)
                .bind("until", until)
                .mapTo(Integer.class)
                .one());
  }

  /** Visitors counted today: the hourly footfall events whose hour began today. */
  private int footfall(String stationId, String from, String until) {
    List<String> bodies =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT body FROM station_event WHERE station_id = :s AND type = 'footfall'"
                            + " AND occurred_at >= :from AND occurred_at < :until")
                    .bind("s", stationId)
                    .bind("from", from)
                    .bind("until", until)
                    .mapTo(String.class)
                    .list());
    int total = 0;
    for (String body : bodies) {
      try {
        JsonNode node = json.readTree(body);
        int count = node.path("count").asInt(-1);
        if (count >= 0 && count < 100_000) {
          total += count;
        } else {
          LOG.warn("station {}: a footfall event without a plausible count: {}", stationId, body);
        }
      } catch (Exception e) {
        LOG.warn("station {}: a footfall event that is not JSON: {}", stationId, e.getMessage());
      }
    }
    return total;
  }
}
