package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** 督办 with a clock the test moves: a forwarded case escalates the day after its deadline, once. */
@OnBothStores
class OverdueEscalationTest {
  private final TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
  @Parameter TestDatabases.Store store;

  private OpinionCase forwarded(CaseDatabase db, String deadline) {
    OpinionCase c = db.submitted("桥栏杆松动");
    db.cases.transition(c.id(), CaseStatus.REGISTERED, "chengguan", "");
    db.jdbi.useTransaction(
        h -> {
          db.cases.transition(h, c.id(), CaseStatus.FORWARDED, "chengguan", "交办");
          h.execute("UPDATE opinion_case SET deadline = ? WHERE id = ?", deadline, c.id());
        });
    return c;
  }

  @Test
  void shouldEscalateOnlyForwardedCasesPastTheirDeadlineAndOnlyOnce(@TempDir Path dir) {
    try (CaseDatabase db = new CaseDatabase(store, dir, clock)) {
      OverdueEscalation escalation =
          new OverdueEscalation(db.jdbi, db.cases, clock, db.departmentMail());
      OpinionCase due = forwarded(db, "2026-03-04");
      OpinionCase later = forwarded(db, "2026-03-20");
      OpinionCase replied = forwarded(db, "2026-03-04");
      db.cases.transition(replied.id(), CaseStatus.DEPARTMENT_REPLIED, "chengguan", "已回复");

      clock.advance(Duration.ofDays(2)); // 03-04: the deadline day itself is still in time
      assertThat(escalation.escalateOverdue()).isZero();

      clock.advance(Duration.ofDays(1)); // 03-05
      assertThat(escalation.escalateOverdue()).isEqualTo(1);
      assertThat(escalation.escalateOverdue()).as("not twice").isZero();

      OpinionCase after = db.repository.find(due.id()).orElseThrow();
      assertThat(after.escalatedAt()).isNotNull();
      assertThat(after.status())
          .as("the department still has to reply")
          .isEqualTo(CaseStatus.FORWARDED);
      CaseEvent line = db.repository.events(due.id()).getLast();
      assertThat(line.actor()).isEqualTo(CaseEvent.SYSTEM);
      assertThat(line.action()).isEqualTo("escalated");
      assertThat(line.note()).contains("2026-03-04", "1 天", "督办");
      assertThat(db.repository.find(later.id()).orElseThrow().escalatedAt()).isNull();
      assertThat(db.repository.find(replied.id()).orElseThrow().escalatedAt()).isNull();
      assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 3, 5));
    }
  }
}
