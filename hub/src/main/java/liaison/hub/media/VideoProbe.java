package liaison.hub.media;

import java.nio.file.Path;

/**
 * Reads an uploaded MP4's boxes and checks it is what a station's player decodes on a Raspberry Pi
 * (H.264 video, AAC or no sound, at most {@link #MAX_WIDTH}×{@link #MAX_HEIGHT}, at most {@link
 * #MAX_MILLIS} long). Part "video and documents" of issue 20 fills it in.
 */
public final class VideoProbe {
  /** A Pi 5 decodes H.264 in software: 1080p is what it keeps up with. */
  public static final int MAX_WIDTH = 1920;

  public static final int MAX_HEIGHT = 1080;

  /** An hour, as {@code MediaSlide.MAX_SECONDS}. */
  public static final long MAX_MILLIS = 3_600_000;

  private VideoProbe() {}

  /**
   * The video's facts once it passes every check.
   *
   * @throws liaison.hub.problem.ValidationProblem on field {@code file}, saying in both languages
   *     what is wrong and what a station plays
   */
  public static VideoFacts probe(Path mp4) {
    throw new UnsupportedOperationException("VideoProbe is being written (issue 20)");
  }
}
