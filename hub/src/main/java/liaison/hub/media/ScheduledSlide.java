package liaison.hub.media;

import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.station.Reach;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.Window;
import org.jspecify.annotations.Nullable;

/**
 * A library item scheduled on screens ({@code media_slide}, V29): how long it stays each time, from
 * when until when, in which windows of the day, where (as a notice), and where it comes in the
 * county's order of slides.
 *
 * @param position the order slides play in after the boards, lowest first
 * @param countyId the county it belongs to: its author's (null when the account is gone)
 * @param createdBy the name of who scheduled it; their account's id in a slide not saved yet (the
 *     row keeps the account, read back with its name)
 */
public record ScheduledSlide(
    String id,
    SlideItem item,
    int seconds,
    OffsetDateTime validFrom,
    @Nullable OffsetDateTime validUntil,
    List<Window> dayparts,
    Reach reach,
    int position,
    @Nullable String countyId,
    String createdBy,
    OffsetDateTime createdAt,
    OffsetDateTime updatedAt) {

  public ScheduledSlide {
    dayparts = List.copyOf(dayparts);
  }

  /** As a station's snapshot carries it. */
  public MediaSlide toProtocol() {
    return new MediaSlide(
        id,
        item.title(),
        item.kind().name(),
        seconds,
        validFrom,
        validUntil,
        dayparts,
        item.files());
  }

  /** Whether it is still to play at or after {@code at} (not ended). */
  public boolean endsAfter(OffsetDateTime at) {
    return validUntil == null || validUntil.isAfter(at);
  }
}
