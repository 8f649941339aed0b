package liaison.hub.reception;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A recurring reception: "every Tuesday 09:00–11:30" ({@link Kind#WEEKLY}) or "the 15th of each
 * month" ({@link Kind#MONTHLY}), from a date, optionally until one, except on listed dates. It
 * generates planned slots, which become public {@code announce-days} ahead like any planned slot.
 */
public record ReceptionRule(
    String id,
    String stationId,
    Kind kind,
    @Nullable DayOfWeek weekday,
    @Nullable Integer monthDay,
    LocalTime start,
    LocalTime end,
    @Nullable String theme,
    String location,
    LocalDate validFrom,
    @Nullable LocalDate validUntil,
    List<String> deputyIds,
    Set<LocalDate> exceptions) {

  public ReceptionRule {
    deputyIds = List.copyOf(deputyIds);
    exceptions = Set.copyOf(exceptions);
  }

  public enum Kind {
    WEEKLY,
    MONTHLY
  }

  /** Whether the rule holds a reception on that date. */
  public boolean fallsOn(LocalDate date) {
    if (date.isBefore(validFrom)
        || validUntil != null && date.isAfter(validUntil)
        || exceptions.contains(date)) {
      return false;
    }
    return switch (kind) {
      case WEEKLY -> date.getDayOfWeek() == weekday;
      case MONTHLY -> monthDay != null && date.getDayOfMonth() == monthDay;
    };
  }

  /** The dates in [from, to] the rule holds a reception on. */
  public List<LocalDate> datesBetween(LocalDate from, LocalDate to) {
    // A rule that starts after the window (announced months ahead) has no dates in it yet.
    if (from.isAfter(to)) {
      return List.of();
    }
    return from.datesUntil(to.plusDays(1)).filter(this::fallsOn).toList();
  }
}
