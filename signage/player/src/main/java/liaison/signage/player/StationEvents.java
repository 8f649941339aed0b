package liaison.signage.player;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import liaison.signage.player.link.HubLink;
import liaison.signage.player.model.LiveValue;
import liaison.signage.player.store.Outbox;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;

/**
 * What the station tells the hub happened (a rating, a page viewed, a proof of display, a button
 * pressed): each event is committed to the outbox in the station's store before {@link #record}
 * returns, and {@link OutboxDelivery} sends it whenever the hub is reachable, across outages and
 * restarts.
 */
public final class StationEvents {

  private final String stationId;
  private final Clock clock;
  private final Outbox outbox;
  private final LiveValue<Integer> pending = new LiveValue<>(0);
  private final OutboxDelivery delivery;
  private volatile boolean closed;

  StationEvents(String stationId, Clock clock, Outbox outbox, HubLink link) {
    this.stationId = stationId;
    this.clock = clock;
    this.outbox = outbox;
    this.delivery =
        new OutboxDelivery(
            stationId, outbox, link, Topic.stationEvent(stationId).toString(), pending);
    delivery.refreshPending();
  }

  /**
   * Records an event for the hub: committed to the outbox before this returns, then sent in the
   * background whenever the hub is reachable.
   *
   * @param type lower-case dotted name such as {@code satisfaction}
   * @throws IllegalArgumentException when the type or body is not a valid event
   * @throws IllegalStateException once the station is stopped
   */
  public StationEvent record(String type, Map<String, Object> body) {
    if (closed) {
      throw new IllegalStateException(
          "station " + stationId + " is stopped; event " + type + " not recorded");
    }
    StationEvent event = new StationEvent(UUID.randomUUID(), type, OffsetDateTime.now(clock), body);
    outbox.add(event);
    delivery.recorded();
    return event;
  }

  /** Events recorded and not yet acknowledged by the broker. */
  public int pending() {
    return pending.get();
  }

  void start() {
    delivery.start();
  }

  void connected() {
    delivery.connected();
  }

  void disconnected() {
    delivery.disconnected();
  }

  /**
   * Stops sending and recording; what is not acknowledged stays in the outbox for the next start.
   */
  void stop() {
    closed = true;
    delivery.close();
  }

  /** After the link is closed: finishes deleting what was acknowledged, before the store closes. */
  void finish() {
    delivery.finishAcknowledgements();
  }
}
