package liaison.hub.security;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in staff member behind a request.
 *
 * @param stationIds for a station manager, the stations they manage; for a deputy, the stations
 *     they are assigned to; empty for a county administrator (who sees the whole county) and a
 *     department's account (which sees cases, not stations)
 * @param departmentId for a department's account, its department; null for every other role
 */
public record Staff(
    String id,
    String username,
    String displayName,
    Role role,
    String countyId,
    @Nullable String deputyId,
    Set<String> stationIds,
    @Nullable String departmentId) {

  public Staff {
    stationIds = Set.copyOf(stationIds);
  }

  /** An account of the county's own people (every role but a department's). */
  public Staff(
      String id,
      String username,
      String displayName,
      Role role,
      String countyId,
      @Nullable String deputyId,
      Set<String> stationIds) {
    this(id, username, displayName, role, countyId, deputyId, stationIds, null);
  }

  public boolean isCountyAdmin() {
    return role == Role.COUNTY_ADMIN;
  }

  /**
   * May change the stations' data: a county administrator or a station manager (a deputy only
   * reads; a department's account answers its cases through its own desk and nothing else).
   */
  public boolean canEdit() {
    return role == Role.COUNTY_ADMIN || role == Role.STATION_MANAGER;
  }

  /** A deputy's account (代表): their own work is at {@code /me}. */
  public boolean isDeputy() {
    return role == Role.DEPUTY;
  }

  /** A department's account (承办单位). */
  public boolean isDepartment() {
    return role == Role.DEPARTMENT;
  }
}
