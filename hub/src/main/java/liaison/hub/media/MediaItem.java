package liaison.hub.media;

import java.time.OffsetDateTime;
import java.util.List;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import org.jspecify.annotations.Nullable;

/**
 * An entry of a media library as the manager sees it ({@code media_item}, V29): a poster, a video
 * or a document, with the files a station plays for it.
 *
 * @param stationId null for the county's library (shared by every station), else the station's own
 * @param countyId the county of the library
 * @param fileName the name it was uploaded under (shown, never trusted: the content decides)
 * @param uploadSha256 the hash of the bytes uploaded, so the same upload again is recognised
 * @param thumbnail the 320 px JPEG the library shows for it (a {@code media_file} itself)
 * @param uploadedBy the account that uploaded it; {@code uploaderName} its name as shown
 * @param files what a station plays, in order: one file, or one image per page of a document
 * @param slides how many slides are scheduled from it (a slide keeps it from being deleted)
 */
public record MediaItem(
    String id,
    @Nullable String stationId,
    String countyId,
    MediaSlide.Kind kind,
    String title,
    String fileName,
    String uploadSha256,
    long uploadSize,
    MediaFile thumbnail,
    String uploadedBy,
    String uploaderName,
    OffsetDateTime uploadedAt,
    @Nullable OffsetDateTime retiredAt,
    List<MediaFile> files,
    int slides) {

  public MediaItem {
    files = List.copyOf(files);
  }

  public boolean isCounty() {
    return stationId == null;
  }

  public boolean isRetired() {
    return retiredAt != null;
  }

  /** The first file: the image, the video, a document's first page. */
  public MediaFile first() {
    return files.getFirst();
  }

  /** All the bytes a station downloads for it. */
  public long playedBytes() {
    return files.stream().mapToLong(MediaFile::size).sum();
  }

  /** A video's length as a player shows it: "1:05", "12:30", "1:02:03". */
  public static String clockLength(long millis) {
    long seconds = Math.round(millis / 1000.0);
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    return h > 0 ? String.format("%d:%02d:%02d", h, m, s) : String.format("%d:%02d", m, s);
  }
}
