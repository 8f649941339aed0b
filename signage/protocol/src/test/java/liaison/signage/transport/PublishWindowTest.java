package liaison.signage.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PublishWindowTest {

  /** What a client throws when it has no room for another publish now (Paho's 32202). */
  static final class NoRoom extends Exception {
    NoRoom() {
      super("Too many publishes in progress");
    }
  }

  private static final Duration SHORT = Duration.ofMillis(200);

  /**
   * A client that behaves as Paho does: it refuses beyond its own in-flight limit and frees its
   * slot only after it has reported the acknowledgement, on its own thread; on top, it refuses now
   * and then for no reason the window can see. It also counts what the broker would see.
   */
  static final class PahoLikeClient implements AutoCloseable {
    private final int limit;
    private final SplittableRandom random = new SplittableRandom(13);
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor();
    private int clientInFlight;
    private int unacknowledged;
    int mostUnacknowledged;
    int refusals;
    int delivered;

    PahoLikeClient(int limit) {
      this.limit = limit;
    }

    PublishWindow.Handover message() {
      return answer -> {
        synchronized (this) {
          if (clientInFlight >= limit || random.nextInt(4) == 0) {
            refusals++;
            throw new NoRoom();
          }
          clientInFlight++;
          unacknowledged++;
          mostUnacknowledged = Math.max(mostUnacknowledged, unacknowledged);
        }
        callbacks.execute(
            () -> {
              synchronized (this) {
                unacknowledged--;
                delivered++;
              }
              answer.complete(0);
              synchronized (this) {
                clientInFlight--;
              }
            });
      };
    }

    @Override
    public void close() {
      callbacks.shutdownNow();
    }
  }

  /** A client that takes everything and answers only when the test says so. */
  static final class HeldClient {
    final BlockingQueue<CompletableFuture<Integer>> unanswered = new LinkedBlockingQueue<>();

    PublishWindow.Handover message() {
      return unanswered::add;
    }
  }

  private static PublishWindow window(int receiveMaximum, Duration slotPatience) {
    PublishWindow window =
        new PublishWindow(
            10,
            e -> e instanceof NoRoom,
            new PublishWindow.Patience(slotPatience, Duration.ofSeconds(5)));
    window.open(receiveMaximum);
    return window;
  }

  @Test
  void shouldDeliverEveryPublishWithinASmallWindowWhileTheClientKeepsRefusingForAMoment()
      throws Exception {
    // given a window of 3 and a client that frees its slots late and refuses at random
    PublishWindow window = window(3, Duration.ofSeconds(10));
    List<Integer> codes = new ArrayList<>();
    try (PahoLikeClient client = new PahoLikeClient(3);
        ExecutorService publishers = Executors.newFixedThreadPool(4)) {
      // when four threads publish 150 messages each, waiting for each acknowledgement
      List<Future<List<Integer>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(
            publishers.submit(
                () -> {
                  List<Integer> mine = new ArrayList<>();
                  for (int i = 0; i < 150; i++) {
                    mine.add(
                        window
                            .publish("liaison/v1/station/s-001/event", 1, client.message())
                            .get(10, TimeUnit.SECONDS));
                  }
                  return mine;
                }));
      }
      for (Future<List<Integer>> run : runs) {
        codes.addAll(run.get(60, TimeUnit.SECONDS));
      }
      // then every one arrived, the broker never held more than the window, and refusals were met
      assertThat(codes).hasSize(600).containsOnly(0);
      synchronized (client) {
        assertThat(client.delivered).isEqualTo(600);
        assertThat(client.mostUnacknowledged).isBetween(1, 3);
        assertThat(client.refusals)
            .as("the client refused now and then, and each was tried again")
            .isPositive();
      }
    }
  }

  @Test
  void shouldHandOverNoMoreThanTheBrokersReceiveMaximumUntilItAnswers() throws Exception {
    // given a broker that allows 2 and answers nothing yet
    PublishWindow window = window(2, SHORT);
    HeldClient client = new HeldClient();
    CompletableFuture<Integer> first = window.publish("t", 1, client.message());
    CompletableFuture<Integer> second = window.publish("t", 1, client.message());

    // when a third is published, it finds no slot
    CompletableFuture<Integer> third = window.publish("t", 1, client.message());
    assertThatThrownBy(third::join)
        .hasMessageContaining("no free publish slot for t within 200 ms");
    assertThat(client.unanswered).hasSize(2);

    // then an answer frees a slot for the next one
    client.unanswered.take().complete(0);
    assertThat(first.get(1, TimeUnit.SECONDS)).isZero();
    CompletableFuture<Integer> fourth = window.publish("t", 1, client.message());
    assertThat(client.unanswered).hasSize(2);
    client.unanswered.forEach(a -> a.complete(0));
    assertThat(second.get(1, TimeUnit.SECONDS)).isZero();
    assertThat(fourth.get(1, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void shouldFreeTheSlotBeforeTheCallerHearsSoThatItMayPublishAgainAtOnce() throws Exception {
    // given a window of one
    PublishWindow window = window(1, SHORT);
    HeldClient client = new HeldClient();
    CompletableFuture<Integer> next = new CompletableFuture<>();

    // when the caller publishes the next message from the first one's acknowledgement
    window
        .publish("t", 1, client.message())
        .thenRun(
            () ->
                window
                    .publish("t", 1, client.message())
                    .whenComplete(
                        (code, e) -> {
                          if (e != null) {
                            next.completeExceptionally(e);
                          } else {
                            next.complete(code);
                          }
                        }));
    client.unanswered.take().complete(0);

    // then it found the slot free (else it would wait and fail for want of one)
    client.unanswered.take().complete(0);
    assertThat(next.get(5, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void shouldFailAPublishTheBrokerRefusedAndPassOnOtherReasonCodes() {
    PublishWindow window = window(10, SHORT);
    HeldClient client = new HeldClient();
    CompletableFuture<Integer> refused =
        window.publish("liaison/v1/station/s-002/event", 1, client.message());
    CompletableFuture<Integer> nobodyListens =
        window.publish("liaison/v1/station/s-001/event", 1, client.message());
    client.unanswered.poll().complete(0x87);
    client.unanswered.poll().complete(0x10);

    assertThatThrownBy(refused::join)
        .hasMessageContaining(
            "the broker refused the message on liaison/v1/station/s-002/event with reason code 0x87");
    assertThat(nobodyListens.join()).isEqualTo(0x10);
  }

  @Test
  void shouldGiveUpOnAClientThatStaysFullAndGiveTheSlotBack() throws Exception {
    // given a window of one and a client that has no room for longer than the window waits
    PublishWindow window =
        new PublishWindow(
            10, e -> e instanceof NoRoom, new PublishWindow.Patience(SHORT, Duration.ofMillis(50)));
    window.open(1);
    CompletableFuture<Integer> stuck =
        window.publish(
            "t",
            1,
            answer -> {
              throw new NoRoom();
            });

    // then the publish fails with the client's refusal, and the slot is free for the next one
    assertThatThrownBy(stuck::join).hasCauseInstanceOf(NoRoom.class);
    HeldClient client = new HeldClient();
    CompletableFuture<Integer> next = window.publish("t", 1, client.message());
    client.unanswered.take().complete(0);
    assertThat(next.get(1, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void shouldNotTryAgainAfterAnyOtherRefusalOfTheClient() {
    PublishWindow window = window(1, SHORT);
    int[] tries = {0};
    CompletableFuture<Integer> failed =
        window.publish(
            "t",
            1,
            answer -> {
              tries[0]++;
              throw new IllegalStateException("client is closed");
            });
    assertThatThrownBy(failed::join).hasMessageContaining("client is closed");
    assertThat(tries[0]).isEqualTo(1);
  }

  @Test
  void shouldStopTryingAgainOnceClosed() {
    PublishWindow window = window(1, SHORT);
    window.close();
    int[] tries = {0};
    CompletableFuture<Integer> failed =
        window.publish(
            "t",
            1,
            answer -> {
              tries[0]++;
              throw new NoRoom();
            });
    assertThatThrownBy(failed::join).hasCauseInstanceOf(NoRoom.class);
    assertThat(tries[0]).isEqualTo(1);
  }

  @Test
  void shouldTakeNoSlotForQos0() throws Exception {
    PublishWindow window = window(1, SHORT);
    HeldClient client = new HeldClient();
    CompletableFuture<Integer> held = window.publish("t", 1, client.message());
    CompletableFuture<Integer> fireAndForget = window.publish("t", 0, answer -> answer.complete(0));
    assertThat(fireAndForget.get(1, TimeUnit.SECONDS)).isZero();
    client.unanswered.take().complete(0);
    assertThat(held.get(1, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void shouldGiveEachConnectionAFreshWindowSizedByItsBrokerWithinTheLargestAllowed()
      throws ExecutionException {
    PublishWindow window =
        new PublishWindow(10, e -> e instanceof NoRoom, new PublishWindow.Patience(SHORT, SHORT));
    assertThat(window.size()).as("before the first connection").isEqualTo(1);
    assertThat(window.open(null))
        .as("a broker that does not say")
        .isEqualTo(PublishWindow.UNSTATED_RECEIVE_MAXIMUM);
    assertThat(window.open(65_535)).isEqualTo(10);
    assertThat(window.open(3)).isEqualTo(3);

    // a publish lost with the old connection holds no slot of the new one
    window.open(1);
    HeldClient client = new HeldClient();
    window.publish("t", 1, client.message());
    window.open(1);
    CompletableFuture<Integer> onNewConnection = window.publish("t", 1, client.message());
    assertThat(client.unanswered).hasSize(2);
    client.unanswered.forEach(a -> a.complete(0));
    assertThat(onNewConnection.join()).isZero();
  }

  @Test
  void shouldReportTheWorstReasonCodeOfAnAcknowledgement() {
    assertThat(PublishWindow.worst(null)).isZero();
    assertThat(PublishWindow.worst(new int[0])).isZero();
    assertThat(PublishWindow.worst(new int[] {0x10, 0x87, 0})).isEqualTo(0x87);
  }
}
