package liaison.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small media files for tests of signage media (issue 20), made once with Debian's ffmpeg and kept
 * here so no test needs ffmpeg (the commands are in {@code media/README.md} beside them).
 */
public enum MediaSamples {
  /** H.264 baseline, 320×180, 25 fps, 2 s, no sound, moov first. */
  H264_VIDEO_ONLY("h264-320x180-2s.mp4"),
  /** H.264 main with AAC sound (a 440 Hz tone), 320×180, 2 s. */
  H264_WITH_AAC("h264-aac-320x180-2s.mp4"),
  /** HEVC (hvc1), 320×180, 1 s: a codec a Raspberry Pi 5 cannot play in software. */
  HEVC("hevc-320x180-1s.mp4"),
  /** H.264 at 3840×2160, 1 s: more pixels than a Pi decodes in software. */
  H264_4K("h264-3840x2160-1s.mp4"),
  /** A lossy WebP poster, 1200×1600 (JavaFX cannot decode WebP). */
  WEBP_POSTER("poster-1200x1600.webp");

  private final String file;

  MediaSamples(String file) {
    this.file = file;
  }

  /** The file's name as kept here. */
  public String fileName() {
    return file;
  }

  public byte[] bytes() {
    try (InputStream in = MediaSamples.class.getResourceAsStream("media/" + file)) {
      if (in == null) {
        throw new IllegalStateException("media sample missing from the test kit: " + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the sample into a folder under a name of the caller's choosing; returns its path. */
  public Path copyTo(Path dir, String name) {
    try {
      Files.createDirectories(dir);
      return Files.write(dir.resolve(name), bytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
