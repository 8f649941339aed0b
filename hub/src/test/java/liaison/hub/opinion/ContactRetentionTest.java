package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.config.PrivacyConfig;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Contact retention on a test clock, on both stores. */
@OnBothStores
class ContactRetentionTest {
  @Parameter TestDatabases.Store store;

  @Test
  void shouldDeleteContactsTheConfiguredDaysAfterClosingAndKeepOpenOnes(@TempDir Path dir) {
    TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
    try (CaseDatabase db = new CaseDatabase(store, dir, clock)) {
      OpinionCase closed = withContact(db, clock, "已办结的");
      OpinionCase open = withContact(db, clock, "还在办的");
      db.cases.transition(closed.id(), CaseStatus.REGISTERED, "chengguan", "");
      db.cases.transition(closed.id(), CaseStatus.ANSWERED, "chengguan", "");
      db.cases.transition(closed.id(), CaseStatus.CLOSED, "chengguan", "");
      db.cases.transition(open.id(), CaseStatus.REGISTERED, "chengguan", "");
      ContactRetention retention =
          new ContactRetention(
              db.jdbi, db.cases, new PrivacyConfig(180, Duration.ofHours(1)), clock);

      clock.advance(Duration.ofDays(179));
      assertThat(retention.purge()).isZero();
      clock.advance(Duration.ofDays(1).plusMinutes(1));
      assertThat(retention.purge()).isEqualTo(1);

      assertThat(db.repository.contact(closed.id())).isEmpty();
      assertThat(db.repository.contact(open.id())).isPresent();
      assertThat(db.repository.events(closed.id()).getLast().action()).isEqualTo("contact-deleted");
      assertThat(db.repository.events(closed.id()).getLast().actor()).isEqualTo(CaseEvent.SYSTEM);
      assertThat(retention.purge()).isZero();
    }
  }

  private static OpinionCase withContact(CaseDatabase db, TestClock clock, String text) {
    OpinionCase c = db.submitted(text);
    db.jdbi.useHandle(
        h ->
            db.repository.insertContact(
                h,
                new CaseContact(
                    c.id(), "王女士", "13812341234", java.time.OffsetDateTime.now(clock))));
    return c;
  }
}
