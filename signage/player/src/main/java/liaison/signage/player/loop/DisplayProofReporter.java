package liaison.signage.player.loop;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reports each proof of display through the station's durable outbox as a {@code notice.displayed}
 * event, so the hub can show when and how often a notice was on screen, and each turn of a media
 * slide as a {@code media.displayed} event. Wire it as {@code loop.onProof(reporter)} and {@code
 * loop.onMediaProof(reporter::media)} with {@code new
 * DisplayProofReporter(runtime.events()::record, zone)}.
 */
public final class DisplayProofReporter implements Consumer<DisplayProof> {

  public static final String EVENT_TYPE = "notice.displayed";

  /** A media slide's turn on screen (issue 20): {@code {slideId, from, until, seconds}}. */
  public static final String MEDIA_EVENT_TYPE = "media.displayed";

  /** Where events go: {@code StationRuntime::record} in the station, a list in tests. */
  @FunctionalInterface
  public interface EventSink {
    void record(String type, Map<String, Object> body);
  }

  private final EventSink sink;
  private final ZoneId zone;

  public DisplayProofReporter(EventSink sink, ZoneId zone) {
    this.sink = sink;
    this.zone = zone;
  }

  @Override
  public void accept(DisplayProof proof) {
    sink.record(EVENT_TYPE, body(proof, zone));
  }

  /** A media slide's turn, as a {@code media.displayed} event. */
  public void media(MediaProof proof) {
    sink.record(MEDIA_EVENT_TYPE, body(proof, zone));
  }

  /** The event body: times with the station's offset, as every other station event carries them. */
  public static Map<String, Object> body(DisplayProof proof, ZoneId zone) {
    Map<String, Object> body =
        span("noticeId", proof.noticeId(), proof.from(), proof.until(), zone);
    body.put("board", proof.board().name());
    body.put("kind", proof.kind().name());
    return body;
  }

  /** A {@code media.displayed} event's body: {@code {slideId, from, until, seconds}}. */
  public static Map<String, Object> body(MediaProof proof, ZoneId zone) {
    return span("slideId", proof.slideId(), proof.from(), proof.until(), zone);
  }

  private static Map<String, Object> span(
      String idName, String id, Instant from, Instant until, ZoneId zone) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(idName, id);
    body.put("from", from.atZone(zone).toOffsetDateTime().toString());
    body.put("until", until.atZone(zone).toOffsetDateTime().toString());
    body.put("seconds", Duration.between(from, until).toSeconds());
    return body;
  }
}
