package liaison.signage.player.text;

import liaison.signage.protocol.StationContent.Star;
import liaison.signage.protocol.StationContent.StarPeriod;

/** The period a duty star was chosen for, as people read it. */
public final class StarPeriods {
  private StarPeriods() {}

  /** {@code 2026-10} as 2026年10月, {@code 2026} as 2026年; anything else as it came. */
  public static String label(Star star) {
    String p = star.period();
    if (star.kind() == StarPeriod.MONTH && p.matches("\\d{4}-\\d{2}")) {
      return p.substring(0, 4) + "年" + Integer.parseInt(p.substring(5)) + "月";
    }
    if (star.kind() == StarPeriod.YEAR && p.matches("\\d{4}")) {
      return p + "年";
    }
    return p;
  }
}
