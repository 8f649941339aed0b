package liaison.signage.player.media;

import java.time.OffsetDateTime;
import java.util.List;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.StationContent;

/** Snapshots carrying media slides, for the station's tests of its media cache. */
public final class MediaFixtures {
  private MediaFixtures() {}

  /** The golden snapshot with these slides, its hub at {@code photoBase}'s address. */
  public static StationContent content(long version, String photoBase, MediaSlide... slides) {
    StationContent c = GoldenFiles.contentWithVersion(version);
    return c.withLinks(
            new StationContent.Links(c.links().opinion(), c.links().booking(), photoBase))
        .withMedia(new StationContent.Media(List.of(slides), 0));
  }

  /** A slide of these files from {@code from} on, for good. */
  public static MediaSlide slide(String id, String kind, OffsetDateTime from, MediaFile... files) {
    return new MediaSlide(id, id, kind, 10, from, null, List.of(), List.of(files));
  }
}
