package liaison.hub.publish;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The published snapshot per station; a version is only ever replaced by a higher one. Versions are
 * given out by the database ({@link #nextVersion}), and stations changed on a hub that does not
 * publish wait here for the one that does ({@link #request}, {@link #takeRequests}).
 */
@Singleton
public class PublicationRepository {
  private final Database database;

  public PublicationRepository(Database database) {
    this.database = database;
  }

  public Optional<Publication> current(String stationId) {
    return Optional.ofNullable(current(List.of(stationId)).get(stationId));
  }

  /** The publications of those of these stations that have one, by station id: one query. */
  public Map<String, Publication> current(Collection<String> stationIds) {
    if (stationIds.isEmpty()) {
      return Map.of();
    }
    Map<String, Publication> found = new HashMap<>();
    database.useHandle(
        h ->
            h.createQuery("SELECT * FROM station_publication WHERE station_id IN (<ids>)")
                .bindList("ids", List.copyOf(stationIds))
                .map(PublicationRepository::row)
                .forEach(p -> found.put(p.stationId(), p)));
    return found;
  }

  public List<Publication> all() {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM station_publication ORDER BY station_id")
                .map(PublicationRepository::row)
                .list());
  }

  private static Publication row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Publication(
        rs.getString("station_id"),
        rs.getLong("version"),
        rs.getString("content_hash"),
        rs.getString("payload"),
        Sql.instant(rs.getString("published_at")));
  }

  /** A snapshot encoded with its version, and the notices it carries. */
  public record Encoded(Publication publication, List<String> noticeIds) {}

  /**
   * Takes the station's next version ({@link #nextVersion}), has {@code encode} make the snapshot
   * with it, and records that publication and its notices, all in one transaction: one commit (one
   * full sync on SQLite) per station instead of one per step. The version stays the database's: no
   * other hub can take it, and when recording fails it is not given out at all.
   *
   * @throws IllegalStateException if a publication with this version or a higher one is recorded
   */
  public Encoded recordNext(String stationId, LongFunction<Encoded> encode) {
    return recordNext(List.of(stationId), (station, version) -> encode.apply(version)).getFirst();
  }

  /** Makes one station's snapshot with the version the database gave it. */
  @FunctionalInterface
  public interface Encoder {
    Encoded encode(String stationId, long version);
  }

  /**
   * {@link #recordNext(String, LongFunction)} for many stations in one transaction: a publishing
   * round commits (and syncs) once per chunk of stations, not once per station. All or none: when
   * one station's version was recorded meanwhile (another hub published), nothing is recorded and
   * no version is given out.
   *
   * @return what {@code encode} made, in the order of {@code stationIds}
   * @throws IllegalStateException if a publication with one of the versions or a higher one is
   *     recorded
   */
  public List<Encoded> recordNext(List<String> stationIds, Encoder encode) {
    if (stationIds.isEmpty()) {
      return List.of();
    }
    return database.inTransaction(
        h -> {
          Map<String, Long> versions = nextVersions(h, stationIds);
          List<Encoded> recorded = new ArrayList<>(stationIds.size());
          for (String stationId : stationIds) {
            recorded.add(encode.encode(stationId, versions.get(stationId)));
          }
          int[] counts = record(h, recorded.stream().map(Encoded::publication).toList());
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 1) {
              Publication p = recorded.get(i).publication();
              throw new IllegalStateException(
                  "station "
                      + p.stationId()
                      + ": version "
                      + p.version()
                      + " was recorded meanwhile");
            }
          }
          recordNotices(h, recorded);
          forgetUnshown(h, stationIds);
          return recorded;
        });
  }

  /**
   * What the stations' versions before their last three carried, never reported on screen (a
   * station that shows a version reports it within seconds; the first report prunes the rows before
   * it, see {@code StateIngest}): a station that stays away keeps three versions' rows, not one for
   * every version published meanwhile. One statement for a chunk.
   */
  private static void forgetUnshown(Handle h, List<String> stationIds) {
    h.createUpdate(
            """
            DELETE FROM publication_notice
             WHERE station_id IN (<stations>)
               AND version <= (SELECT v.last_version - 3 FROM station_version v
                                WHERE v.station_id = publication_notice.station_id)
            """)
        .bindList("stations", stationIds)
        .execute();
  }

  /**
   * Records new publications in one batch; each count is 0 where one with this version or a higher
   * one is recorded.
   */
  private static int[] record(Handle h, List<Publication> publications) {
    PreparedBatch batch =
        h.prepareBatch(
            """
            INSERT INTO station_publication (station_id, version, content_hash, payload, published_at)
            VALUES (:station, :version, :hash, :payload, :at)
            ON CONFLICT (station_id) DO UPDATE SET
              version = excluded.version, content_hash = excluded.content_hash,
              payload = excluded.payload, published_at = excluded.published_at
            WHERE station_publication.version < excluded.version
            """);
    for (Publication p : publications) {
      batch
          .bind("station", p.stationId())
          .bind("version", p.version())
          .bind("hash", p.contentHash())
          .bind("payload", p.payload())
          .bind("at", Sql.instant(p.publishedAt()))
          .add();
    }
    return batch.execute();
  }

  /**
   * Which notices each published version carried: the other half of the notices' delivery receipts.
   * One batch for a chunk.
   */
  private static void recordNotices(Handle h, List<Encoded> recorded) {
    PreparedBatch batch =
        h.prepareBatch(
            """
            INSERT INTO publication_notice (station_id, version, notice_id) VALUES (:s, :v, :n)
            ON CONFLICT DO NOTHING
            """);
    for (Encoded e : recorded) {
      for (String notice : e.noticeIds()) {
        batch
            .bind("s", e.publication().stationId())
            .bind("v", e.publication().version())
            .bind("n", notice)
            .add();
      }
    }
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  /**
   * A new version for the station's next snapshot, one above every version given out before for it
   * by any hub (and above the one recorded, should the two disagree after a restore): one
   * conditional upsert, so two hubs asking at once get two different versions.
   */
  public long nextVersion(String stationId) {
    return database.inTransaction(h -> nextVersion(h, stationId));
  }

  private static long nextVersion(Handle h, String stationId) {
    return nextVersions(h, List.of(stationId)).get(stationId);
  }

  /**
   * {@link #nextVersion(String)} for many stations in the caller's transaction: the upserts in one
   * batch, then the versions they took in one query. The transaction holds the rows it upserted
   * until it ends (PostgreSQL's row locks, SQLite's one writer), so what it reads back is its own.
   */
  private static Map<String, Long> nextVersions(Handle h, List<String> stationIds) {
    PreparedBatch batch =
        h.prepareBatch(
            """
            INSERT INTO station_version (station_id, last_version)
            VALUES (:station,
                    COALESCE((SELECT version FROM station_publication
                              WHERE station_id = :station), 0) + 1)
            ON CONFLICT (station_id) DO UPDATE SET last_version =
              CASE WHEN station_version.last_version >= excluded.last_version
                   THEN station_version.last_version + 1
                   ELSE excluded.last_version END
            """);
    for (String stationId : stationIds) {
      batch.bind("station", stationId).add();
    }
    batch.execute();
    Map<String, Long> versions = new HashMap<>();
    h.createQuery(
            "SELECT station_id, last_version FROM station_version WHERE station_id IN (<ids>)")
        .bindList("ids", stationIds)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> versions.put(e.getKey(), e.getValue()));
    return versions;
  }

  /** Asks the publishing hub, whichever it is, to rebuild these stations. */
  public void request(Collection<String> stationIds, OffsetDateTime at) {
    if (stationIds.isEmpty()) {
      return;
    }
    database.useTransaction(
        h -> {
          for (String station : stationIds) {
            h.createUpdate(
                    """
                    INSERT INTO publish_request (station_id, requested_at) VALUES (:s, :at)
                    ON CONFLICT (station_id) DO NOTHING
                    """)
                .bind("s", station)
                .bind("at", Sql.instant(at))
                .execute();
          }
        });
  }

  /** The stations other hubs asked for, taken (deleted) at once; empty, cheaply, when none. */
  public List<String> takeRequests() {
    boolean any =
        database.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM publish_request").mapTo(Integer.class).one()
                    > 0);
    if (!any) {
      return List.of();
    }
    return database.inTransaction(
        h ->
            h.createQuery("DELETE FROM publish_request RETURNING station_id")
                .mapTo(String.class)
                .list());
  }
}
