package liaison.hub.enrolment;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import liaison.hub.broker.StationAccounts;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;

/**
 * The stations' credentials. The broker asks it on every connect: a read by primary key, so a
 * revocation holds from the next connect on, with no cache to go stale.
 */
@Singleton
public class StationCredentialRepository implements StationAccounts {
  private final Database database;

  public StationCredentialRepository(Database database) {
    this.database = database;
  }

  @Override
  public Optional<String> passwordHash(String stationId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT password_hash FROM station_credential WHERE station_id = :id AND revoked_at IS NULL")
                .bind("id", stationId)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public Map<String, String> all() {
    Map<String, String> all = new LinkedHashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    "SELECT station_id, password_hash FROM station_credential WHERE revoked_at IS NULL ORDER BY station_id")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> all.put(e.getKey(), e.getValue())));
    return all;
  }

  public Optional<StationCredential> find(String stationId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM station_credential WHERE station_id = :id")
                .bind("id", stationId)
                .map(
                    (rs, ctx) ->
                        new StationCredential(
                            rs.getString("station_id"),
                            rs.getString("code"),
                            rs.getString("app_version"),
                            Sql.instant(rs.getString("enrolled_at")),
                            rs.getString("enrolled_by"),
                            rs.getString("revoked_at") == null
                                ? null
                                : Sql.instant(rs.getString("revoked_at")),
                            rs.getString("revoked_by")))
                .findOne());
  }

  /**
   * Gives a station a credential without a screen asking for it: for provisioning scripts and
   * tests. The caller tells the broker ({@code CredentialChanges}) if an old one must end now.
   */
  public void provision(String stationId, String passwordHash, String by, OffsetDateTime at) {
    database.useHandle(h -> put(h, stationId, passwordHash, "PROVISIONED", "", at, by));
  }

  /** Makes the hash the station's credential, replacing (and so ending) the one before. */
  void put(
      Handle h,
      String stationId,
      String passwordHash,
      String code,
      String appVersion,
      OffsetDateTime at,
      String by) {
    h.createUpdate(
            """
            INSERT INTO station_credential (station_id, password_hash, code, app_version, enrolled_at, enrolled_by)
            VALUES (:station, :hash, :code, :version, :at, :by)
            ON CONFLICT (station_id) DO UPDATE SET
              password_hash = excluded.password_hash, code = excluded.code, app_version = excluded.app_version,
              enrolled_at = excluded.enrolled_at, enrolled_by = excluded.enrolled_by, revoked_at = NULL, revoked_by = NULL
            """)
        .bind("station", stationId)
        .bind("hash", passwordHash)
        .bind("code", code)
        .bind("version", appVersion)
        .bind("at", Sql.instant(at))
        .bind("by", by)
        .execute();
  }

  /**
   * @return false when the station had no active credential
   */
  boolean revoke(Handle h, String stationId, OffsetDateTime at, String by) {
    return h.createUpdate(
                "UPDATE station_credential SET revoked_at = :at, revoked_by = :by WHERE station_id = :station AND revoked_at IS NULL")
            .bind("at", Sql.instant(at))
            .bind("by", by)
            .bind("station", stationId)
            .execute()
        == 1;
  }
}
