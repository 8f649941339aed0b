package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.department.Department;
import liaison.hub.department.DepartmentRepository;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * 初定 and 审议: staff of the round's level make projects from its accepted proposals (one, or several
 * duplicates merged), give each its department, cost estimate and timetable, order them, leave some
 * out with a public reason, and publish the shortlist (REVIEWING → SHORTLISTED). Projects change
 * only while the round collects or is under review: once the shortlist is published they are
 * frozen, until staff withdraw it before the vote opens. Bad input is refused field by field,
 * nothing saved, counted ({@link BadInput}, source {@code livelihood.project}).
 */
@Singleton
public class Projects {
  private static final Logger LOG = LoggerFactory.getLogger(Projects.class);
  public static final int MAX_REASON = 200;

  /** The largest estimate taken: 10 亿元, beyond any county's yearly livelihood budget. */
  public static final long MAX_COST = 1_000_000_000L;

  static final String SOURCE = "livelihood.project";
  private static final List<RoundState> OPEN = List.of(RoundState.COLLECTING, RoundState.REVIEWING);

  private final Database database;
  private final ShortlistRepository repository;
  private final LivelihoodRepository proposals;
  private final Rounds rounds;
  private final DepartmentRepository departments;
  private final BadInput badInput;
  private final Clock clock;

  public Projects(
      Database database,
      ShortlistRepository repository,
      LivelihoodRepository proposals,
      Rounds rounds,
      DepartmentRepository departments,
      BadInput badInput,
      Clock clock) {
    this.database = database;
    this.repository = repository;
    this.proposals = proposals;
    this.rounds = rounds;
    this.departments = departments;
    this.badInput = badInput;
    this.clock = clock;
  }

  /** Proposals merged into a project, by id. */
  public record Merge(@Nullable List<String> proposalIds) {}

  /**
   * A project as staff edit it. Department, cost and timetable may be left empty while it is a
   * draft; publishing the shortlist needs them.
   *
   * @param costYuan whole yuan, e.g. {@code "1200000"}
   * @param startsOn the first month, {@code YYYY-MM}
   * @param endsOn the last month, {@code YYYY-MM}
   */
  public record Draft(
      @Nullable String category,
      @Nullable String title,
      @Nullable String description,
      @Nullable String place,
      @Nullable String departmentId,
      @Nullable String costYuan,
      @Nullable String startsOn,
      @Nullable String endsOn) {}

  /** A project's new place on the shortlist, from 1. */
  public record Position(@Nullable String position) {}

  /** Why a project is left out: public with the shortlist. */
  public record LeaveOut(@Nullable String reason) {}

  /** A round's projects in shortlist order, for staff who may read the round. */
  public List<Project> list(Staff staff, String roundId) {
    return repository.projects(rounds.get(staff, roundId).id());
  }

  /** A project of a round the caller may read. */
  public Project get(Staff staff, String roundId, String projectId) {
    Round round = rounds.get(staff, roundId);
    return database.withHandle(h -> project(h, round, projectId));
  }

  /** The departments a project may be given: the round's county's. */
  public List<Department> departments(Round round) {
    return departments.inCounty(round.countyId());
  }

  /** The round's accepted proposals not yet in a project: what a new project is made from. */
  public List<Proposal> unplaced(Round round) {
    Set<String> placed =
        new HashSet<>(database.withHandle(h -> repository.linkedProposals(h, round.id())));
    return proposals.proposals(round.id(), ProposalStatus.ACCEPTED).stream()
        .filter(p -> !placed.contains(p.id()))
        .toList();
  }

  /**
   * A project made from accepted proposals of the round not yet in a project: several when they are
   * duplicates. It takes the first one's words, to be edited; it goes last on the shortlist.
   *
   * @throws ValidationProblem on proposalIds; nothing saved
   */
  public Project create(Staff staff, String roundId, Merge merge) {
    Round round = rounds.requireChange(staff, roundId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    Project made =
        database.inTransaction(
            h -> {
              touch(h, round, now);
              List<Proposal> chosen = placeable(h, round, merge, staff);
              Proposal first = chosen.getFirst();
              int last = repository.projects(h, round.id()).size();
              Project project =
                  new Project(
                      Ids.next("lj"),
                      round.id(),
                      last + 1,
                      first.category(),
                      first.title(),
                      first.description(),
                      first.place(),
                      null,
                      null,
                      null,
                      null,
                      null,
                      ProjectState.DRAFT,
                      "",
                      chosen.stream()
                          .map(p -> new Project.ProposalRef(p.id(), p.title()))
                          .toList());
              repository.insert(h, project, now);
              return project(h, round, project.id());
            });
    LOG.info(
        "livelihood project {} made by {} in round {} from {} proposal(s)",
        made.id(),
        staff.id(),
        round.id(),
        made.proposals().size());
    return made;
  }

  /**
   * More duplicates merged into a project.
   *
   * @throws ValidationProblem on proposalIds; nothing saved
   */
  public Project merge(Staff staff, String roundId, String projectId, Merge merge) {
    return change(
        staff,
        roundId,
        projectId,
        (h, round, project, now) ->
            repository.link(
                h,
                project.id(),
                placeable(h, round, merge, staff).stream().map(Proposal::id).toList()));
  }

  /**
   * Changes a project's words, department, cost and timetable; every field is checked first.
   *
   * @throws ValidationProblem on category, title, description, place, departmentId, costYuan,
   *     startsOn, endsOn; nothing saved
   */
  public Project edit(Staff staff, String roundId, String projectId, Draft draft) {
    return change(
        staff,
        roundId,
        projectId,
        (h, round, project, now) -> repository.update(h, check(round, project, draft, staff), now));
  }

  /**
   * Puts a project at a place of the shortlist (1 is first), the others keeping their order.
   *
   * @throws ValidationProblem on position
   */
  public Project move(Staff staff, String roundId, String projectId, Position position) {
    return change(
        staff,
        roundId,
        projectId,
        (h, round, project, now) -> {
          List<String> order =
              new ArrayList<>(
                  repository.projects(h, round.id()).stream().map(Project::id).toList());
          int to = 0;
          try {
            to = Integer.parseInt(Rounds.strip(position.position()));
          } catch (NumberFormatException e) {
            // reported below
          }
          if (to < 1 || to > order.size()) {
            refuse(
                new ValidationProblem.Collector()
                    .add("position", Text.of("problem.livelihood.project.position", order.size())),
                staff);
          }
          order.remove(project.id());
          order.add(to - 1, project.id());
          repository.order(h, order);
        });
  }

  /**
   * 不列入: a project left out of the shortlist, with the reason residents will read.
   *
   * @throws ValidationProblem on reason
   */
  public Project leaveOut(Staff staff, String roundId, String projectId, LeaveOut leaveOut) {
    rounds.requireChange(staff, roundId);
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    String reason =
        reason(leaveOut.reason(), Text.of("problem.livelihood.project.reason.missing"), errors);
    refuse(errors, staff);
    return step(staff, roundId, projectId, ProjectState.DRAFT, ProjectState.LEFT_OUT, reason);
  }

  /** A project left out taken back in: a draft again, its reason gone. */
  public Project takeBack(Staff staff, String roundId, String projectId) {
    return step(staff, roundId, projectId, ProjectState.LEFT_OUT, ProjectState.DRAFT, "");
  }

  /**
   * 公布候选项目: the round goes from REVIEWING to SHORTLISTED and its drafts onto the shortlist, when at
   * least one project is in and each has its department, cost and timetable (projects left out
   * always have their reason). Refused naming every missing thing, nothing changed.
   *
   * @throws ValidationProblem on projects, one message per missing thing
   * @throws ConflictProblem unless the round is under review
   */
  public Round publish(Staff staff, String roundId) {
    Round round = rounds.requireChange(staff, roundId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useTransaction(
        h -> {
          if (!repository.touchIf(h, round.id(), List.of(RoundState.REVIEWING), now)) {
            throw new ConflictProblem(Text.of("problem.livelihood.project.publish-not-reviewing"));
          }
          ValidationProblem.Collector missing = new ValidationProblem.Collector();
          List<Project> in =
              repository.projects(h, round.id()).stream()
                  .filter(p -> p.state() == ProjectState.DRAFT)
                  .toList();
          if (in.isEmpty()) {
            missing.add("projects", Text.of("problem.livelihood.project.publish-none"));
          }
          for (Project p : in) {
            if (p.departmentId() == null) {
              missing.add(
                  "projects", Text.of("problem.livelihood.project.publish-department", p.title()));
            }
            if (p.costYuan() == null) {
              missing.add(
                  "projects", Text.of("problem.livelihood.project.publish-cost", p.title()));
            }
            if (p.startsOn() == null || p.endsOn() == null) {
              missing.add(
                  "projects", Text.of("problem.livelihood.project.publish-timetable", p.title()));
            }
          }
          refuse(missing, staff);
          repository.stateAll(h, round.id(), ProjectState.DRAFT, ProjectState.SHORTLISTED, now);
          proposals.move(h, round.id(), RoundState.REVIEWING, RoundState.SHORTLISTED, clock);
        });
    LOG.info("livelihood round {}: shortlist published by {}", round.id(), staff.id());
    return rounds.get(staff, roundId);
  }

  /**
   * 撤回公布: back to review before the vote opens, the shortlisted projects drafts again.
   *
   * @throws ConflictProblem unless the shortlist is published and the vote not open
   */
  public Round withdraw(Staff staff, String roundId) {
    Round round = rounds.requireChange(staff, roundId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    database.useTransaction(
        h -> {
          if (!proposals.move(h, round.id(), RoundState.SHORTLISTED, RoundState.REVIEWING, clock)) {
            throw new ConflictProblem(
                Text.of("problem.livelihood.project.withdraw-not-shortlisted"));
          }
          repository.stateAll(h, round.id(), ProjectState.SHORTLISTED, ProjectState.DRAFT, now);
        });
    LOG.info("livelihood round {}: shortlist withdrawn by {}", round.id(), staff.id());
    return rounds.get(staff, roundId);
  }

  /** A round's published shortlist and what was left out, in order (for the public page). */
  public List<Project> published(Round round) {
    return switch (round.state()) {
      case SHORTLISTED, VOTING, DECIDED, EVALUATED ->
          repository.projects(round.id()).stream()
              .filter(p -> p.state() != ProjectState.DRAFT)
              .toList();
      default -> List.of();
    };
  }

  private Project step(
      Staff staff,
      String roundId,
      String projectId,
      ProjectState from,
      ProjectState to,
      String reason) {
    Project moved =
        change(
            staff,
            roundId,
            projectId,
            (h, round, project, now) -> {
              if (!repository.state(h, projectId, from, to, reason, now)) {
                throw new ConflictProblem(
                    Text.of(
                        "problem.livelihood.project.not-"
                            + from.name().toLowerCase(java.util.Locale.ROOT)));
              }
            });
    LOG.info("livelihood project {} {} → {} by {}", projectId, from, to, staff.id());
    return moved;
  }

  /** One change of a project, in one transaction holding the round's row; the project re-read. */
  private interface Change {
    void apply(Handle h, Round round, Project project, OffsetDateTime now);
  }

  private Project change(Staff staff, String roundId, String projectId, Change change) {
    Round round = rounds.requireChange(staff, roundId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    return database.inTransaction(
        h -> {
          touch(h, round, now);
          change.apply(h, round, project(h, round, projectId), now);
          return project(h, round, projectId);
        });
  }

  /** The round's row taken for this change: refused once the shortlist is published. */
  private void touch(Handle h, Round round, OffsetDateTime now) {
    if (!repository.touchIf(h, round.id(), OPEN, now)) {
      throw new ConflictProblem(Text.of("problem.livelihood.project.frozen"));
    }
  }

  private Project project(Handle h, Round round, String projectId) {
    return repository
        .find(h, round.id(), projectId)
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.livelihood.project.not-found")));
  }

  /** The proposals named, each the round's, accepted and in no project yet. */
  private List<Proposal> placeable(Handle h, Round round, Merge merge, Staff staff) {
    Set<String> placed = new HashSet<>(repository.linkedProposals(h, round.id()));
    LinkedHashSet<String> ids = new LinkedHashSet<>();
    for (String id : merge.proposalIds() == null ? List.<String>of() : merge.proposalIds()) {
      if (!Rounds.strip(id).isEmpty()) {
        ids.add(Rounds.strip(id));
      }
    }
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    List<Proposal> chosen = new ArrayList<>();
    if (ids.isEmpty()) {
      errors.add("proposalIds", Text.of("problem.livelihood.project.proposals.missing"));
    }
    for (String id : ids) {
      Proposal p =
          proposals.findProposal(h, id).filter(q -> q.roundId().equals(round.id())).orElse(null);
      if (p == null || p.status() != ProposalStatus.ACCEPTED) {
        errors.add("proposalIds", Text.of("problem.livelihood.project.proposals.not-accepted"));
      } else if (placed.contains(id)) {
        errors.add(
            "proposalIds", Text.of("problem.livelihood.project.proposals.placed", p.title()));
      } else {
        chosen.add(p);
      }
    }
    refuse(errors, staff);
    return chosen;
  }

  private Project check(Round round, Project project, Draft draft, Staff staff) {
    ValidationProblem.Collector errors = new ValidationProblem.Collector();
    Proposals.Checked words =
        Proposals.check(
            round,
            new Proposals.Words(
                draft.category(), draft.title(), draft.description(), draft.place()),
            errors);
    String departmentId = Rounds.strip(draft.departmentId());
    Department department = null;
    if (!departmentId.isEmpty()) {
      department =
          departments
              .find(departmentId)
              .filter(d -> d.countyId().equals(round.countyId()))
              .orElse(null);
      if (department == null) {
        errors.add("departmentId", Text.of("problem.livelihood.project.department"));
      }
    }
    Long cost = null;
    String costText = Rounds.strip(draft.costYuan()).replace(",", "").replace("，", "");
    if (!costText.isEmpty()) {
      try {
        cost = Long.parseLong(costText);
      } catch (NumberFormatException e) {
        // reported below
      }
      if (cost == null || cost < 1 || cost > MAX_COST) {
        errors.add("costYuan", Text.of("problem.livelihood.project.cost", "1,000,000,000"));
        cost = null;
      }
    }
    YearMonth starts = month(draft.startsOn(), "startsOn", errors);
    YearMonth ends = month(draft.endsOn(), "endsOn", errors);
    if (starts != null
        && (starts.getYear() < round.year() - 1 || starts.getYear() > round.year())) {
      errors.add(
          "startsOn",
          Text.of(
              "problem.livelihood.project.starts",
              Integer.toString(round.year() - 1),
              Integer.toString(round.year())));
    }
    if (ends != null && ends.getYear() > round.year() + 2) {
      errors.add(
          "endsOn", Text.of("problem.livelihood.project.ends", Integer.toString(round.year() + 2)));
    } else if (starts != null && ends != null && ends.isBefore(starts)) {
      errors.add("endsOn", Text.of("problem.livelihood.project.ends-before-starts"));
    }
    if (starts == null != (ends == null) && !errors.has("startsOn") && !errors.has("endsOn")) {
      errors.add(
          starts == null ? "startsOn" : "endsOn", Text.of("problem.livelihood.project.month.both"));
    }
    refuse(errors, staff);
    return new Project(
        project.id(),
        project.roundId(),
        project.position(),
        words.category(),
        words.title(),
        words.description(),
        words.place(),
        department == null ? null : department.id(),
        department == null ? null : department.name(),
        cost,
        starts,
        ends,
        project.state(),
        project.leftOutReason(),
        project.proposals());
  }

  private static @Nullable YearMonth month(
      @Nullable String typed, String field, ValidationProblem.Collector errors) {
    String text = Rounds.strip(typed);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return YearMonth.parse(text.length() > 7 ? text.substring(0, 7) : text);
    } catch (DateTimeParseException e) {
      errors.add(field, Text.of("problem.livelihood.project.month"));
      return null;
    }
  }

  /** A required reason of one line, at most {@link #MAX_REASON} characters, as stored. */
  static String reason(@Nullable String typed, Text missing, ValidationProblem.Collector errors) {
    String reason = ResidentText.cleanLine(typed);
    if (reason.isEmpty()) {
      errors.add("reason", missing);
    } else if (ResidentText.length(reason) > MAX_REASON) {
      errors.add(
          "reason",
          Text.of("problem.livelihood.project.too-long", MAX_REASON, ResidentText.length(reason)));
    }
    return reason;
  }

  private void refuse(ValidationProblem.Collector errors, Staff staff) {
    if (!errors.isEmpty()) {
      badInput.record(SOURCE, "refused", staff.id());
    }
    errors.throwIfAny();
  }
}
