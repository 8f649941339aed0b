package liaison.kiosk.alert;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import liaison.signage.schedule.ReceptionCalendar;
import org.jspecify.annotations.Nullable;

/** Decides which alert the kiosk shows now, judged with the station's clock. */
public final class AlertPresenter {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter WHEN_ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm");
  private static final DateTimeFormatter WHEN_EN =
      DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

  private final Clock clock;

  public AlertPresenter(Clock clock) {
    this.clock = clock;
  }

  /**
   * The alert to show now: the one on the station's alert topic while it is valid, else (offline,
   * or before the alert arrives) the most pressing urgent or emergency notice in the content.
   */
  public Optional<AlertModel> present(
      Optional<StationAlert> fromHub, Optional<StationContent> content) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<AlertModel> live =
        fromHub
            .filter(
                a ->
                    !now.isBefore(a.validFrom())
                        && (a.validUntil() == null || now.isBefore(a.validUntil())))
            .map(a -> model(a.noticeId(), a.priority(), a.title(), a.body(), a.validUntil()));
    if (live.isPresent() || content.isEmpty()) {
      return live;
    }
    // (With a clock that cannot be trusted, notices are judged at the content's generation time.)
    return new ReceptionCalendar(content.get(), clock)
        .activeNotices().stream()
            .filter(n -> n.priority().interrupts())
            .findFirst()
            .map(n -> model(n.id(), n.priority(), n.title(), n.body(), n.validUntil()));
  }

  private static AlertModel model(
      String id,
      NoticePriority priority,
      String title,
      String body,
      @Nullable OffsetDateTime until) {
    Optional<Bilingual> untilText =
        Optional.ofNullable(until)
            .map(u -> u.atZoneSameInstant(SHANGHAI))
            .map(u -> Bilingual.of("有效至 " + WHEN_ZH.format(u), "Until " + WHEN_EN.format(u)));
    return new AlertModel(
        id,
        priority == NoticePriority.EMERGENCY,
        Bilingual.of(priority.zh(), priority.en()),
        title,
        body,
        untilText);
  }
}
