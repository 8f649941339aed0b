package liaison.hub.mywork;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.problem.BadInput;
import liaison.hub.reception.AttendanceRepository;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.Staff;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.Text;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.SignInCodes;

/**
 * A deputy signs in (签到) at a reception by scanning the code the station's screen shows with the
 * phone they are logged in on: the code must be the station's for that reception and this minute
 * (or the {@link SignInCodes#GRACE_MINUTES} before), the reception under way (from {@link #EARLY}
 * before its start to its end, today, not cancelled) and the deputy on duty at it. The mark is the
 * one staff make ({@code reception_attendance}), with the deputy's own account as the marker, so
 * the ledger tells "from the phone" from staff. A refusal stores nothing and is counted as bad
 * input; signing in twice changes nothing and says so.
 */
@Singleton
public class PhoneSignIn {
  /** How long before its start a deputy may sign in at a reception. */
  public static final Duration EARLY = Duration.ofMinutes(30);

  static final String SOURCE = "http.sign-in";

  private final MyWork myWork;
  private final ReceptionRepository receptions;
  private final AttendanceRepository attendance;
  private final StationRepository stations;
  private final SignInKeys keys;
  private final Database database;
  private final AuditLog audit;
  private final BadInput badInput;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final Clock clock;

  public PhoneSignIn(
      MyWork myWork,
      ReceptionRepository receptions,
      AttendanceRepository attendance,
      StationRepository stations,
      SignInKeys keys,
      Database database,
      AuditLog audit,
      BadInput badInput,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      Clock clock) {
    this.myWork = myWork;
    this.receptions = receptions;
    this.attendance = attendance;
    this.stations = stations;
    this.keys = keys;
    this.database = database;
    this.audit = audit;
    this.badInput = badInput;
    this.stationsChanged = stationsChanged;
    this.clock = clock;
  }

  /** What came of a scan. */
  public sealed interface Outcome {}

  /**
   * Signed in at the reception (or already were: {@code already}), at the station named.
   *
   * @param slot the reception
   */
  public record SignedIn(ReceptionSlot slot, String station, boolean already) implements Outcome {}

  /** Refused, nothing stored: why, in words. */
  public record Refused(Text reason) implements Outcome {}

  /** Signs the deputy behind {@code staff} in at {@code receptionId} with the scanned code. */
  public Outcome signIn(Staff staff, String receptionId, String code) {
    MyWork.Deputy deputy = myWork.deputyOf(staff);
    Optional<ReceptionSlot> found = receptions.find(receptionId);
    if (found.isEmpty()) {
      return refuse("unknown-reception", receptionId, Text.of("me.sign-in.refused.unknown"));
    }
    ReceptionSlot slot = found.get();
    String key = keys.keyOf(slot.stationId()).orElse("");
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (key.isEmpty() || !SignInCodes.accepts(key, slot.id(), code, now.toInstant())) {
      return refuse("wrong-code", receptionId, Text.of("me.sign-in.refused.code"));
    }
    if (!slot.deputyIds().contains(deputy.id())) {
      return refuse("not-on-duty", receptionId, Text.of("me.sign-in.refused.not-on-duty"));
    }
    ZonedDateTime start = slot.date().atTime(slot.start()).atZone(MyWork.SHANGHAI);
    ZonedDateTime end = slot.date().atTime(slot.end()).atZone(MyWork.SHANGHAI);
    if (slot.status() == ReceptionStatus.CANCELLED
        || now.toInstant().isBefore(start.minus(EARLY).toInstant())
        || now.toInstant().isAfter(end.toInstant())) {
      return refuse("not-under-way", receptionId, Text.of("me.sign-in.refused.not-under-way"));
    }
    String station =
        stations.find(slot.stationId()).map(StationPlace::station).orElseThrow().name();
    boolean marked =
        database.inTransaction(
            h -> {
              boolean did = attendance.mark(h, slot.id(), deputy.id(), staff.id(), now);
              if (did) {
                audit.record(
                    h,
                    staff,
                    "present",
                    "reception",
                    slot.id(),
                    slot.auditName()
                        + " "
                        + deputy.name()
                        + " ("
                        + deputy.id()
                        + ") "
                        + Text.of("audit.summary.present-by-phone").both(" "));
              }
              return did;
            });
    if (marked) {
      stationsChanged.publishEvent(new StationsChanged(List.of(slot.stationId())));
    }
    return new SignedIn(slot, station, !marked);
  }

  private Refused refuse(String reason, String receptionId, Text text) {
    badInput.record(SOURCE, reason, "reception " + receptionId);
    return new Refused(text);
  }
}
