package liaison.hub.media;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The media libraries' entries ({@code media_item}, {@code media_item_file}, V29). An entry of the
 * county's library has no station; its county is its uploader's (an account belongs to one county
 * for good, and is disabled, never deleted).
 */
@Singleton
public class MediaItemRepository {
  /**
   * The county whose library holds item {@code i}: its station's, or for the county's library its
   * uploader's (an account belongs to one county for good); empty when neither is known.
   */
  static final String ITEM_COUNTY =
      """
      COALESCE((SELECT tw.county_id FROM station s JOIN township tw ON tw.id = s.township_id
                WHERE s.id = i.station_id),
               (SELECT ua.county_id FROM staff_account ua WHERE ua.id = i.uploaded_by), '')""";

  private static final String SELECT =
      """
      SELECT i.id, i.station_id, i.kind, i.title, i.file_name, i.upload_sha256, i.upload_size,
             i.uploaded_by, COALESCE(a.display_name, '') AS uploader, i.uploaded_at, i.retired_at,
             t.sha256, t.size, t.content_type, t.width, t.height, t.duration_ms,
             (SELECT COUNT(*) FROM media_slide sl WHERE sl.item_id = i.id) AS slides,
      """
          + ITEM_COUNTY
          + """
       AS county_id
      FROM media_item i
      JOIN media_file t ON t.sha256 = i.thumbnail
      LEFT JOIN staff_account a ON a.id = i.uploaded_by
      """;

  /** The county's library and the libraries of its stations. */
  private static final String OF_COUNTY =
      """
      ((i.station_id IS NULL AND a.county_id = :county)
       OR i.station_id IN (SELECT s.id FROM station s JOIN township tw ON tw.id = s.township_id
                           WHERE tw.county_id = :county))
      """;

  private final Database database;

  public MediaItemRepository(Database database) {
    this.database = database;
  }

  /** Every entry of the county's libraries, newest first. */
  public List<MediaItem> ofCounty(String countyId) {
    return database.withHandle(
        h ->
            withFiles(
                h,
                h.createQuery(SELECT + " WHERE " + OF_COUNTY + " ORDER BY i.uploaded_at DESC, i.id")
                    .bind("county", countyId)
                    .map((rs, ctx) -> row(rs))
                    .list()));
  }

  public Optional<MediaItem> find(String id) {
    return database.withHandle(h -> find(h, id));
  }

  static Optional<MediaItem> find(Handle h, String id) {
    return h.createQuery(SELECT + " WHERE i.id = :id")
        .bind("id", id)
        .map((rs, ctx) -> row(rs))
        .findOne()
        .map(item -> withFiles(h, List.of(item)).getFirst());
  }

  /** The library's entry (not retired) uploaded from exactly these bytes, if there is one. */
  static Optional<String> findUpload(
      Handle h, @Nullable String stationId, String countyId, String uploadSha256) {
    return h.createQuery(
            "SELECT i.id FROM media_item i LEFT JOIN staff_account a ON a.id = i.uploaded_by"
                + " WHERE i.upload_sha256 = :hash AND i.retired_at IS NULL AND "
                + (stationId == null
                    ? "i.station_id IS NULL AND a.county_id = :county"
                    : "i.station_id = :station")
                + " ORDER BY i.uploaded_at LIMIT 1")
        .bind("hash", uploadSha256)
        .bind("county", countyId)
        .bind("station", stationId)
        .mapTo(String.class)
        .findOne();
  }

  /**
   * Makes the other uploads to the library wait until this transaction ends: a write to its row
   * (the station's, or the county's for the county's library) that changes nothing. PostgreSQL
   * holds the row's lock to the commit, on every hub; SQLite's writers take turns anyway. So "is
   * this upload there already?" and the entry's insert are one step for each library.
   */
  static void lockLibrary(Handle h, @Nullable String stationId, String countyId) {
    h.createUpdate(
            stationId == null
                ? "UPDATE county SET name = name WHERE id = :id"
                : "UPDATE station SET name = name WHERE id = :id")
        .bind("id", stationId == null ? countyId : stationId)
        .execute();
  }

  /** Records an entry and its files (their {@code media_file} rows written before). */
  static void insert(Handle h, MediaItem item) {
    h.createUpdate(
            """
            INSERT INTO media_item (id, station_id, kind, title, file_name, upload_sha256,
              upload_size, thumbnail, uploaded_by, uploaded_at)
            VALUES (:id, :station, :kind, :title, :name, :hash, :size, :thumb, :by, :at)
            """)
        .bind("id", item.id())
        .bind("station", item.stationId())
        .bind("kind", item.kind().name())
        .bind("title", item.title())
        .bind("name", item.fileName())
        .bind("hash", item.uploadSha256())
        .bind("size", item.uploadSize())
        .bind("thumb", item.thumbnail().sha256())
        .bind("by", item.uploadedBy())
        .bind("at", Sql.instant(item.uploadedAt()))
        .execute();
    int position = 0;
    for (MediaFile file : item.files()) {
      h.createUpdate(
              "INSERT INTO media_item_file (item_id, position, sha256) VALUES (:item, :p, :hash)")
          .bind("item", item.id())
          .bind("p", position++)
          .bind("hash", file.sha256())
          .execute();
    }
  }

  static void retire(Handle h, String id, OffsetDateTime at) {
    h.createUpdate("UPDATE media_item SET retired_at = :at WHERE id = :id AND retired_at IS NULL")
        .bind("at", Sql.instant(at))
        .bind("id", id)
        .execute();
  }

  /**
   * Deletes an entry (its files' list goes with it) and the {@code media_file} rows no entry uses
   * any more; answers their hashes, for the caller to remove from disk once committed.
   */
  static Set<String> delete(Handle h, MediaItem item) {
    h.createUpdate("DELETE FROM media_item WHERE id = :id").bind("id", item.id()).execute();
    Set<String> gone = new TreeSet<>();
    Set<String> candidates = new TreeSet<>();
    item.files().forEach(f -> candidates.add(f.sha256()));
    candidates.add(item.thumbnail().sha256());
    for (String hash : candidates) {
      boolean used =
          h.createQuery("SELECT COUNT(*) FROM media_item_file WHERE sha256 = :h")
                      .bind("h", hash)
                      .mapTo(Integer.class)
                      .one()
                  > 0
              || h.createQuery("SELECT COUNT(*) FROM media_item WHERE thumbnail = :h")
                      .bind("h", hash)
                      .mapTo(Integer.class)
                      .one()
                  > 0;
      if (!used) {
        h.createUpdate("DELETE FROM media_file WHERE sha256 = :h").bind("h", hash).execute();
        gone.add(hash);
      }
    }
    return gone;
  }

  /** Whether some entry or thumbnail still uses a file (a file on disk nobody uses can go). */
  static boolean isUsed(Handle h, String sha256) {
    return h.createQuery("SELECT COUNT(*) FROM media_file WHERE sha256 = :h")
            .bind("h", sha256)
            .mapTo(Integer.class)
            .one()
        > 0;
  }

  /**
   * The stations whose screens may show a slide of this entry: those its slides aim at (every
   * station of the county for a county-wide slide, a township's, or the ones listed).
   */
  static Set<String> stationsShowing(Handle h, String itemId, String countyId) {
    return new TreeSet<>(
        h.createQuery(
                """
                SELECT s.id FROM station s JOIN township tw ON tw.id = s.township_id
                WHERE EXISTS (SELECT 1 FROM media_slide sl WHERE sl.item_id = :item AND (
                  (sl.target = 'ALL' AND tw.county_id = :county)
                  OR (sl.target = 'TOWNSHIP' AND sl.township_id = tw.id)
                  OR (sl.target = 'STATIONS' AND EXISTS (
                        SELECT 1 FROM media_slide_station ss
                        WHERE ss.slide_id = sl.id AND ss.station_id = s.id))))
                """)
            .bind("item", itemId)
            .bind("county", countyId)
            .mapTo(String.class)
            .list());
  }

  private static List<MediaItem> withFiles(Handle h, List<MediaItem> items) {
    List<MediaItem> out = new ArrayList<>(items.size());
    for (MediaItem item : items) {
      List<MediaFile> files =
          h.createQuery(
                  """
                  SELECT m.sha256, m.size, m.content_type, m.width, m.height, m.duration_ms
                  FROM media_item_file f JOIN media_file m ON m.sha256 = f.sha256
                  WHERE f.item_id = :item ORDER BY f.position
                  """)
              .bind("item", item.id())
              .map((rs, ctx) -> file(rs, 1))
              .list();
      out.add(
          new MediaItem(
              item.id(),
              item.stationId(),
              item.countyId(),
              item.kind(),
              item.title(),
              item.fileName(),
              item.uploadSha256(),
              item.uploadSize(),
              item.thumbnail(),
              item.uploadedBy(),
              item.uploaderName(),
              item.uploadedAt(),
              item.retiredAt(),
              files,
              item.slides()));
    }
    return out;
  }

  /** A row without its files (filled in by {@link #withFiles}). */
  private static MediaItem row(ResultSet rs) throws SQLException {
    return new MediaItem(
        rs.getString("id"),
        rs.getString("station_id"),
        rs.getString("county_id"),
        MediaSlide.Kind.valueOf(rs.getString("kind")),
        rs.getString("title"),
        rs.getString("file_name"),
        rs.getString("upload_sha256"),
        rs.getLong("upload_size"),
        file(rs, 12),
        rs.getString("uploaded_by"),
        rs.getString("uploader"),
        Sql.instant(rs.getString("uploaded_at")),
        Sql.instantOrNull(rs.getString("retired_at")),
        List.of(),
        rs.getInt("slides"));
  }

  /** A {@code media_file}'s six columns from {@code first} on. */
  private static MediaFile file(ResultSet rs, int first) throws SQLException {
    return new MediaFile(
        rs.getString(first),
        rs.getLong(first + 1),
        rs.getString(first + 2),
        rs.getInt(first + 3),
        rs.getInt(first + 4),
        rs.getLong(first + 5));
  }
}
