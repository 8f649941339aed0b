package liaison.kiosk.schedule;

import java.util.List;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;

/**
 * The schedule, day by day.
 *
 * @param note why the list is not counted from today (a clock that needs setting)
 */
public record ScheduleModel(List<Day> days, Optional<Bilingual> note) {

  public record Day(Bilingual label, boolean today, List<Entry> entries) {}

  /** One reception on a day's list. */
  public record Entry(
      String window,
      String names,
      String theme,
      String location,
      Optional<Bilingual> status,
      Optional<Bilingual> booking) {}
}
