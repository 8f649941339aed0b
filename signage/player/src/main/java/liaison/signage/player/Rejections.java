package liaison.signage.player;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The messages this station ignored (malformed, for another station, on a channel it does not
 * read), counted and the last one's reason kept, for diagnostics and tests. What is on screen never
 * changes for them.
 */
public final class Rejections {

  private static final Logger LOG = LoggerFactory.getLogger(Rejections.class);

  private final AtomicLong count = new AtomicLong();
  private volatile Optional<String> last = Optional.empty();

  /** Messages ignored since the station started. */
  public long count() {
    return count.get();
  }

  /** Why the last one was ignored, as logged. */
  public Optional<String> last() {
    return last;
  }

  /** Logs the reason, counts it and keeps it as the last. */
  void reject(String reason) {
    count.incrementAndGet();
    LOG.warn(reason);
    last = Optional.of(reason);
  }

  /** Counts a message whose reader says why itself (a command on another station's topic). */
  void counted() {
    count.incrementAndGet();
  }
}
