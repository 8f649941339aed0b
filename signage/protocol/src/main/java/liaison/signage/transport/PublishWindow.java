package liaison.signage.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The pacing of an MQTT client's publishes, written once for the hub's client and the stations'
 * link. It knows no MQTT library: the client hands each message over through a {@link Handover} and
 * says which of its refusals mean "no room right now".
 *
 * <p>Two limits, both met by Paho with "Too many publishes in progress" (32202) and nothing else:
 *
 * <ul>
 *   <li>the broker takes at most its Receive Maximum of unacknowledged QoS 1 publishes: a slot of
 *       this window is taken before a message is handed over and given back once the broker has
 *       answered, <em>before</em> the caller hears of it (a caller that publishes again from its
 *       callback finds the slot free);
 *   <li>Paho frees its own slot only after it has reported the acknowledgement, on its own thread,
 *       so right after a slot of this window came back it may still refuse for a moment: the
 *       hand-over is tried again, briefly, with a short pause (no spinning: on a two-core station
 *       that starves the very thread that frees the slot).
 * </ul>
 *
 * <p>A broker's answer of 0x80 or more is a refusal (not authorised, quota exceeded…) and fails the
 * publish; below it the publish completes with the code, for example 0x10 "no matching
 * subscribers", which the caller may treat as not delivered.
 */
public final class PublishWindow {

  /** Used when the broker does not say its Receive Maximum (HiveMQ CE's own). */
  public static final int UNSTATED_RECEIVE_MAXIMUM = 10;

  /** MQTT 5 reason codes from this value up are refusals. */
  public static final int FIRST_REFUSAL = 0x80;

  private static final long CLIENT_RETRY_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  /**
   * Hands one message to the MQTT client. The client completes {@code answer} with the broker's
   * reason code once the broker answered (0 at once for QoS 0), or fails it; it throws when it does
   * not take the message now.
   */
  @FunctionalInterface
  public interface Handover {
    void send(CompletableFuture<Integer> answer) throws Exception;
  }

  /**
   * How long a publish may wait.
   *
   * @param slot for a free slot of the window: the broker is slow to acknowledge
   * @param clientRoom for the client to take the message once a slot is free
   */
  public record Patience(Duration slot, Duration clientRoom) {
    public static final Patience DEFAULT =
        new Patience(Duration.ofSeconds(10), Duration.ofSeconds(5));

    public Patience {
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(clientRoom, "clientRoom");
    }
  }

  private final int largest;
  private final Predicate<Exception> clientFull;
  private final Patience patience;
  private volatile Semaphore slots = new Semaphore(1);
  private volatile int size = 1;
  private volatile boolean closed;

  /**
   * @param largest the most publishes kept in flight, whatever larger Receive Maximum a broker
   *     announces
   * @param clientFull whether the client's refusal means it has no room right now (Paho: reason
   *     32202), to be tried again in a moment
   */
  public PublishWindow(int largest, Predicate<Exception> clientFull, Patience patience) {
    if (largest < 1) {
      throw new IllegalArgumentException("largest must be at least 1, was " + largest);
    }
    this.largest = largest;
    this.clientFull = Objects.requireNonNull(clientFull, "clientFull");
    this.patience = Objects.requireNonNull(patience, "patience");
  }

  public PublishWindow(int largest, Predicate<Exception> clientFull) {
    this(largest, clientFull, Patience.DEFAULT);
  }

  /**
   * A fresh window for a new connection, sized from its CONNACK's Receive Maximum (null or 0 when
   * the broker did not say). Slots held by publishes lost with the old connection are not waited
   * for: they come back to the old window, which nobody uses any more.
   *
   * @return the window's size
   */
  public int open(@Nullable Integer receiveMaximum) {
    int next =
        receiveMaximum == null || receiveMaximum <= 0
            ? Math.min(UNSTATED_RECEIVE_MAXIMUM, largest)
            : Math.min(receiveMaximum, largest);
    slots = new Semaphore(next);
    size = next;
    return next;
  }

  /** The current window's size: 1 until the first {@link #open}. */
  public int size() {
    return size;
  }

  /**
   * Stops trying again: a publish waiting for the client's room fails with the client's refusal.
   */
  public void close() {
    closed = true;
  }

  /**
   * Publishes through the client, paced. The future completes with the broker's reason code (below
   * 0x80), or fails: no free slot in time, the client refused it, the broker refused it.
   *
   * @param qos 0 takes no slot (the broker acknowledges nothing), 1 and 2 take one
   */
  public CompletableFuture<Integer> publish(String topic, int qos, Handover handover) {
    CompletableFuture<Integer> done = new CompletableFuture<>();
    Semaphore window = slots;
    boolean takesSlot = qos > 0;
    if (takesSlot) {
      try {
        if (!window.tryAcquire(patience.slot().toNanos(), TimeUnit.NANOSECONDS)) {
          done.completeExceptionally(
              new IllegalStateException(
                  "no free publish slot for "
                      + topic
                      + " within "
                      + patience.slot().toMillis()
                      + " ms: the broker has not acknowledged the "
                      + size
                      + " before it"));
          return done;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done.completeExceptionally(e);
        return done;
      }
    }
    CompletableFuture<Integer> answer = new CompletableFuture<>();
    answer.whenComplete(
        (code, failure) -> {
          // The slot first: whoever hears of this publish may send the next one at once.
          if (takesSlot) {
            window.release();
          }
          if (failure != null) {
            done.completeExceptionally(failure);
          } else if (code >= FIRST_REFUSAL) {
            done.completeExceptionally(
                new IllegalStateException(
                    "the broker refused the message on "
                        + topic
                        + " with reason code 0x"
                        + Integer.toHexString(code)));
          } else {
            done.complete(code);
          }
        });
    try {
      handOver(handover, answer);
    } catch (Exception e) {
      answer.completeExceptionally(e);
    }
    return done;
  }

  private void handOver(Handover handover, CompletableFuture<Integer> answer) throws Exception {
    long deadline = System.nanoTime() + patience.clientRoom().toNanos();
    while (true) {
      try {
        handover.send(answer);
        return;
      } catch (Exception e) {
        if (!clientFull.test(e) || closed || System.nanoTime() - deadline > 0) {
          throw e;
        }
        LockSupport.parkNanos(CLIENT_RETRY_PAUSE_NANOS);
      }
    }
  }

  /** The worst of the reason codes a client reports for one acknowledgement (none: 0). */
  public static int worst(int @Nullable [] reasonCodes) {
    int worst = 0;
    for (int i = 0; reasonCodes != null && i < reasonCodes.length; i++) {
      worst = Math.max(worst, reasonCodes[i]);
    }
    return worst;
  }
}
