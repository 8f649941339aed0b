package liaison.hub.ingest;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import liaison.hub.ingest.EventProjection.RefusedEvent;

/**
 * The body of a station's proof of display ({@code notice.displayed}, {@code media.displayed}) as
 * its projection reads it: texts, the stretch of time something was on screen ({@code from}, {@code
 * until}, {@code seconds}), each refused with what was expected and what came.
 *
 * @param expected the fields the body must have, named in the refusal of a missing one
 */
public record ShownBody(Map<String, Object> body, String expected) {
  /** Something on screen longer than this in one go is a station's clock gone wrong. */
  public static final Duration LONGEST = Duration.ofDays(1);

  /** What the reported seconds may differ from {@code until - from}: a reporter may round. */
  private static final long SECONDS_SLACK = 1;

  private static final int MAX_TEXT = 64;

  /** When it came on screen and left it, and for how many seconds, checked against each other. */
  public record Stretch(OffsetDateTime from, OffsetDateTime until, long seconds) {}

  public Object field(String name) throws RefusedEvent {
    Object value = body.get(name);
    if (value == null) {
      throw new RefusedEvent("missing field '" + name + "'; expected " + expected);
    }
    return value;
  }

  /** A text of 1 to 64 characters, stripped. */
  public String text(String name) throws RefusedEvent {
    if (!(field(name) instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
      throw new RefusedEvent(
          "field '"
              + name
              + "' is "
              + body.get(name)
              + "; expected a text of 1 to "
              + MAX_TEXT
              + " characters");
    }
    return text.strip();
  }

  /**
   * {@code from}, {@code until} and {@code seconds}: until not before from, no longer than {@link
   * #LONGEST}, and seconds matching from–until within a second.
   */
  public Stretch stretch(String what) throws RefusedEvent {
    OffsetDateTime from = instant("from");
    OffsetDateTime until = instant("until");
    long seconds = seconds();
    if (until.isBefore(from)) {
      throw new RefusedEvent(
          "'until' "
              + until
              + " is before 'from' "
              + from
              + "; expected the time "
              + what
              + " left the screen");
    }
    Duration shown = Duration.between(from, until);
    if (shown.compareTo(LONGEST) > 0 || seconds > LONGEST.toSeconds()) {
      throw new RefusedEvent(
          "on screen for "
              + Math.max(shown.toSeconds(), seconds)
              + " s in one go; more than "
              + LONGEST.toSeconds()
              + " s (a day) is not plausible: check the station's clock");
    }
    if (Math.abs(shown.toSeconds() - seconds) > SECONDS_SLACK) {
      throw new RefusedEvent(
          "'seconds' " + seconds + " does not match from–until (" + shown.toSeconds() + " s)");
    }
    return new Stretch(from, until, seconds);
  }

  private OffsetDateTime instant(String name) throws RefusedEvent {
    Object value = field(name);
    try {
      return OffsetDateTime.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new RefusedEvent(
          "field '"
              + name
              + "' is "
              + value
              + "; expected a date-time with offset such as 2026-11-23T09:00:00+08:00");
    }
  }

  private long seconds() throws RefusedEvent {
    Object value = field("seconds");
    if (value instanceof Integer || value instanceof Long) {
      long seconds = ((Number) value).longValue();
      if (seconds >= 0) {
        return seconds;
      }
    }
    throw new RefusedEvent(
        "field 'seconds' is " + value + "; expected a whole number of seconds, 0 or more");
  }
}
