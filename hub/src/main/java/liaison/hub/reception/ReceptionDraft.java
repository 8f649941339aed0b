package liaison.hub.reception;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reception as typed in the admin's form or sent to the API: plain text, checked field by field
 * by {@link ReceptionService} so every mistake gets its own message.
 *
 * @param date {@code 2026-11-24}
 * @param start {@code 09:00}
 * @param status PLANNED, ANNOUNCED, CANCELLED or HELD; PLANNED when empty
 * @param capacity places residents may book ({@code 20}); empty: no booking
 */
@Introspected
public record ReceptionDraft(
    @Nullable String stationId,
    @Nullable String date,
    @Nullable String start,
    @Nullable String end,
    @Nullable String theme,
    @Nullable String location,
    @Nullable String status,
    @Nullable List<String> deputyIds,
    @Nullable String capacity) {

  /** A draft without booking places. */
  public ReceptionDraft(
      @Nullable String stationId,
      @Nullable String date,
      @Nullable String start,
      @Nullable String end,
      @Nullable String theme,
      @Nullable String location,
      @Nullable String status,
      @Nullable List<String> deputyIds) {
    this(stationId, date, start, end, theme, location, status, deputyIds, null);
  }
}
