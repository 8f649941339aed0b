package liaison.hub.report;

import jakarta.inject.Singleton;
import java.time.format.DateTimeFormatter;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.poster.BallotSlipRenderer;
import liaison.hub.poster.BallotSlips;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * Prints a batch of ballot slips for a report: new one-time codes, kept only as their hashes, and
 * the PDF that carries them. The codes exist nowhere else afterwards: a lost PDF is printed again
 * as a new batch (the old codes stay valid; staff count the slips they hand out). Audited with the
 * number printed.
 */
@Singleton
public class BallotPrints {
  private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

  private final Database database;
  private final ReportRepository reports;
  private final ReportSchedule schedule;
  private final ReportVote vote;
  private final BallotSlipRenderer renderer;
  private final AuditLog audit;
  private final ReportConfig config;

  public BallotPrints(
      Database database,
      ReportRepository reports,
      ReportSchedule schedule,
      ReportVote vote,
      BallotSlipRenderer renderer,
      AuditLog audit,
      ReportConfig config) {
    this.database = database;
    this.reports = reports;
    this.schedule = schedule;
    this.vote = vote;
    this.renderer = renderer;
    this.audit = audit;
    this.config = config;
  }

  /** A printed batch: the PDF and the name it is saved under. */
  public record Printed(byte[] pdf, String fileName, int slips) {}

  public int maxSlips() {
    return config.maxSlips();
  }

  /**
   * Prints {@code count} new slips, {@code perPage} to an A4 page (8 if not given); refused once
   * the vote is closed or the report cancelled.
   */
  public Printed print(
      Staff staff, String reportId, @Nullable String count, @Nullable String perPage) {
    ReportSchedule.Listed listed = schedule.get(staff, reportId);
    VoterReport report = listed.report();
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    int slips = number(count, -1);
    if (slips < 1 || slips > config.maxSlips()) {
      problems.add("count", Text.of("problem.report.slips.count", config.maxSlips()));
    }
    int layout = perPage == null || perPage.isBlank() ? 8 : number(perPage, -1);
    if (!BallotSlips.PER_PAGE.contains(layout)) {
      problems.add("perPage", Text.of("problem.report.slips.per-page"));
    }
    problems.throwIfAny();
    if (report.closed() || report.status() == ReportStatus.CANCELLED) {
      throw new ConflictProblem(Text.of("problem.report.slips.over", report.status().text()));
    }
    List<String> codes = issue(staff, reportId, slips);
    byte[] pdf =
        renderer.render(
            new BallotSlips(
                listed.deputyName(),
                report.title(),
                listed.stationName(),
                report.startsAt().atZoneSameInstant(Sql.ZONE).toLocalDate(),
                HOUR_MINUTE.format(report.startsAt().atZoneSameInstant(Sql.ZONE))
                    + "–"
                    + HOUR_MINUTE.format(report.endsAt().atZoneSameInstant(Sql.ZONE)),
                vote.voteUrl(reportId),
                codes,
                layout));
    return new Printed(pdf, "ballots-" + reportId + ".pdf", slips);
  }

  /**
   * Draws {@code slips} new codes and stores their hashes, audited; the codes as printed come back
   * (and are kept nowhere).
   */
  List<String> issue(Staff staff, String reportId, int slips) {
    List<String> codes = List.of();
    boolean stored = false;
    while (!stored) {
      BallotCodes.Drawn drawn = BallotCodes.draw(reportId, slips);
      codes = drawn.codes();
      List<String> hashes = drawn.hashes();
      try {
        database.useTransaction(
            h -> {
              if (!reports.addCodes(h, reportId, hashes)) {
                throw new DrawnBefore();
              }
              audit.record(
                  h,
                  staff,
                  "print-slips",
                  "report",
                  reportId,
                  Text.of("report.slips.audit", slips).both(" · "));
            });
        stored = true;
      } catch (DrawnBefore e) {
        // Rolled back: no code of the batch is kept; drawn again.
      }
    }
    return codes;
  }

  /** A code of the batch was issued before: the batch's transaction is rolled back. */
  private static final class DrawnBefore extends RuntimeException {
    DrawnBefore() {
      super(null, null, false, false);
    }
  }

  private static int number(@Nullable String typed, int otherwise) {
    try {
      return typed == null ? otherwise : Integer.parseInt(typed.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
