package liaison.hub.station;

import io.micronaut.core.annotation.Introspected;
import org.jspecify.annotations.Nullable;

/**
 * A station as typed in the admin's form, sent to the API or read from a spreadsheet row: plain
 * text, checked field by field by {@link StationService} so every mistake gets its own message. On
 * a change, a field left out ({@code null}) keeps its value; a station manager sends only the
 * fields they may change.
 *
 * @param id {@code s-001}: lower-case letters, digits and inner hyphens (it is part of MQTT topics)
 * @param kind HOME, WORKSTATION, … or its Chinese name (人大代表之家)
 * @param latitude decimal degrees, empty when unknown
 */
@Introspected
public record StationDraft(
    @Nullable String id,
    @Nullable String name,
    @Nullable String kind,
    @Nullable String townshipId,
    @Nullable String address,
    @Nullable String openingHours,
    @Nullable String signPlate,
    @Nullable String latitude,
    @Nullable String longitude) {

  /** The draft that changes nothing of {@code s}. */
  public static StationDraft of(Station s) {
    return new StationDraft(
        s.id(),
        s.name(),
        s.kind().name(),
        s.townshipId(),
        s.address(),
        s.openingHours(),
        s.signPlate(),
        s.latitude() == null ? "" : s.latitude().toString(),
        s.longitude() == null ? "" : s.longitude().toString());
  }
}
