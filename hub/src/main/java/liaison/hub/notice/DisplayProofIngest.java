package liaison.hub.notice;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import liaison.hub.ingest.EventProjection;
import liaison.hub.notice.DisplayProofs.Kind;
import liaison.hub.notice.DisplayProofs.Shown;
import liaison.signage.protocol.StationEvent;
import org.jdbi.v3.core.Handle;

/**
 * Reads a station's {@code notice.displayed} events (sent by the player's DisplayProofReporter)
 * into proofs of display. The body must name a notice this hub has and say when it came on screen
 * and left it, for how many seconds, on which board and how ({@code kind}); a body that does not is
 * refused with what was expected and what came, and nothing of the event is stored.
 */
@Singleton
public class DisplayProofIngest implements EventProjection<Shown> {
  public static final String EVENT_TYPE = "notice.displayed";

  /** A notice on screen longer than this in one go is a station's clock gone wrong, not a proof. */
  public static final Duration LONGEST = Duration.ofDays(1);

  /** What the reported seconds may differ from {@code until - from}: a reporter may round. */
  private static final long SECONDS_SLACK = 1;

  private static final int MAX_TEXT = 64;

  private final DisplayProofs proofs;

  public DisplayProofIngest(DisplayProofs proofs) {
    this.proofs = proofs;
  }

  @Override
  public String type() {
    return EVENT_TYPE;
  }

  @Override
  public Shown read(String stationId, StationEvent event) throws RefusedEvent {
    Map<String, Object> body = event.body();
    String noticeId = text(body, "noticeId");
    OffsetDateTime from = instant(body, "from");
    OffsetDateTime until = instant(body, "until");
    long seconds = seconds(body);
    String board = text(body, "board");
    Kind kind = kind(body);
    if (until.isBefore(from)) {
      throw new RefusedEvent(
          "'until' "
              + until
              + " is before 'from' "
              + from
              + "; expected the time the notice left the screen");
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
    if (!proofs.noticeExists(noticeId)) {
      throw new RefusedEvent(
          "no notice '" + noticeId + "' on this hub (deleted, or never published here)");
    }
    return new Shown(stationId, event.id().toString(), noticeId, kind, board, from, until, seconds);
  }

  @Override
  public void store(Handle h, List<Shown> rows) {
    proofs.insert(h, rows);
  }

  private static Object field(Map<String, Object> body, String name) throws RefusedEvent {
    Object value = body.get(name);
    if (value == null) {
      throw new RefusedEvent(
          "missing field '" + name + "'; expected noticeId, from, until, seconds, board and kind");
    }
    return value;
  }

  private static String text(Map<String, Object> body, String name) throws RefusedEvent {
    if (!(field(body, name) instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
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

  private static OffsetDateTime instant(Map<String, Object> body, String name) throws RefusedEvent {
    Object value = field(body, name);
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

  private static long seconds(Map<String, Object> body) throws RefusedEvent {
    Object value = field(body, "seconds");
    if (value instanceof Integer || value instanceof Long) {
      long seconds = ((Number) value).longValue();
      if (seconds >= 0) {
        return seconds;
      }
    }
    throw new RefusedEvent(
        "field 'seconds' is " + value + "; expected a whole number of seconds, 0 or more");
  }

  private static Kind kind(Map<String, Object> body) throws RefusedEvent {
    Object value = field(body, "kind");
    for (Kind kind : Kind.values()) {
      if (kind.name().equals(value)) {
        return kind;
      }
    }
    throw new RefusedEvent(
        "field 'kind' is " + value + "; expected one of " + Arrays.toString(Kind.values()));
  }
}
