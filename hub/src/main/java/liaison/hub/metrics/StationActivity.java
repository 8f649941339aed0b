package liaison.hub.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import liaison.hub.ingest.EventIngest;
import liaison.hub.ingest.StationEventRepository.StoredEvent;
import liaison.hub.problem.BadInput;

/**
 * The counters kept in memory as things happen, never by asking the database: the stations' events
 * stored, by kind, and how late each was stored after its own time (the ingest lag); and the bad
 * input the hub refused, by where it came in and why ({@link BadInput}'s own counts).
 *
 * <p>Labels stay few: an event's kind is one the stations send (a few dozen at most; past {@link
 * #MAX_KINDS} they count as {@code other}), never a station's id.
 *
 * <p>Made as the hub starts, not at the first scrape: it counts from the start.
 */
@Context
public class StationActivity {
  /** More kinds than the stations send: a station inventing kinds cannot grow the exposition. */
  static final int MAX_KINDS = 32;

  private final MeterRegistry meters;
  private final BadInput badInput;
  private final Clock clock;
  private final Timer lag;
  private final Map<String, Counter> stored = new ConcurrentHashMap<>();
  private final Set<String> badInputKinds = ConcurrentHashMap.newKeySet();

  public StationActivity(EventIngest ingest, BadInput badInput, MeterRegistry meters, Clock clock) {
    this.meters = meters;
    this.badInput = badInput;
    this.clock = clock;
    this.lag =
        Timer.builder("liaison.ingest.lag")
            .description("From a station event's own time to its being stored")
            .serviceLevelObjectives(
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                Duration.ofMinutes(10),
                Duration.ofHours(1))
            .register(meters);
    ingest.onStored(this::stored);
  }

  private void stored(List<StoredEvent> rows) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    for (StoredEvent row : rows) {
      counter(row.type()).increment();
      // A station's clock a little ahead would give a negative lag: it was stored at once.
      Duration late = Duration.between(row.occurredAt(), now);
      lag.record(late.isNegative() ? Duration.ZERO : late);
    }
  }

  private Counter counter(String type) {
    Counter known = stored.get(type);
    if (known != null) {
      return known;
    }
    String kind = stored.size() < MAX_KINDS ? type : "other";
    return stored.computeIfAbsent(
        kind,
        k ->
            Counter.builder("liaison.station.events.stored")
                .description("Station events stored, by kind")
                .tag("kind", k)
                .register(meters));
  }

  /**
   * Registers a counter for each kind of bad input seen since the last scrape; each reads {@link
   * BadInput}'s own count, so refusing input costs nothing more than it did.
   */
  void followBadInput() {
    for (String key : badInput.counts().keySet()) {
      if (badInputKinds.add(key)) {
        int slash = key.indexOf('/');
        String source = key.substring(0, slash);
        String reason = key.substring(slash + 1);
        FunctionCounter.builder("liaison.bad.input", badInput, b -> b.count(source, reason))
            .description("Bad input refused, by where it came in and why")
            .tag("source", source)
            .tag("reason", reason)
            .register(meters);
      }
    }
  }
}
