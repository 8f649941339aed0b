package liaison.hub.command;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jspecify.annotations.Nullable;

/** The {@code station_command} table (V9). */
@Singleton
public class CommandRepository {
  private static final RowMapper<CommandRecord> ROW =
      (rs, ctx) ->
          new CommandRecord(
              rs.getString("id"),
              rs.getString("station_id"),
              rs.getString("name"),
              rs.getString("issued_by"),
              Sql.instant(rs.getString("issued_at")),
              Sql.instant(rs.getString("expires_at")),
              CommandStatus.valueOf(rs.getString("status")),
              rs.getString("message"),
              rs.getString("message_en"),
              Sql.instantOrNull(rs.getString("answered_at")),
              rs.getString("screenshot_hash"));

  private final Database database;

  public CommandRepository(Database database) {
    this.database = database;
  }

  void insert(Handle h, CommandRecord c, @Nullable String uploadTokenSha256) {
    h.createUpdate(
            """
            INSERT INTO station_command (id, station_id, name, issued_by, issued_at, expires_at, status, upload_token_sha256)
            VALUES (:id, :station, :name, :by, :at, :expires, :status, :token)
            """)
        .bind("id", c.id())
        .bind("station", c.stationId())
        .bind("name", c.name())
        .bind("by", c.issuedBy())
        .bind("at", Sql.instant(c.issuedAt()))
        .bind("expires", Sql.instant(c.expiresAt()))
        .bind("status", c.status().name())
        .bind("token", uploadTokenSha256)
        .execute();
  }

  /**
   * Stores an answer, or the lack of one. A late answer after TIMED_OUT still replaces it, so the
   * history says what the station did; a second answer never replaces the first.
   */
  boolean answer(
      Handle h,
      String id,
      CommandStatus status,
      String message,
      @Nullable String messageEn,
      java.time.OffsetDateTime at,
      @Nullable String screenshotHash) {
    return h.createUpdate(
                """
                UPDATE station_command SET status = :status, message = :message, message_en = :en,
                  answered_at = :at, screenshot_hash = COALESCE(:hash, screenshot_hash)
                WHERE id = :id AND status IN ('PENDING', 'TIMED_OUT')
                """)
            .bind("id", id)
            .bind("status", status.name())
            .bind("message", message)
            .bind("en", messageEn)
            .bind("at", status == CommandStatus.TIMED_OUT ? null : Sql.instant(at))
            .bind("hash", screenshotHash)
            .execute()
        == 1;
  }

  /**
   * Whether a pending SCREENSHOT of that station carries the token, unexpired (read only: nothing
   * is used).
   */
  boolean hasUploadToken(String stationId, String tokenSha256, String now) {
    return database.withHandle(
        h ->
            h.createQuery(
                        """
                    SELECT COUNT(*) FROM station_command WHERE upload_token_sha256 = :token AND station_id = :station
                      AND name = 'SCREENSHOT' AND expires_at > :now
                    """)
                    .bind("token", tokenSha256)
                    .bind("station", stationId)
                    .bind("now", now)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  /**
   * Uses a screenshot token once: the pending SCREENSHOT of that station with that token, not past
   * its expiry, gets the hash and loses the token. Empty when there is no such command.
   */
  Optional<String> useUploadToken(
      Handle h, String stationId, String tokenSha256, String hash, String now) {
    Optional<String> id =
        h.createQuery(
                """
                SELECT id FROM station_command WHERE upload_token_sha256 = :token AND station_id = :station
                  AND name = 'SCREENSHOT' AND expires_at > :now
                """)
            .bind("token", tokenSha256)
            .bind("station", stationId)
            .bind("now", now)
            .mapTo(String.class)
            .findOne();
    id.ifPresent(
        found ->
            h.createUpdate(
                    "UPDATE station_command SET upload_token_sha256 = NULL, screenshot_hash = :hash WHERE id = :id")
                .bind("hash", hash)
                .bind("id", found)
                .execute());
    return id;
  }

  public Optional<CommandRecord> find(String id) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM station_command WHERE id = :id")
                .bind("id", id)
                .map(ROW)
                .findOne());
  }

  public List<CommandRecord> history(String stationId, int limit) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM station_command WHERE station_id = :s ORDER BY issued_at DESC, id LIMIT :limit")
                .bind("s", stationId)
                .bind("limit", limit)
                .map(ROW)
                .list());
  }

  /** The newest command that brought a screenshot, per station. */
  public Optional<CommandRecord> latestScreenshot(String stationId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM station_command WHERE station_id = :s AND screenshot_hash IS NOT NULL"
                        + " ORDER BY issued_at DESC, id LIMIT 1")
                .bind("s", stationId)
                .map(ROW)
                .findOne());
  }

  /** The station whose screenshot this is, if any command brought it. */
  public Optional<String> stationOfScreenshot(String hash) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT station_id FROM station_command WHERE screenshot_hash = :hash LIMIT 1")
                .bind("hash", hash)
                .mapTo(String.class)
                .findOne());
  }
}
