package liaison.kiosk;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Notice;
import liaison.signage.protocol.StationContent.Reception;

/** The golden snapshot with other receptions or notices, for the pages' presenter tests. */
public final class PageFixtures {
  private PageFixtures() {}

  public static StationContent with(
      StationContent c, List<Reception> receptions, List<Notice> notices) {
    return new StationContent(
        c.stationId(),
        c.version(),
        c.generatedAt(),
        c.station(),
        c.deputies(),
        receptions,
        notices,
        c.links(),
        c.results());
  }

  /** A morning reception of d-0002 in the station's reception room. */
  public static Reception reception(String id, LocalDate date, ReceptionStatus status) {
    return new Reception(
        id,
        date,
        LocalTime.of(9, 0),
        LocalTime.of(11, 0),
        List.of("d-0002"),
        null,
        "一楼接待室",
        status);
  }
}
