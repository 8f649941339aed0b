package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The departments' e-mails on both stores, with a clock the test moves: the reminder two working
 * days before the deadline and the one after it, each once however often the job runs; 督办 with its
 * escalation; one message per address; none for a department without one; and nothing of the
 * resident in any of them.
 */
@OnBothStores
class DepartmentMailTest {
  /** A Monday. */
  private final TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");

  @Parameter TestDatabases.Store store;

  private OpinionCase forwarded(CaseDatabase db, String department, String deadline) {
    OpinionCase c = db.submitted("我家楼下13812341234张三反映：桥栏杆松动，孩子上学很危险");
    db.cases.transition(c.id(), CaseStatus.REGISTERED, "chengguan", "");
    db.jdbi.useTransaction(
        h -> {
          h.execute(
              "UPDATE opinion_case SET summary = '青石桥栏杆松动需加固', category = 'TRANSPORT' WHERE id = ?",
              c.id());
          db.cases.transition(h, c.id(), CaseStatus.FORWARDED, "chengguan", "交办");
          h.execute(
              "UPDATE opinion_case SET deadline = ?, department_id = ? WHERE id = ?",
              deadline,
              department,
              c.id());
        });
    return c;
  }

  private static int forward(CaseDatabase db, DepartmentMail mail, OpinionCase c) {
    return db.jdbi.inTransaction(h -> mail.forwarded(h, c.id()));
  }

  private static void departments(CaseDatabase db) {
    db.jdbi.useHandle(
        h -> {
          h.execute(
              "INSERT INTO department (id, county_id, name, contact, email, created_at, updated_at)"
                  + " VALUES ('dep-t', 'c-test', '县交通运输局', '', 'jiaotong@example.cn, ban@example.cn',"
                  + " '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00')");
          h.execute(
              "INSERT INTO department (id, county_id, name, contact, created_at, updated_at)"
                  + " VALUES ('dep-none', 'c-test', '县民政局', '', '2026-01-01T00:00:00+08:00',"
                  + " '2026-01-01T00:00:00+08:00')");
        });
  }

  private static String body(CaseDatabase db, String recipient) {
    return db.jdbi.withHandle(
        h ->
            h.createQuery("SELECT body FROM notification WHERE recipient = :r")
                .bind("r", recipient)
                .mapTo(String.class)
                .one());
  }

  private static List<String> outbox(CaseDatabase db) {
    return db.jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT kind || ' ' || recipient || ' ' || subject FROM notification"
                        + " ORDER BY created_at, kind, recipient")
                .mapTo(String.class)
                .list());
  }

  @Test
  void shouldWriteTheForwardToEveryAddressWithTheLinkAndNothingOfTheResident(@TempDir Path dir) {
    try (CaseDatabase db = new CaseDatabase(store, dir, clock)) {
      departments(db);
      OpinionCase c = forwarded(db, "dep-t", "2026-03-20");
      OpinionCase none = forwarded(db, "dep-none", "2026-03-20");
      DepartmentMail mail = db.departmentMail();

      assertThat(forward(db, mail, c)).isEqualTo(2);
      assertThat(forward(db, mail, none)).as("a department without an address").isZero();

      assertThat(outbox(db))
          .containsExactly(
              "case-forwarded ban@example.cn 【交办】" + c.trackingCode() + "：青石桥栏杆松动需加固",
              "case-forwarded jiaotong@example.cn 【交办】" + c.trackingCode() + "：青石桥栏杆松动需加固");
      String body = body(db, "jiaotong@example.cn");
      assertThat(body)
          .contains(
              "县交通运输局：",
              "编号：" + c.trackingCode(),
              "联络站：测试站",
              "类别：交通出行",
              "摘要：青石桥栏杆松动需加固",
              "办理期限：2026年3月20日",
              "https://hub.example.cn/dept/cases/" + c.id(),
              "请在截止日期前答复")
          .doesNotContain("13812341234", "张三", "孩子上学");
    }
  }

  @Test
  void shouldRemindTwoWorkingDaysBeforeTheDeadlineAndOnceAfterItOnlyOnce(@TempDir Path dir) {
    try (CaseDatabase db = new CaseDatabase(store, dir, clock)) {
      departments(db);
      // Due on Monday 03-09: reminded from Thursday 03-05 (two working days before, the weekend
      // not counted).
      OpinionCase c = forwarded(db, "dep-t", "2026-03-09");
      DeadlineReminders reminders =
          new DeadlineReminders(db.jdbi, db.departmentMail(), db.calendar(), clock);
      assertThat(reminders.remindFrom("c-test", LocalDate.of(2026, 3, 9)))
          .isEqualTo(LocalDate.of(2026, 3, 5));
      // Due on Friday 10-09, the day after the National Day week: reminded from 09-30.
      assertThat(reminders.remindFrom("c-test", LocalDate.of(2026, 10, 9)))
          .isEqualTo(LocalDate.of(2026, 9, 30));

      clock.advance(Duration.ofDays(2)); // Wednesday 03-04
      assertThat(reminders.remindDue()).isZero();
      clock.advance(Duration.ofDays(1).minusHours(2)); // Thursday 07:00: not at night
      assertThat(reminders.remindDue()).isZero();
      clock.advance(Duration.ofHours(2)); // Thursday 09:00
      assertThat(reminders.remindDue()).isEqualTo(2);
      assertThat(reminders.remindDue()).as("the job runs again, or on another hub").isZero();
      clock.advance(Duration.ofDays(1)); // Friday
      assertThat(reminders.remindDue()).isZero();

      clock.advance(Duration.ofDays(3)); // Monday 03-09, the deadline itself
      assertThat(reminders.remindDue()).isZero();
      clock.advance(Duration.ofDays(1)); // Tuesday: overdue
      assertThat(reminders.remindDue()).isEqualTo(2);
      clock.advance(Duration.ofDays(1));
      assertThat(reminders.remindDue()).isZero();

      assertThat(outbox(db))
          .containsExactly(
              "case-due-soon ban@example.cn 【即将到期】" + c.trackingCode() + "：青石桥栏杆松动需加固",
              "case-due-soon jiaotong@example.cn 【即将到期】" + c.trackingCode() + "：青石桥栏杆松动需加固",
              "case-overdue ban@example.cn 【已超期】" + c.trackingCode() + "：青石桥栏杆松动需加固",
              "case-overdue jiaotong@example.cn 【已超期】" + c.trackingCode() + "：青石桥栏杆松动需加固");
    }
  }

  @Test
  void shouldTellTheDepartmentOfTheEscalationInItsTransactionOnce(@TempDir Path dir) {
    try (CaseDatabase db = new CaseDatabase(store, dir, clock)) {
      departments(db);
      OpinionCase c = forwarded(db, "dep-t", "2026-03-03");
      forwarded(db, "dep-none", "2026-03-03");
      OverdueEscalation escalation =
          new OverdueEscalation(db.jdbi, db.cases, clock, db.departmentMail());

      clock.advance(Duration.ofDays(3)); // 03-05, two days late
      assertThat(escalation.escalateOverdue()).isEqualTo(2);
      assertThat(escalation.escalateOverdue()).isZero();

      assertThat(outbox(db))
          .containsExactly(
              "case-escalated ban@example.cn 【督办】" + c.trackingCode() + "：青石桥栏杆松动需加固",
              "case-escalated jiaotong@example.cn 【督办】" + c.trackingCode() + "：青石桥栏杆松动需加固");
      assertThat(body(db, "ban@example.cn")).contains("已提交县人大常委会督办", "已超期 2 天");
    }
  }
}
