package liaison.signage.protocol;

import static liaison.signage.protocol.Checks.required;
import static liaison.signage.protocol.Checks.text;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The hub's answer about one enrolment code, to the screen that asked for it: the code to show and
 * until when it holds, and later whether an administrator has entered it.
 *
 * <p>The ticket also names the station, so a screen can say whose it is before any content arrives.
 * The names came later than the rest and are optional both ways: an older hub sends none (the
 * screen then says no name has arrived yet), and an older screen ignores them (the codec ignores
 * unknown properties).
 *
 * @param code as the screen shows it, e.g. {@code K7QX-M4PD}
 * @param stationId the station the code is for; once {@code ENROLLED}, also the MQTT user name
 * @param stationName the station's public name, e.g. 城关镇第一代表联络站; null from an older hub
 * @param township the township it is in, e.g. 城关镇; null from an older hub or when it has none
 * @param bundleKey the hub's public key (PEM, Ed25519) that signs station bundles, sent with {@code
 *     ENROLLED} only: the station keeps it and trusts no other bundle. Later still than the names
 *     and optional the same way: null from an older hub (the station then takes no update), ignored
 *     by an older screen
 */
public record EnrolmentTicket(
    String code,
    String stationId,
    Status status,
    OffsetDateTime expiresAt,
    @Nullable String stationName,
    @Nullable String township,
    @Nullable String bundleKey)
    implements ProtocolMessage {

  public EnrolmentTicket {
    text(code, "code");
    Topic.requireStationId(stationId);
    required(status, "status");
    required(expiresAt, "expiresAt");
    stationName = stationName == null || stationName.isBlank() ? null : stationName.strip();
    township = township == null || township.isBlank() ? null : township.strip();
    bundleKey = bundleKey == null || bundleKey.isBlank() ? null : bundleKey;
  }

  /** A ticket as a hub before the bundle key sends it. */
  public EnrolmentTicket(
      String code,
      String stationId,
      Status status,
      OffsetDateTime expiresAt,
      @Nullable String stationName,
      @Nullable String township) {
    this(code, stationId, status, expiresAt, stationName, township, null);
  }

  /** This ticket carrying the hub's bundle key. */
  public EnrolmentTicket withBundleKey(String pem) {
    return new EnrolmentTicket(code, stationId, status, expiresAt, stationName, township, pem);
  }

  /** A ticket as an older hub sends it: without the station's names. */
  public EnrolmentTicket(String code, String stationId, Status status, OffsetDateTime expiresAt) {
    this(code, stationId, status, expiresAt, null, null, null);
  }

  public enum Status {
    /** Shown on the screen, waiting for an administrator. */
    WAITING,
    /** Entered on the station's page: the screen's password is now the station's credential. */
    ENROLLED,
    /** Not entered in time (or unknown): ask for a new code. */
    EXPIRED
  }
}
