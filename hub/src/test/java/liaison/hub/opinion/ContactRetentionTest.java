package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.config.PrivacyConfig;
import liaison.hub.notify.Outbox;
import liaison.hub.notify.ResidentSms;
import liaison.hub.notify.SmsStops;
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
      ResidentSms sms = new ResidentSms(new Outbox(clock), new SmsStops(db.jdbi, clock));
      // Both residents ticked "text me"; the closed case's answer is still waiting to be sent.
      db.jdbi.useHandle(h -> h.execute("UPDATE case_contact SET notify_sms = TRUE"));
      db.jdbi.useTransaction(
          h -> {
            sms.caseAnswered(h, closed.id());
            sms.caseAnswered(h, open.id());
          });
      db.cases.transition(closed.id(), CaseStatus.REGISTERED, "chengguan", "");
      db.cases.transition(closed.id(), CaseStatus.ANSWERED, "chengguan", "");
      db.cases.transition(closed.id(), CaseStatus.CLOSED, "chengguan", "");
      db.cases.transition(open.id(), CaseStatus.REGISTERED, "chengguan", "");
      ContactRetention retention =
          new ContactRetention(
              db.jdbi, db.cases, new PrivacyConfig(180, Duration.ofHours(1)), sms, clock);

      clock.advance(Duration.ofDays(179));
      assertThat(retention.purge()).isZero();
      clock.advance(Duration.ofDays(1).plusMinutes(1));
      assertThat(retention.purge()).isEqualTo(1);

      assertThat(db.repository.contact(closed.id())).isEmpty();
      assertThat(db.repository.contact(open.id())).isPresent();
      assertThat(db.repository.events(closed.id()).getLast().action()).isEqualTo("contact-deleted");
      assertThat(db.repository.events(closed.id()).getLast().actor()).isEqualTo(CaseEvent.SYSTEM);
      java.util.List<String> messages =
          db.jdbi.withHandle(
              h ->
                  h.createQuery(
                          "SELECT case_id || ' ' || status || ' [' || recipient || '] '"
                              + " || last_error FROM notification ORDER BY case_id")
                      .mapTo(String.class)
                      .list());
      assertThat(messages)
          .as("the closed case's waiting SMS forgets the number and is never sent")
          .containsExactlyInAnyOrder(
              closed.id() + " GIVEN_UP [] 联系方式已按期删除", open.id() + " PENDING [13812341234] ");
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
                    c.id(), "王女士", "13812341234", java.time.OffsetDateTime.now(clock), false)));
    return c;
  }
}
