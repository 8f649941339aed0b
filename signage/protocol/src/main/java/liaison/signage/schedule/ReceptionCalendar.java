package liaison.signage.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Notice;
import liaison.signage.protocol.StationContent.Reception;

/**
 * Reads a snapshot against a clock in the station's time zone: today's receptions, who is on duty,
 * what comes next, which notices are active. A station clock earlier than the snapshot's generation
 * time is not trusted: then nothing is marked as today.
 */
public final class ReceptionCalendar {

  /** Clocks drift; a station a few minutes behind the hub is still plausible. */
  static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(10);

  private static final Comparator<Reception> BY_TIME =
      Comparator.comparing(Reception::date).thenComparing(Reception::start);

  private final StationContent content;
  private final ZonedDateTime now;

  public ReceptionCalendar(StationContent content, Clock clock) {
    this.content = content;
    this.now = ZonedDateTime.now(clock).withZoneSameInstant(content.station().zone());
  }

  public ZonedDateTime now() {
    return now;
  }

  /** False when the station's clock is earlier than the snapshot's generation time. */
  public boolean clockPlausible() {
    return !now.toInstant().isBefore(content.generatedAt().toInstant().minus(CLOCK_TOLERANCE));
  }

  public LocalDate today() {
    return now.toLocalDate();
  }

  /** Today's receptions in time order, cancelled ones included so the screen can say so. */
  public List<Reception> todaysReceptions() {
    if (!clockPlausible()) {
      return List.of();
    }
    return content.receptions().stream()
        .filter(r -> r.date().equals(today()))
        .filter(r -> r.status() != ReceptionStatus.PLANNED)
        .sorted(BY_TIME)
        .toList();
  }

  /** Receptions on later days within the horizon (today excluded), cancelled ones left out. */
  public List<Reception> upcoming(int days) {
    LocalDate horizon = today().plusDays(days);
    return content.receptions().stream()
        .filter(r -> r.date().isAfter(today()) && !r.date().isAfter(horizon))
        .filter(r -> r.status() == ReceptionStatus.ANNOUNCED)
        .sorted(BY_TIME)
        .toList();
  }

  /** True while the reception's time window contains now. */
  public boolean inProgress(Reception reception) {
    if (!clockPlausible() || reception.status() == ReceptionStatus.CANCELLED) {
      return false;
    }
    LocalDateTime local = now.toLocalDateTime();
    return reception.date().equals(today())
        && !local.toLocalTime().isBefore(reception.start())
        && local.toLocalTime().isBefore(reception.end());
  }

  /** Today's on-duty deputies, in reception order, each once; cancelled slots left out. */
  public List<Deputy> onDutyToday() {
    return todaysReceptions().stream()
        .filter(r -> r.status() != ReceptionStatus.CANCELLED)
        .flatMap(r -> deputiesOf(r).stream())
        .distinct()
        .toList();
  }

  /** The deputies of a slot, in the slot's order; ids the snapshot does not list are skipped. */
  public List<Deputy> deputiesOf(Reception reception) {
    return reception.deputyIds().stream().flatMap(id -> content.deputy(id).stream()).toList();
  }

  /** Now, or the snapshot's generation time when the clock cannot be trusted. */
  private java.time.OffsetDateTime noticeReference() {
    return clockPlausible() ? now.toOffsetDateTime() : content.generatedAt();
  }

  /** Notices valid now, emergency first, then urgent, then normal, newest first within each. */
  public List<Notice> activeNotices() {
    return content.notices().stream()
        .filter(n -> n.isActiveAt(noticeReference()))
        .sorted(
            Comparator.comparing(Notice::priority)
                .reversed()
                .thenComparing(Notice::validFrom, Comparator.reverseOrder()))
        .toList();
  }
}
