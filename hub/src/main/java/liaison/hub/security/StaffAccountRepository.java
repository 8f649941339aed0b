package liaison.hub.security;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/** Staff accounts and the stations each may manage. */
@Singleton
public class StaffAccountRepository {

  /**
   * An account as stored, with its password hash.
   *
   * @param mustChangePassword an administrator reset the password: the owner must choose a new one
   *     before doing anything else
   */
  public record Account(
      Staff staff, String passwordHash, boolean disabled, boolean mustChangePassword) {}

  private final Database database;
  private final Clock clock;

  public StaffAccountRepository(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  public Optional<Account> byUsername(String username) {
    return database.withHandle(h -> find(h, "username", username));
  }

  public Optional<Account> byId(String id) {
    return database.withHandle(h -> find(h, "id", id));
  }

  public boolean exists(String username) {
    return byUsername(username).isPresent();
  }

  public List<Staff> all() {
    return database.withHandle(
        h ->
            h
                .createQuery("SELECT id FROM staff_account ORDER BY role, username")
                .mapTo(String.class)
                .list()
                .stream()
                .map(id -> find(h, "id", id).orElseThrow().staff())
                .toList());
  }

  public void insert(Handle h, Staff staff, String passwordHash) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    h.createUpdate(
            """
            INSERT INTO staff_account (id, username, display_name, role, county_id, deputy_id, department_id,
                                       password_hash, disabled, created_at, updated_at)
            VALUES (:id, :username, :name, :role, :county, :deputy, :department, :hash, FALSE, :now, :now)
            """)
        .bind("id", staff.id())
        .bind("username", staff.username())
        .bind("name", staff.displayName())
        .bind("role", staff.role().name())
        .bind("county", staff.countyId())
        .bind("deputy", staff.deputyId())
        .bind("department", staff.departmentId())
        .bind("hash", passwordHash)
        .bind("now", now)
        .execute();
    for (String station : staff.stationIds()) {
      h.createUpdate(
              "INSERT INTO staff_station (account_id, station_id) VALUES (:account, :station)")
          .bind("account", staff.id())
          .bind("station", station)
          .execute();
    }
  }

  public void setPassword(String accountId, String passwordHash) {
    database.useHandle(h -> setPassword(h, accountId, passwordHash, false));
  }

  /**
   * Sets the password hash; {@code mustChange} makes the owner choose a new one at the next log-in
   * (after an administrator's reset).
   */
  public void setPassword(Handle h, String accountId, String passwordHash, boolean mustChange) {
    h.createUpdate(
            "UPDATE staff_account SET password_hash = :hash, must_change_password = :must, updated_at = :now WHERE id = :id")
        .bind("hash", passwordHash)
        .bind("must", mustChange)
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .bind("id", accountId)
        .execute();
  }

  private static Optional<Account> find(Handle h, String column, String value) {
    Optional<Account> account =
        h.createQuery("SELECT * FROM staff_account WHERE " + column + " = :value")
            .bind("value", value)
            .map(
                (rs, ctx) ->
                    new Account(
                        new Staff(
                            rs.getString("id"),
                            rs.getString("username"),
                            rs.getString("display_name"),
                            Role.valueOf(rs.getString("role")),
                            rs.getString("county_id"),
                            rs.getString("deputy_id"),
                            Set.of(),
                            rs.getString("department_id")),
                        rs.getString("password_hash"),
                        rs.getBoolean("disabled"),
                        rs.getBoolean("must_change_password")))
            .findOne();
    return account.map(
        a ->
            new Account(
                withStations(h, a.staff()),
                a.passwordHash(),
                a.disabled(),
                a.mustChangePassword()));
  }

  /** A manager's own stations; a deputy's, the stations they are assigned to. */
  private static Staff withStations(Handle h, Staff s) {
    Set<String> stations = new HashSet<>();
    if (s.role() == Role.STATION_MANAGER) {
      stations.addAll(
          h.createQuery("SELECT station_id FROM staff_station WHERE account_id = :id")
              .bind("id", s.id())
              .mapTo(String.class)
              .list());
    }
    @Nullable String deputy = s.deputyId();
    if (s.role() == Role.DEPUTY && deputy != null) {
      stations.addAll(
          h.createQuery("SELECT station_id FROM station_deputy WHERE deputy_id = :id")
              .bind("id", deputy)
              .mapTo(String.class)
              .list());
    }
    return new Staff(
        s.id(),
        s.username(),
        s.displayName(),
        s.role(),
        s.countyId(),
        s.deputyId(),
        stations,
        s.departmentId());
  }
}
