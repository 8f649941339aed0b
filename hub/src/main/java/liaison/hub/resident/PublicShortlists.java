package liaison.hub.resident;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.livelihood.LivelihoodRepository;
import liaison.hub.livelihood.Project;
import liaison.hub.livelihood.ProjectState;
import liaison.hub.livelihood.Projects;
import liaison.hub.livelihood.Round;
import liaison.hub.livelihood.RoundState;
import liaison.hub.livelihood.Rounds;
import liaison.hub.text.Text;
import liaison.hub.web.Lang;

/**
 * The published shortlists on the public page {@code /livelihood} (fragment livelihood/shortlist):
 * each round whose shortlist is out (SHORTLISTED, VOTING), its projects with department, cost and
 * timetable and the proposals they came from, and what was left out with the reasons; after the
 * vote (DECIDED, EVALUATED) what was left out stays, below the round's result.
 */
@Singleton
public class PublicShortlists {
  private final Rounds rounds;
  private final LivelihoodRepository repository;
  private final Projects projects;

  public PublicShortlists(Rounds rounds, LivelihoodRepository repository, Projects projects) {
    this.rounds = rounds;
    this.repository = repository;
    this.projects = projects;
  }

  /** A project as residents read it, every value in the page's language. */
  public record Line(
      Project project,
      String category,
      String department,
      String cost,
      String timetable,
      String from) {}

  /** A round's published shortlist. */
  public record Shown(Round round, String level, List<Line> shortlisted, List<Line> leftOut) {}

  public List<Shown> shown(Lang lang) {
    return rounds.shortlistedRounds().stream()
        .map(
            r -> {
              List<Line> lines = projects.published(r).stream().map(p -> line(lang, p)).toList();
              return new Shown(
                  r,
                  r.townshipName() != null
                      ? r.townshipName()
                      : lang.text(Text.of("livelihood.level.county")),
                  lines.stream().filter(l -> l.project().state() != ProjectState.LEFT_OUT).toList(),
                  lines.stream()
                      .filter(l -> l.project().state() == ProjectState.LEFT_OUT)
                      .toList());
            })
        .toList();
  }

  /**
   * What was left out of each decided or evaluated round, with the reasons, by the round's id:
   * residents whose proposal was not taken keep reading why after the vote.
   */
  public Map<String, List<Line>> leftOutAfterTheVote(Lang lang) {
    Map<String, List<Line>> byRound = new LinkedHashMap<>();
    for (Round r : repository.roundsIn(List.of(RoundState.DECIDED, RoundState.EVALUATED))) {
      byRound.put(
          r.id(),
          projects.published(r).stream()
              .filter(p -> p.state() == ProjectState.LEFT_OUT)
              .map(p -> line(lang, p))
              .toList());
    }
    return byRound;
  }

  private static Line line(Lang lang, Project p) {
    Text cost = p.cost();
    Text timetable = p.timetable();
    return new Line(
        p,
        lang.text(p.category().text()),
        p.departmentName() == null ? "" : p.departmentName(),
        cost == null ? "" : lang.text(cost),
        timetable == null ? "" : lang.text(timetable),
        String.join(lang == Lang.EN ? "; " : "、", p.proposalTitles()));
  }
}
