package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.list;
import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A manager's own slide from the hub's media library (issue 20): a poster, a video or the pages of
 * a document, played in the signage loop after the station's boards. The snapshot carries the
 * files' references only, never their bytes: a station downloads each file from the hub at {@code
 * /media/{sha256}} (HTTP, Range for resume), checks it against its hash, and plays the slide only
 * once every file of it is complete.
 *
 * @param id the hub's id of this scheduled slide, named in the station's proof of display
 * @param title what the manager called it; not shown on the screen, named in logs and proofs
 * @param kind a {@link Kind}'s name; a station skips a kind it does not know (a newer hub's)
 * @param seconds how long the slide stays on screen: an image's time, each page's time of a
 *     document, a video's playing time (its own length by default; a shorter video ends the slide
 *     when it ends)
 * @param validFrom when it starts to play
 * @param validUntil when it stops, or null for until it is taken off
 * @param dayparts windows of the day (station's zone) it plays in; empty for all day
 * @param files IMAGE and VIDEO: one file; DOCUMENT: one image per page, in order
 */
public record MediaSlide(
    String id,
    String title,
    String kind,
    int seconds,
    OffsetDateTime validFrom,
    @Nullable OffsetDateTime validUntil,
    List<Window> dayparts,
    List<MediaFile> files) {

  /** Shorter than this and nobody reads the slide; as {@link Playlist#MIN_SECONDS}. */
  public static final int MIN_SECONDS = Playlist.MIN_SECONDS;

  /** A 宣传片 of up to an hour; a longer slide is not a slide of a loop any more. */
  public static final int MAX_SECONDS = 3600;

  public MediaSlide {
    text(id, "media.id");
    title = title == null ? "" : title;
    text(kind, "media.kind");
    if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "media.seconds must be " + MIN_SECONDS + " to " + MAX_SECONDS + ", was " + seconds);
    }
    required(validFrom, "media.validFrom");
    if (validUntil != null && !validUntil.isAfter(validFrom)) {
      throw new IllegalArgumentException(
          "media.validUntil " + validUntil + " is not after media.validFrom " + validFrom);
    }
    dayparts = list(dayparts, "media.dayparts");
    files = list(files, "media.files");
    if (files.isEmpty()) {
      throw new IllegalArgumentException("media.files: a slide needs at least one file");
    }
  }

  /** The kind, if this station knows it. */
  public Optional<Kind> known() {
    return Kind.find(kind);
  }

  /** Whether the slide is to play at this instant: within its validity and one of its dayparts. */
  public boolean playsAt(Instant now, ZoneId zone) {
    if (now.isBefore(validFrom.toInstant())
        || (validUntil != null && !now.isBefore(validUntil.toInstant()))) {
      return false;
    }
    if (dayparts.isEmpty()) {
      return true;
    }
    LocalTime time = now.atZone(zone).toLocalTime();
    return dayparts.stream().anyMatch(w -> w.contains(time));
  }

  /** What a media slide shows. */
  public enum Kind {
    /** A poster or photo (JPEG or PNG; WebP is converted on the hub). */
    IMAGE,
    /** An H.264 MP4, sound off unless the station's volume is set. */
    VIDEO,
    /** A PDF's pages, rendered to images on the hub, each shown for the slide's seconds. */
    DOCUMENT;

    public static Optional<Kind> find(@Nullable String name) {
      return Arrays.stream(values())
          .filter(k -> k.name().equals(name == null ? null : name.strip()))
          .findFirst();
    }
  }

  /**
   * A window of the day, {@code from} inclusive and {@code until} exclusive, in the station's zone;
   * one whose end is before its start runs past midnight (as {@link Playlist.Daypart}).
   */
  public record Window(LocalTime from, LocalTime until) {
    public Window {
      required(from, "media.dayparts.from");
      required(until, "media.dayparts.until");
      if (from.equals(until)) {
        throw new IllegalArgumentException(
            "media.dayparts: a window " + from + "–" + until + " has no length");
      }
    }

    public boolean contains(LocalTime time) {
      return from.isBefore(until)
          ? !time.isBefore(from) && time.isBefore(until)
          : !time.isBefore(from) || time.isBefore(until);
    }
  }

  /**
   * One file of a slide, as the hub stores it: named by the SHA-256 of its bytes.
   *
   * @param sha256 lower-case hex; the file is served at {@code /media/{sha256}}
   * @param size bytes
   * @param contentType {@code image/jpeg}, {@code image/png} or {@code video/mp4}
   * @param width pixels
   * @param height pixels
   * @param durationMillis a video's length; 0 for an image
   */
  public record MediaFile(
      String sha256, long size, String contentType, int width, int height, long durationMillis) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public MediaFile {
      text(sha256, "media.files.sha256");
      if (!SHA256.matcher(sha256).matches()) {
        throw new IllegalArgumentException(
            "media.files.sha256 must be 64 lower-case hex digits, was '" + sha256 + "'");
      }
      if (size < 1) {
        throw new IllegalArgumentException("media.files.size must be at least 1, was " + size);
      }
      text(contentType, "media.files.contentType");
      if (width < 1 || height < 1) {
        throw new IllegalArgumentException(
            "media.files: " + width + "×" + height + " pixels is not a picture");
      }
      if (durationMillis < 0) {
        throw new IllegalArgumentException(
            "media.files.durationMillis is negative: " + durationMillis);
      }
    }

    /** Where the hub serves the file, relative to the hub's address. */
    public String path() {
      return "/media/" + sha256;
    }
  }
}
