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

/** The stop links and the opt-out on both stores: one link per number, kept by a keyed hash. */
@OnBothStores
class SmsStopsTest {
  @Parameter TestDatabases.Store store;

  @Test
  void shouldGiveEachNumberOneStopLinkAndKeepNoNumber(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir)) {
      Database database = db.database();
      SmsStops stops = new SmsStops(database, TestClock.at("2026-03-02T09:00:00+08:00"));

      String first = database.inTransaction(h -> stops.link(h, "13812341234"));
      String again = database.inTransaction(h -> stops.link(h, "13812341234"));
      String other = database.inTransaction(h -> stops.link(h, "13912345678"));

      assertThat(first).matches("n/[2-9a-zA-Z]{16}").isEqualTo(again).isNotEqualTo(other);
      assertThat(stops.find(first.substring(2)))
          .contains(new SmsStops.Stop(first.substring(2), "138****1234", false));
      String stored =
          database.withHandle(
              h ->
                  h.createQuery("SELECT phone_hash FROM sms_stop WHERE token = :t")
                      .bind("t", first.substring(2))
                      .mapTo(String.class)
                      .one());
      assertThat(stored).hasSize(64).doesNotContain("1234");
      assertThat(stops.find("NoSuchToken23456")).isEmpty();
    }
  }

  @Test
  void shouldEnqueueNothingToAStoppedNumberUntilItIsTickedAgain(@TempDir Path dir) {
    try (TestStore db = TestStore.migrated(store, dir)) {
      Database database = db.database();
      database.useHandle(h -> h.execute("INSERT INTO county (id, name) VALUES ('c-1', '测试县')"));
      TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
      SmsStops stops = new SmsStops(database, clock);
      Outbox outbox = new Outbox(clock);
      String token = database.inTransaction(h -> stops.link(h, "13812341234")).substring(2);
      Notification sms =
          Notification.sms(
              "c-1", "13812341234", "case-answered", "case-answered", Map.of("code", "Q-1"));

      assertThat(stops.stop(token)).isTrue();
      assertThat(stops.stop(token)).as("stopping twice is no error").isTrue();
      assertThat(stops.find(token).orElseThrow().stopped()).isTrue();
      assertThat(enqueued(database, outbox, sms)).isFalse();
      assertThat(enqueued(database, outbox, sms.once("other").withUnsubscribe("n/x"))).isFalse();
      assertThat(
              enqueued(
                  database,
                  outbox,
                  Notification.sms(
                      "c-1", "13900000000", "case-answered", "case-answered", Map.of())))
          .as("another number")
          .isTrue();
      assertThat(
              enqueued(
                  database,
                  outbox,
                  Notification.email("c-1", "13812341234@example.cn", "case-due-soon", "s", "b")))
          .as("e-mail is not SMS")
          .isTrue();

      database.useTransaction(h -> stops.resume(h, "13812341234"));
      assertThat(enqueued(database, outbox, sms)).isTrue();
      assertThat(stops.stop("NoSuchToken23456")).isFalse();
    }
  }

  private static boolean enqueued(Database database, Outbox outbox, Notification n) {
    return database.inTransaction(h -> outbox.enqueue(h, n));
  }
}
