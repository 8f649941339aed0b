package liaison.hub.media;

import java.util.List;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import org.jspecify.annotations.Nullable;

/**
 * A library item as a slide needs it: whose library it is in, what it shows, the files it plays in
 * order (one for an image or a video, one per page of a document) and its thumbnail.
 *
 * @param stationId null for the county's library; else the one station whose own item it is
 * @param countyId the county whose library holds it: its station's, or for the county's library its
 *     uploader's (empty when neither is known: then no county may use it)
 * @param retired whether it was taken out of the library (its slides stop)
 */
public record SlideItem(
    String id,
    @Nullable String stationId,
    String countyId,
    MediaSlide.Kind kind,
    String title,
    String thumbnail,
    List<MediaFile> files,
    boolean retired) {

  /** An image stays this long unless the manager says otherwise. */
  public static final int IMAGE_SECONDS = 15;

  /** Each page of a document stays this long unless the manager says otherwise. */
  public static final int PAGE_SECONDS = 10;

  public SlideItem {
    files = List.copyOf(files);
  }

  /**
   * The seconds a new slide of it gets: a video's own length rounded up, an image's 15 s, a
   * document's 10 s a page (the slide's seconds are each page's); within a slide's bounds.
   */
  public int defaultSeconds() {
    int seconds =
        switch (kind) {
          case IMAGE -> IMAGE_SECONDS;
          case DOCUMENT -> PAGE_SECONDS;
          case VIDEO -> (int) Math.min(MediaSlide.MAX_SECONDS, videoSeconds());
        };
    return Math.clamp(seconds, MediaSlide.MIN_SECONDS, MediaSlide.MAX_SECONDS);
  }

  /** The first file's picture: an image, a document's first page; a video's is its thumbnail. */
  public String pictureSha256() {
    return kind == MediaSlide.Kind.VIDEO || files.isEmpty() ? thumbnail : files.getFirst().sha256();
  }

  /** A video's length in whole seconds, rounded up; 0 for what is not a video. */
  public long videoSeconds() {
    return kind != MediaSlide.Kind.VIDEO
        ? 0
        : (files.stream().mapToLong(MediaFile::durationMillis).max().orElse(0) + 999) / 1000;
  }
}
