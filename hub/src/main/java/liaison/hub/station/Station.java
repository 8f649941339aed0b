package liaison.hub.station;

import liaison.signage.protocol.StationKind;
import org.jspecify.annotations.Nullable;

/**
 * A liaison station as the hub keeps it.
 *
 * @param publicToken the unguessable part of the station's QR links
 */
public record Station(
    String id,
    String townshipId,
    String name,
    StationKind kind,
    String address,
    String openingHours,
    String signPlate,
    @Nullable Double latitude,
    @Nullable Double longitude,
    String publicToken) {}
