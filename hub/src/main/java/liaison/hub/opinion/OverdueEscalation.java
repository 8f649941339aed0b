package liaison.hub.opinion;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import liaison.hub.db.Database;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import liaison.hub.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 督办: a case still with its department after its deadline goes up to the county. The case keeps its
 * status (the department still has to reply); it gets {@code escalated_at} and a timeline line by
 * {@code system}, and appears on the county's overdue list. Forwarding it again with a new deadline
 * clears the mark.
 */
@Singleton
public class OverdueEscalation {
  private static final Logger LOG = LoggerFactory.getLogger(OverdueEscalation.class);

  private final Database database;
  private final Cases cases;
  private final Clock clock;
  private final DepartmentMail departmentMail;

  public OverdueEscalation(
      Database database, Cases cases, Clock clock, DepartmentMail departmentMail) {
    this.database = database;
    this.cases = cases;
    this.clock = clock;
    this.departmentMail = departmentMail;
  }

  private record Due(String id, String code, LocalDate deadline) {}

  @Scheduled(fixedDelay = "${hub.cases.escalation-check:1h}", initialDelay = "1m")
  @Leased("case-escalation")
  void escalateOnSchedule() {
    escalateOverdue();
  }

  /**
   * Escalates every forwarded case past its deadline that is not yet escalated; returns how many.
   */
  public int escalateOverdue() {
    LocalDate today = LocalDate.now(clock);
    List<Due> due =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT id, tracking_code, deadline FROM opinion_case"
                            + " WHERE status = 'FORWARDED' AND deadline < :today AND escalated_at IS NULL ORDER BY deadline, id")
                    .bind("today", Sql.date(today))
                    .map(
                        (rs, ctx) ->
                            new Due(
                                rs.getString("id"),
                                rs.getString("tracking_code"),
                                LocalDate.parse(rs.getString("deadline"))))
                    .list());
    int escalated = 0;
    for (Due d : due) {
      boolean done =
          database.inTransaction(
              h -> {
                // Conditional: a reply or a new forward meanwhile, or another hub replica, wins.
                int changed =
                    h.createUpdate(
                            "UPDATE opinion_case SET escalated_at = :now WHERE id = :id AND status = 'FORWARDED'"
                                + " AND deadline < :today AND escalated_at IS NULL")
                        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
                        .bind("id", d.id())
                        .bind("today", Sql.date(today))
                        .execute();
                if (changed == 1) {
                  long late = ChronoUnit.DAYS.between(d.deadline(), today);
                  cases.record(
                      h,
                      d.id(),
                      CaseEvent.SYSTEM,
                      "escalated",
                      Text.of("case.note.escalated", d.deadline(), late).zh());
                  departmentMail.escalated(h, d.id(), late);
                }
                return changed == 1;
              });
      if (done) {
        escalated++;
      }
    }
    if (escalated > 0) {
      LOG.info("escalated {} overdue case(s) to the county (督办)", escalated);
    }
    return escalated;
  }
}
