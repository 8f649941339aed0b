package liaison.signage.player;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import liaison.signage.player.link.HubLink;
import liaison.signage.player.model.LiveValue;
import liaison.signage.player.store.Outbox;
import liaison.signage.player.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox to the hub: one thread publishes pending events oldest first, QoS 1, with a few
 * in flight, and each is deleted only after the broker's acknowledgement.
 *
 * <p>Work goes in rounds. A round starts at the oldest pending event when the link connects and
 * ends when the link drops or a publish fails; then, once the round's publishes have settled, the
 * next round starts again from the oldest event still pending. So an event whose acknowledgement
 * never came is sent again (the hub absorbs the duplicate) and none is skipped.
 *
 * <p>An acknowledgement saying "no matching subscribers" counts as a failure: the broker dropped
 * the event because nobody (no hub) listens, for example after a broker restart without persistence
 * before the hub subscribed again. The event stays and is tried again after a short pause.
 */
final class OutboxDelivery implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

  /** Below the broker's Receive Maximum (10 on HiveMQ), leaving room for state reports. */
  static final int MAX_IN_FLIGHT = 4;

  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
  private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration SETTLE_WAIT = Duration.ofSeconds(10);

  private final String stationId;
  private final Outbox outbox;
  private final HubLink link;
  private final String topic;
  private final LiveValue<Integer> pending;
  private final Thread sender;

  /**
   * Deletes acknowledged events off Paho's callback thread, batching those acknowledged together.
   */
  private final ExecutorService acks;

  private final ConcurrentLinkedQueue<Acked> acked = new ConcurrentLinkedQueue<>();

  private final Object counting = new Object();
  private final Object signal = new Object();
  // Guarded by signal.
  private boolean connected;
  private long connection;
  private boolean wake;
  private boolean closed;
  private boolean started;

  private record Acked(long seq, Semaphore slots) {}

  /** One pass over the outbox on one connection. */
  private final class Round {
    final long connection;
    final Semaphore slots = new Semaphore(MAX_IN_FLIGHT);
    volatile boolean failed;

    Round(long connection) {
      this.connection = connection;
    }

    /** Still worth sending in: not failed, the same connection up, not closing. Under signal. */
    boolean live() {
      return !failed && !closed && connected && connection == OutboxDelivery.this.connection;
    }
  }

  OutboxDelivery(
      String stationId, Outbox outbox, HubLink link, String topic, LiveValue<Integer> pending) {
    this.stationId = stationId;
    this.outbox = outbox;
    this.link = link;
    this.topic = topic;
    this.pending = pending;
    this.acks =
        Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("outbox-acks-" + stationId).daemon().unstarted(r));
    this.sender = Thread.ofPlatform().name("outbox-" + stationId).daemon().unstarted(this::run);
  }

  void start() {
    synchronized (signal) {
      if (closed) {
        return;
      }
      started = true;
      sender.start();
    }
  }

  /** Something was recorded: count again and look at the outbox. */
  void recorded() {
    refreshPending();
    synchronized (signal) {
      wake = true;
      signal.notifyAll();
    }
  }

  void connected() {
    synchronized (signal) {
      connected = true;
      connection++;
      wake = true;
      signal.notifyAll();
    }
  }

  void disconnected() {
    synchronized (signal) {
      connected = false;
      signal.notifyAll();
    }
  }

  private void run() {
    try {
      while (true) {
        Round round;
        synchronized (signal) {
          while (!closed && !connected) {
            signal.wait();
          }
          if (closed) {
            return;
          }
          round = new Round(connection);
        }
        try {
          deliver(round);
        } catch (RuntimeException e) {
          // A store that cannot be read now (disk full, locked) may be readable in a moment.
          LOG.error(
              "station {}: event delivery failed; the events stay in the outbox", stationId, e);
          round.failed = true;
        }
        if (round.failed) {
          settle(round);
          pause(round);
        }
      }
    } catch (InterruptedException e) {
      // closing
    }
  }

  private void deliver(Round round) throws InterruptedException {
    long cursor = 0;
    while (true) {
      synchronized (signal) {
        if (!round.live()) {
          return;
        }
        wake = false;
      }
      List<Outbox.Pending> batch = outbox.after(cursor, MAX_IN_FLIGHT * 4);
      if (batch.isEmpty()) {
        synchronized (signal) {
          while (!wake && round.live()) {
            signal.wait();
          }
        }
        continue;
      }
      for (Outbox.Pending event : batch) {
        if (!takeSlot(round)) {
          return;
        }
        cursor = event.seq();
        send(round, event);
      }
    }
  }

  /** Waits for a free in-flight slot while the round is live. */
  private boolean takeSlot(Round round) throws InterruptedException {
    while (!round.slots.tryAcquire(200, TimeUnit.MILLISECONDS)) {
      synchronized (signal) {
        if (!round.live()) {
          return false;
        }
      }
    }
    synchronized (signal) {
      if (round.live()) {
        return true;
      }
    }
    round.slots.release();
    return false;
  }

  private void send(Round round, Outbox.Pending event) {
    CompletableFuture<Integer> ack =
        link.publish(new HubLink.Message(topic, event.payload(), 1, false))
            .orTimeout(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    ack.whenComplete(
        (code, e) -> {
          if (e == null && code != HubLink.NO_MATCHING_SUBSCRIBERS) {
            acked.add(new Acked(event.seq(), round.slots));
            try {
              acks.execute(this::deleteAcknowledged);
            } catch (RejectedExecutionException closing) {
              round.slots.release();
            }
            return;
          }
          round.slots.release();
          String why =
              e != null
                  ? String.valueOf(e.getMessage())
                  : "the broker has no subscriber for " + topic + " (no hub listening)";
          fail(round, "event " + event.id() + " not delivered: " + why);
        });
  }

  private void fail(Round round, String reason) {
    synchronized (signal) {
      if (round.failed) {
        return;
      }
      round.failed = true;
      signal.notifyAll();
    }
    LOG.info("station {}: {}; trying again from the oldest pending event", stationId, reason);
  }

  private void deleteAcknowledged() {
    List<Acked> batch = new ArrayList<>();
    for (Acked a; (a = acked.poll()) != null; ) {
      batch.add(a);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      outbox.delete(batch.stream().map(Acked::seq).toList());
      refreshPending();
    } catch (StoreException e) {
      // The events stay and go again later; the hub ignores the duplicates.
      LOG.warn("station {}: acknowledged events not deleted: {}", stationId, e.getMessage());
    } finally {
      batch.forEach(a -> a.slots().release());
    }
  }

  /** Counts under a lock, so a slow count never overwrites a newer one. */
  void refreshPending() {
    synchronized (counting) {
      pending.set(outbox.size());
    }
  }

  /**
   * Lets the failed round's publishes finish, so the next round does not send them twice. Not worth
   * waiting for once the connection they went out on is gone: they will never be acknowledged.
   */
  private void settle(Round round) throws InterruptedException {
    long until = System.nanoTime() + SETTLE_WAIT.toNanos();
    while (System.nanoTime() < until) {
      if (round.slots.tryAcquire(MAX_IN_FLIGHT, 200, TimeUnit.MILLISECONDS)) {
        round.slots.release(MAX_IN_FLIGHT);
        return;
      }
      synchronized (signal) {
        if (closed || !connected || connection != round.connection) {
          return;
        }
      }
    }
  }

  /** A short pause before the next round, cut short by closing or by a new connection. */
  private void pause(Round round) throws InterruptedException {
    long until = System.nanoTime() + RETRY_PAUSE.toNanos();
    synchronized (signal) {
      long left;
      while (!closed && connection == round.connection && (left = until - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(signal, left);
      }
    }
  }

  /** Stops sending; what is not acknowledged stays in the outbox for the next start. */
  @Override
  public void close() {
    synchronized (signal) {
      closed = true;
      signal.notifyAll();
      if (!started) {
        return;
      }
    }
    try {
      sender.join(Duration.ofSeconds(2));
      if (sender.isAlive()) {
        sender.interrupt();
        sender.join(Duration.ofSeconds(2));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** After the link is closed: finishes deleting what was acknowledged, before the store closes. */
  void finishAcknowledgements() {
    acks.shutdown();
    try {
      if (!acks.awaitTermination(2, TimeUnit.SECONDS)) {
        acks.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
