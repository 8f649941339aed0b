package liaison.signage.player.board;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Figures;
import liaison.signage.protocol.StationContent.Results;
import liaison.signage.protocol.StationContent.Summary;

/**
 * Handling results as a hub of the second version sends them (November 2026): a normal station's,
 * one with no opinions yet, and the extreme: as many summaries as a snapshot carries, each of 200
 * characters, and five-digit counts. The kiosk's tests use them too (the player's test jar).
 */
public final class ResultsFixtures {
  private static final LocalDate MONTH = LocalDate.of(2026, 11, 1);
  private static final LocalDate YEAR = LocalDate.of(2026, 1, 1);
  private static final LocalDate NEXT_YEAR = LocalDate.of(2027, 1, 1);
  private static final String[][] SUMMARIES = {
    {"城乡建设", "Urban and rural construction", "县住房和城乡建设局", "反映小区路灯损坏多日，夜间出行不便。承办部门已更换灯具并安排定期巡查。"},
    {"交通出行", "Transport", "县交通运输局", "反映学校门口斑马线磨损。已重新施划并增设减速标志。"},
    {"养老服务", "Elderly care", null, "建议社区增设老年助餐点。站内协调，已在镇敬老院开设午间助餐。"},
    {"医疗卫生", "Health", "县卫生健康局", "反映村卫生室周末无人值班。已安排乡村医生轮流值守。"},
    {"生态环境", "Environment", "市生态环境局青溪分局", "反映河道有垃圾漂浮。已组织清理，并纳入河长日常巡河。"},
  };

  private ResultsFixtures() {}

  private static Figures figures(LocalDate from, LocalDate until, int... n) {
    return new Figures(from, until, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7], n[8]);
  }

  private static List<Summary> summaries(int count, int length) {
    List<Summary> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String[] s = SUMMARIES[i % SUMMARIES.length];
      String text = s[3];
      if (length > 0) {
        StringBuilder b = new StringBuilder("第" + (i + 1) + "条：");
        while (b.length() < length) {
          b.append(s[3]);
        }
        text = b.substring(0, length);
      }
      out.add(
          new Summary(
              "case-" + i,
              s[0],
              s[1],
              s[2],
              text,
              LocalDate.of(2026, 11, 2).minusDays(i),
              LocalDate.of(2026, 11, 20).minusDays(i)));
    }
    return out;
  }

  /** A station's November: 12 received, 10 answered, 9 rated, five summaries. */
  public static Results normal() {
    return Results.of(
        figures(MONTH, MONTH.plusMonths(1), 12, 12, 9, 10, 8, 7, 6, 2, 1),
        figures(YEAR, NEXT_YEAR, 128, 126, 90, 117, 101, 110, 86, 21, 4),
        figures(
            LocalDate.of(2025, 12, 1), MONTH.plusMonths(1), 131, 129, 92, 120, 103, 113, 88, 21, 4),
        summaries(SUMMARIES.length, 0));
  }

  /** A station nobody has written to yet: every count zero, nothing published. */
  public static Results noOpinions() {
    return Results.of(
        figures(MONTH, MONTH.plusMonths(1), 0, 0, 0, 0, 0, 0, 0, 0, 0),
        figures(YEAR, NEXT_YEAR, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        figures(LocalDate.of(2025, 12, 1), MONTH.plusMonths(1), 0, 0, 0, 0, 0, 0, 0, 0, 0),
        List.of());
  }

  /** A quiet month in a busy year: nothing this month, the year's figures, one summary. */
  public static Results quietMonth() {
    return Results.of(
        figures(MONTH, MONTH.plusMonths(1), 0, 0, 0, 0, 0, 0, 0, 0, 0),
        figures(YEAR, NEXT_YEAR, 40, 40, 20, 38, 30, 36, 0, 0, 0),
        figures(LocalDate.of(2025, 12, 1), MONTH.plusMonths(1), 40, 40, 20, 38, 30, 36, 0, 0, 0),
        summaries(1, 0));
  }

  /** The most a snapshot carries: 20 summaries of 200 characters, five-digit counts. */
  public static Results extreme() {
    return Results.of(
        figures(
            MONTH, MONTH.plusMonths(1), 12345, 12345, 9999, 11111, 10000, 9876, 8888, 1111, 999),
        figures(YEAR, NEXT_YEAR, 99999, 99999, 88888, 99998, 77777, 88888, 66666, 22222, 11111),
        figures(
            LocalDate.of(2025, 12, 1),
            MONTH.plusMonths(1),
            99999,
            99999,
            88888,
            99998,
            77777,
            88888,
            66666,
            22222,
            11111),
        summaries(Results.MAX_SUMMARIES, 200));
  }

  public static StationContent with(StationContent base, Results results) {
    return base.withResults(results);
  }
}
