package liaison.kiosk.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import liaison.kiosk.schedule.ScheduleModel.Day;
import liaison.kiosk.schedule.ScheduleModel.Entry;
import liaison.kiosk.text.ReceptionText;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.protocol.StationContent.Report;
import liaison.signage.schedule.ReceptionCalendar;

/** Computes the schedule page from the station's content and the time. */
public final class SchedulePresenter {

  /** The schedule page covers this many days from today. */
  public static final int SCHEDULE_DAYS = 14;

  private final Clock clock;

  public SchedulePresenter(Clock clock) {
    this.clock = clock;
  }

  public ScheduleModel present(StationContent content) {
    ReceptionCalendar calendar = new ReceptionCalendar(content, clock);
    boolean plausible = calendar.clockPlausible();
    // With a clock that cannot be trusted, list from the day the hub built the snapshot, mark no
    // day as today, and say why.
    LocalDate from =
        plausible
            ? calendar.today()
            : content.generatedAt().atZoneSameInstant(content.station().zone()).toLocalDate();
    LocalDate until = from.plusDays(SCHEDULE_DAYS - 1);
    Map<LocalDate, List<Reception>> byDay = new TreeMap<>();
    for (Reception r : content.receptions()) {
      boolean shown =
          r.status() == ReceptionStatus.ANNOUNCED
              || r.status() == ReceptionStatus.CANCELLED
              || r.status() == ReceptionStatus.HELD;
      if (shown && !r.date().isBefore(from) && !r.date().isAfter(until)) {
        byDay.computeIfAbsent(r.date(), k -> new ArrayList<>()).add(r);
      }
    }
    Map<LocalDate, List<Entry>> entries = new TreeMap<>();
    byDay.forEach(
        (date, receptions) ->
            receptions.forEach(
                r ->
                    entries.computeIfAbsent(date, k -> new ArrayList<>()).add(entry(calendar, r))));
    // A deputy's report to voters (述职) stands among the receptions of its day.
    ZoneId zone = content.station().zone();
    for (Report r : content.dutyOrEmpty().reports()) {
      LocalDate date = r.starts().atZoneSameInstant(zone).toLocalDate();
      if (!date.isBefore(from) && !date.isAfter(until)) {
        entries.computeIfAbsent(date, k -> new ArrayList<>()).add(entry(calendar, r, zone));
      }
    }
    List<Day> days = new ArrayList<>();
    entries.forEach(
        (date, list) ->
            days.add(
                new Day(
                    Dates.day(date),
                    plausible && date.equals(calendar.today()),
                    // "09:00—11:00" sorts as the times do.
                    list.stream().sorted(Comparator.comparing(Entry::window)).toList())));
    Optional<Bilingual> note =
        plausible
            ? Optional.empty()
            : Optional.of(
                Bilingual.of(
                    "本机时钟未校准，以下按内容生成日期列出",
                    "The clock needs setting; listed from the content's date"));
    return new ScheduleModel(days, note);
  }

  private static Entry entry(ReceptionCalendar calendar, Report r, ZoneId zone) {
    boolean now = r.isUnderWayAt(calendar.now().toOffsetDateTime());
    return new Entry(
        Dates.window(
            r.starts().atZoneSameInstant(zone).toLocalTime(),
            r.ends().atZoneSameInstant(zone).toLocalTime()),
        r.deputyName() + " 代表向选民述职",
        r.title(),
        r.place(),
        Optional.of(
            now
                ? Bilingual.of("述职进行中", "Report to voters, now")
                : Bilingual.of("述职", "Report to voters")),
        Optional.empty());
  }

  private static Entry entry(ReceptionCalendar calendar, Reception r) {
    String names =
        calendar.deputiesOf(r).stream().map(Deputy::name).collect(Collectors.joining("、"));
    Optional<Bilingual> status =
        switch (r.status()) {
          case CANCELLED -> Optional.of(Bilingual.of("已取消", "Cancelled"));
          case HELD -> Optional.of(Bilingual.of("已举行", "Held"));
          default ->
              calendar.inProgress(r) ? Optional.of(Bilingual.of("接待中", "Now")) : Optional.empty();
        };
    return new Entry(
        Dates.window(r.start(), r.end()),
        names,
        r.theme() == null ? "" : r.theme(),
        r.location(),
        status,
        ReceptionText.booking(r));
  }
}
