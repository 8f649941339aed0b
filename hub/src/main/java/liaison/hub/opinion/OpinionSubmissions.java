package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liaison.hub.db.Ids;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.db.Database;
import liaison.hub.text.ResidentText;
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

  private final Database database;
  private final CaseRepository repository;
  private final Cases cases;
  private final PhotoStore photos;
  private final StationRepository stations;
  private final DeputyLinks deputyLinks;
  private final DeputyRepository deputies;
  private final Clock clock;

  public OpinionSubmissions(
      Database database,
      CaseRepository repository,
      Cases cases,
      PhotoStore photos,
      StationRepository stations,
      DeputyLinks deputyLinks,
      DeputyRepository deputies,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.cases = cases;
    this.photos = photos;
    this.stations = stations;
    this.deputyLinks = deputyLinks;
    this.deputies = deputies;
    this.clock = clock;
  }

  /** Where the form was opened: a station, and the deputy when it was their own link. */
  public record Address(String stationId, @Nullable String deputyId) {}

  /** Where a QR token leads: the station, and the deputy (with their name) when it is their link. */
  public record Addressed(StationPlace place, @Nullable String deputyId, @Nullable String deputyName) {
    public Address address() {
      return new Address(place.id(), deputyId);
    }
  }

  /** The station (and deputy) behind a QR token: a station's own token or a deputy's at that station. */
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
                    .map(p -> new Addressed(p, link.deputyId(), deputies.find(link.deputyId()).map(d -> d.name()).orElse(null))));
  }

  /**
   * Checks and stores the opinion; returns the new case.
   *
   * @throws ValidationProblem with every field's problem (fields: category, text, photo1…photo3,
   *     name, phone, consent); nothing was saved
   */
  public OpinionCase submit(Address address, OpinionDraft draft) {
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    Category category = Category.of(draft.category()).orElse(null);
    if (category == null) {
      errors.add("category", "请选择意见类别", "Choose what your opinion is about");
    }
    String text = ResidentText.clean(draft.text());
    if (ResidentText.hasBrokenEncoding(draft.text())) {
      errors.add("text", "文字中有无法识别的字符（编码错误），请删去后重新输入", "The text holds characters that could not be read (broken encoding); remove them and type again");
    } else if (text.isEmpty()) {
      errors.add("text", "请写下您的意见建议", "Write your opinion");
    } else if (ResidentText.length(text) > MAX_TEXT) {
      errors.add(
          "text",
          "意见建议最多 " + MAX_TEXT + " 字，现在 " + ResidentText.length(text) + " 字，请精简",
          "At most " + MAX_TEXT + " characters; this has " + ResidentText.length(text));
    }
    String name = ResidentText.cleanLine(draft.name());
    String phone = ResidentText.cleanLine(draft.phone()).replace(" ", "");
    if (ResidentText.length(name) > MAX_NAME) {
      errors.add("name", "称呼最多 " + MAX_NAME + " 字", "The name must be at most " + MAX_NAME + " characters");
    }
    if (!phone.isEmpty() && !phone.matches("\\+?[0-9][0-9-]{5,19}")) {
      errors.add("phone", "电话号码只能包含数字和“-”，如 13812341234", "A phone number holds digits and '-', e.g. 13812341234");
    }
    boolean contactGiven = !name.isEmpty() || !phone.isEmpty();
    if (contactGiven && !draft.consent()) {
      errors.add("consent", "留下称呼或电话前，请阅读并勾选上面的说明；也可以不留，匿名提交", "Tick the notice before leaving a name or phone, or leave them empty to stay anonymous");
    }
    List<PhotoStore.Prepared> prepared = new ArrayList<>();
    List<byte[]> uploads = draft.photos().stream().filter(b -> b != null && b.length > 0).toList();
    if (draft.photos().size() > MAX_PHOTOS) {
      errors.add("photo1", "最多 " + MAX_PHOTOS + " 张照片", "At most " + MAX_PHOTOS + " photos");
    }
    for (int i = 0; i < draft.photos().size() && i < MAX_PHOTOS; i++) {
      byte[] upload = draft.photos().get(i);
      if (upload == null || upload.length == 0) {
        continue;
      }
      try {
        prepared.add(photos.prepare(upload));
      } catch (ValidationProblem problem) {
        for (FieldError e : problem.errors()) {
          errors.add("photo" + (i + 1), "第 " + (i + 1) + " 张照片：" + e.zh(), "Photo " + (i + 1) + ": " + e.en());
        }
      }
    }
    errors.throwIfAny();
    assert category != null;

    List<String> hashes = prepared.stream().map(photos::save).toList();
    OffsetDateTime now = OffsetDateTime.now(clock);
    String id = Ids.next("case");
    // Drawn before the writer's turn: the transaction holds SQLite's one write lock, so it does only
    // the writes (a clash of 59-bit codes is drawn again inside, practically never).
    String drawn = TrackingCodes.next();
    OpinionCase saved =
        database.inTransaction(
            h -> {
              String code = drawn;
              while (repository.codeExists(h, code)) {
                code = TrackingCodes.next();
              }
              OpinionCase c =
                  new OpinionCase(
                      id, code, address.stationId(), address.deputyId(), category, text, CaseStatus.SUBMITTED, "", null, null,
                      null, null, null, now, now, null, null, null, false, contactGiven && draft.contactToDepartment(), null, "",
                      null);
              repository.insert(h, c);
              if (contactGiven) {
                repository.insertContact(h, new CaseContact(id, name, phone, now));
              }
              for (int i = 0; i < hashes.size(); i++) {
                repository.insertPhoto(h, id, i + 1, hashes.get(i));
              }
              cases.record(h, id, CaseEvent.RESIDENT, "submit", uploads.isEmpty() ? "" : uploads.size() + " photo(s)");
              return repository.find(h, id).orElseThrow();
            });
    LOG.info(
        "opinion {} submitted at station {}{}: {}, {} characters, {} photo(s), {}",
        saved.id(),
        address.stationId(),
        address.deputyId() == null ? "" : " to deputy " + address.deputyId(),
        category,
        ResidentText.length(text),
        hashes.size(),
        contactGiven ? "with contact" : "anonymous");
    return saved;
  }
}
