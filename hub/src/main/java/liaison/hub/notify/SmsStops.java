package liaison.hub.notify;

import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.station.PublicTokens;
import liaison.hub.text.Masks;
import org.jdbi.v3.core.Handle;

/**
 * A resident's way to stop the hub's SMS: every message to a number carries the number's stop link
 * ({@code /n/<token>}); its page stops every later message to that number, whatever case or booking
 * it is about. The table holds a keyed hash of the number (HMAC-SHA256), never the number, so a
 * stop outlives the deletion of the contact it came from and still names nobody; the key is in the
 * database (one per county's hubs, made by the first that needs it) and never leaves it.
 *
 * <p>A stopped number starts receiving again only when its owner ticks "text me" on a new form: a
 * newer, explicit choice than the stop.
 */
@Singleton
public class SmsStops {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final Clock clock;

  public SmsStops(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** What a stop link stops: the number, masked, and whether it is stopped already. */
  public record Stop(String token, String maskedPhone, boolean stopped) {}

  /** The path of the number's stop link, {@code n/<token>}, made on its first message. */
  public String link(Handle h, String phone) {
    String hash = hash(h, phone);
    h.createUpdate(
            """
            INSERT INTO sms_stop (phone_hash, token, masked_phone, created_at)
            VALUES (:hash, :token, :masked, :now) ON CONFLICT (phone_hash) DO NOTHING
            """)
        .bind("hash", hash)
        .bind("token", PublicTokens.next())
        .bind("masked", Masks.phone(phone))
        .bind("now", Sql.instant(OffsetDateTime.now(clock)))
        .execute();
    return "n/"
        + h.createQuery("SELECT token FROM sms_stop WHERE phone_hash = :hash")
            .bind("hash", hash)
            .mapTo(String.class)
            .one();
  }

  /**
   * Whether the number's owner stopped the hub's SMS. Static, for the outbox: without a key yet no
   * number was ever texted, so none is stopped.
   */
  public static boolean stopped(Handle h, String phone) {
    Optional<String> key = storedKey(h);
    return key.isPresent()
        && h.createQuery(
                    "SELECT COUNT(*) FROM sms_stop WHERE phone_hash = :hash"
                        + " AND stopped_at IS NOT NULL")
                .bind("hash", hash(HexFormat.of().parseHex(key.get()), phone))
                .mapTo(Integer.class)
                .one()
            > 0;
  }

  /** A new explicit tick for this number: messages go out again. */
  public void resume(Handle h, String phone) {
    h.createUpdate("UPDATE sms_stop SET stopped_at = NULL WHERE phone_hash = :hash")
        .bind("hash", hash(h, phone))
        .execute();
  }

  /** The stop behind a link's token. */
  public Optional<Stop> find(String token) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT token, masked_phone, stopped_at FROM sms_stop WHERE token = :t")
                .bind("t", token)
                .map(
                    (rs, ctx) ->
                        new Stop(
                            rs.getString("token"),
                            rs.getString("masked_phone"),
                            rs.getString("stopped_at") != null))
                .findOne());
  }

  /** Stops every later SMS to the link's number; false when the token is unknown. */
  public boolean stop(String token) {
    return database.inTransaction(
        h ->
            h.createUpdate(
                        "UPDATE sms_stop SET stopped_at = COALESCE(stopped_at, :now) WHERE token = :t")
                    .bind("now", Sql.instant(OffsetDateTime.now(clock)))
                    .bind("t", token)
                    .execute()
                == 1);
  }

  private String hash(Handle h, String phone) {
    return hash(key(h), phone);
  }

  private static String hash(byte[] key, String phone) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(phone.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  private static Optional<String> storedKey(Handle h) {
    return h.createQuery("SELECT secret FROM phone_key WHERE purpose = 'sms-stop'")
        .mapTo(String.class)
        .findOne();
  }

  /**
   * Read in the caller's transaction each time, never kept: a key made in a transaction that then
   * rolls back must not outlive it (nothing was hashed with it that stayed).
   */
  private byte[] key(Handle h) {
    Optional<String> stored = storedKey(h);
    if (stored.isEmpty()) {
      byte[] fresh = new byte[32];
      RANDOM.nextBytes(fresh);
      // The first hub to need it keeps its key; the others read that one.
      h.createUpdate(
              "INSERT INTO phone_key (purpose, secret, created_at) VALUES ('sms-stop', :secret, :now)"
                  + " ON CONFLICT (purpose) DO NOTHING")
          .bind("secret", HexFormat.of().formatHex(fresh))
          .bind("now", Sql.instant(OffsetDateTime.now(clock)))
          .execute();
      stored = storedKey(h);
    }
    return HexFormat.of().parseHex(stored.orElseThrow());
  }
}
