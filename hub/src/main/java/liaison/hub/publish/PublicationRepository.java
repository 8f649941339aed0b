package liaison.hub.publish;

import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import liaison.hub.db.BoundLists;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

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
    return published(stationIds, "*", PublicationRepository::row);
  }

  /**
   * The version of each of these stations' publication, those that have one: one query, without the
   * payloads (a round's snapshots are compared with the ones the publisher holds, and only a
   * station the broker lacks needs its stored bytes).
   */
  public Map<String, Long> versions(Collection<String> stationIds) {
    return published(stationIds, "station_id, version", (rs, ctx) -> rs.getLong("version"));
  }

  /** What {@code map} makes of the publication row of each of these stations that has one. */
  private <T> Map<String, T> published(
      Collection<String> stationIds, String columns, RowMapper<T> map) {
    if (stationIds.isEmpty()) {
      return Map.of();
    }
    Map<String, T> found = new HashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    "SELECT " + columns + " FROM station_publication WHERE station_id IN (<ids>)")
                .bindList("ids", List.copyOf(stationIds))
                .map((rs, ctx) -> Map.entry(rs.getString("station_id"), map.map(rs, ctx)))
                .forEach(e -> found.put(e.getKey(), e.getValue())));
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
          List<Encoded> recorded = versionsAndNotices(h, stationIds, encode);
          Set<String> written = record(h, recorded.stream().map(Encoded::publication).toList());
          for (Encoded e : recorded) {
            Publication p = e.publication();
            if (!written.contains(p.stationId())) {
              throw new IllegalStateException(
                  "station "
                      + p.stationId()
                      + ": version "
                      + p.version()
                      + " was recorded meanwhile");
            }
          }
          return recorded;
        });
  }

  /**
   * What a publishing round must have committed before it sends a chunk, in one transaction: the
   * stations' next versions (the database's, so no other hub can give them out) and the notices
   * each carries (so that a station's first report of a version turns them into receipts); the
   * publications themselves are stored afterwards ({@link #store}), once the round's snapshots are
   * on their way. Writing each station's whole snapshot was about half of a round's recording
   * (issue 22); what it is for (sending it again after a restart, to a broker that lost it, or by
   * the next publishing hub) can wait until the round ends. Should the hub stop before that, the
   * stored publication is the one before: the next hub or start builds the station, finds it
   * differs from that one and publishes it with a newer version still.
   *
   * @return what {@code encode} made, in the order of {@code stationIds}
   */
  public List<Encoded> recordVersions(List<String> stationIds, Encoder encode) {
    if (stationIds.isEmpty()) {
      return List.of();
    }
    return database.inTransaction(h -> versionsAndNotices(h, stationIds, encode));
  }

  /**
   * Stores published snapshots recorded by {@link #recordVersions}, in one transaction; a station
   * whose stored publication already has this version or a higher one (another hub published
   * meanwhile) keeps it.
   *
   * @return the stations whose publication was stored
   */
  public Set<String> store(List<Publication> published) {
    if (published.isEmpty()) {
      return Set.of();
    }
    return database.inTransaction(h -> record(h, published));
  }

  private static List<Encoded> versionsAndNotices(
      Handle h, List<String> stationIds, Encoder encode) {
    Map<String, Long> versions = nextVersions(h, stationIds);
    List<Encoded> recorded = new ArrayList<>(stationIds.size());
    for (String stationId : stationIds) {
      recorded.add(encode.encode(stationId, versions.get(stationId)));
    }
    recordNotices(h, recorded);
    forgetUnshown(h, stationIds);
    return recorded;
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
   * Records new publications, a statement for up to {@link #ROWS_PER_STATEMENT} of them (one round
   * trip, one execution, instead of one of each per station); returns the stations recorded, which
   * leaves out those that have a publication with this version or a higher one.
   */
  private static Set<String> record(Handle h, List<Publication> publications) {
    Set<String> recorded = new HashSet<>();
    inRows(
        publications,
        slice ->
            rows(
                h,
                """
                INSERT INTO station_publication (station_id, version, content_hash, payload, published_at)
                VALUES <rows>
                ON CONFLICT (station_id) DO UPDATE SET
                  version = excluded.version, content_hash = excluded.content_hash,
                  payload = excluded.payload, published_at = excluded.published_at
                WHERE station_publication.version < excluded.version
                RETURNING station_id
                """,
                slice,
                (p, row) ->
                    row.add(p.stationId())
                        .add(p.version())
                        .add(p.contentHash())
                        .add(p.payload())
                        .add(Sql.instant(p.publishedAt())),
                rs -> recorded.add(rs.getString(1))));
    return recorded;
  }

  /**
   * Which notices each published version carried: the other half of the notices' delivery receipts.
   * A statement for up to {@link #ROWS_PER_STATEMENT} rows.
   *
   * <p>Only the notices the station has no receipt for yet: a receipt, once written, stands (the
   * first report of a version carrying the notice; nothing deletes or resets it, not an edit of the
   * notice nor its withdrawal and republication, and {@code StateIngest} never overwrites it), so a
   * row for a receipted notice would be turned into nothing. Without this a round wrote a row for
   * every notice in force at every station, a cost that grew with the notices on the screens rather
   * than with the one a round adds (issue 22).
   *
   * <p>The receipts are read first and the rows left out here, rather than by a {@code NOT EXISTS}
   * in the insert: on PostgreSQL that anti-join, planned while {@code notice_receipt} had no
   * statistics yet, probed it by scanning it for every row (480–550 ms a statement instead of 7, a
   * 9.6 s record step in one benchmark round); a read of the chunk's stations and notices by the
   * table's key has no such plan to fall into.
   */
  private static void recordNotices(Handle h, List<Encoded> recorded) {
    List<NoticeRow> carried = new ArrayList<>();
    Set<String> stations = new HashSet<>();
    Set<String> notices = new HashSet<>();
    for (Encoded e : recorded) {
      for (String notice : e.noticeIds()) {
        carried.add(new NoticeRow(e.publication().stationId(), e.publication().version(), notice));
        stations.add(e.publication().stationId());
        notices.add(notice);
      }
    }
    if (carried.isEmpty()) {
      return;
    }
    Set<List<String>> receipted = receipts(h, List.copyOf(stations), List.copyOf(notices));
    List<NoticeRow> rows =
        carried.stream()
            .filter(r -> !receipted.contains(List.of(r.stationId(), r.noticeId())))
            .toList();
    inRows(
        rows,
        slice ->
            rows(
                h,
                """
                INSERT INTO publication_notice (station_id, version, notice_id) VALUES <rows>
                ON CONFLICT DO NOTHING
                """,
                slice,
                (r, row) -> row.add(r.stationId()).add(r.version()).add(r.noticeId()),
                null));
  }

  /** Which of these stations have a receipt for which of these notices, as (station, notice). */
  private static Set<List<String>> receipts(Handle h, List<String> stations, List<String> notices) {
    Set<List<String>> found = new HashSet<>();
    BoundLists.inSlices(
        stations,
        someStations ->
            BoundLists.inSlices(
                notices,
                someNotices ->
                    h.createQuery(
                            """
                            SELECT station_id, notice_id FROM notice_receipt
                             WHERE station_id IN (<stations>) AND notice_id IN (<notices>)
                            """)
                        .bindList("stations", someStations)
                        .bindList("notices", someNotices)
                        .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2)))
                        .forEach(found::add)));
    return found;
  }

  private record NoticeRow(String stationId, long version, String noticeId) {}

  /**
   * Rows of values in one statement: at most this many, so that a chunk's five values a row stay
   * well under what a statement may bind (32,766 on SQLite, 65,535 on PostgreSQL).
   */
  static final int ROWS_PER_STATEMENT = BoundLists.SLICE / 5;

  private static <T> void inRows(List<T> values, Consumer<List<T>> write) {
    for (int from = 0; from < values.size(); from += ROWS_PER_STATEMENT) {
      write.accept(values.subList(from, Math.min(values.size(), from + ROWS_PER_STATEMENT)));
    }
  }

  /** The values of one row, bound in order. */
  private interface Row {
    Row add(Object value);
  }

  /** What is done with each row a statement returns. */
  @FunctionalInterface
  private interface EachRow {
    void accept(ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code sql} with {@code <rows>} replaced by {@code (?, ?), (?, ?), …}, one parenthesised
   * row per value, each row's values bound in order as {@code bind} adds them, on the handle's
   * connection (in its transaction); {@code each} takes every row it returns, if it returns any.
   *
   * <p>Plain JDBC rather than JDBI's named arguments: a county's round binds some 60,000 values
   * here, and JDBI's lookup of a name and an argument factory for each was a tenth of the
   * publisher's time (issue 22). The values are strings and numbers only.
   */
  private static <T> void rows(
      Handle h, String sql, List<T> values, BiConsumer<T, Row> bind, @Nullable EachRow each) {
    List<Object> bound = new ArrayList<>();
    StringBuilder tuples = new StringBuilder();
    for (int r = 0; r < values.size(); r++) {
      tuples.append(r == 0 ? "(" : ", (");
      int first = bound.size();
      bind.accept(
          values.get(r),
          new Row() {
            @Override
            public Row add(Object value) {
              bound.add(value);
              return this;
            }
          });
      for (int c = first; c < bound.size(); c++) {
        tuples.append(c == first ? "?" : ", ?");
      }
      tuples.append(')');
    }
    try (PreparedStatement statement =
        h.getConnection().prepareStatement(sql.replace("<rows>", tuples))) {
      for (int i = 0; i < bound.size(); i++) {
        switch (bound.get(i)) {
          case String text -> statement.setString(i + 1, text);
          case Long number -> statement.setLong(i + 1, number);
          case Integer number -> statement.setInt(i + 1, number);
          default ->
              throw new IllegalArgumentException(
                  "a row value of " + bound.get(i).getClass() + " is not bound here");
        }
      }
      if (statement.execute() && each != null) {
        try (ResultSet rs = statement.getResultSet()) {
          while (rs.next()) {
            each.accept(rs);
          }
        }
      }
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
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
   * {@link #nextVersion(String)} for many stations in the caller's transaction: one statement (a
   * statement for up to {@link #ROWS_PER_STATEMENT} stations) that upserts their versions and
   * returns them. The transaction holds the rows it upserted until it ends (PostgreSQL's row locks,
   * SQLite's one writer), so no other hub can take these versions. The stations in the order given,
   * so that two hubs asking for the same chunk lock its rows in the same order.
   */
  static Map<String, Long> nextVersions(Handle h, List<String> stationIds) {
    Map<String, Long> versions = new HashMap<>();
    inRows(
        stationIds,
        slice ->
            rows(
                h,
                // WHERE true: without it SQLite reads ON CONFLICT as the join's ON.
                """
                INSERT INTO station_version (station_id, last_version)
                SELECT v.column1,
                       COALESCE((SELECT p.version FROM station_publication p
                                 WHERE p.station_id = v.column1), 0) + 1
                  FROM (VALUES <rows>) AS v
                 WHERE true
                ON CONFLICT (station_id) DO UPDATE SET last_version =
                  CASE WHEN station_version.last_version >= excluded.last_version
                       THEN station_version.last_version + 1
                       ELSE excluded.last_version END
                RETURNING station_id, last_version
                """,
                slice,
                (stationId, row) -> row.add(stationId),
                rs -> versions.put(rs.getString(1), rs.getLong(2))));
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
