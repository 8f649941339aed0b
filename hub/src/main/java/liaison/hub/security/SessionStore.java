package liaison.hub.security;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;

/**
 * Staff sessions in the database: the browser holds a random token, the table only its SHA-256. A
 * session ends after {@code sessionIdle} without use, {@code sessionMax} after log-in, or at
 * log-out. Each session carries its own CSRF token for the admin's forms.
 */
@Singleton
public class SessionStore {
  /** A live session. */
  public record Session(String accountId, String csrfToken) {}

  /** What the browser gets at log-in. */
  public record Opened(String token, String csrfToken) {}

  private final Database database;
  private final Clock clock;
  private final SecurityConfig config;
  private final SecureRandom random = new SecureRandom();

  public SessionStore(Database database, Clock clock, SecurityConfig config) {
    this.database = database;
    this.clock = clock;
    this.config = config;
  }

  public Opened open(String accountId) {
    String token = randomToken();
    String csrf = randomToken();
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO staff_session (token_hash, account_id, csrf_token, created_at, last_seen_at, expires_at)
                    VALUES (:hash, :account, :csrf, :now, :now, :expires)
                    """)
                .bind("hash", hash(token))
                .bind("account", accountId)
                .bind("csrf", csrf)
                .bind("now", Sql.instant(now))
                .bind("expires", Sql.instant(now.plus(config.sessionMax())))
                .execute());
    return new Opened(token, csrf);
  }

  /** The session behind a token, if it is still alive; marks it used. */
  public Optional<Session> find(String token) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String idleLimit = Sql.instant(now.minus(config.sessionIdle()));
    String nowText = Sql.instant(now);
    return database.inTransaction(
        h -> {
          Optional<Session> session =
              h.createQuery(
                      """
                      SELECT account_id, csrf_token FROM staff_session
                      WHERE token_hash = :hash AND expires_at > :now AND last_seen_at > :idle
                      """)
                  .bind("hash", hash(token))
                  .bind("now", nowText)
                  .bind("idle", idleLimit)
                  .map(
                      (rs, ctx) ->
                          new Session(rs.getString("account_id"), rs.getString("csrf_token")))
                  .findOne();
          if (session.isPresent()) {
            h.createUpdate("UPDATE staff_session SET last_seen_at = :now WHERE token_hash = :hash")
                .bind("now", nowText)
                .bind("hash", hash(token))
                .execute();
          }
          return session;
        });
  }

  public void close(String token) {
    database.useHandle(
        h ->
            h.createUpdate("DELETE FROM staff_session WHERE token_hash = :hash")
                .bind("hash", hash(token))
                .execute());
  }

  /** Ends every session of an account (password changed, account disabled). */
  public void closeAll(String accountId) {
    database.useHandle(
        h ->
            h.createUpdate("DELETE FROM staff_session WHERE account_id = :id")
                .bind("id", accountId)
                .execute());
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
