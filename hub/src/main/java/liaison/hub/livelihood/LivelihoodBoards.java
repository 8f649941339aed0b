package liaison.hub.livelihood;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.db.Database;
import liaison.hub.opinion.Category;
import liaison.hub.station.StationPlace;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.LivelihoodProject;
import liaison.signage.protocol.StationContent.LivelihoodRound;
import liaison.signage.protocol.StationContent.Milestone;
import org.jspecify.annotations.Nullable;

/**
 * What a station's two 民生实事 boards show (docs/LIVELIHOOD.md): the rounds residents may propose to
 * there today ({@link Rounds#collectingAt}, the township's first) with their accepted proposals,
 * and the ELECTED projects of the rounds DECIDED that reach it (and of this year's EVALUATED ones)
 * with the department's latest percent and the next milestone. Only what is public: no proposal
 * that staff have not accepted, nothing of who proposed.
 */
@Singleton
public class LivelihoodBoards {
  private final Database database;
  private final LivelihoodRepository repository;
  private final Rounds rounds;
  private final Clock clock;

  public LivelihoodBoards(
      Database database, LivelihoodRepository repository, Rounds rounds, Clock clock) {
    this.database = database;
    this.repository = repository;
    this.rounds = rounds;
    this.clock = clock;
  }

  /** The station's part of the snapshot; null when there is nothing to show. */
  public StationContent.@Nullable Livelihood forStation(StationPlace place) {
    return forStations(List.of(place)).get(place.station().id());
  }

  /**
   * {@link #forStation} for many stations, by station id (absent when there is nothing to show): a
   * county's rounds are read once, each round's accepted proposals once and the projects of a set
   * of rounds once, however many of the stations they reach.
   */
  public Map<String, StationContent.Livelihood> forStations(Collection<StationPlace> places) {
    Shared shared = new Shared(new HashMap<>(), new HashMap<>(), new HashMap<>());
    Map<String, StationContent.Livelihood> boards = new HashMap<>();
    for (StationPlace place : places) {
      List<Round> countyRounds =
          shared.rounds().computeIfAbsent(place.countyId(), repository::rounds);
      List<LivelihoodRound> collecting =
          rounds.collectingAt(place, countyRounds).stream()
              .limit(StationContent.Livelihood.MAX_ROUNDS)
              .map(r -> round(r, place, shared))
              .toList();
      List<LivelihoodProject> projects = projects(place, countyRounds, shared);
      if (!collecting.isEmpty() || !projects.isEmpty()) {
        boards.put(place.station().id(), new StationContent.Livelihood(collecting, projects));
      }
    }
    return boards;
  }

  /** What stations of one call share: by county, by round, by the rounds a station sees. */
  private record Shared(
      Map<String, List<Round>> rounds,
      Map<String, Accepted> accepted,
      Map<List<String>, Elected> elected) {}

  private record Accepted(int count, List<String> latest) {}

  private record Elected(List<ProjectRow> rows, Map<String, List<MilestoneRow>> milestones) {}

  private LivelihoodRound round(Round r, StationPlace place, Shared shared) {
    Accepted accepted = shared.accepted().computeIfAbsent(r.id(), id -> accepted(r));
    return new LivelihoodRound(
        r.id(),
        level(r, place),
        r.year(),
        r.title(),
        r.opensOn(),
        r.closesOn(),
        r.categories().stream().map(Category::zh).toList(),
        accepted.count(),
        accepted.latest());
  }

  private Accepted accepted(Round r) {
    // Counted and the latest titles read in SQL: a round may hold hundreds, and every station of
    // the county rebuilds its snapshot from them.
    return database.withHandle(
        h ->
            new Accepted(
                h.createQuery(
                        "SELECT COUNT(*) FROM livelihood_proposal"
                            + " WHERE round_id = :round AND status = 'ACCEPTED'")
                    .bind("round", r.id())
                    .mapTo(Integer.class)
                    .one(),
                h.createQuery(
                        "SELECT title FROM livelihood_proposal"
                            + " WHERE round_id = :round AND status = 'ACCEPTED'"
                            + " ORDER BY submitted_at DESC, id DESC LIMIT :max")
                    .bind("round", r.id())
                    .bind("max", LivelihoodRound.MAX_TITLES)
                    .mapTo(String.class)
                    .list()));
  }

  /** The congress that decides, as people name it: the township's or the county's. */
  private static String level(Round r, StationPlace place) {
    String township = r.townshipName();
    return r.isCounty() || township == null ? place.countyName() : township;
  }

  private List<LivelihoodProject> projects(
      StationPlace place, List<Round> countyRounds, Shared shared) {
    int year = LocalDate.now(clock).getYear();
    Map<String, Round> decided = new HashMap<>();
    List<String> order = new ArrayList<>();
    countyRounds.stream()
        .filter(r -> Rounds.reaches(r, place))
        .filter(
            r ->
                r.state() == RoundState.DECIDED
                    || (r.state() == RoundState.EVALUATED && r.year() >= year))
        // The township's first, as on the proposal board; then the newest year.
        .sorted(
            Comparator.comparing(Round::isCounty)
                .thenComparing(Round::year, Comparator.reverseOrder()))
        .forEach(
            r -> {
              decided.put(r.id(), r);
              order.add(r.id());
            });
    if (decided.isEmpty()) {
      return List.of();
    }
    LocalDate today = LocalDate.now(clock);
    Elected elected = shared.elected().computeIfAbsent(List.copyOf(order), this::elected);
    List<ProjectRow> rows = elected.rows();
    Map<String, List<MilestoneRow>> milestones = elected.milestones();
    return rows.stream()
        .sorted(Comparator.comparing(p -> order.indexOf(p.roundId())))
        .limit(StationContent.Livelihood.MAX_PROJECTS)
        .map(
            p -> {
              Round r = decided.get(p.roundId());
              List<MilestoneRow> ms = milestones.getOrDefault(p.id(), List.of());
              int percent = Math.clamp(p.percent(), 0, 100);
              boolean late = ms.stream().anyMatch(m -> m.done() == null && m.due().isBefore(today));
              String[] state =
                  percent >= 100
                      ? new String[] {"已完成", "Completed"}
                      : late
                          ? new String[] {"滞后", "Behind schedule"}
                          : percent == 0
                              ? new String[] {"未开始", "Not started"}
                              : new String[] {"进行中", "Under way"};
              return new LivelihoodProject(
                  p.id(),
                  level(r, place),
                  r.year(),
                  p.title(),
                  p.department(),
                  percent,
                  state[0],
                  state[1],
                  shown(ms));
            })
        .toList();
  }

  /** The next milestone not done, else the last one done; none when the project has none. */
  private static @Nullable Milestone shown(List<MilestoneRow> ms) {
    return ms.stream()
        .filter(m -> m.done() == null)
        .findFirst()
        .or(() -> ms.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ms.getLast()))
        .map(m -> new Milestone(m.title(), m.due(), m.done()))
        .orElse(null);
  }

  /** The ELECTED projects of these rounds with their milestones. */
  private Elected elected(List<String> roundIds) {
    List<ProjectRow> rows =
        database.withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT p.id, p.round_id, p.title, p.progress, p.position,
                          COALESCE(d.name, '') AS department,
                          (SELECT g.percent FROM livelihood_progress g WHERE g.project_id = p.id
                            ORDER BY g.reported_at DESC, g.id DESC LIMIT 1) AS reported
                        FROM livelihood_project p LEFT JOIN department d ON d.id = p.department_id
                        WHERE p.state = 'ELECTED' AND p.round_id IN (<rounds>)
                        ORDER BY p.position, p.id
                        """)
                    .bindList("rounds", roundIds)
                    .map(
                        (rs, ctx) ->
                            new ProjectRow(
                                rs.getString("id"),
                                rs.getString("round_id"),
                                rs.getString("title"),
                                rs.getString("department"),
                                rs.getObject("reported") == null
                                    ? rs.getInt("progress")
                                    : rs.getInt("reported")))
                    .list());
    return new Elected(rows, milestones(rows));
  }

  private Map<String, List<MilestoneRow>> milestones(List<ProjectRow> projects) {
    if (projects.isEmpty()) {
      return Map.of();
    }
    Map<String, List<MilestoneRow>> byProject = new HashMap<>();
    database.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT project_id, title, due_on, done_on FROM livelihood_milestone
                    WHERE project_id IN (<ids>) ORDER BY project_id, position, due_on
                    """)
                .bindList("ids", projects.stream().map(ProjectRow::id).toList())
                .map(
                    (rs, ctx) -> {
                      String done = rs.getString("done_on");
                      return new MilestoneRow(
                          rs.getString("project_id"),
                          rs.getString("title"),
                          LocalDate.parse(rs.getString("due_on")),
                          done == null || done.isBlank() ? null : LocalDate.parse(done));
                    })
                .forEach(
                    m -> byProject.computeIfAbsent(m.projectId(), k -> new ArrayList<>()).add(m)));
    return byProject;
  }

  private record ProjectRow(
      String id, String roundId, String title, String department, int percent) {}

  private record MilestoneRow(
      String projectId, String title, LocalDate due, @Nullable LocalDate done) {}
}
