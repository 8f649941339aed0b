package liaison.kiosk.notices;

import java.time.Clock;
import java.util.Optional;
import liaison.signage.protocol.StationContent;
import liaison.signage.schedule.ReceptionCalendar;

/** Computes one notice's page from the station's content and the time. */
public final class NoticePresenter {

  private final Clock clock;

  public NoticePresenter(Clock clock) {
    this.clock = clock;
  }

  /** Empty when the notice is no longer in force (ended, or withdrawn at the hub). */
  public Optional<NoticeModel> present(StationContent content, String noticeId) {
    return new ReceptionCalendar(content, clock)
        .activeNotices().stream()
            .filter(n -> n.id().equals(noticeId))
            .findFirst()
            .map(n -> new NoticeModel(NoticeItem.of(n), n.body()));
  }
}
