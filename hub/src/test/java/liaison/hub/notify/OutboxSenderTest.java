package liaison.hub.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.config.LeaseConfig;
import liaison.hub.db.Database;
import liaison.hub.db.Leases;
import liaison.hub.problem.BadInput;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The outbox's sender on both stores, with the log-only channels and, at the edge, a mail channel
 * that fails a given number of times: sent, tried again after the backoff, given up, one bad
 * message never stopping the others, and two hubs on one database sending each message once.
 */
@OnBothStores
class OutboxSenderTest {
  @Parameter TestDatabases.Store store;

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
  private final BadInput badInput = new BadInput(clock);
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : opened.reversed()) {
      c.close();
    }
  }

  /** A mail server at the edge: refuses the first {@code failures} tries, then accepts. */
  static final class FlakyMail implements MailGateway {
    private final int failures;
    private final boolean retry;
    final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();

    FlakyMail(int failures, boolean retry) {
      this.failures = failures;
      this.retry = retry;
    }

    @Override
    public Delivery send(MailMessage message) {
      int n = tries.computeIfAbsent(message.to(), k -> new AtomicInteger()).incrementAndGet();
      if (message.to().startsWith("throws")) {
        throw new IllegalStateException("connection reset");
      }
      return n <= failures
          ? new Delivery.Failed("451 try again later (" + n + ")", retry)
          : new Delivery.Sent("250 queued as Q" + n);
    }

    int total() {
      return tries.values().stream().mapToInt(AtomicInteger::get).sum();
    }
  }

  private Database database(Path dir) {
    TestStore db = TestStore.migrated(store, dir);
    opened.add(db);
    db.database().useHandle(h -> h.execute("INSERT INTO county (id, name) VALUES ('c-1', '测试县')"));
    return db.database();
  }

  private Leases leases(Database database, String name) {
    Leases leases = new Leases(database, clock, new LeaseConfig(Duration.ofMinutes(1)), name);
    opened.add(leases);
    return leases;
  }

  private OutboxSender sender(Database database, Leases leases, MailGateway mail, int attempts) {
    return new OutboxSender(
        database,
        leases,
        mail,
        new LogOnlySmsGateway(),
        new OutboxSettings(Duration.ofSeconds(15), attempts, 50),
        badInput,
        clock);
  }

  private void enqueue(Database database, Notification n) {
    Outbox outbox = new Outbox(clock);
    database.useTransaction(h -> assertThat(outbox.enqueue(h, n)).isTrue());
  }

  private static Notification mail(String to) {
    return Notification.email("c-1", to, "case-forwarded", "【交办】测试", "正文");
  }

  private static String row(Database database, String recipient) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT status || ' ' || attempts || ' ' || next_attempt_at || ' ' || reference"
                        + " || ' ' || COALESCE(sent_at, '-') || ' ' || last_error"
                        + " FROM notification WHERE recipient = :r")
                .bind("r", recipient)
                .mapTo(String.class)
                .one());
  }

  @Test
  void shouldSendWhatIsDueThroughTheLogOnlyChannelsOnce(@TempDir Path dir) {
    Database database = database(dir);
    enqueue(database, mail("jiaotong@example.cn"));
    enqueue(
        database,
        Notification.sms(
            "c-1", "13812341234", "case-answered", "case-answered", Map.of("code", "Q")));
    OutboxSender sender = sender(database, leases(database, "hub-a"), new LogOnlyMailGateway(), 6);

    assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Round(2, 0, 0));
    assertThat(sender.sendDue())
        .as("nothing is due any more")
        .isEqualTo(new OutboxSender.Round(0, 0, 0));

    assertThat(row(database, "jiaotong@example.cn"))
        .isEqualTo("SENT 1 2026-03-02T09:00:00+08:00 log 2026-03-02T09:00:00+08:00 ");
    assertThat(row(database, "13812341234")).startsWith("SENT 1 ");
  }

  @Test
  void shouldTryAFailedMessageAgainAfterTheBackoffUntilItIsSent(@TempDir Path dir) {
    Database database = database(dir);
    enqueue(database, mail("busy@example.cn"));
    FlakyMail mail = new FlakyMail(2, true);
    OutboxSender sender = sender(database, leases(database, "hub-a"), mail, 6);

    assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Round(0, 1, 0));
    assertThat(row(database, "busy@example.cn"))
        .isEqualTo("PENDING 1 2026-03-02T09:01:00+08:00  - 451 try again later (1)");

    clock.advance(Duration.ofSeconds(59));
    assertThat(sender.sendDue().total()).as("not due before its minute is up").isZero();
    clock.advance(Duration.ofSeconds(1));
    assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Round(0, 1, 0));
    assertThat(row(database, "busy@example.cn"))
        .as("the second wait is five minutes")
        .startsWith("PENDING 2 2026-03-02T09:06:00+08:00");

    clock.advance(Duration.ofMinutes(5));
    assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Round(1, 0, 0));
    assertThat(row(database, "busy@example.cn"))
        .isEqualTo(
            "SENT 3 2026-03-02T09:06:00+08:00 250 queued as Q3 2026-03-02T09:06:00+08:00"
                + " 451 try again later (2)");
    assertThat(mail.total()).isEqualTo(3);
  }

  @Test
  void shouldGiveUpAfterTheLastAttemptOrAtOnceWhenTheFailureIsFinal(@TempDir Path dir) {
    Database database = database(dir);
    enqueue(database, mail("down@example.cn"));
    OutboxSender sender =
        sender(database, leases(database, "hub-a"), new FlakyMail(Integer.MAX_VALUE, true), 3);

    assertThat(sender.sendDue().retrying()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(sender.sendDue().retrying()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(5));
    assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Round(0, 0, 1));
    assertThat(row(database, "down@example.cn"))
        .startsWith("GIVEN_UP 3 ")
        .endsWith("451 try again later (3)");
    clock.advance(Duration.ofDays(1));
    assertThat(sender.sendDue().total()).as("a message given up is not tried again").isZero();

    enqueue(database, mail("nobody@example.cn"));
    OutboxSender refused =
        sender(database, leases(database, "hub-a"), new FlakyMail(Integer.MAX_VALUE, false), 3);
    assertThat(refused.sendDue()).isEqualTo(new OutboxSender.Round(0, 0, 1));
    assertThat(row(database, "nobody@example.cn")).startsWith("GIVEN_UP 1 ");
  }

  @Test
  void shouldSendTheOthersWhenAChannelThrowsOrARowCannotBeRead(@TempDir Path dir) {
    Database database = database(dir);
    enqueue(database, mail("a@example.cn"));
    enqueue(database, mail("throws@example.cn"));
    enqueue(database, mail("b@example.cn"));
    enqueue(database, Notification.sms("c-1", "13900001111", "case-answered", "t", Map.of()));
    enqueue(database, mail("fax@example.cn"));
    enqueue(database, Notification.sms("c-1", "13900002222", "case-answered", "t", Map.of()));
    database.useHandle(
        h -> {
          h.execute("UPDATE notification SET params = '{not json' WHERE recipient = '13900001111'");
          h.execute("UPDATE notification SET channel = 'FAX' WHERE recipient = 'fax@example.cn'");
          // The resident's contact was erased after the message was enqueued.
          h.execute("UPDATE notification SET recipient = '' WHERE recipient = '13900002222'");
        });
    OutboxSender sender = sender(database, leases(database, "hub-a"), new FlakyMail(0, true), 6);

    assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Round(2, 1, 3));

    assertThat(row(database, "a@example.cn")).startsWith("SENT ");
    assertThat(row(database, "b@example.cn")).startsWith("SENT ");
    assertThat(row(database, "throws@example.cn"))
        .as("the channel's fault: tried again later")
        .startsWith("PENDING 1 ")
        .endsWith("connection reset");
    assertThat(row(database, "13900001111")).startsWith("GIVEN_UP 1 ");
    assertThat(row(database, "fax@example.cn")).startsWith("GIVEN_UP 1 ");
    assertThat(row(database, "")).startsWith("GIVEN_UP 1 ");
    assertThat(badInput.count("outbox")).isEqualTo(4);
  }

  @Test
  void shouldSendEachMessageOnceWhenTwoHubsRunTheirRoundsAtOnce(@TempDir Path dir)
      throws Exception {
    Database database = database(dir);
    for (int i = 0; i < 20; i++) {
      enqueue(database, mail("dept-" + i + "@example.cn"));
    }
    FlakyMail onA = new FlakyMail(0, true);
    FlakyMail onB = new FlakyMail(0, true);
    OutboxSender a = sender(database, leases(database, "hub-a"), onA, 6);
    OutboxSender b = sender(database, leases(database, "hub-b"), onB, 6);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<OutboxSender.Round>> rounds = List.of(a::sendDue, b::sendDue);
      int sent = 0;
      for (Future<OutboxSender.Round> f : pool.invokeAll(rounds)) {
        sent += f.get().sent();
      }
      assertThat(sent).isEqualTo(20);
    } finally {
      pool.shutdownNow();
    }
    assertThat(onA.total() + onB.total()).as("each message went out once").isEqualTo(20);
    assertThat(onA.total() * onB.total()).as("all by the hub holding the lease").isZero();
    // The other hub's later rounds find nothing: the lease is not its, and nothing is due.
    assertThat(a.sendDue().total() + b.sendDue().total()).isZero();
  }
}
