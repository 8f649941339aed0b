package liaison.signage.player.loop;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reports each proof of display through the station's durable outbox as a {@code notice.displayed}
 * event, so the hub can show when and how often a notice was on screen. Wire it as {@code
 * loop.onProof(new DisplayProofReporter(runtime.events()::record, zone))}.
 */
public final class DisplayProofReporter implements Consumer<DisplayProof> {

  public static final String EVENT_TYPE = "notice.displayed";

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

  /** The event body: times with the station's offset, as every other station event carries them. */
  public static Map<String, Object> body(DisplayProof proof, ZoneId zone) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("noticeId", proof.noticeId());
    body.put("from", proof.from().atZone(zone).toOffsetDateTime().toString());
    body.put("until", proof.until().atZone(zone).toOffsetDateTime().toString());
    body.put("seconds", proof.shown().toSeconds());
    body.put("board", proof.board().name());
    body.put("kind", proof.kind().name());
    return body;
  }
}
