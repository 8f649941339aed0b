package liaison.hub.opinion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import liaison.hub.db.Database;
import liaison.hub.db.GroupCommit;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.notify.SmsStops;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 收集: a resident's opinion from the QR form becomes a case. Every field is checked before anything
 * is written; the case, its contact, its photos and its first timeline line are written in one
 * transaction. Photos are written to the store just before it: if the transaction fails they stay
 * as unreferenced files, named by content, harmless and served to no list.
 */
@Singleton
public class OpinionSubmissions {
  private static final Logger LOG = LoggerFactory.getLogger(OpinionSubmissions.class);
  public static final int MAX_TEXT = 2000;
  public static final int MAX_PHOTOS = 3;
  static final int MAX_NAME = 40;

  private final GroupCommit writes;
  private final Database database;
  private final CaseRepository repository;
  private final Cases cases;
  private final PhotoStore photos;
  private final StationRepository stations;
  private final DeputyLinks deputyLinks;
  private final DeputyRepository deputies;
  private final SmsStops smsStops;
  private final Clock clock;
  private final Counter byStationLink;
  private final Counter byDeputyLink;

  /** Opinions stored, by the link the resident used (docs/FIELD.md, "Watching the hub"). */
  public static final String RECEIVED = "liaison.opinions.received";

  public OpinionSubmissions(
      GroupCommit writes,
      Database database,
      CaseRepository repository,
      Cases cases,
      PhotoStore photos,
      StationRepository stations,
      DeputyLinks deputyLinks,
      DeputyRepository deputies,
      SmsStops smsStops,
      Clock clock,
      MeterRegistry meters) {
    this.writes = writes;
    this.database = database;
    this.repository = repository;
    this.cases = cases;
    this.photos = photos;
    this.stations = stations;
    this.deputyLinks = deputyLinks;
    this.deputies = deputies;
    this.smsStops = smsStops;
    this.clock = clock;
    // Counted in memory as each is stored: the hot path asks the database nothing more.
    this.byStationLink = received(meters, "station_qr");
    this.byDeputyLink = received(meters, "deputy_qr");
  }

  private static Counter received(MeterRegistry meters, String channel) {
    return Counter.builder(RECEIVED)
        .description("Residents' opinions stored, by the QR link they came through")
        .tag("channel", channel)
        .register(meters);
  }

  /**
   * Where the form was opened: a station, and the deputy when it was their own link; with the QR
   * token that led there when it came from one, checked again as the case is written.
   */
  public record Address(String stationId, @Nullable String deputyId, @Nullable String token) {
    public Address(String stationId, @Nullable String deputyId) {
      this(stationId, deputyId, null);
    }
  }

  /**
   * Where a QR token leads: the station, and the deputy (with their name) when it is their link.
   */
  public record Addressed(
      StationPlace place, @Nullable String deputyId, @Nullable String deputyName) {
    public Address address() {
      return new Address(place.id(), deputyId);
    }
  }

  /**
   * Where each QR token submitted through led when this hub last looked (only tokens that led
   * somewhere: a stranger's guesses take no room). Never trusted alone: the case's insert checks in
   * its own statement that the token still leads there ({@link CaseRepository#insertSubmitted}), so
   * a token another hub withdrew or moved is looked up afresh, not acted on.
   */
  private final Map<String, Address> links = new ConcurrentHashMap<>();

  /** Tokens remembered at most (a province's stations and deputies' links); then all forgotten. */
  static final int MOST_LINKS = 100_000;

  /** The token led elsewhere when the case was written: nothing was saved. */
  private static final class LinkMoved extends RuntimeException {
    LinkMoved() {
      super("the QR token no longer leads where it did", null, false, false);
    }
  }

  /**
   * The station (and deputy) behind a QR token: a station's own token or a deputy's at that
   * station.
   */
  public Optional<Addressed> addressed(String token) {
    Optional<StationPlace> place = stations.findByToken(token);
    if (place.isPresent()) {
      return Optional.of(new Addressed(place.get(), null, null));
    }
    return deputyLinks
        .find(token)
        .flatMap(
            link ->
                stations
                    .find(link.stationId())
                    .map(
                        p ->
                            new Addressed(
                                p,
                                link.deputyId(),
                                deputies.find(link.deputyId()).map(d -> d.name()).orElse(null))));
  }

  /**
   * Checks and stores an opinion sent through the QR {@code token}, as {@link #submit(Address,
   * OpinionDraft, Admission)}: empty when the token leads nowhere. Where the token leads is
   * remembered from the last submission through it and checked as the case is written; when another
   * hub withdrew or moved it meanwhile, it is looked up again and the submission sent where it
   * leads now. On PostgreSQL this saves the look-up's round trip per submission.
   *
   * @throws ValidationProblem with every field's problem; nothing was saved
   * @throws Refused when the admission refused; nothing was saved
   */
  public Optional<OpinionCase> submitThrough(
      String token, OpinionDraft draft, Admission admission) {
    Address remembered = links.get(token);
    if (remembered != null) {
      try {
        return Optional.of(submit(remembered, draft, admission));
      } catch (LinkMoved moved) {
        links.remove(token, remembered);
      }
    }
    Optional<Address> now = addressed(token).map(a -> withToken(a.address(), token));
    if (now.isEmpty()) {
      return Optional.empty();
    }
    if (links.size() >= MOST_LINKS) {
      links.clear();
    }
    links.put(token, now.get());
    try {
      return Optional.of(submit(now.get(), draft, admission));
    } catch (LinkMoved moved) {
      // Withdrawn between the look-up and the insert, a moment ago: as if it had been before.
      links.remove(token, now.get());
      return Optional.empty();
    }
  }

  private static Address withToken(Address a, String token) {
    return new Address(a.stationId(), a.deputyId(), token);
  }

  /**
   * What a submission must pass, once every field has passed its checks, before the case is
   * written: the form's rate limits. On SQLite counted in the case's transaction, so that the
   * limits and the case cost one commit (one sync) rather than one each; on PostgreSQL just before
   * it, in a transaction of its own whose commit waits for no flush ({@link
   * Database#inTransactionWithoutFlush}). Empty to go on; otherwise how long the sender must wait,
   * and the transaction it was asked in is rolled back.
   */
  @FunctionalInterface
  public interface Admission {
    Optional<Duration> admit(Handle h);

    /**
     * As {@link #admit}, asked apart just before the case's transaction (PostgreSQL): by default in
     * a transaction of its own whose commit waits for no flush.
     */
    default Optional<Duration> admitApart(Database database) {
      return database.inTransactionWithoutFlush(this::admit);
    }

    /**
     * {@code inside} asked in the caller's transaction, {@code apart} when asked apart, in a
     * transaction of its own it makes.
     */
    static Admission of(Admission inside, Supplier<Optional<Duration>> apart) {
      return new Admission() {
        @Override
        public Optional<Duration> admit(Handle h) {
          return inside.admit(h);
        }

        @Override
        public Optional<Duration> admitApart(Database database) {
          return apart.get();
        }
      };
    }
  }

  /** Nothing to pass: no transaction is asked for it. */
  private static final Admission NONE = h -> Optional.empty();

  /**
   * An {@link Admission} said no: the transaction was rolled back, nothing was saved or counted.
   */
  public static final class Refused extends RuntimeException {
    private final Duration wait;

    Refused(Duration wait) {
      // Thrown per refused request: no stack trace to fill.
      super("refused for " + wait, null, false, false);
      this.wait = wait;
    }

    public Duration waitFor() {
      return wait;
    }
  }

  /**
   * Checks and stores the opinion; returns the new case.
   *
   * @throws ValidationProblem with every field's problem (fields: category, text, photo1…photo3,
   *     name, phone, consent, notifySms); nothing was saved
   */
  public OpinionCase submit(Address address, OpinionDraft draft) {
    return submit(address, draft, NONE);
  }

  /**
   * As {@link #submit(Address, OpinionDraft)}, the {@code admission} asked first inside the case's
   * transaction, once every field has passed its checks.
   *
   * @throws Refused when the admission refused; nothing was saved
   */
  public OpinionCase submit(Address address, OpinionDraft draft, Admission admission) {
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    Category category = Category.of(draft.category()).orElse(null);
    if (category == null) {
      errors.add("category", Text.of("problem.opinion.category.missing"));
    }
    String text = ResidentText.clean(draft.text());
    if (ResidentText.hasBrokenEncoding(draft.text())) {
      errors.add("text", Text.of("problem.opinion.text.broken"));
    } else if (text.isEmpty()) {
      errors.add("text", Text.of("problem.opinion.text.missing"));
    } else if (ResidentText.length(text) > MAX_TEXT) {
      errors.add(
          "text", Text.of("problem.opinion.text.too-long", MAX_TEXT, ResidentText.length(text)));
    }
    String name = ResidentText.cleanLine(draft.name());
    String phone = ResidentText.cleanLine(draft.phone()).replace(" ", "");
    if (ResidentText.length(name) > MAX_NAME) {
      errors.add("name", Text.of("problem.opinion.name.too-long", MAX_NAME));
    }
    if (!phone.isEmpty() && !phone.matches("\\+?[0-9][0-9-]{5,19}")) {
      errors.add("phone", Text.of("problem.opinion.phone.invalid"));
    }
    boolean contactGiven = !name.isEmpty() || !phone.isEmpty();
    if (contactGiven && !draft.consent()) {
      errors.add("consent", Text.of("problem.opinion.consent.missing"));
    }
    // An SMS needs a mobile number to go to; a tick without one would promise what cannot happen.
    if (draft.notifySms() && phone.isEmpty()) {
      errors.add("notifySms", Text.of("problem.opinion.notify.no-phone"));
    } else if (draft.notifySms() && ResidentText.mobile(phone).isEmpty()) {
      errors.add("notifySms", Text.of("problem.opinion.notify.not-mobile"));
    }
    List<byte[]> uploads = draft.photos().stream().filter(b -> b != null && b.length > 0).toList();
    List<PhotoStore.Prepared> prepared = photos.prepareUploads(draft.photos(), MAX_PHOTOS, errors);
    errors.throwIfAny();
    assert category != null;

    List<String> hashes = prepared.stream().map(photos::save).toList();
    // As the store keeps it (to the second, in Beijing time): the case returned is the one written,
    // without reading it back inside the writer's turn.
    OffsetDateTime now = Sql.instant(Sql.instant(OffsetDateTime.now(clock)));
    String id = Ids.next("case");
    // Drawn before the writer's turn: the transaction holds SQLite's one write lock, so it does
    // only the writes (a clash of 59-bit codes is drawn again inside, practically never).
    String drawn = TrackingCodes.next();
    // On PostgreSQL the limits are counted first, in a transaction of their own whose commit waits
    // for no flush: the row locks of their keys queue every hub's tries through one link, and held
    // through the case's own synced commit they let one submission per flush through. On SQLite in
    // the case's transaction: one sync for both, and its writers take turns anyway.
    boolean admittedApart = !database.writersTakeTurns();
    if (admittedApart && admission != NONE) {
      Optional<Duration> wait = admission.admitApart(database);
      if (wait.isPresent()) {
        throw new Refused(wait.get());
      }
    }
    // Committed with the submissions that came at the same moment: one sync for them all.
    OpinionCase saved =
        writes.inTransaction(
            h -> {
              Optional<Duration> wait = admittedApart ? Optional.empty() : admission.admit(h);
              if (wait.isPresent()) {
                throw new Refused(wait.get());
              }
              boolean toDepartment = contactGiven && draft.contactToDepartment();
              java.util.function.Function<String, OpinionCase> withCode =
                  code ->
                      OpinionCase.submitted(
                          id,
                          code,
                          address.stationId(),
                          address.deputyId(),
                          category,
                          text,
                          now,
                          toDepartment);
              OpinionCase c = withCode.apply(drawn);
              // One statement writes the case, links it to the reception being held and checks the
              // token; nothing written: the code was taken (drawn again), or the token moved.
              while (!repository.insertSubmitted(h, c, address.token())) {
                if (!repository.codeExists(h, c.trackingCode())) {
                  throw new LinkMoved();
                }
                c = withCode.apply(TrackingCodes.next());
              }
              if (contactGiven) {
                repository.insertContact(
                    h, new CaseContact(id, name, phone, now, draft.notifySms()));
              }
              if (draft.notifySms()) {
                // A new explicit tick outweighs an earlier stop of this number.
                smsStops.resume(h, ResidentText.mobile(phone));
              }
              for (int i = 0; i < hashes.size(); i++) {
                repository.insertPhoto(h, id, i + 1, hashes.get(i));
              }
              cases.record(
                  h,
                  id,
                  CaseEvent.RESIDENT,
                  "submit",
                  uploads.isEmpty() ? "" : uploads.size() + " photo(s)");
              return c;
            });
    (address.deputyId() == null ? byStationLink : byDeputyLink).increment();
    LOG.info(
        "opinion {} submitted at station {}{}: {}, {} characters, {} photo(s), {}",
        saved.id(),
        address.stationId(),
        address.deputyId() == null ? "" : " to deputy " + address.deputyId(),
        category,
        ResidentText.length(text),
        hashes.size(),
        contactGiven
            ? (draft.notifySms() ? "with contact, SMS asked" : "with contact")
            : "anonymous");
    return saved;
  }
}
