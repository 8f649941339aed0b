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
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.StationsChanged;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.text.ResidentText;
import liaison.hub.station.StationPlace;
import liaison.signage.protocol.ReceptionStatus;
import liaison.hub.db.Database;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Booking a place at a reception and cancelling it, for residents (no log-in: the station's token
 * and the booking code are the keys), and the bookings list for staff.
 *
 * <p>Everything a resident typed is checked before anything is written; the slot's rules (announced,
 * not started, takes bookings, enough places) are checked again inside the transaction that inserts,
 * after taking the slot's lock, so two residents racing for the last place cannot both get it.
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
      Clock clock) {
    this.database = database;
    this.bookings = bookings;
    this.receptions = receptions;
    this.access = access;
    this.audit = audit;
    this.stationsChanged = stationsChanged;
    this.config = config;
    this.publishConfig = publishConfig;
    this.clock = clock;
  }

  /** What a resident typed into the booking form, as text. */
  public record BookingForm(
      @Nullable String slotId, @Nullable String name, @Nullable String phone, @Nullable String partySize, @Nullable String topic) {}

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
        receptions.forStation(place.id(), today, today.plusDays(publishConfig.horizonDays() - 1)).stream()
            .filter(s -> s.status() == ReceptionStatus.ANNOUNCED || s.status() == ReceptionStatus.CANCELLED)
            .filter(s -> s.date().atTime(s.end()).isAfter(now))
            .toList();
    Map<String, Integer> booked = receptions.bookedPlaces(slots.stream().map(ReceptionSlot::id).toList());
    return slots.stream()
        .map(s -> new Offer(s, booked.getOrDefault(s.id(), 0), availability(s, booked.getOrDefault(s.id(), 0), 1, now)))
        .toList();
  }

  /** Books places for a resident at one of the station's receptions; the code comes back. */
  public Confirmed book(StationPlace place, BookingForm form) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    ReceptionSlot slot = null;
    String slotId = form.slotId() == null ? "" : form.slotId().strip();
    if (slotId.isEmpty()) {
      problems.add("slotId", "请选择要预约的接待场次", "Choose the reception to book");
    } else {
      slot = receptions.find(slotId).filter(s -> s.stationId().equals(place.id())).orElse(null);
      if (slot == null) {
        problems.add("slotId", "没有这场接待，请刷新页面后重新选择", "No such reception here; reload the page and choose again");
      }
    }
    String name = name(form.name(), problems);
    String phone = phone(form.phone(), problems);
    int party = partySize(form.partySize(), problems);
    String topic = topic(form.topic(), problems);
    if (slot != null) {
      // Told now, with the other problems, so the resident does not fix the form for nothing.
      int booked = receptions.bookedPlaces(List.of(slot.id())).getOrDefault(slot.id(), 0);
      slotProblem(slot, booked, party, now()).ifPresent(e -> problems.add(e.field(), e.zh(), e.en()));
    }
    problems.throwIfAny();
    ReceptionSlot chosen = slot;
    Booking booking =
        database.inTransaction(
            h -> {
              if (!bookings.lockSlot(h, chosen.id())) {
                throw ValidationProblem.of("slotId", "这场接待已被删除", "This reception was removed");
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
                  new Booking(Ids.next("b"), current.id(), code, name, phone, party, topic, BookingStatus.BOOKED,
                      OffsetDateTime.now(clock), null, null);
              bookings.insert(h, b);
              return b;
            });
    LOG.info("booking {} at reception {} of {}: {} place(s)", booking.id(), chosen.id(), place.id(), party);
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
      problems.add("code", "请填写预约码", "Enter the booking code");
    } else if (ResidentText.hasHiddenCharacters(codeText, false)) {
      problems.add("code", "预约码含有不可见的控制字符，请重新输入", "The code contains control characters; type it again");
    } else {
      code = BookingCode.normalize(codeText);
      if (code.isEmpty()) {
        problems.add("code", "预约码格式不对，应形如 B-7KQ4-M9XD", "A booking code looks like B-7KQ4-M9XD");
      }
    }
    if (!last4.matches("\\d{4}")) {
      problems.add("phoneLast4", "请填写预约时所留手机号的后 4 位数字", "Enter the last 4 digits of the phone you booked with");
    }
    problems.throwIfAny();
    Optional<Booking> found = bookings.byCode(code.get());
    // A wrong code and wrong digits get the same answer, so neither can be found by trying.
    if (found.isEmpty() || found.get().erasedAt() != null || !lastDigitsMatch(found.get().phone(), last4)) {
      throw ValidationProblem.of(
          "code", "未找到该预约：请核对预约码和手机号后 4 位", "No booking found: check the code and the last 4 digits of the phone");
    }
    Booking booking = found.get();
    ReceptionSlot slot = receptions.find(booking.slotId()).orElseThrow();
    if (booking.status() == BookingStatus.CANCELLED) {
      String at = booking.cancelledAt() == null ? "" : Sql.instant(booking.cancelledAt()).substring(0, 16).replace('T', ' ');
      throw ValidationProblem.of(
          "code", "该预约已于 " + at + " 取消，无需重复取消", "This booking was already cancelled on " + at + "; nothing to do");
    }
    if (slot.status() == ReceptionStatus.CANCELLED) {
      throw ValidationProblem.of(
          "code", "这场接待已被联络站取消，您的预约随之作废，无需再取消", "The station cancelled this reception; your booking lapsed with it");
    }
    if (!slot.date().atTime(slot.start()).isAfter(now())) {
      throw ValidationProblem.of("code", "这场接待已经开始或结束，不能再取消", "This reception has started or ended; it cannot be cancelled now");
    }
    boolean cancelled = database.inTransaction(h -> bookings.cancel(h, booking.id(), OffsetDateTime.now(clock)));
    if (!cancelled) {
      throw ValidationProblem.of("code", "该预约已取消，无需重复取消", "This booking was already cancelled; nothing to do");
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
        bookings.find(bookingId).orElseThrow(() -> new NotFoundProblem("没有预约 " + bookingId, "no booking " + bookingId));
    slotFor(staff, booking.slotId());
    database.useTransaction(
        h -> audit.record(h, staff, "view-contact", "booking", booking.id(), booking.code() + " " + booking.maskedPhone()));
    return booking;
  }

  /** The slot, if this staff member may see its bookings. */
  public ReceptionSlot slotFor(Staff staff, String slotId) {
    ReceptionSlot slot =
        receptions.find(slotId).orElseThrow(() -> new NotFoundProblem("没有接待安排 " + slotId, "no reception " + slotId));
    access.requireStationStaff(staff, slot.stationId());
    return slot;
  }

  /** Erases residents' contact details once their reception is past the retention period. */
  @Scheduled(initialDelay = "1m", fixedDelay = "1h")
  void eraseExpiredContacts() {
    int erased = eraseExpiredContacts(now().toLocalDate());
    if (erased > 0) {
      LOG.info("erased the contact details of {} booking(s) older than {} days", erased, config.retentionDays());
    }
  }

  int eraseExpiredContacts(LocalDate today) {
    return bookings.eraseContactsBefore(today.minusDays(config.retentionDays()), OffsetDateTime.now(clock));
  }

  public int retentionDays() {
    return config.retentionDays();
  }

  static Availability availability(ReceptionSlot slot, int booked, int party, LocalDateTime now) {
    if (slot.status() == ReceptionStatus.CANCELLED) {
      return Availability.CANCELLED;
    }
    if (slot.status() != ReceptionStatus.ANNOUNCED) {
      return slot.status() == ReceptionStatus.HELD ? Availability.STARTED : Availability.NOT_ANNOUNCED;
    }
    if (!slot.date().atTime(slot.start()).isAfter(now)) {
      return Availability.STARTED;
    }
    if (slot.capacity() == null) {
      return Availability.NO_BOOKING;
    }
    return booked + party > slot.capacity() ? Availability.FULL : Availability.OPEN;
  }

  private static Optional<FieldError> slotProblem(ReceptionSlot slot, int booked, int party, LocalDateTime now) {
    return switch (availability(slot, booked, party, now)) {
      case OPEN -> Optional.empty();
      case CANCELLED ->
          Optional.of(new FieldError("slotId", "这场接待已取消，不能预约", "This reception was cancelled; it cannot be booked"));
      case NOT_ANNOUNCED ->
          Optional.of(new FieldError("slotId", "这场接待尚未公告，暂不能预约", "This reception is not announced yet; it cannot be booked"));
      case STARTED ->
          Optional.of(new FieldError("slotId", "这场接待已经开始或结束，不能再预约", "This reception has started or ended; it cannot be booked"));
      case NO_BOOKING ->
          Optional.of(new FieldError("slotId", "这场接待不设预约，请在接待时间直接到站", "This reception takes no bookings; just come at its time"));
      case FULL -> {
        int free = Math.max(0, slot.capacity() - booked);
        yield Optional.of(
            free == 0
                ? new FieldError("slotId", "这场接待已约满，请选择其他场次", "This reception is fully booked; choose another")
                : new FieldError("partySize", "这场接待只剩 " + free + " 个名额，请减少人数或选择其他场次",
                    "Only " + free + " place(s) left; bring fewer people or choose another reception"));
      }
    };
  }

  private static String name(@Nullable String text, ValidationProblem.Collector problems) {
    String name = ResidentText.trimmed(text);
    if (name.isEmpty()) {
      problems.add("name", "请填写姓名", "Enter your name");
    } else if (ResidentText.hasHiddenCharacters(name, false)) {
      problems.add("name", "姓名含有不可见的控制字符，请重新输入", "The name contains control characters; type it again");
    } else if (ResidentText.length(name) > MAX_NAME) {
      problems.add("name", "姓名不能超过 " + MAX_NAME + " 个字", "Name: at most " + MAX_NAME + " characters");
    }
    return name;
  }

  /** A mainland mobile number: 11 digits from 1; spaces, dashes and a +86 in front are dropped. */
  private static String phone(@Nullable String text, ValidationProblem.Collector problems) {
    String raw = ResidentText.trimmed(text);
    if (raw.isEmpty()) {
      problems.add("phone", "请填写手机号码，便于联络站在接待有变时通知您", "Enter your mobile number, so the station can tell you of changes");
      return raw;
    }
    if (ResidentText.hasHiddenCharacters(raw, false)) {
      problems.add("phone", "手机号码含有不可见的控制字符，请重新输入", "The phone number contains control characters; type it again");
      return raw;
    }
    String digits = raw.replaceAll("[\\s\\-()（）]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    }
    if (!digits.matches("1\\d{10}")) {
      problems.add("phone", "请填写 11 位手机号码，如 13812341234", "Enter an 11-digit mobile number, e.g. 13812341234");
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
    problems.add("partySize", "人数须为 1 到 " + max + " 人", "Party size: 1 to " + max + " people");
    return 1;
  }

  private static @Nullable String topic(@Nullable String text, ValidationProblem.Collector problems) {
    String topic = ResidentText.trimmed(text);
    if (topic.isEmpty()) {
      return null;
    }
    if (ResidentText.hasHiddenCharacters(topic, true)) {
      problems.add("topic", "想反映的事项含有不可见的控制字符，请删除后重试", "The topic contains control characters; remove them and try again");
    } else if (ResidentText.length(topic) > MAX_TOPIC) {
      problems.add("topic", "想反映的事项不能超过 " + MAX_TOPIC + " 字（现有 " + ResidentText.length(topic) + " 字）",
          "Topic: at most " + MAX_TOPIC + " characters (now " + ResidentText.length(topic) + ")");
    }
    return topic;
  }

  private static boolean lastDigitsMatch(String phone, String last4) {
    String tail = phone.length() >= 4 ? phone.substring(phone.length() - 4) : "";
    return !tail.isEmpty() && MessageDigest.isEqual(tail.getBytes(StandardCharsets.UTF_8), last4.getBytes(StandardCharsets.UTF_8));
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(Sql.ZONE));
  }
}
