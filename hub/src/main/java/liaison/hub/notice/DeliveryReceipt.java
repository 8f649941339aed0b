package liaison.hub.notice;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** Where a target station stands with one notice: when it first showed a version carrying it. */
public record DeliveryReceipt(
    String stationId, String stationName, @Nullable OffsetDateTime shownAt) {}
