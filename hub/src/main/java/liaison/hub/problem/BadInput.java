package liaison.hub.problem;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bad input from outside the hub (a station's message, a stranger's request, a resident's form):
 * counted per source and reason, and logged the first time a kind appears, then at most once a
 * minute with how many came meanwhile, so a flood can neither fill the disk nor hide in silence.
 *
 * <p>A {@code source} names the door it came through ({@code mqtt.event}, {@code http.json}, …), a
 * {@code reason} is a short stable word ({@code not-json}, {@code missing-field}, …); both are
 * shown to administrators. The detail is logged, never counted, so it may carry the message text.
 */
@Singleton
public class BadInput {
  private static final Logger LOG = LoggerFactory.getLogger(BadInput.class);
  static final Duration SAMPLE_EVERY = Duration.ofMinutes(1);

  private final Clock clock;
  private final Map<String, Kind> kinds = new ConcurrentHashMap<>();

  @Inject
  public BadInput(Clock clock) {
    this.clock = clock;
  }

  /** How often one kind of bad input came, and when it was last written to the log. */
  private static final class Kind {
    final AtomicLong total = new AtomicLong();
    final AtomicLong unlogged = new AtomicLong();
    volatile Instant loggedAt = Instant.MIN;
  }

  /**
   * Counts one bad input and logs it when it is the first of its kind, or the first after a minute
   * of silence for that kind. Returns the count so far for this source and reason.
   */
  public long record(String source, String reason, String detail) {
    Kind kind = kinds.computeIfAbsent(source + "/" + reason, k -> new Kind());
    long total = kind.total.incrementAndGet();
    Instant now = clock.instant();
    Instant last = kind.loggedAt;
    if (last.equals(Instant.MIN) || !now.isBefore(last.plus(SAMPLE_EVERY))) {
      synchronized (kind) {
        if (kind.loggedAt == last) {
          kind.loggedAt = now;
          long meanwhile = kind.unlogged.getAndSet(0);
          if (meanwhile == 0) {
            LOG.warn("bad input ({} / {}): {}", source, reason, detail);
          } else {
            LOG.warn(
                "bad input ({} / {}): {} ({} more of this kind since the last line, {} in all)",
                source,
                reason,
                detail,
                meanwhile,
                total);
          }
          return total;
        }
      }
    }
    kind.unlogged.incrementAndGet();
    return total;
  }

  /** Counts so far, keyed {@code source/reason}, sorted. */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    kinds.forEach((key, kind) -> counts.put(key, kind.total.get()));
    return counts;
  }

  /** Count so far for one source and reason. */
  public long count(String source, String reason) {
    Kind kind = kinds.get(source + "/" + reason);
    return kind == null ? 0 : kind.total.get();
  }

  /** Count so far for one source, over every reason. */
  public long count(String source) {
    String prefix = source + "/";
    return kinds.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(e -> e.getValue().total.get())
        .sum();
  }
}
