package liaison.signage.player;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Consumer;
import liaison.signage.player.model.LiveValue;
import liaison.signage.player.store.ContentStore;
import liaison.signage.player.store.Received;
import liaison.signage.protocol.ProjectTally;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.ProtocolException;
import liaison.signage.protocol.ProtocolMessage;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.VoteTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hub publishes for this station, as the station holds it: the content snapshot and the
 * current alert. Each message is decoded to check it and stored as the bytes received before it is
 * shown; a snapshot only with a higher version. A message that does not decode, or is addressed to
 * another station, is ignored ({@link Rejections}) and what is on screen stays.
 *
 * <p>Views watch {@link #content()} and {@link #alert()}.
 */
public final class ContentFeed {

  private static final Logger LOG = LoggerFactory.getLogger(ContentFeed.class);

  private final String stationId;
  private final ContentStore store;
  private final Clock clock;
  private final Rejections rejections;
  private final Consumer<StationContent> shown;
  private final LiveValue<Optional<StationContent>> content = new LiveValue<>(Optional.empty());
  private final LiveValue<Optional<StationAlert>> alert = new LiveValue<>(Optional.empty());
  private final LiveValue<Optional<VoteTally>> tally = new LiveValue<>(Optional.empty());
  private final LiveValue<Optional<ProjectTally>> projectTally = new LiveValue<>(Optional.empty());

  /**
   * @param shown told of every snapshot put on screen (its deputies' photos are wanted)
   */
  ContentFeed(
      String stationId,
      ContentStore store,
      Clock clock,
      Rejections rejections,
      Consumer<StationContent> shown) {
    this.stationId = stationId;
    this.store = store;
    this.clock = clock;
    this.rejections = rejections;
    this.shown = shown;
  }

  /** Shows what the store holds, before any network: the screen is never blank after a restart. */
  void showStored() {
    store
        .load(stationId)
        .ifPresent(
            stored -> {
              LOG.info(
                  "station {}: showing stored content version {} of {}",
                  stationId,
                  stored.content().version(),
                  stored.storedAt());
              content.set(Optional.of(stored.content()));
              shown.accept(stored.content());
            });
    store.loadAlert(stationId).ifPresent(a -> alert.set(Optional.of(a)));
  }

  public LiveValue<Optional<StationContent>> content() {
    return content;
  }

  /**
   * The hub's current urgent or emergency notice, kept across restarts; empty when the hub cleared
   * it. It is not dropped past its {@code validUntil}: the view, which has the clock and redraws
   * anyway, hides it then (the hub also clears it when it ends).
   */
  public LiveValue<Optional<StationAlert>> alert() {
    return alert;
  }

  /**
   * The tally of the report to voters (述职评议) under way or just closed at the station, as the hub
   * last counted it; empty when the hub cleared it. Not stored: the hub keeps it retained, so a
   * station that restarts has it again on connecting, and a count from before a restart would only
   * be older.
   */
  public LiveValue<Optional<VoteTally>> tally() {
    return tally;
  }

  /**
   * The tally of the deputies' vote on livelihood projects whose session this station's screen
   * shows, as the hub last published it (the highest {@code seq} of a session); empty when none.
   */
  public LiveValue<Optional<ProjectTally>> projectTally() {
    return projectTally;
  }

  /**
   * Reads the stored content again and shows it anew (the hub's RELOAD_CONTENT): views redraw from
   * the store, and photos are asked for again.
   */
  public void reload() {
    Optional<StationContent> stored = store.load(stationId).map(s -> s.content());
    stored.ifPresent(shown);
    content.set(Optional.empty());
    content.set(stored);
    LOG.info(
        "station {}: content reloaded from the store (version {})",
        stationId,
        stored.map(StationContent::version).orElse(0L));
  }

  /** A snapshot on this station's content topic. */
  void contentArrived(String topic, byte[] payload) {
    Received<StationContent> received;
    try {
      received = Received.content(payload);
    } catch (ProtocolException e) {
      rejections.reject(
          "station " + stationId + ": ignored content on " + topic + ": " + e.getMessage());
      return;
    }
    StationContent next = received.message();
    if (!next.stationId().equals(stationId)) {
      rejections.reject(
          "station "
              + stationId
              + ": ignored content on "
              + topic
              + " addressed to station "
              + next.stationId());
      return;
    }
    if (!store.storeIfNewer(received, now())) {
      LOG.info(
          "station {}: content version {} after {}; ignored",
          stationId,
          next.version(),
          store.storedVersion(stationId));
      return;
    }
    LOG.info("station {}: stored content version {}", stationId, next.version());
    content.set(Optional.of(next));
    shown.accept(next);
  }

  /** An alert on this station's alert topic; an empty payload clears it. */
  void alertArrived(String topic, byte[] payload) {
    if (payload.length == 0) {
      store.clearAlert(stationId);
      if (alert.get().isPresent()) {
        LOG.info("station {}: alert cleared", stationId);
      }
      alert.set(Optional.empty());
      return;
    }
    Received<StationAlert> received;
    try {
      received = Received.alert(payload);
    } catch (ProtocolException e) {
      rejections.reject(
          "station " + stationId + ": ignored an alert on " + topic + ": " + e.getMessage());
      return;
    }
    StationAlert next = received.message();
    store.storeAlert(stationId, received, now());
    if (!alert.get().equals(Optional.of(next))) {
      LOG.info("station {}: alert {} ({}) stored", stationId, next.noticeId(), next.priority());
    }
    alert.set(Optional.of(next));
  }

  void tallyArrived(String topic, byte[] payload) {
    retainedTally(topic, payload, VoteTally.class, tally, VoteTally::supersedes);
  }

  void projectTallyArrived(String topic, byte[] payload) {
    retainedTally(topic, payload, ProjectTally.class, projectTally, ProjectTally::supersedes);
  }

  /**
   * A retained tally: an empty payload clears it; a count older than the one shown (a duplicate
   * after a reconnect) changes nothing.
   */
  private <T extends ProtocolMessage> void retainedTally(
      String topic,
      byte[] payload,
      Class<T> type,
      LiveValue<Optional<T>> shown,
      java.util.function.BiPredicate<T, T> supersedes) {
    if (payload.length == 0) {
      shown.set(Optional.empty());
      return;
    }
    T next;
    try {
      next = ProtocolCodec.decode(payload, type);
    } catch (ProtocolException e) {
      rejections.reject(
          "station " + stationId + ": ignored a tally on " + topic + ": " + e.getMessage());
      return;
    }
    Optional<T> before = shown.get();
    if (before.isEmpty() || supersedes.test(next, before.get())) {
      shown.set(Optional.of(next));
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }
}
