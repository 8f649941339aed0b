package liaison.hub.notice;

import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.station.Reach;
import liaison.signage.protocol.NoticePriority;
import org.jspecify.annotations.Nullable;

/**
 * A notice and where it goes: every station ({@link Target#ALL}), the stations of one township, or
 * the stations listed.
 */
public record Notice(
    String id,
    String title,
    String body,
    NoticePriority priority,
    OffsetDateTime validFrom,
    @Nullable OffsetDateTime validUntil,
    Target target,
    @Nullable String townshipId,
    List<String> stationIds,
    String author,
    @Nullable String countyId) {

  public Notice {
    stationIds = List.copyOf(stationIds);
  }

  /** Where it goes, as media slides are aimed too. */
  public Reach reach() {
    return new Reach(Reach.Target.valueOf(target.name()), townshipId, stationIds);
  }

  public enum Target {
    ALL,
    TOWNSHIP,
    STATIONS
  }
}
