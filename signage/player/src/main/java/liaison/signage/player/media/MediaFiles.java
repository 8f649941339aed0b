package liaison.signage.player.media;

import java.nio.file.Path;
import java.util.Optional;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;

/**
 * What the station's screen may play of its media: a file only once it is complete on disk and
 * matches its hash. The station's cache answers; the signage loop asks before a media slide's turn
 * and skips a slide that is not ready, so nothing is ever shown half-downloaded.
 */
public interface MediaFiles {

  /** Nothing is ready: a station without a cache, or before its first download. */
  MediaFiles NONE = file -> Optional.empty();

  /** The complete, checked file on disk, if it is. */
  Optional<Path> ready(MediaFile file);

  /** Whether every file of a slide is ready. */
  default boolean ready(MediaSlide slide) {
    return slide.files().stream().allMatch(f -> ready(f).isPresent());
  }
}
