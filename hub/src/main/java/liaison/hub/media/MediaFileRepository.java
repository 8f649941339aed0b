package liaison.hub.media;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.signage.protocol.MediaSlide.MediaFile;
import org.jdbi.v3.core.Handle;

/** The files the media library keeps ({@code media_file}, V29), by hash. */
@Singleton
public class MediaFileRepository {
  private final Database database;

  public MediaFileRepository(Database database) {
    this.database = database;
  }

  /** The file of that hash, if the library has it. */
  public Optional<MediaFile> find(String sha256) {
    return database.withHandle(h -> find(h, sha256));
  }

  public static Optional<MediaFile> find(Handle h, String sha256) {
    return h.createQuery(
            "SELECT sha256, size, content_type, width, height, duration_ms FROM media_file WHERE sha256 = :h")
        .bind("h", sha256)
        .map(
            (rs, ctx) ->
                new MediaFile(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getLong(6)))
        .findOne();
  }

  /**
   * Records a file (once: a file already recorded under its hash is left as it is, also when
   * another upload records it at the same moment).
   */
  public static void insert(Handle h, MediaFile file, OffsetDateTime at) {
    h.createUpdate(
            """
            INSERT INTO media_file (sha256, size, content_type, width, height, duration_ms, created_at)
            VALUES (:h, :s, :t, :w, :ht, :d, :at) ON CONFLICT (sha256) DO NOTHING
            """)
        .bind("h", file.sha256())
        .bind("s", file.size())
        .bind("t", file.contentType())
        .bind("w", file.width())
        .bind("ht", file.height())
        .bind("d", file.durationMillis())
        .bind("at", Sql.instant(at))
        .execute();
  }
}
