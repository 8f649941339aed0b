package liaison.hub.notice;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import liaison.hub.ingest.EventProjection;
import liaison.hub.ingest.ShownBody;
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
  public static final Duration LONGEST = ShownBody.LONGEST;

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
    ShownBody body = new ShownBody(event.body(), "noticeId, from, until, seconds, board and kind");
    String noticeId = body.text("noticeId");
    ShownBody.Stretch stretch = body.stretch("the notice");
    String board = body.text("board");
    Kind kind = kind(body);
    if (!proofs.noticeExists(noticeId)) {
      throw new RefusedEvent(
          "no notice '" + noticeId + "' on this hub (deleted, or never published here)");
    }
    return new Shown(
        stationId,
        event.id().toString(),
        noticeId,
        kind,
        board,
        stretch.from(),
        stretch.until(),
        stretch.seconds());
  }

  @Override
  public void store(Handle h, List<Shown> rows) {
    proofs.insert(h, rows);
  }

  private static Kind kind(ShownBody body) throws RefusedEvent {
    Object value = body.field("kind");
    for (Kind kind : Kind.values()) {
      if (kind.name().equals(value)) {
        return kind;
      }
    }
    throw new RefusedEvent(
        "field 'kind' is " + value + "; expected one of " + Arrays.toString(Kind.values()));
  }
}
