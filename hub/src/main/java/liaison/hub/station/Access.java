package liaison.hub.station;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * Who may see or change what, decided here and nowhere else. Every service asks before it reads,
 * checks or writes anything, with the station (or stations) the record belongs to; a request that
 * is not allowed is refused before its input is even looked at, so a refusal never depends on
 * whether the input happened to be valid.
 *
 * <ul>
 *   <li>A <b>county administrator</b> sees and changes everything in their county, nothing in
 *       another (another county's records answer 404, as if they did not exist).
 *   <li>A <b>station manager</b> sees and changes what belongs to their own stations. A deputy is a
 *       person, not a station's record: a manager sees the deputies at their stations, attaches to
 *       their stations only a deputy who sits at no station or already at one of theirs (so nobody
 *       gains power over another station's deputy by attaching them), and changes a deputy's
 *       personal details (name, levels, phone, photo…) or deletes them only while the deputy sits
 *       at none but their stations: other stations' screens show those details too.
 *   <li>A <b>deputy's account</b> reads what concerns the deputy: the stations they sit at, their
 *       own receptions and reception rules, the deputies there (public details; their own in full),
 *       the notices reaching those stations, and the residents' opinions addressed to them or taken
 *       up as their suggestion (never a contact). Nothing else: no other cases, bookings, commands,
 *       screenshots, screen credentials, fleet, playlists, ledger, departments, spreadsheets,
 *       accounts or audit log; and it changes nothing.
 * </ul>
 */
@Singleton
public class Access {
  private final StationRepository stations;

  public Access(StationRepository stations) {
    this.stations = stations;
  }

  // ---- stations ----

  public boolean canSee(Staff staff, StationPlace place) {
    return staff.isCountyAdmin()
        ? place.countyId().equals(staff.countyId())
        : staff.stationIds().contains(place.id());
  }

  /** May change the station's records: its managers and the county's administrators. */
  public boolean canEdit(Staff staff, StationPlace place) {
    return staff.canEdit() && canSee(staff, place);
  }

  public List<StationPlace> visibleStations(Staff staff) {
    return stations.all().stream().filter(p -> canSee(staff, p)).toList();
  }

  /** The stations whose records this person may change (none for a deputy's account). */
  public List<StationPlace> editableStations(Staff staff) {
    return staff.canEdit() ? visibleStations(staff) : List.of();
  }

  /**
   * The station, if this person may see it and what it publishes (its schedule, notices, deputies).
   */
  public StationPlace requireSee(Staff staff, String stationId) {
    StationPlace place =
        stations
            .find(stationId)
            .filter(p -> p.countyId().equals(staff.countyId()))
            .orElseThrow(
                () -> new NotFoundProblem(Text.of("problem.station.not-found", stationId)));
    if (!canSee(staff, place)) {
      throw new ForbiddenProblem(Text.of("problem.station.not-yours", stationId));
    }
    return place;
  }

  /**
   * The station, if this person is one of its staff (its managers, the county's administrators):
   * for its working records, which a deputy's account never sees (other residents' cases, bookings,
   * commands, screenshots, the screen's credential, the playlist).
   */
  public StationPlace requireStationStaff(Staff staff, String stationId) {
    StationPlace place = requireSee(staff, stationId);
    requireEditor(staff);
    return place;
  }

  /** The station, if this person may change its records. */
  public StationPlace requireEdit(Staff staff, String stationId) {
    return requireStationStaff(staff, stationId);
  }

  /**
   * A county administrator or a station manager: a deputy's account only reads what concerns them.
   */
  public void requireEditor(Staff staff) {
    if (!staff.canEdit()) {
      throw new ForbiddenProblem(Text.of("problem.access.deputy-reads-only"));
    }
  }

  public void requireCountyAdmin(Staff staff) {
    if (!staff.isCountyAdmin()) {
      throw new ForbiddenProblem(Text.of("problem.access.county-admin-only"));
    }
  }

  // ---- deputies ----

  /**
   * A deputy as the rules need them: their county and the stations they sit at.
   *
   * @param stationIds every station the deputy is assigned to, not only those the reader sees
   */
  public record Seat(String deputyId, String countyId, Collection<String> stationIds) {
    public Seat {
      stationIds = Set.copyOf(stationIds);
    }
  }

  /** The deputy themself, the county's administrators, and whoever sees one of their stations. */
  public boolean canSeeDeputy(Staff staff, Seat deputy) {
    if (!deputy.countyId().equals(staff.countyId())) {
      return false;
    }
    return staff.isCountyAdmin()
        || deputy.deputyId().equals(staff.deputyId())
        || deputy.stationIds().stream().anyMatch(staff.stationIds()::contains);
  }

  /**
   * A deputy's private phone: the deputy themself, and the staff of one of their stations; other
   * readers see it only when the deputy made it public.
   */
  public boolean canSeeDeputyPhone(Staff staff, Seat deputy) {
    return canSeeDeputy(staff, deputy)
        && (staff.canEdit() || deputy.deputyId().equals(staff.deputyId()));
  }

  /**
   * May change the deputy's personal details or delete them: a county administrator; a station
   * manager while the deputy sits at their stations and at no other (another station's screen shows
   * the same details).
   */
  public boolean canChangeDeputy(Staff staff, Seat deputy) {
    if (!staff.canEdit() || !canSeeDeputy(staff, deputy)) {
      return false;
    }
    return staff.isCountyAdmin() || staff.stationIds().containsAll(deputy.stationIds());
  }

  /**
   * May attach the deputy to the station: whoever may change the station, if the deputy sits at no
   * station yet or already at one of theirs. A manager cannot take over another station's deputy by
   * attaching them (and then read their phone or change their levels).
   */
  public boolean canAttach(Staff staff, Seat deputy, StationPlace place) {
    if (!canEdit(staff, place) || !deputy.countyId().equals(staff.countyId())) {
      return false;
    }
    return staff.isCountyAdmin()
        || deputy.stationIds().isEmpty()
        || deputy.stationIds().stream().anyMatch(staff.stationIds()::contains);
  }

  /**
   * May add a new deputy sitting at these stations: a county administrator; a station manager only
   * together with one of their own stations (else the new deputy would be nobody's they manage).
   */
  public boolean canAddDeputyAt(Staff staff, Collection<String> stationIds) {
    return staff.canEdit()
        && (staff.isCountyAdmin() || stationIds.stream().anyMatch(staff.stationIds()::contains));
  }

  /** Refuses (403) to assign deputies at a station this person may not change. */
  public void requireAssignAt(Staff staff, StationPlace place) {
    if (!canEdit(staff, place)) {
      throw new ForbiddenProblem(Text.of("problem.access.assign-not-yours", place.id()));
    }
  }

  /** 404 for a deputy of another county or one this person may not see. */
  public void requireSeeDeputy(Staff staff, Seat deputy) {
    if (!deputy.countyId().equals(staff.countyId())) {
      throw new NotFoundProblem(Text.of("problem.deputy.not-found", deputy.deputyId()));
    }
    if (!canSeeDeputy(staff, deputy)) {
      throw new ForbiddenProblem(Text.of("problem.deputy.not-yours", deputy.deputyId()));
    }
  }

  public void requireChangeDeputy(Staff staff, Seat deputy) {
    requireSeeDeputy(staff, deputy);
    requireEditor(staff);
    if (!canChangeDeputy(staff, deputy)) {
      throw new ForbiddenProblem(Text.of("problem.deputy.shared", deputy.deputyId()));
    }
  }

  public void requireAttach(Staff staff, Seat deputy, StationPlace place) {
    requireEditor(staff);
    if (!deputy.countyId().equals(staff.countyId())) {
      throw new NotFoundProblem(Text.of("problem.deputy.not-found", deputy.deputyId()));
    }
    if (!canAttach(staff, deputy, place)) {
      throw new ForbiddenProblem(Text.of("problem.deputy.elsewhere", deputy.deputyId()));
    }
  }

  // ---- receptions ----

  /** A reception slot or rule: whoever sees its station, but a deputy's account only their own. */
  public boolean canSeeDuty(Staff staff, StationPlace place, Collection<String> deputyIds) {
    if (!canSee(staff, place)) {
      return false;
    }
    return staff.canEdit() || staff.deputyId() != null && deputyIds.contains(staff.deputyId());
  }

  public StationPlace requireSeeDuty(
      Staff staff, String stationId, Collection<String> deputyIds, Text what) {
    StationPlace place = requireSee(staff, stationId);
    if (!canSeeDuty(staff, place, deputyIds)) {
      throw new ForbiddenProblem(Text.of("problem.access.own-duties-only", what));
    }
    return place;
  }

  // ---- residents' opinions ----

  /**
   * A resident's opinion: the staff of its station; a deputy's account only one addressed to the
   * deputy or taken up as their suggestion.
   */
  public boolean canSeeCase(
      Staff staff,
      StationPlace place,
      @Nullable String addressedTo,
      @Nullable String suggestionBy) {
    if (!canSee(staff, place)) {
      return false;
    }
    String me = staff.deputyId();
    return staff.canEdit() || me != null && (me.equals(addressedTo) || me.equals(suggestionBy));
  }

  // ---- notices ----

  /** A notice: the county's administrators; others when it reaches one of their stations. */
  public boolean canSeeNotice(Staff staff, String countyId, Collection<String> reaches) {
    return countyId.equals(staff.countyId())
        && (staff.isCountyAdmin() || reaches.stream().anyMatch(staff.stationIds()::contains));
  }

  /**
   * May change or delete a notice: the county's administrators; a station manager one aimed at
   * listed stations that are all theirs.
   *
   * @param listedStations the stations a notice aimed at listed stations names; null when it aims
   *     at the county or a township
   */
  public boolean canEditNotice(
      Staff staff, String countyId, @Nullable Collection<String> listedStations) {
    if (!staff.canEdit() || !countyId.equals(staff.countyId())) {
      return false;
    }
    return staff.isCountyAdmin()
        || listedStations != null && staff.stationIds().containsAll(listedStations);
  }
}
