package liaison.hub.publish;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;

/** The published snapshot per station; a version is only ever replaced by a higher one. */
@Singleton
public class PublicationRepository {
  private final Database database;

  public PublicationRepository(Database database) {
    this.database = database;
  }

  public Optional<Publication> current(String stationId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM station_publication WHERE station_id = :id")
                .bind("id", stationId)
                .map(
                    (rs, ctx) ->
                        new Publication(
                            rs.getString("station_id"),
                            rs.getLong("version"),
                            rs.getString("content_hash"),
                            rs.getString("payload"),
                            Sql.instant(rs.getString("published_at"))))
                .findOne());
  }

  public List<Publication> all() {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM station_publication ORDER BY station_id")
                .map(
                    (rs, ctx) ->
                        new Publication(
                            rs.getString("station_id"),
                            rs.getLong("version"),
                            rs.getString("content_hash"),
                            rs.getString("payload"),
                            Sql.instant(rs.getString("published_at"))))
                .list());
  }

  /**
   * Records a new publication.
   *
   * @return false if a publication with this version or a higher one is already recorded
   */
  public boolean record(Publication p) {
    return database.withHandle(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO station_publication (station_id, version, content_hash, payload, published_at)
                        VALUES (:station, :version, :hash, :payload, :at)
                        ON CONFLICT (station_id) DO UPDATE SET
                          version = excluded.version, content_hash = excluded.content_hash,
                          payload = excluded.payload, published_at = excluded.published_at
                        WHERE station_publication.version < excluded.version
                        """)
                    .bind("station", p.stationId())
                    .bind("version", p.version())
                    .bind("hash", p.contentHash())
                    .bind("payload", p.payload())
                    .bind("at", Sql.instant(p.publishedAt()))
                    .execute())
        == 1;
  }

  /**
   * Which notices a published version carried: the other half of the notices' delivery receipts.
   */
  public void recordNotices(String stationId, long version, List<String> noticeIds) {
    database.useHandle(
        h -> {
          for (String notice : noticeIds) {
            h.createUpdate(
                    """
                    INSERT INTO publication_notice (station_id, version, notice_id) VALUES (:s, :v, :n)
                    ON CONFLICT DO NOTHING
                    """)
                .bind("s", stationId)
                .bind("v", version)
                .bind("n", notice)
                .execute();
          }
        });
  }
}
