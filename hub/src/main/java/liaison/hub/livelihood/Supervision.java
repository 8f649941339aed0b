package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Supervising an elected project (监督): staff of the round's level keep its milestones, publish the
 * progress photos and assign the deputies who supervise it; its department (承办单位) reports progress
 * from its desk; the supervising deputies add notes from their phones. A department sees only its
 * own projects, a deputy only those they supervise. What changes the progress announces the
 * stations of the round's area changed, so their progress board is built again.
 */
@Singleton
public class Supervision {
  private static final Logger LOG = LoggerFactory.getLogger(Supervision.class);
  static final int MAX_TITLE = 60;
  static final int MAX_TEXT = 1000;
  public static final int MAX_PHOTOS = 3;

  private final Database database;
  private final SupervisionRepository repository;
  private final LivelihoodRepository livelihood;
  private final Rounds rounds;
  private final Congress congress;
  private final PhotoStore photos;
  private final BadInput badInput;
  private final LivelihoodScreens screens;
  private final Clock clock;

  public Supervision(
      Database database,
      SupervisionRepository repository,
      LivelihoodRepository livelihood,
      Rounds rounds,
      Congress congress,
      PhotoStore photos,
      BadInput badInput,
      LivelihoodScreens screens,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.livelihood = livelihood;
    this.rounds = rounds;
    this.congress = congress;
    this.photos = photos;
    this.badInput = badInput;
    this.screens = screens;
    this.clock = clock;
  }

  /** A milestone as typed: its title, the day it is due, the day it was done (may be empty). */
  public record MilestoneDraft(
      @Nullable String title, @Nullable String dueOn, @Nullable String doneOn) {}

  /**
   * A department's report as typed.
   *
   * @param milestoneId a milestone of the project the report says is done; empty for none
   * @param photos the photo fields' bytes, an empty array for an empty field
   */
  public record ReportDraft(
      @Nullable String percent,
      @Nullable String text,
      @Nullable String milestoneId,
      List<byte[]> photos) {}

  /** A project with the round it belongs to. */
  public record Seen(Round round, ElectedProject project) {}

  // ---- staff ----

  /** An elected project of a round the caller may read. */
  public Seen forStaff(Staff staff, String projectId) {
    ElectedProject project = find(projectId);
    Round round = rounds.get(staff, project.roundId());
    if (!project.elected()) {
      throw new NotFoundProblem(Text.of("problem.livelihood.project.not-found"));
    }
    return new Seen(round, project);
  }

  /** The elected projects of a round the caller may read. */
  public List<ElectedProject> elected(Staff staff, String roundId) {
    rounds.get(staff, roundId);
    return repository.projects(roundId).stream().filter(ElectedProject::elected).toList();
  }

  /** Whether the caller may keep the project's milestones, supervisors and photos. */
  public boolean mayChange(Staff staff, Seen seen) {
    return rounds.mayChange(staff, seen.round()) && supervised(seen.round());
  }

  private Seen requireChange(Staff staff, String projectId) {
    Seen seen = forStaff(staff, projectId);
    rounds.requireChange(staff, seen.round().id());
    if (!supervised(seen.round())) {
      throw new ConflictProblem(Text.of("problem.livelihood.supervise.not-decided"));
    }
    return seen;
  }

  /**
   * Milestones are kept and progress reported while the round is decided, until it is evaluated.
   */
  private static boolean supervised(Round round) {
    return round.state() == RoundState.DECIDED;
  }

  public void addMilestone(Staff staff, String projectId, MilestoneDraft draft) {
    Seen seen = requireChange(staff, projectId);
    Checked checked = check(draft, staff);
    database.useTransaction(
        h ->
            repository.insertMilestone(
                h, seen.project().id(), Ids.next("lm"), checked.title(), checked.due()));
    changed(seen.round());
  }

  public void editMilestone(
      Staff staff, String projectId, String milestoneId, MilestoneDraft draft) {
    Seen seen = requireChange(staff, projectId);
    Checked checked = check(draft, staff);
    boolean found =
        database.inTransaction(
            h ->
                repository.updateMilestone(
                    h, projectId, milestoneId, checked.title(), checked.due(), checked.done()));
    if (!found) {
      throw new NotFoundProblem(Text.of("problem.livelihood.milestone.not-found"));
    }
    changed(seen.round());
  }

  public void removeMilestone(Staff staff, String projectId, String milestoneId) {
    Seen seen = requireChange(staff, projectId);
    if (!database.inTransaction(h -> repository.deleteMilestone(h, projectId, milestoneId))) {
      throw new NotFoundProblem(Text.of("problem.livelihood.milestone.not-found"));
    }
    changed(seen.round());
  }

  /** Staff mark a milestone done today (the department does with its report). */
  public void markDone(Staff staff, String projectId, String milestoneId) {
    Seen seen = requireChange(staff, projectId);
    LocalDate today = LocalDate.now(clock);
    if (!database.inTransaction(h -> repository.markDone(h, projectId, milestoneId, today))) {
      throw new NotFoundProblem(Text.of("problem.livelihood.milestone.not-found"));
    }
    changed(seen.round());
  }

  /** Publishes a report's photos: from now on the public page shows them. */
  public void publishPhotos(Staff staff, String projectId, String progressId) {
    Seen seen = requireChange(staff, projectId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    if (!database.inTransaction(h -> repository.publishPhotos(h, projectId, progressId, now))) {
      throw new NotFoundProblem(Text.of("problem.livelihood.progress.not-found"));
    }
    LOG.info(
        "livelihood project {} report {} photos published by {}",
        projectId,
        progressId,
        staff.id());
    changed(seen.round());
  }

  /** The deputies staff may assign: those of the round's congress ({@link Congress}). */
  public List<Supervisor> assignable(Seen seen) {
    return congress.of(seen.round()).stream()
        .map(v -> new Supervisor(v.deputyId(), v.name()))
        .toList();
  }

  /**
   * Assigns a deputy of the round's congress to supervise the project.
   *
   * @throws ValidationProblem on {@code deputyId} for anyone else; nothing saved
   */
  public void assign(Staff staff, String projectId, @Nullable String deputyId) {
    Seen seen = requireChange(staff, projectId);
    String id = Rounds.strip(deputyId);
    if (!congress.includes(seen.round(), id)) {
      badInput.record("livelihood.supervisor", "refused", staff.id());
      throw ValidationProblem.of("deputyId", Text.of("problem.livelihood.supervisor.unknown"));
    }
    database.useTransaction(h -> repository.assign(h, projectId, id));
  }

  public void unassign(Staff staff, String projectId, String deputyId) {
    requireChange(staff, projectId);
    database.useTransaction(h -> repository.unassign(h, projectId, deputyId));
  }

  // ---- the department ----

  /** The department's elected projects. */
  public List<ElectedProject> ofDepartment(Staff staff) {
    return repository.ofDepartment(requireDepartment(staff));
  }

  /** One of the department's projects; another department's is not found. */
  public Seen forDepartment(Staff staff, String projectId) {
    String department = requireDepartment(staff);
    ElectedProject project = find(projectId);
    if (!project.elected() || !department.equals(project.departmentId())) {
      throw new NotFoundProblem(Text.of("problem.livelihood.project.not-found"));
    }
    return new Seen(round(project), project);
  }

  /**
   * The department reports progress: a percent not below the last report's, its words, up to three
   * photos (kept private until staff publish them), and a milestone done.
   *
   * @throws ValidationProblem with every field's problem (percent, text, milestoneId,
   *     photo1…photo3); nothing saved
   */
  public void report(Staff staff, String projectId, ReportDraft draft) {
    Seen seen = forDepartment(staff, projectId);
    if (!supervised(seen.round())) {
      throw new ConflictProblem(Text.of("problem.livelihood.supervise.not-decided"));
    }
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    int percent = -1;
    try {
      percent = Integer.parseInt(Rounds.strip(draft.percent()));
    } catch (NumberFormatException e) {
      // reported below
    }
    int last = seen.project().progress();
    if (percent < 0 || percent > 100) {
      problems.add("percent", Text.of("problem.livelihood.progress.percent"));
    } else if (percent < last) {
      problems.add("percent", Text.of("problem.livelihood.progress.lower", Integer.toString(last)));
    }
    String text = ResidentText.clean(draft.text());
    if (text.isEmpty()) {
      problems.add("text", Text.of("problem.livelihood.progress.text.missing"));
    } else if (ResidentText.length(text) > MAX_TEXT) {
      problems.add("text", Text.of("problem.livelihood.progress.text.too-long", MAX_TEXT));
    }
    String milestone = Rounds.strip(draft.milestoneId());
    if (!milestone.isEmpty()
        && repository.milestones(projectId).stream().noneMatch(m -> m.id().equals(milestone))) {
      problems.add("milestoneId", Text.of("problem.livelihood.milestone.not-found"));
    }
    // Decoded and shrunk before the transaction, as the opinion form does.
    List<PhotoStore.Prepared> prepared =
        photos.prepareUploads(draft.photos(), MAX_PHOTOS, problems);
    if (!problems.isEmpty()) {
      badInput.record("livelihood.progress", "refused", staff.id());
    }
    problems.throwIfAny();
    List<String> hashes = prepared.stream().map(photos::save).toList();
    OffsetDateTime now = OffsetDateTime.now(clock);
    int checked = percent;
    boolean saved =
        database.inTransaction(
            h -> {
              // A report sent at the same time as a higher one loses, rather than lowering it.
              if (repository.progress(h, projectId) > checked) {
                return false;
              }
              repository.insertReport(
                  h, projectId, Ids.next("lp"), checked, text, staff.id(), now, hashes);
              if (!milestone.isEmpty()) {
                repository.markDone(h, projectId, milestone, now.toLocalDate());
              }
              return true;
            });
    if (!saved) {
      throw new ConflictProblem(Text.of("problem.livelihood.progress.overtaken"));
    }
    LOG.info("livelihood project {} at {}% reported by {}", projectId, percent, staff.id());
    changed(seen.round());
  }

  private static String requireDepartment(Staff staff) {
    if (!staff.isDepartment() || staff.departmentId() == null) {
      throw new ForbiddenProblem(Text.of("problem.livelihood.supervise.department-only"));
    }
    return Objects.requireNonNull(staff.departmentId());
  }

  // ---- the supervising deputies ----

  /** The projects the deputy supervises. */
  public List<ElectedProject> supervisedBy(Staff staff) {
    return repository.supervisedBy(requireDeputy(staff));
  }

  /** A project the deputy supervises; refused (403) when they were not assigned to it. */
  public Seen forSupervisor(Staff staff, String projectId) {
    String deputy = requireDeputy(staff);
    ElectedProject project = find(projectId);
    if (!project.elected() || !repository.isSupervisor(projectId, deputy)) {
      throw new ForbiddenProblem(Text.of("problem.livelihood.supervisor.not-assigned"));
    }
    return new Seen(round(project), project);
  }

  /**
   * A supervising deputy's note.
   *
   * @throws ValidationProblem on {@code text}; nothing saved
   */
  public void note(Staff staff, String projectId, @Nullable String words) {
    forSupervisor(staff, projectId);
    String text = ResidentText.clean(words);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    if (text.isEmpty()) {
      problems.add("text", Text.of("problem.livelihood.note.missing"));
    } else if (ResidentText.length(text) > MAX_TEXT) {
      problems.add("text", Text.of("problem.livelihood.note.too-long", MAX_TEXT));
    }
    if (!problems.isEmpty()) {
      badInput.record("livelihood.note", "refused", staff.id());
    }
    problems.throwIfAny();
    String deputy = Objects.requireNonNull(staff.deputyId());
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useTransaction(
        h -> repository.insertNote(h, Ids.next("ln"), projectId, deputy, text, now));
  }

  static String requireDeputy(Staff staff) {
    if (staff.role() != Role.DEPUTY || staff.deputyId() == null) {
      throw new ForbiddenProblem(Text.of("problem.livelihood.supervise.deputy-only"));
    }
    return Objects.requireNonNull(staff.deputyId());
  }

  // ---- reads ----

  public List<Milestone> milestones(String projectId) {
    return repository.milestones(projectId);
  }

  public List<ProgressReport> reports(String projectId) {
    return repository.reports(projectId);
  }

  public List<SupervisionNote> notes(String projectId) {
    return repository.notes(projectId);
  }

  public List<Supervisor> supervisors(String projectId) {
    return repository.supervisors(projectId);
  }

  /** The projects of a round, for the public page (which shows only decided rounds). */
  public List<ElectedProject> projects(String roundId) {
    return repository.projects(roundId);
  }

  /** Whether the photo is one of the project's reports' (for staff, unpublished too). */
  public boolean hasPhoto(String projectId, String sha256) {
    return repository.hasPhoto(projectId, sha256);
  }

  /** Whether staff have published the photo of one of the project's reports. */
  public boolean isPublished(String projectId, String sha256) {
    return repository.hasPublishedPhoto(projectId, sha256);
  }

  private ElectedProject find(String projectId) {
    return repository
        .project(projectId)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.livelihood.project.not-found")));
  }

  Round round(ElectedProject project) {
    return livelihood.find(project.roundId()).orElseThrow();
  }

  private void changed(Round round) {
    screens.changed(round);
  }

  private record Checked(String title, LocalDate due, @Nullable LocalDate done) {}

  private Checked check(MilestoneDraft draft, Staff staff) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String title = ResidentText.cleanLine(draft.title());
    if (title.isEmpty()) {
      problems.add("title", Text.of("problem.livelihood.milestone.title.missing"));
    } else if (ResidentText.length(title) > MAX_TITLE) {
      problems.add("title", Text.of("problem.livelihood.milestone.title.too-long", MAX_TITLE));
    }
    LocalDate due = day(draft.dueOn(), "dueOn", false, problems);
    LocalDate done = day(draft.doneOn(), "doneOn", true, problems);
    if (!problems.isEmpty()) {
      badInput.record("livelihood.milestone", "refused", staff.id());
    }
    problems.throwIfAny();
    return new Checked(title, Objects.requireNonNull(due), done);
  }

  private static @Nullable LocalDate day(
      @Nullable String text,
      String field,
      boolean mayBeEmpty,
      ValidationProblem.Collector problems) {
    String typed = Rounds.strip(text);
    if (typed.isEmpty() && mayBeEmpty) {
      return null;
    }
    try {
      return LocalDate.parse(typed);
    } catch (DateTimeParseException e) {
      problems.add(field, Text.of("problem.livelihood.round.day"));
      return null;
    }
  }
}
