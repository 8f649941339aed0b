package liaison.hub.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.db.Database;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Enqueuing into the outbox on both stores: in the caller's transaction, and once per key. */
@OnBothStores
class OutboxTest {
  @Parameter TestDatabases.Store store;

  @Test
  void shouldEnqueueWithTheStepAndNotWithoutIt(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir)) {
      Database database = db.database();
      database.useHandle(h -> h.execute("INSERT INTO county (id, name) VALUES ('c-1', '测试县')"));
      Outbox outbox = new Outbox(TestClock.at("2026-03-02T09:00:00+08:00"));
      Notification sms =
          Notification.sms(
              "c-1", "13812341234", "case-answered", "case-answered", Map.of("code", "Q-1"));

      database.useTransaction(h -> assertThat(outbox.enqueue(h, sms)).isTrue());
      try {
        database.useTransaction(
            h -> {
              outbox.enqueue(h, sms);
              throw new IllegalStateException("the step failed");
            });
      } catch (IllegalStateException expected) {
        // the step rolled back, and its message with it
      }

      assertThat(rows(database)).isEqualTo(1);
      String stored =
          database.withHandle(
              h ->
                  h.createQuery("SELECT status || ' ' || params FROM notification")
                      .mapTo(String.class)
                      .one());
      assertThat(stored).isEqualTo("PENDING {\"code\":\"Q-1\"}");
    }
  }

  @Test
  void shouldEnqueueAMessageWithAKeyOnce(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir)) {
      Database database = db.database();
      database.useHandle(h -> h.execute("INSERT INTO county (id, name) VALUES ('c-1', '测试县')"));
      Outbox outbox = new Outbox(TestClock.at("2026-03-02T09:00:00+08:00"));
      Notification reminder =
          Notification.email("c-1", "a@example.cn", "case-due-soon", "还有两个工作日", "正文")
              .once("due-soon:case-1:2026-03-04");

      boolean first = database.inTransaction(h -> outbox.enqueue(h, reminder));
      boolean again = database.inTransaction(h -> outbox.enqueue(h, reminder));
      boolean other = database.inTransaction(h -> outbox.enqueue(h, reminder.once("other")));
      assertThat(first).isTrue();
      assertThat(again).as("the same key a second time").isFalse();
      assertThat(other).isTrue();
      assertThat(rows(database)).isEqualTo(2);
    }
  }

  private static int rows(Database database) {
    return database.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM notification").mapTo(Integer.class).one());
  }
}
