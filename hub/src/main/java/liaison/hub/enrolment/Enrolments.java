package liaison.hub.enrolment;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.broker.CredentialChanges;
import liaison.hub.db.Database;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.security.Throttle;
import liaison.hub.security.Throttles;
import liaison.hub.software.SigningKey;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.text.Text;
import liaison.signage.protocol.EnrolmentRequest;
import liaison.signage.protocol.EnrolmentTicket;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.Topic;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolment: a screen without credentials asks for a code and shows it; whoever may change the
 * station enters the code on the station's page; the hash the screen sent becomes the station's
 * credential and the screen, asking about its code, hears it is enrolled. Revoking ends a
 * credential and closes the connections made with it.
 *
 * <p>A code is refused when it is malformed, unknown, expired, already used or made for another
 * station; each refusal is logged with its reason and counts against the staff account (a limit per
 * account stops guessing). A code is used once, by a conditional update, so two people entering it
 * at once cannot both succeed.
 */
@Singleton
public class Enrolments {
  private static final Logger LOG = LoggerFactory.getLogger(Enrolments.class);
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("M-d HH:mm");

  /**
   * Iterations a screen's hash may use: Mosquitto's default up to ten times it (each connect pays
   * them).
   */
  static final long MIN_HASH_ITERATIONS = 101;

  static final long MAX_HASH_ITERATIONS = 1_000;

  private final Database database;
  private final Clock clock;
  private final EnrolmentConfig config;
  private final StationRepository stations;
  private final StationCredentialRepository credentials;
  private final Access access;
  private final AuditLog audit;
  private final CredentialChanges changes;
  private final Throttle requests;
  private final Throttle wrongCodes;
  private final BadInput badInput;

  private final SigningKey signingKey;

  public Enrolments(
      Database database,
      Clock clock,
      EnrolmentConfig config,
      StationRepository stations,
      StationCredentialRepository credentials,
      Access access,
      AuditLog audit,
      CredentialChanges changes,
      BadInput badInput,
      Throttles throttles,
      SigningKey signingKey) {
    this.database = database;
    this.signingKey = signingKey;
    this.clock = clock;
    this.config = config;
    this.stations = stations;
    this.credentials = credentials;
    this.access = access;
    this.audit = audit;
    this.changes = changes;
    this.badInput = badInput;
    this.requests =
        throttles.shared(
            "enrolment.requests",
            config.requestsPerAddress(),
            config.requestWindow(),
            config.addressesRemembered());
    this.wrongCodes =
        throttles.shared(
            "enrolment.wrong-codes", config.wrongCodesPerAccount(), config.wrongCodeWindow());
  }

  /** Counts a screen's request against its address; how long to wait when over the limit. */
  public Optional<Duration> limitRequest(String address) {
    return requests.tryAcquire(network(address));
  }

  /** Addresses whose requests are being counted now (at most {@code addressesRemembered}). */
  public int addressesCounted() {
    return requests.trackedKeys();
  }

  /**
   * The key an address is counted under: an IPv6 address by its /64 (one household or machine holds
   * a whole /64 and could otherwise ask from a new address each time), an IPv4 address as it is.
   */
  static String network(String address) {
    if (!address.contains(":")) {
      return address;
    }
    try {
      byte[] bytes = java.net.InetAddress.getByName(address).getAddress();
      if (bytes.length != 16) {
        return address;
      }
      return java.util.HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
    } catch (java.net.UnknownHostException e) {
      return address;
    }
  }

  /**
   * What a screen sent, checked field by field (zh, en) before anything is stored: which station, a
   * PBKDF2 hash in Mosquitto's form whose iteration count a connect can afford, the app's version.
   *
   * @throws ValidationProblem with every field's problem; each refusal is counted as bad input
   */
  public EnrolmentRequest check(
      @Nullable String stationId,
      @Nullable String passwordHash,
      @Nullable String appVersion,
      String address) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String reason = null;
    if (stationId == null || stationId.isBlank()) {
      problems.add("stationId", Text.of("problem.enrolment.station.missing"));
      reason = "missing-field";
    } else if (!Topic.isValidStationId(stationId)) {
      problems.add("stationId", Text.of("problem.enrolment.station.invalid", shorten(stationId)));
      reason = "bad-station-id";
    }
    if (passwordHash == null || passwordHash.isBlank()) {
      problems.add("passwordHash", Text.of("problem.enrolment.hash.missing"));
      reason = reason == null ? "missing-field" : reason;
    } else if (!MqttPasswordHash.isWellFormed(passwordHash)) {
      problems.add("passwordHash", Text.of("problem.enrolment.hash.invalid"));
      reason = reason == null ? "bad-hash" : reason;
    } else {
      long iterations = iterations(passwordHash);
      if (iterations < MIN_HASH_ITERATIONS || iterations > MAX_HASH_ITERATIONS) {
        // Each later connect of this station computes the hash again: a huge count is a CPU bomb.
        problems.add(
            "passwordHash",
            Text.of(
                "problem.enrolment.hash.iterations",
                iterations,
                MIN_HASH_ITERATIONS,
                MAX_HASH_ITERATIONS));
        reason = reason == null ? "hash-iterations" : reason;
      }
    }
    if (appVersion == null || appVersion.isBlank()) {
      problems.add("appVersion", Text.of("problem.enrolment.app-version.missing"));
      reason = reason == null ? "missing-field" : reason;
    } else if (appVersion.length() > 64) {
      problems.add("appVersion", Text.of("problem.enrolment.app-version.too-long", 64));
      reason = reason == null ? "bad-app-version" : reason;
    }
    if (reason != null) {
      badInput.record("enrolment", reason, "request from " + address + " refused: " + reason);
    }
    problems.throwIfAny();
    return new EnrolmentRequest(stationId, passwordHash, appVersion);
  }

  /** {@code $7$101$…} → 101; the form was checked before. */
  static long iterations(String wellFormedHash) {
    String count = wellFormedHash.substring(3, wellFormedHash.indexOf('$', 3));
    return Long.parseLong(count);
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /**
   * A screen asks for a code: it gets one to show, good for {@code codeLifetime}. A station may
   * have any number of codes waiting (only the one its real screen shows will be typed in); what is
   * bounded is how many one address holds and how many the hub keeps in all, so nobody can block a
   * screen by asking in its name, nor fill the table.
   */
  public EnrolmentTicket request(EnrolmentRequest request, String address) {
    String station = request.stationId();
    Optional<StationPlace> place = stations.find(station);
    if (place.isEmpty()) {
      LOG.warn(
          "a screen at {} asked to be enrolled as station {}, which the hub does not know",
          address,
          station);
      badInput.record(
          "enrolment",
          "unknown-station",
          "a screen at " + address + " asked for station " + station);
      // The id goes to the log only: the words reach the screen, read by people to whom it means
      // nothing.
      throw ValidationProblem.of("stationId", Text.of("problem.enrolment.station.unknown"));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime expires = now.plus(config.codeLifetime()).withNano(0);
    return database.inTransaction(
        h -> {
          String code = null;
          for (int attempt = 0; attempt < 10 && code == null; attempt++) {
            String candidate = EnrolmentCodes.next();
            if (h.createQuery("SELECT COUNT(*) FROM station_enrolment WHERE code = :c")
                    .bind("c", candidate)
                    .mapTo(Integer.class)
                    .one()
                == 0) {
              code = candidate;
            }
          }
          if (code == null) {
            throw new IllegalStateException(
                "ten enrolment codes in a row were taken; the code space is exhausted");
          }
          h.createUpdate(
                  """
                  INSERT INTO station_enrolment (code, station_id, password_hash, app_version, requested_at,
                                                 requested_from, expires_at)
                  VALUES (:code, :station, :hash, :version, :now, :from, :expires)
                  """)
              .bind("code", code)
              .bind("station", station)
              .bind("hash", request.passwordHash())
              .bind("version", request.appVersion())
              .bind("now", Sql.instant(now))
              .bind("from", address)
              .bind("expires", Sql.instant(expires))
              .execute();
          int dropped = makeRoom(h, address, code, now);
          LOG.info(
              "station {}: a screen at {} waits to be enrolled with code {} until {}{}",
              station,
              address,
              code,
              expires,
              dropped == 0 ? "" : "; " + dropped + " older unused code(s) dropped to make room");
          return ticket(code, station, place, EnrolmentTicket.Status.WAITING, expires);
        });
  }

  /**
   * Keeps the unused codes within bounds after {@code fresh} was added: this address's oldest past
   * {@code waitingPerAddress}; then, past {@code maxWaiting} in all, expired ones first, then the
   * oldest code of the address holding the most. A flood from many addresses thus eats its own
   * codes before it reaches a screen that asked once. Returns how many codes were dropped.
   */
  private int makeRoom(Handle h, String address, String fresh, OffsetDateTime now) {
    int dropped = 0;
    List<String> own =
        h.createQuery(
                "SELECT code FROM station_enrolment WHERE requested_from = :from AND used_at IS NULL AND code <> :fresh"
                    + " ORDER BY requested_at DESC, code DESC")
            .bind("from", address)
            .bind("fresh", fresh)
            .mapTo(String.class)
            .list();
    for (String old :
        own.subList(Math.min(own.size(), config.waitingPerAddress() - 1), own.size())) {
      dropped += drop(h, old);
    }
    int unused =
        h.createQuery("SELECT COUNT(*) FROM station_enrolment WHERE used_at IS NULL")
            .mapTo(Integer.class)
            .one();
    while (unused > config.maxWaiting()) {
      Optional<String> victim =
          h.createQuery(
                  "SELECT code FROM station_enrolment WHERE used_at IS NULL AND expires_at <= :now ORDER BY expires_at, code LIMIT 1")
              .bind("now", Sql.instant(now))
              .mapTo(String.class)
              .findOne();
      if (victim.isEmpty()) {
        victim =
            h.createQuery(
                    """
                    SELECT code FROM station_enrolment
                    WHERE used_at IS NULL AND code <> :fresh AND requested_from = (
                      SELECT requested_from FROM station_enrolment WHERE used_at IS NULL AND code <> :fresh
                      GROUP BY requested_from ORDER BY COUNT(*) DESC, MIN(requested_at), requested_from LIMIT 1)
                    ORDER BY requested_at, code LIMIT 1
                    """)
                .bind("fresh", fresh)
                .mapTo(String.class)
                .findOne();
      }
      if (victim.isEmpty()) {
        break;
      }
      dropped += drop(h, victim.get());
      unused--;
    }
    return dropped;
  }

  private static int drop(Handle h, String code) {
    return h.createUpdate("DELETE FROM station_enrolment WHERE code = :code AND used_at IS NULL")
        .bind("code", code)
        .execute();
  }

  /** Unused codes the hub keeps now (waiting or expired): never more than {@code maxWaiting}. */
  public int unusedCodes() {
    return database.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM station_enrolment WHERE used_at IS NULL")
                .mapTo(Integer.class)
                .one());
  }

  /** Where a code stands, for the screen that shows it; empty for a code the hub does not know. */
  public Optional<EnrolmentTicket> status(String typed) {
    Optional<String> code = EnrolmentCodes.normalize(typed);
    if (code.isEmpty()) {
      return Optional.empty();
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    return find(code.get())
        .map(
            p ->
                ticket(
                    p.code(),
                    p.stationId(),
                    stations.find(p.stationId()),
                    p.usedAt() != null
                        ? EnrolmentTicket.Status.ENROLLED
                        : p.expiresAt().isAfter(now)
                            ? EnrolmentTicket.Status.WAITING
                            : EnrolmentTicket.Status.EXPIRED,
                    p.expiresAt()))
        .map(
            t ->
                t.status() == EnrolmentTicket.Status.ENROLLED
                    ? t.withBundleKey(signingKey.publicPem())
                    : t);
  }

  /**
   * A ticket naming the station as its sign and its township do, so the screen can say whose it is
   * before its content arrives (the names are public: they stand on the station's door).
   */
  private static EnrolmentTicket ticket(
      String code,
      String stationId,
      Optional<StationPlace> place,
      EnrolmentTicket.Status status,
      OffsetDateTime expires) {
    return new EnrolmentTicket(
        code,
        stationId,
        status,
        expires,
        place.map(p -> p.station().name()).orElse(null),
        place.map(StationPlace::townshipName).orElse(null));
  }

  /**
   * Enters a code on a station's page: the screen that showed it becomes the station's screen, and
   * the credential before (if any) ends, its connections closed.
   *
   * @throws ValidationProblem on field {@code code}, saying why the code was refused
   */
  public StationCredential enrol(Staff staff, String stationId, String typed) {
    access.requireEdit(staff, stationId);
    Optional<Duration> blocked = wrongCodes.blockedFor(staff.id());
    if (blocked.isPresent()) {
      long minutes = Math.max(1, (blocked.get().toSeconds() + 59) / 60);
      LOG.warn(
          "station {}: enrolment by {} refused: too many wrong codes", stationId, staff.username());
      throw ValidationProblem.of("code", Text.of("problem.enrolment.code.held-back", minutes));
    }
    Optional<String> code = EnrolmentCodes.normalize(typed == null ? "" : typed);
    if (code.isEmpty()) {
      throw refused(
          staff, stationId, typed, "malformed", Text.of("problem.enrolment.code.malformed"));
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<Pending> found = find(code.get());
    if (found.isEmpty()) {
      throw refused(
          staff, stationId, code.get(), "unknown", Text.of("problem.enrolment.code.unknown"));
    }
    Pending pending = found.get();
    if (pending.usedAt() != null) {
      throw refused(
          staff,
          stationId,
          code.get(),
          "already used",
          Text.of(
              "problem.enrolment.code.used",
              AT.format(pending.usedAt().atZoneSameInstant(Sql.ZONE))));
    }
    if (!pending.expiresAt().isAfter(now)) {
      throw refused(
          staff, stationId, code.get(), "expired", Text.of("problem.enrolment.code.expired"));
    }
    if (!pending.stationId().equals(stationId)) {
      throw refused(
          staff,
          stationId,
          code.get(),
          "made for station " + pending.stationId(),
          Text.of("problem.enrolment.code.other-station", pending.stationId(), stationId));
    }
    boolean enrolled =
        database.inTransaction(
            h -> {
              int taken =
                  h.createUpdate(
                          "UPDATE station_enrolment SET used_at = :now, used_by = :by"
                              + " WHERE code = :code AND used_at IS NULL AND expires_at > :now")
                      .bind("now", Sql.instant(now))
                      .bind("by", staff.username())
                      .bind("code", pending.code())
                      .execute();
              if (taken != 1) {
                return false;
              }
              credentials.put(
                  h,
                  stationId,
                  pending.passwordHash(),
                  pending.code(),
                  pending.appVersion(),
                  now,
                  staff.username());
              audit.record(
                  h,
                  staff,
                  "enrol",
                  "station",
                  stationId,
                  Text.of("audit.summary.enrolled", pending.code(), pending.requestedFrom())
                      .both("· "));
              return true;
            });
    if (!enrolled) {
      throw refused(
          staff,
          stationId,
          code.get(),
          "used at the same moment",
          Text.of("problem.enrolment.code.just-used"));
    }
    int closed = changes.changed(stationId);
    LOG.info(
        "station {}: enrolled by {} with code {} (screen at {}, app {}); {} connection(s) of the old credential closed",
        stationId,
        staff.username(),
        pending.code(),
        pending.requestedFrom(),
        pending.appVersion(),
        closed);
    return credentials.find(stationId).orElseThrow();
  }

  /** Ends the station's credential: its screen is disconnected and must be enrolled again. */
  public StationCredential revoke(Staff staff, String stationId) {
    access.requireEdit(staff, stationId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    boolean revoked =
        database.inTransaction(
            h -> {
              if (!credentials.revoke(h, stationId, now, staff.username())) {
                return false;
              }
              audit.record(
                  h,
                  staff,
                  "revoke",
                  "station",
                  stationId,
                  Text.of("audit.summary.revoked").both(" · "));
              return true;
            });
    if (!revoked) {
      throw new ConflictProblem(Text.of("problem.enrolment.nothing-to-revoke", stationId));
    }
    int closed = changes.changed(stationId);
    LOG.info(
        "station {}: credential revoked by {}; {} connection(s) closed",
        stationId,
        staff.username(),
        closed);
    return credentials.find(stationId).orElseThrow();
  }

  public Optional<StationCredential> credential(Staff staff, String stationId) {
    access.requireStationStaff(staff, stationId);
    return credentials.find(stationId);
  }

  /** Used and expired codes are kept a day (so a reuse is named as such), then forgotten. */
  @Scheduled(fixedDelay = "1h", initialDelay = "1m")
  @Leased("enrolment-codes")
  void forgetOldCodes() {
    String dayAgo = Sql.instant(OffsetDateTime.now(clock).minusDays(1));
    int gone =
        database.withHandle(
            h ->
                h.createUpdate("DELETE FROM station_enrolment WHERE expires_at < :t")
                    .bind("t", dayAgo)
                    .execute());
    if (gone > 0) {
      LOG.debug("forgot {} old enrolment codes", gone);
    }
  }

  private ValidationProblem refused(
      Staff staff, String stationId, String code, String why, Text reason) {
    wrongCodes.tryAcquire(staff.id());
    LOG.warn(
        "station {}: enrolment code '{}' entered by {} refused: {}",
        stationId,
        code == null ? "" : code.length() > 20 ? code.substring(0, 20) + "…" : code,
        staff.username(),
        why);
    return ValidationProblem.of("code", reason);
  }

  private record Pending(
      String code,
      String stationId,
      String passwordHash,
      String appVersion,
      String requestedFrom,
      OffsetDateTime expiresAt,
      @org.jspecify.annotations.Nullable OffsetDateTime usedAt) {}

  private Optional<Pending> find(String code) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT * FROM station_enrolment WHERE code = :code")
                .bind("code", code)
                .map(
                    (rs, ctx) ->
                        new Pending(
                            rs.getString("code"),
                            rs.getString("station_id"),
                            rs.getString("password_hash"),
                            rs.getString("app_version"),
                            rs.getString("requested_from"),
                            Sql.instant(rs.getString("expires_at")),
                            Sql.instantOrNull(rs.getString("used_at"))))
                .findOne());
  }
}
