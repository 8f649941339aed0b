package liaison.kiosk.notices;

import java.time.Clock;
import liaison.signage.protocol.StationContent;
import liaison.signage.schedule.ReceptionCalendar;

/** Computes the notices page from the station's content and the time (which are in force). */
public final class NoticesPresenter {

  private final Clock clock;

  public NoticesPresenter(Clock clock) {
    this.clock = clock;
  }

  public NoticesModel present(StationContent content) {
    return new NoticesModel(
        new ReceptionCalendar(content, clock)
            .activeNotices().stream().map(NoticeItem::of).toList());
  }
}
