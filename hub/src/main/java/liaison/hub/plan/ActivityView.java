package liaison.hub.plan;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An activity as the JSON API and the pages show it: its kind by name and in both languages, the
 * deputies by name (names are public: the stations' screens show them).
 */
public record ActivityView(
    String id,
    String stationId,
    String date,
    String kind,
    String kindZh,
    String kindEn,
    String theme,
    String place,
    List<Named> deputies,
    @Nullable String notes) {

  /** A deputy taking part. */
  public record Named(String id, String name) {}
}
