package liaison.hub.demo;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.media.MediaFileRepository;
import liaison.hub.media.MediaStore;
import liaison.hub.poster.PosterRenderer;
import liaison.hub.text.Text;
import liaison.signage.protocol.MediaSlide.MediaFile;

/**
 * The demo county's media library and screens: a poster of the county's, drawn at start with its
 * name (Noto CJK), kept in the library as an upload would be, and put on every screen of the county
 * as a slide, so a demo station plays it after its boards.
 */
@Singleton
public class DemoMedia {
  public static final String POSTER_ITEM = "mi-demo-poster";
  public static final String POSTER_SLIDE = "ms-demo-poster";

  private final Database database;
  private final MediaStore store;
  private final PosterRenderer posters;
  private final Clock clock;

  public DemoMedia(Database database, MediaStore store, PosterRenderer posters, Clock clock) {
    this.database = database;
    this.store = store;
    this.posters = posters;
    this.clock = clock;
  }

  /** Draws and stores the poster, and schedules it county-wide (by the county's administrator). */
  void load(String countyName) {
    byte[] png =
        posters.screenPoster(
            countyName, Text.of("demo.media.headline"), Text.of("demo.media.line").zh());
    String sha256 = store.put(png);
    MediaFile file =
        new MediaFile(
            sha256,
            png.length,
            "image/png",
            PosterRenderer.SCREEN_WIDTH,
            PosterRenderer.SCREEN_HEIGHT,
            0);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String at = Sql.instant(now);
    database.useTransaction(
        h -> {
          MediaFileRepository.insert(h, file, now);
          h.createUpdate(
                  """
                  INSERT INTO media_item (id, station_id, kind, title, file_name, upload_sha256, upload_size,
                                          thumbnail, uploaded_by, uploaded_at)
                  VALUES (:id, NULL, 'IMAGE', :title, 'poster.png', :sha, :size, :sha, :by, :at)
                  """)
              .bind("id", POSTER_ITEM)
              .bind("title", Text.of("demo.media.title").zh())
              .bind("sha", sha256)
              .bind("size", png.length)
              .bind("by", "u-admin")
              .bind("at", at)
              .execute();
          h.createUpdate(
                  "INSERT INTO media_item_file (item_id, position, sha256) VALUES (:item, 1, :sha)")
              .bind("item", POSTER_ITEM)
              .bind("sha", sha256)
              .execute();
          h.createUpdate(
                  """
                  INSERT INTO media_slide (id, item_id, seconds, valid_from, valid_until, target, township_id,
                                           position, created_by, created_at, updated_at)
                  VALUES (:id, :item, 15, :at, NULL, 'ALL', NULL, 1, 'u-admin', :at, :at)
                  """)
              .bind("id", POSTER_SLIDE)
              .bind("item", POSTER_ITEM)
              .bind("at", at)
              .execute();
        });
  }
}
