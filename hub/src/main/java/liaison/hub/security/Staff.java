package liaison.hub.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in staff member behind a request.
 *
 * @param stationIds for a station manager, the stations they manage; for a deputy, the stations
 *     they are assigned to; empty for a county administrator (who sees the whole county)
 */
public record Staff(
    String id,
    String username,
    String displayName,
    Role role,
    String countyId,
    @Nullable String deputyId,
    Set<String> stationIds) {

  public Staff {
    stationIds = Set.copyOf(stationIds);
  }

  public boolean isCountyAdmin() {
    return role == Role.COUNTY_ADMIN;
  }

  /** May change data (a deputy only reads). */
  public boolean canEdit() {
    return role != Role.DEPUTY;
  }
}
