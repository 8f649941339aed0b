package liaison.hub.resident;

import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.livelihood.Project;
import liaison.hub.livelihood.ProjectState;
import liaison.hub.livelihood.Projects;
import liaison.hub.livelihood.Round;
import liaison.hub.livelihood.Rounds;
import liaison.hub.text.Text;
import liaison.hub.web.Lang;

/**
 * The published shortlists on the public page {@code /livelihood} (fragment livelihood/shortlist):
 * each round whose shortlist is out (SHORTLISTED, VOTING), its projects with department, cost and
 * timetable and the proposals they came from, and what was left out with the reasons.
 */
@Singleton
public class PublicShortlists {
  private final Rounds rounds;
  private final Projects projects;

  public PublicShortlists(Rounds rounds, Projects projects) {
    this.rounds = rounds;
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
