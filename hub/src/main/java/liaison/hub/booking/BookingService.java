package liaison.hub.booking;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.audit.AuditLog;
import liaison.hub.config.PublishConfig;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Leased;
import liaison.hub.db.Sql;
import liaison.hub.notify.ResidentSms;
import liaison.hub.notify.SmsStops;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationsChanged;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import liaison.signage.protocol.ReceptionStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Booking a place at a reception and cancelling it, for residents (no log-in: the station's token
 * and the booking code are the keys), and the bookings list for staff.
 *
 * <p>Everything a resident typed is checked before anything is written; the slot's rules
 * (announced, not started, takes bookings, enough places) are checked again inside the transaction
 * that inserts, after taking the slot's lock, so two residents racing for the last place cannot
 * both get it.
 */
@Singleton
public class BookingService {
  private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
  static final int MAX_NAME = 30;
  static final int MAX_TOPIC = 200;

  private final Database database;
  private final BookingRepository bookings;
  private final ReceptionRepository receptions;
  private final Access access;
  private final AuditLog audit;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final BookingConfig config;
  private final PublishConfig publishConfig;
  private final ResidentSms residentSms;
  private final SmsStops smsStops;
  private final Clock clock;

  public BookingService(
      Database database,
      BookingRepository bookings,
      ReceptionRepository receptions,
      Access access,
      AuditLog audit,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      BookingConfig config,
      PublishConfig publishConfig,
      ResidentSms residentSms,
      SmsStops smsStops,
      Clock clock) {
    this.database = database;
    this.bookings = bookings;
    this.receptions = receptions;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.config = config;
    this.publishConfig = publishConfig;
    this.residentSms = residentSms;
    this.smsStops = smsStops;
    this.clock = clock;
  }

  /**
   * What a resident typed into the booking form, as text; {@code notifySms}: the box "text me to
   * confirm" was ticked.
   */
  public record BookingForm(
      @Nullable String slotId,
      @Nullable String name,
      @Nullable String phone,
      @Nullable String partySize,
      @Nullable String topic,
      boolean notifySms) {}

  /** Whether a slot can be booked now, and why not. */
  public enum Availability {
    OPEN,
    FULL,
    NO_BOOKING,
    CANCELLED,
    STARTED,
    NOT_ANNOUNCED
  }

  /** A slot on the residents' page with its places. */
  public record Offer(ReceptionSlot slot, int booked, Availability availability) {
    public int free() {
      return slot.capacity() == null ? 0 : Math.max(0, slot.capacity() - booked);
    }

    public boolean open() {
      return availability == Availability.OPEN;
    }
  }

  /** A booking with the reception it is for. */
  public record Confirmed(Booking booking, ReceptionSlot slot) {}

  public int maxPartySize() {
    return config.maxPartySize();
  }

  /** The station's announced (and cancelled) receptions of the coming days that have not ended. */
  public List<Offer> offers(StationPlace place) {
    LocalDateTime now = now();
    LocalDate today = now.toLocalDate();
    List<ReceptionSlot> slots =
        receptions
            .forStation(place.id(), today, today.plusDays(publishConfig.horizonDays() - 1))
            .stream()
            .filter(
                s ->
                    s.status() == ReceptionStatus.ANNOUNCED
                        || s.status() == ReceptionStatus.CANCELLED)
            .filter(s -> s.date().atTime(s.end()).isAfter(now))
            .toList();
    Map<String, Integer> booked =
        receptions.bookedPlaces(slots.stream().map(ReceptionSlot::id).toList());
    return slots.stream()
        .map(
            s ->
                new Offer(
                    s,
                    booked.getOrDefault(s.id(), 0),
                    availability(s, booked.getOrDefault(s.id(), 0), 1, now)))
        .toList();
  }

  /** Books places for a resident at one of the station's receptions; the code comes back. */
  public Confirmed book(StationPlace place, BookingForm form) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    ReceptionSlot slot = null;
    String slotId = form.slotId() == null ? "" : form.slotId().strip();
    if (slotId.isEmpty()) {
      problems.add("slotId", Text.of("problem.booking.slot.missing"));
    } else {
      slot = receptions.find(slotId).filter(s -> s.stationId().equals(place.id())).orElse(null);
      if (slot == null) {
        problems.add("slotId", Text.of("problem.booking.slot.unknown"));
      }
    }
    String name = name(form.name(), problems);
    String phone = phone(form.phone(), problems);
    int party = partySize(form.partySize(), problems);
    String topic = topic(form.topic(), problems);
    if (slot != null) {
      // Told now, with the other problems, so the resident does not fix the form for nothing.
      int booked = receptions.bookedPlaces(List.of(slot.id())).getOrDefault(slot.id(), 0);
      slotProblem(slot, booked, party, now()).ifPresent(e -> problems.add(e.field(), e.text()));
    }
    problems.throwIfAny();
    ReceptionSlot chosen = slot;
    Booking booking =
        database.inTransaction(
            h -> {
              if (!bookings.lockSlot(h, chosen.id())) {
                throw ValidationProblem.of("slotId", Text.of("problem.booking.slot.removed"));
              }
              // Read again under the lock: staff may have changed it, others may have booked.
              ReceptionSlot current = receptions.find(h, chosen.id()).orElseThrow();
              int booked = bookings.bookedPlaces(h, current.id());
              Optional<FieldError> problem = slotProblem(current, booked, party, now());
              if (problem.isPresent()) {
                throw new ValidationProblem(List.of(problem.get()));
              }
              String code = BookingCode.next();
              while (bookings.codeExists(h, code)) {
                code = BookingCode.next();
              }
              Booking b =
                  new Booking(
                      Ids.next("b"),
                      current.id(),
                      code,
                      name,
                      phone,
                      party,
                      topic,
                      BookingStatus.BOOKED,
                      OffsetDateTime.now(clock),
                      null,
                      null);
              bookings.insert(h, b, form.notifySms());
              if (form.notifySms()) {
                // A new explicit tick outweighs an earlier stop of this number.
                smsStops.resume(h, phone);
                residentSms.bookingConfirmed(h, b.id());
              }
              return b;
            });
    LOG.info(
        "booking {} at reception {} of {}: {} place(s)",
        booking.id(),
        chosen.id(),
        place.id(),
        party);
    stationsChanged.publishEvent(new StationsChanged(List.of(place.id())));
    return new Confirmed(booking, chosen);
  }

  /** The booking behind a code, for the page that shows it after booking. */
  public Optional<Confirmed> byCode(String typed) {
    return BookingCode.normalize(typed)
        .flatMap(bookings::byCode)
        .flatMap(b -> receptions.find(b.slotId()).map(s -> new Confirmed(b, s)));
  }

  /**
   * Cancels a booking by its code and the last four digits of the phone it was made with; its
   * places are free again at once.
   */
  public Confirmed cancel(@Nullable String typedCode, @Nullable String typedLast4) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String codeText = typedCode == null ? "" : typedCode.strip();
    String last4 = typedLast4 == null ? "" : typedLast4.strip();
    Optional<String> code = Optional.empty();
    if (codeText.isEmpty()) {
      problems.add("code", Text.of("problem.booking.code.missing"));
    } else if (ResidentText.hasHiddenCharacters(codeText, false)) {
      problems.add("code", Text.of("problem.booking.code.hidden"));
    } else {
      code = BookingCode.normalize(codeText);
      if (code.isEmpty()) {
        problems.add("code", Text.of("problem.booking.code.invalid"));
      }
    }
    if (!last4.matches("\\d{4}")) {
      problems.add("phoneLast4", Text.of("problem.booking.last4.missing"));
    }
    problems.throwIfAny();
    Optional<Booking> found = bookings.byCode(code.get());
    // A wrong code and wrong digits get the same answer, so neither can be found by trying.
    if (found.isEmpty()
        || found.get().erasedAt() != null
        || !lastDigitsMatch(found.get().phone(), last4)) {
      throw ValidationProblem.of("code", Text.of("problem.booking.not-found"));
    }
    Booking booking = found.get();
    ReceptionSlot slot = receptions.find(booking.slotId()).orElseThrow();
    if (booking.status() == BookingStatus.CANCELLED) {
      String at =
          booking.cancelledAt() == null
              ? ""
              : Sql.instant(booking.cancelledAt()).substring(0, 16).replace('T', ' ');
      throw ValidationProblem.of("code", Text.of("problem.booking.cancelled-on", at));
    }
    if (slot.status() == ReceptionStatus.CANCELLED) {
      throw ValidationProblem.of("code", Text.of("problem.booking.reception-cancelled"));
    }
    if (!slot.date().atTime(slot.start()).isAfter(now())) {
      throw ValidationProblem.of("code", Text.of("problem.booking.too-late-to-cancel"));
    }
    boolean cancelled =
        database.inTransaction(
            h -> {
              boolean now = bookings.cancel(h, booking.id(), OffsetDateTime.now(clock));
              if (now) {
                residentSms.bookingCancelled(h, booking.id());
              }
              return now;
            });
    if (!cancelled) {
      throw ValidationProblem.of("code", Text.of("problem.booking.cancelled"));
    }
    LOG.info("booking {} at reception {} cancelled by the resident", booking.id(), slot.id());
    stationsChanged.publishEvent(new StationsChanged(List.of(slot.stationId())));
    return new Confirmed(bookings.find(booking.id()).orElseThrow(), slot);
  }

  /**
   * A slot's bookings for staff: the managers of its station and the county's administrators, not
   * deputies (the list holds residents' contact details).
   */
  public List<Booking> forSlot(Staff staff, String slotId) {
    ReceptionSlot slot = slotFor(staff, slotId);
    return bookings.forSlot(slot.id());
  }

  /** One booking with its full phone number; the look is written to the audit log. */
  public Booking contact(Staff staff, String bookingId) {
    Booking booking =
        bookings
            .find(bookingId)
            .orElseThrow(
                () -> new NotFoundProblem(Text.of("problem.booking.not-found-id", bookingId)));
    slotFor(staff, booking.slotId());
    database.useTransaction(
        h ->
            audit.record(
                h,
                staff,
                "view-contact",
                "booking",
                booking.id(),
                booking.code() + " " + booking.maskedPhone()));
    return booking;
  }

  /** The slot, if this staff member may see its bookings. */
  public ReceptionSlot slotFor(Staff staff, String slotId) {
    ReceptionSlot slot =
        receptions
            .find(slotId)
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.reception.not-found", slotId)));
    access.requireStationStaff(staff, slot.stationId());
    return slot;
  }

  /** Erases residents' contact details once their reception is past the retention period. */
  @Scheduled(initialDelay = "1m", fixedDelay = "1h")
  @Leased("booking-retention")
  void eraseExpiredContacts() {
    int erased = eraseExpiredContacts(now().toLocalDate());
    if (erased > 0) {
      LOG.info(
          "erased the contact details of {} booking(s) older than {} days",
          erased,
          config.retentionDays());
    }
  }

  int eraseExpiredContacts(LocalDate today) {
    // The number goes from the bookings' messages too, and what was not sent never is.
    return database.inTransaction(
        h ->
            bookings.eraseContactsBefore(
                h,
                today.minusDays(config.retentionDays()),
                OffsetDateTime.now(clock),
                id -> residentSms.forgetBooking(h, id)));
  }

  public int retentionDays() {
    return config.retentionDays();
  }

  static Availability availability(ReceptionSlot slot, int booked, int party, LocalDateTime now) {
    if (slot.status() == ReceptionStatus.CANCELLED) {
      return Availability.CANCELLED;
    }
    if (slot.status() != ReceptionStatus.ANNOUNCED) {
      return slot.status() == ReceptionStatus.HELD
          ? Availability.STARTED
          : Availability.NOT_ANNOUNCED;
    }
    if (!slot.date().atTime(slot.start()).isAfter(now)) {
      return Availability.STARTED;
    }
    if (slot.capacity() == null) {
      return Availability.NO_BOOKING;
    }
    return booked + party > slot.capacity() ? Availability.FULL : Availability.OPEN;
  }

  private static Optional<FieldError> slotProblem(
      ReceptionSlot slot, int booked, int party, LocalDateTime now) {
    return switch (availability(slot, booked, party, now)) {
      case OPEN -> Optional.empty();
      case CANCELLED ->
          Optional.of(new FieldError("slotId", Text.of("problem.booking.slot.cancelled")));
      case NOT_ANNOUNCED ->
          Optional.of(new FieldError("slotId", Text.of("problem.booking.slot.not-announced")));
      case STARTED ->
          Optional.of(new FieldError("slotId", Text.of("problem.booking.slot.started")));
      case NO_BOOKING ->
          Optional.of(new FieldError("slotId", Text.of("problem.booking.slot.no-booking")));
      case FULL -> {
        int free = Math.max(0, slot.capacity() - booked);
        yield Optional.of(
            free == 0
                ? new FieldError("slotId", Text.of("problem.booking.slot.full"))
                : new FieldError("partySize", Text.of("problem.booking.party.too-many", free)));
      }
    };
  }

  private static String name(@Nullable String text, ValidationProblem.Collector problems) {
    String name = ResidentText.trimmed(text);
    if (name.isEmpty()) {
      problems.add("name", Text.of("problem.booking.name.missing"));
    } else if (ResidentText.hasHiddenCharacters(name, false)) {
      problems.add("name", Text.of("problem.booking.name.hidden"));
    } else if (ResidentText.length(name) > MAX_NAME) {
      problems.add("name", Text.of("problem.booking.name.too-long", MAX_NAME));
    }
    return name;
  }

  /** A mainland mobile number: 11 digits from 1; spaces, dashes and a +86 in front are dropped. */
  private static String phone(@Nullable String text, ValidationProblem.Collector problems) {
    String raw = ResidentText.trimmed(text);
    if (raw.isEmpty()) {
      problems.add("phone", Text.of("problem.booking.phone.missing"));
      return raw;
    }
    if (ResidentText.hasHiddenCharacters(raw, false)) {
      problems.add("phone", Text.of("problem.booking.phone.hidden"));
      return raw;
    }
    String digits = ResidentText.mobile(raw);
    if (digits.isEmpty()) {
      problems.add("phone", Text.of("problem.booking.phone.invalid"));
    }
    return digits;
  }

  private int partySize(@Nullable String text, ValidationProblem.Collector problems) {
    String raw = text == null ? "" : text.strip();
    if (raw.isEmpty()) {
      return 1;
    }
    int max = config.maxPartySize();
    try {
      int n = Integer.parseInt(raw);
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // the same message as out of range
    }
    problems.add("partySize", Text.of("problem.booking.party.invalid", max));
    return 1;
  }

  private static @Nullable String topic(
      @Nullable String text, ValidationProblem.Collector problems) {
    String topic = ResidentText.trimmed(text);
    if (topic.isEmpty()) {
      return null;
    }
    if (ResidentText.hasHiddenCharacters(topic, true)) {
      problems.add("topic", Text.of("problem.booking.topic.hidden"));
    } else if (ResidentText.length(topic) > MAX_TOPIC) {
      problems.add(
          "topic",
          Text.of("problem.booking.topic.too-long", MAX_TOPIC, ResidentText.length(topic)));
    }
    return topic;
  }

  private static boolean lastDigitsMatch(String phone, String last4) {
    String tail = phone.length() >= 4 ? phone.substring(phone.length() - 4) : "";
    return !tail.isEmpty()
        && MessageDigest.isEqual(
            tail.getBytes(StandardCharsets.UTF_8), last4.getBytes(StandardCharsets.UTF_8));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(Sql.ZONE));
  }
}
