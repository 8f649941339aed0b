package liaison.signage.player.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;

/**
 * Events waiting for the broker's acknowledgement, in the station's store file. An event is
 * committed here before anyone is told it was recorded, and deleted only once the broker has
 * acknowledged it, so a crash or an outage loses none; a lost acknowledgement sends it twice, which
 * the hub absorbs (it stores each {@code (station, id)} once).
 */
public final class Outbox {

  private final ContentStore store;

  Outbox(ContentStore store) {
    this.store = store;
  }

  /** An event as it waits: its place in the queue and the exact bytes to publish. */
  public record Pending(long seq, UUID id, byte[] payload) {}

  /** Commits the event (encoded once, here, so what is sent is what was stored). */
  public void add(StationEvent event) {
    byte[] payload = ProtocolCodec.encode(event);
    store.withConnection(
        "record event " + event.id(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO outbox (event_id, type, recorded_at, payload) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, event.id().toString());
            ps.setString(2, event.type());
            ps.setString(3, event.at().toString());
            ps.setBytes(4, payload);
            return ps.executeUpdate();
          }
        });
  }

  /** Up to {@code limit} events after {@code afterSeq}, oldest first. */
  public List<Pending> after(long afterSeq, int limit) {
    return store.withConnection(
        "read the outbox",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT seq, event_id, payload FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?")) {
            ps.setLong(1, afterSeq);
            ps.setInt(2, limit);
            List<Pending> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                found.add(
                    new Pending(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getBytes(3)));
              }
            }
            return found;
          }
        });
  }

  /** Deletes acknowledged events in one commit; returns how many were still there. */
  public int delete(Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return 0;
    }
    String marks = String.join(",", java.util.Collections.nCopies(seqs.size(), "?"));
    return store.withConnection(
        "delete acknowledged events",
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM outbox WHERE seq IN (" + marks + ")")) {
            int i = 1;
            for (long seq : seqs) {
              ps.setLong(i++, seq);
            }
            return ps.executeUpdate();
          }
        });
  }

  public int size() {
    return store.withConnection(
        "count the outbox",
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox");
              ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
          }
        });
  }
}
