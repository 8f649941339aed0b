package liaison.hub.demo;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import liaison.hub.db.Sql;
import liaison.hub.report.TallyChanged;
import org.jdbi.v3.core.Handle;

/**
 * The demo county's reports to voters (述职评议): 陈秀兰's of last month at 城关镇人大代表之家, closed with its
 * result and the voters' words; 周晓燕's under way now at s-003 (the county's service centre) with a
 * live count on its screen; and 刘桂芳's on the schedule at 桃源村 next week. The open one's ballot codes
 * are not printed (the demo keeps no code): staff print slips for it on its page to vote from a
 * phone.
 */
@Singleton
public class DemoReports {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** The vote under way, on s-003's screen. */
  public static final String OPEN_REPORT = "vr-demo000002";

  private static final String[] WORDS = {"路灯的事办得快，点赞", "希望多来村里走走", "停车难的问题还要继续跟进", "讲得实在"};

  private final ApplicationEventPublisher<TallyChanged> tallies;

  public DemoReports(ApplicationEventPublisher<TallyChanged> tallies) {
    this.tallies = tallies;
  }

  void load(Handle h, OffsetDateTime now) {
    OffsetDateTime lastMonth =
        now.atZoneSameInstant(SHANGHAI)
            .minusDays(35)
            .truncatedTo(ChronoUnit.DAYS)
            .withHour(9)
            .withMinute(30)
            .toOffsetDateTime();
    report(h, "vr-demo000001", "d-0001", "s-001", lastMonth, "2026 年度履职情况报告", "CLOSED", now);
    ballots(h, "vr-demo000001", lastMonth.plusMinutes(70), 31, 8, 2);
    OffsetDateTime started = now.truncatedTo(ChronoUnit.MINUTES).minusMinutes(20);
    report(h, OPEN_REPORT, "d-0008", "s-003", started, "任期履职情况报告", "OPEN", now);
    ballots(h, OPEN_REPORT, started.plusMinutes(15), 9, 3, 1);
    OffsetDateTime nextWeek =
        now.atZoneSameInstant(SHANGHAI)
            .plusDays(7)
            .truncatedTo(ChronoUnit.DAYS)
            .withHour(15)
            .toOffsetDateTime();
    report(h, "vr-demo000003", "d-0006", "s-002", nextWeek, "年度履职情况报告", "SCHEDULED", now);
  }

  /** After the load has committed: the open vote's count goes to its station's screen. */
  void announce() {
    tallies.publishEvent(TallyChanged.of("s-003"));
  }

  private static void report(
      Handle h,
      String id,
      String deputy,
      String station,
      OffsetDateTime starts,
      String title,
      String status,
      OffsetDateTime now) {
    h.createUpdate(
            """
            INSERT INTO voter_report (id, deputy_id, station_id, starts_at, ends_at, title, status,
              closed_at, tally_seq, tally_cleared, created_by, created_at)
            VALUES (:id, :deputy, :station, :starts, :ends, :title, :status, :closed,
              :seq, :cleared, 'u-chengguan', :now)
            """)
        .bind("id", id)
        .bind("deputy", deputy)
        .bind("station", station)
        .bind("starts", Sql.instant(starts))
        .bind("ends", Sql.instant(starts.plusMinutes(90)))
        .bind("title", title)
        .bind("status", status)
        .bind("closed", "CLOSED".equals(status) ? Sql.instant(starts.plusMinutes(80)) : null)
        .bind("seq", "SCHEDULED".equals(status) ? 0 : 1)
        .bind("cleared", "CLOSED".equals(status))
        .bind("now", Sql.instant(now))
        .execute();
  }

  /** Ballots as the vote counts them: each with a used code, the counts and the tally's number. */
  private static void ballots(
      Handle h, String report, OffsetDateTime at, int satisfied, int basically, int dissatisfied) {
    int n = 0;
    for (String[] choice :
        new String[][] {
          {"SATISFIED", String.valueOf(satisfied)},
          {"BASICALLY_SATISFIED", String.valueOf(basically)},
          {"DISSATISFIED", String.valueOf(dissatisfied)}
        }) {
      for (int i = 0; i < Integer.parseInt(choice[1]); i++, n++) {
        h.createUpdate(
                """
                INSERT INTO report_ballot (id, report_id, choice, comment, cast_at)
                VALUES (:id, :report, :choice, :comment, :at)
                """)
            .bind("id", UUID.randomUUID().toString())
            .bind("report", report)
            .bind("choice", choice[0])
            .bind("comment", n % 5 == 0 ? WORDS[(n / 5) % WORDS.length] : "")
            .bind("at", Sql.instant(at.truncatedTo(ChronoUnit.MINUTES)))
            .execute();
        h.createUpdate(
                "INSERT INTO report_ballot_code (report_id, code_hash, used) VALUES (:report, :hash, TRUE)")
            .bind("report", report)
            .bind("hash", UUID.randomUUID().toString().replace("-", ""))
            .execute();
      }
    }
    h.createUpdate(
            """
            UPDATE voter_report SET satisfied = :s, basically_satisfied = :b, dissatisfied = :d,
              tally_seq = tally_seq + :n + CASE status WHEN 'CLOSED' THEN 1 ELSE 0 END,
              codes_issued = :n
            WHERE id = :id
            """)
        .bind("s", satisfied)
        .bind("b", basically)
        .bind("d", dissatisfied)
        .bind("n", n)
        .bind("id", report)
        .execute();
  }
}
