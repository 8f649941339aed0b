package liaison.hub.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.imageio.ImageIO;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.signage.protocol.MediaSlide.MediaFile;
import org.jspecify.annotations.Nullable;

/**
 * Library items for the slides' tests, as the library would leave them: the files' bytes in the
 * {@link MediaStore}, their rows in {@code media_file}, the item in {@code media_item} with its
 * files in order in {@code media_item_file}. (The library's own service may take its place once
 * both are merged.)
 */
public final class MediaItems {
  private MediaItems() {}

  /** A real PNG of that size in one colour, with a darker frame so letterboxing shows. */
  public static byte[] png(int width, int height, Color color) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color.darker());
    g.fillRect(0, 0, width, height);
    g.setColor(color);
    g.fillRect(width / 10, height / 10, width * 8 / 10, height * 8 / 10);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * An image item (a poster of {@code width}×{@code height}) in the county's or a station's
   * library.
   */
  public static String image(
      Database database,
      MediaStore store,
      String id,
      @Nullable String stationId,
      String title,
      int width,
      int height,
      Color color) {
    MediaFile file = stored(store, png(width, height, color), "image/png", width, height, 0);
    return item(database, id, stationId, "IMAGE", title, file, List.of(file));
  }

  /** A video item of the given bytes (an MP4 of the test samples) and facts. */
  public static String video(
      Database database,
      MediaStore store,
      String id,
      @Nullable String stationId,
      String title,
      byte[] mp4,
      int width,
      int height,
      long durationMillis) {
    MediaFile thumbnail = stored(store, png(320, 180, Color.GRAY), "image/png", 320, 180, 0);
    MediaFile file = stored(store, mp4, "video/mp4", width, height, durationMillis);
    return item(database, id, stationId, "VIDEO", title, thumbnail, List.of(file));
  }

  /** A document item of {@code pages} A4 pages in portrait. */
  public static String document(
      Database database,
      MediaStore store,
      String id,
      @Nullable String stationId,
      String title,
      int pages) {
    List<MediaFile> files =
        java.util.stream.IntStream.range(0, pages)
            .mapToObj(
                p ->
                    stored(
                        store,
                        png(763, 1080, new Color(240, 240 - p * 10, 230)),
                        "image/png",
                        763,
                        1080,
                        0))
            .toList();
    return item(database, id, stationId, "DOCUMENT", title, files.getFirst(), files);
  }

  /** Takes the item out of its library, as the library's retire does (its slides stop). */
  public static void retire(Database database, String itemId) {
    database.useTransaction(
        h ->
            h.createUpdate("UPDATE media_item SET retired_at = :at WHERE id = :id")
                .bind("at", Sql.instant(OffsetDateTime.now()))
                .bind("id", itemId)
                .execute());
  }

  private static MediaFile stored(
      MediaStore store, byte[] bytes, String type, int width, int height, long durationMillis) {
    String sha256 = store.put(bytes);
    return new MediaFile(sha256, bytes.length, type, width, height, durationMillis);
  }

  private static String item(
      Database database,
      String id,
      @Nullable String stationId,
      String kind,
      String title,
      MediaFile thumbnail,
      List<MediaFile> files) {
    OffsetDateTime now = OffsetDateTime.now();
    database.useTransaction(
        h -> {
          MediaFileRepository.insert(h, thumbnail, now);
          files.forEach(f -> MediaFileRepository.insert(h, f, now));
          h.createUpdate(
                  """
                  INSERT INTO media_item (id, station_id, kind, title, file_name, upload_sha256, upload_size,
                                          thumbnail, uploaded_by, uploaded_at)
                  VALUES (:id, :station, :kind, :title, :name, :sha, :size, :thumb, :by, :at)
                  """)
              .bind("id", id)
              .bind("station", stationId)
              .bind("kind", kind)
              .bind("title", title)
              .bind("name", id + (kind.equals("VIDEO") ? ".mp4" : ".png"))
              .bind("sha", files.getFirst().sha256())
              .bind("size", files.getFirst().size())
              .bind("thumb", thumbnail.sha256())
              .bind("by", "u-admin")
              .bind("at", Sql.instant(now))
              .execute();
          for (int i = 0; i < files.size(); i++) {
            h.createUpdate(
                    "INSERT INTO media_item_file (item_id, position, sha256) VALUES (:item, :p, :sha)")
                .bind("item", id)
                .bind("p", i + 1)
                .bind("sha", files.get(i).sha256())
                .execute();
          }
        });
    return id;
  }
}
