package liaison.hub.ingest;

import java.util.List;
import liaison.signage.protocol.StationEvent;
import org.jdbi.v3.core.Handle;

/**
 * What one type of station event adds beside the stored event, such as a proof of display. {@link
 * EventIngest} reads each event of that type with {@link #read} before its batch is written, and
 * writes what it read with {@link #store} in the same transaction as the events: an event and what
 * it adds are stored together or not at all. A refused event is logged and not stored at all.
 *
 * @param <T> what an event adds, as read from its body
 */
public interface EventProjection<T> {

  /** The event type this projection reads, e.g. {@code notice.displayed}. */
  String type();

  /**
   * What the event adds.
   *
   * @throws RefusedEvent saying what was expected and what came, when the body cannot be taken
   */
  T read(String stationId, StationEvent event) throws RefusedEvent;

  /**
   * Writes the rows inside the batch's transaction, after the events themselves. The same event may
   * come again (a replay after a lost acknowledgement): writing it twice must change nothing.
   */
  void store(Handle h, List<T> rows);

  /** An event whose body does not say what its type promises; nothing of it is stored. */
  final class RefusedEvent extends Exception {
    public RefusedEvent(String reason) {
      super(reason, null, false, false);
    }
  }
}
