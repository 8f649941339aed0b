package liaison.hub.notice;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.db.Sql;
import liaison.signage.protocol.NoticePriority;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Notices and their targets. */
@Singleton
public class NoticeRepository {
  private final Jdbi jdbi;
  private final Clock clock;

  public NoticeRepository(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Notices aimed at the station and not yet expired at {@code at} (future ones included). */
  public List<Notice> forStation(String stationId, String townshipId, OffsetDateTime at) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT n.* FROM notice n
                    WHERE (n.valid_until IS NULL OR n.valid_until > :at)
                      AND (n.target = 'ALL'
                           OR (n.target = 'TOWNSHIP' AND n.township_id = :township)
                           OR (n.target = 'STATIONS' AND EXISTS (
                                 SELECT 1 FROM notice_station ns
                                 WHERE ns.notice_id = n.id AND ns.station_id = :station)))
                    ORDER BY n.valid_from DESC, n.id
                    """)
                .bind("at", Sql.instant(at))
                .bind("township", townshipId)
                .bind("station", stationId)
                .map(
                    (rs, ctx) ->
                        new Notice(
                            rs.getString("id"),
                            rs.getString("title"),
                            rs.getString("body"),
                            NoticePriority.valueOf(rs.getString("priority")),
                            Sql.instant(rs.getString("valid_from")),
                            Sql.instantOrNull(rs.getString("valid_until")),
                            Notice.Target.valueOf(rs.getString("target")),
                            rs.getString("township_id"),
                            List.of(),
                            rs.getString("author")))
                .list());
  }

  public void insert(Handle h, Notice n) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(
            """
            INSERT INTO notice (id, title, body, priority, valid_from, valid_until, target, township_id,
                                author, created_at, updated_at)
            VALUES (:id, :title, :body, :priority, :from, :until, :target, :township, :author, :now, :now)
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
        .bind("now", now)
        .execute();
    for (String stationId : n.stationIds()) {
      h.createUpdate("INSERT INTO notice_station (notice_id, station_id) VALUES (:notice, :station)")
          .bind("notice", n.id())
          .bind("station", stationId)
          .execute();
    }
  }
}
