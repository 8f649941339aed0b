package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 征集: proposals into a round, from a resident's QR form, from staff at a reception or for a deputy,
 * or from an opinion already in the system. Every field is checked before anything is written; bad
 * input is refused with each field's message and counted ({@link BadInput}, source {@code
 * livelihood.proposal}). A resident's proposal waits for staff to accept it before it is public;
 * staff's own entries are accepted as they are written (staff typed the public words themselves).
 */
@Singleton
public class Proposals {
  private static final Logger LOG = LoggerFactory.getLogger(Proposals.class);
  public static final int MAX_TITLE = 40;
  public static final int MAX_DESCRIPTION = 1000;
  public static final int MAX_PLACE = 80;
  public static final int MAX_PHOTOS = 3;
  static final int MAX_NOTE = 200;
  static final String SOURCE = "livelihood.proposal";

  private final Database database;
  private final LivelihoodRepository repository;
  private final Rounds rounds;
  private final PhotoStore photos;
  private final StationRepository stations;
  private final DeputyRepository deputies;
  private final CaseRepository cases;
  private final Access access;
  private final BadInput badInput;
  private final Clock clock;

  public Proposals(
      Database database,
      LivelihoodRepository repository,
      Rounds rounds,
      PhotoStore photos,
      StationRepository stations,
      DeputyRepository deputies,
      CaseRepository cases,
      Access access,
      BadInput badInput,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.rounds = rounds;
    this.photos = photos;
    this.stations = stations;
    this.deputies = deputies;
    this.cases = cases;
    this.access = access;
    this.badInput = badInput;
    this.clock = clock;
  }

  /** What a proposal says, as typed (a resident's form or a staff member's). */
  public record Words(
      @Nullable String category,
      @Nullable String title,
      @Nullable String description,
      @Nullable String place) {}

  /**
   * A resident's form as sent.
   *
   * @param photos the file fields' contents in order; empty arrays for fields left empty
   */
  public record ResidentDraft(@Nullable String roundId, Words words, List<byte[]> photos) {}

  /**
   * A proposal staff write down.
   *
   * @param source RECEPTION (a visitor at a reception, at {@code stationId}) or DEPUTY (a deputy's,
   *     {@code deputyId}; the station optional)
   */
  public record StaffDraft(
      @Nullable String source,
      @Nullable String stationId,
      @Nullable String deputyId,
      Words words) {}

  /** An opinion turned into a proposal: the case, and the words staff wrote for it. */
  public record FromOpinion(@Nullable String caseId, Words words) {}

  /** Staff's decision on a proposal: ACCEPT or SET_ASIDE, with a note (required to set aside). */
  public record Decision(@Nullable String decision, @Nullable String note) {}

  /** A round's proposals, for staff who may read the round. */
  public List<Proposal> list(Staff staff, String roundId) {
    return repository.proposals(rounds.get(staff, roundId).id(), null);
  }

  /** The opinions of the round's area the caller may turn into its proposals, newest first. */
  public List<OpinionChoice> opinionsToPropose(Staff staff, Round round) {
    List<String> stationIds =
        access.editableStations(staff).stream()
            .filter(p -> Rounds.reaches(round, p))
            .map(StationPlace::id)
            .toList();
    return repository.opinionsToPropose(round.id(), stationIds, 200);
  }

  /** The deputies staff may name as a proposal's: the round's county's. */
  public List<Deputy> deputies(Round round) {
    return deputies.inCounty(round.countyId());
  }

  /** The station a QR token belongs to (the token of the station's opinion form). */
  public Optional<StationPlace> stationOf(String token) {
    return stations.findByToken(token);
  }

  /** What the public may read of a round: its accepted proposals only. */
  public List<Proposal> accepted(String roundId) {
    return repository.proposals(roundId, ProposalStatus.ACCEPTED);
  }

  /**
   * A resident's proposal from a station's QR form.
   *
   * @throws ValidationProblem with every field's problem (roundId, category, title, description,
   *     place, photo1…photo3); nothing saved
   */
  public Proposal submit(StationPlace place, ResidentDraft draft) {
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    String roundId = Rounds.strip(draft.roundId());
    Round round =
        rounds.collectingAt(place).stream()
            .filter(r -> r.id().equals(roundId))
            .findFirst()
            .orElse(null);
    if (round == null) {
      errors.add("roundId", Text.of("problem.livelihood.proposal.round"));
    }
    Checked words = check(round, draft.words(), errors);
    List<PhotoStore.Prepared> prepared = photos.prepareUploads(draft.photos(), MAX_PHOTOS, errors);
    refuseIfAny(errors, place.id());
    List<String> hashes = prepared.stream().map(photos::save).toList();
    Proposal saved =
        save(
            new Proposal(
                Ids.next("lp"),
                roundId,
                ProposalSource.RESIDENT,
                place.id(),
                null,
                null,
                words.category(),
                words.title(),
                words.description(),
                words.place(),
                ProposalStatus.SUBMITTED,
                "",
                null,
                OffsetDateTime.now(clock),
                null,
                hashes));
    LOG.info(
        "livelihood proposal {} from a resident at station {} into round {}, {} photo(s)",
        saved.id(),
        place.id(),
        roundId,
        hashes.size());
    return saved;
  }

  /**
   * Staff write down a proposal heard at a reception or made by a deputy.
   *
   * @throws ValidationProblem on source, stationId, deputyId and the words' fields
   */
  public Proposal enter(Staff staff, String roundId, StaffDraft draft) {
    Round round = collecting(staff, roundId);
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    String sourceName = Rounds.strip(draft.source()).toUpperCase(Locale.ROOT);
    ProposalSource source =
        sourceName.equals("RECEPTION")
            ? ProposalSource.RECEPTION
            : sourceName.equals("DEPUTY") ? ProposalSource.DEPUTY : null;
    if (source == null) {
      errors.add("source", Text.of("problem.livelihood.proposal.source"));
    }
    String stationId = Rounds.strip(draft.stationId());
    StationPlace place = stationId.isEmpty() ? null : stations.find(stationId).orElse(null);
    if (place == null && (source == ProposalSource.RECEPTION || !stationId.isEmpty())) {
      errors.add("stationId", Text.of("problem.livelihood.proposal.station"));
    } else if (place != null && !(Rounds.reaches(round, place) && access.canSee(staff, place))) {
      errors.add("stationId", Text.of("problem.livelihood.proposal.station"));
    }
    String deputyId = Rounds.strip(draft.deputyId());
    if (source == ProposalSource.DEPUTY
        && !deputies.countyOf(deputyId).map(round.countyId()::equals).orElse(false)) {
      errors.add("deputyId", Text.of("problem.livelihood.proposal.deputy"));
    }
    Checked words = check(round, draft.words(), errors);
    refuseIfAny(errors, staff.id());
    return staffsProposal(
        staff,
        round,
        source,
        place == null ? null : place.id(),
        source == ProposalSource.DEPUTY ? deputyId : null,
        null,
        words);
  }

  /**
   * An opinion made a proposal: the link to the case is kept, its contact and its words are not
   * (the words are staff's, typed for the public).
   *
   * @throws ValidationProblem on caseId and the words' fields
   */
  public Proposal fromOpinion(Staff staff, String roundId, FromOpinion draft) {
    Round round = collecting(staff, roundId);
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    String caseId = Rounds.strip(draft.caseId());
    OpinionCase opinion = caseId.isEmpty() ? null : cases.find(caseId).orElse(null);
    StationPlace place = opinion == null ? null : stations.find(opinion.stationId()).orElse(null);
    if (opinion == null
        || place == null
        || !Rounds.reaches(round, place)
        || !access.canSeeCase(staff, place, opinion.deputyId(), null)) {
      errors.add("caseId", Text.of("problem.livelihood.proposal.opinion"));
    } else if (database.withHandle(h -> repository.madeFrom(h, round.id(), caseId))) {
      errors.add("caseId", Text.of("problem.livelihood.proposal.opinion.already"));
    }
    Checked words = check(round, draft.words(), errors);
    refuseIfAny(errors, staff.id());
    return staffsProposal(
        staff,
        round,
        ProposalSource.OPINION,
        place == null ? null : place.id(),
        opinion == null ? null : opinion.deputyId(),
        caseId,
        words);
  }

  /**
   * 采纳 / 暂不采纳: accepts a proposal (it becomes public) or sets it aside with a note, while the round
   * is collecting or under review (409 after).
   */
  public Proposal decide(Staff staff, String roundId, String proposalId, Decision decision) {
    Round round = rounds.requireChange(staff, roundId);
    if (round.state() != RoundState.COLLECTING && round.state() != RoundState.REVIEWING) {
      throw new ConflictProblem(Text.of("problem.livelihood.proposal.decided-round"));
    }
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    String what = Rounds.strip(decision.decision()).toUpperCase(Locale.ROOT);
    ProposalStatus status =
        what.equals("ACCEPT")
            ? ProposalStatus.ACCEPTED
            : what.equals("SET_ASIDE") ? ProposalStatus.SET_ASIDE : null;
    if (status == null) {
      errors.add("decision", Text.of("problem.livelihood.proposal.decision"));
    }
    String note = ResidentText.cleanLine(decision.note());
    if (status == ProposalStatus.SET_ASIDE && note.isEmpty()) {
      errors.add("note", Text.of("problem.livelihood.proposal.note.missing"));
    } else if (ResidentText.length(note) > MAX_NOTE) {
      errors.add("note", Text.of("problem.livelihood.proposal.note.too-long", MAX_NOTE));
    }
    refuseIfAny(errors, staff.id());
    ProposalStatus decided = java.util.Objects.requireNonNull(status);
    Proposal done =
        database.inTransaction(
            h -> {
              if (!repository.decide(
                  h, round.id(), proposalId, decided, note, OffsetDateTime.now(clock))) {
                throw new NotFoundProblem(Text.of("problem.livelihood.proposal.not-found"));
              }
              return repository.findProposal(h, proposalId).orElseThrow();
            });
    // The boards count and name the accepted ones (one set aside may have been accepted before).
    rounds.announce(round);
    return done;
  }

  private Round collecting(Staff staff, String roundId) {
    Round round = rounds.requireChange(staff, roundId);
    if (round.state() != RoundState.COLLECTING) {
      throw new ConflictProblem(Text.of("problem.livelihood.round.not-collecting"));
    }
    return round;
  }

  private Proposal staffsProposal(
      Staff staff,
      Round round,
      @Nullable ProposalSource source,
      @Nullable String stationId,
      @Nullable String deputyId,
      @Nullable String caseId,
      Checked words) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Proposal saved =
        save(
            new Proposal(
                Ids.next("lp"),
                round.id(),
                java.util.Objects.requireNonNull(source),
                stationId,
                deputyId,
                caseId,
                words.category(),
                words.title(),
                words.description(),
                words.place(),
                ProposalStatus.ACCEPTED,
                "",
                staff.id(),
                now,
                now,
                List.of()));
    LOG.info(
        "livelihood proposal {} ({}) entered by {} into round {}",
        saved.id(),
        source,
        staff.id(),
        round.id());
    // Staff's entries are accepted as entered: the boards show them at once.
    rounds.announce(round);
    return saved;
  }

  private Proposal save(Proposal proposal) {
    return database.inTransaction(
        h -> {
          repository.insertProposal(h, proposal);
          return repository.findProposal(h, proposal.id()).orElseThrow();
        });
  }

  private void refuseIfAny(ValidationProblem.Collector errors, String who) {
    if (!errors.isEmpty()) {
      badInput.record(SOURCE, "refused", who);
    }
    errors.throwIfAny();
  }

  /** The words checked: what is stored. */
  record Checked(Category category, String title, String description, String place) {}

  static Checked check(@Nullable Round round, Words words, ValidationProblem.Collector errors) {
    Category category = Category.of(Rounds.strip(words.category())).orElse(null);
    if (category == null || round != null && !round.categories().contains(category)) {
      errors.add("category", Text.of("problem.livelihood.proposal.category"));
    }
    String title = line(words.title(), "title", MAX_TITLE, true, errors);
    String description;
    if (ResidentText.hasBrokenEncoding(words.description())) {
      errors.add("description", Text.of("problem.livelihood.proposal.broken"));
      description = "";
    } else {
      description = ResidentText.clean(words.description());
      if (description.isEmpty()) {
        errors.add("description", Text.of("problem.livelihood.proposal.description.missing"));
      } else if (ResidentText.length(description) > MAX_DESCRIPTION) {
        errors.add(
            "description",
            Text.of(
                "problem.livelihood.proposal.too-long",
                MAX_DESCRIPTION,
                ResidentText.length(description)));
      }
    }
    String place = line(words.place(), "place", MAX_PLACE, false, errors);
    return new Checked(category == null ? Category.OTHER : category, title, description, place);
  }

  private static String line(
      @Nullable String typed,
      String field,
      int max,
      boolean required,
      ValidationProblem.Collector errors) {
    if (ResidentText.hasBrokenEncoding(typed)) {
      errors.add(field, Text.of("problem.livelihood.proposal.broken"));
      return "";
    }
    String text = ResidentText.cleanLine(typed);
    if (required && text.isEmpty()) {
      errors.add(field, Text.of("problem.livelihood.proposal." + field + ".missing"));
    } else if (ResidentText.length(text) > max) {
      errors.add(
          field, Text.of("problem.livelihood.proposal.too-long", max, ResidentText.length(text)));
    }
    return text;
  }
}
