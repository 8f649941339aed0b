package liaison.hub.resident;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import liaison.hub.livelihood.ElectedProject;
import liaison.hub.livelihood.LivelihoodRepository;
import liaison.hub.livelihood.Milestone;
import liaison.hub.livelihood.ProgressReport;
import liaison.hub.livelihood.Ratings;
import liaison.hub.livelihood.Round;
import liaison.hub.livelihood.RoundState;
import liaison.hub.livelihood.Supervision;
import liaison.hub.text.Text;
import liaison.hub.web.Lang;
import org.jspecify.annotations.Nullable;

/**
 * What the public page ({@code /livelihood}) shows of decided and evaluated rounds, every year
 * kept: each project's result of the vote and, for an elected one, its progress, milestones, the
 * department's latest words and the photos staff published; the ratings while they are open; the
 * year's results once the round is evaluated. Never a supervising deputy's note, an unpublished
 * photo or who rated.
 */
@Singleton
public class LivelihoodProgress {
  private final LivelihoodRepository rounds;
  private final Supervision supervision;
  private final Ratings ratings;

  public LivelihoodProgress(LivelihoodRepository rounds, Supervision supervision, Ratings ratings) {
    this.rounds = rounds;
    this.supervision = supervision;
    this.ratings = ratings;
  }

  /**
   * A project as residents read it.
   *
   * @param latest the department's latest report's words; empty before any
   * @param photos the published photos' addresses
   * @param result the year's results once the round is evaluated; null before
   */
  public record PublicProject(
      ElectedProject project,
      boolean elected,
      List<Milestone> milestones,
      String latest,
      List<String> photos,
      Ratings.@Nullable Result result,
      boolean rated) {}

  /** A decided or evaluated round: its year, whose congress, whether residents may rate now. */
  public record DecidedRound(
      Round round, String level, boolean ratingsOpen, List<PublicProject> projects) {}

  /**
   * The decided and evaluated rounds of every county on the hub, newest year first.
   *
   * @param rated the project a resident has just rated (thanked beside it)
   */
  public List<DecidedRound> rounds(Lang lang, @Nullable String rated) {
    return rounds.roundsIn(List.of(RoundState.DECIDED, RoundState.EVALUATED)).stream()
        .map(r -> round(lang, r, rated))
        .toList();
  }

  private DecidedRound round(Lang lang, Round round, @Nullable String rated) {
    boolean evaluated = round.state() == RoundState.EVALUATED;
    Map<String, Ratings.Result> results =
        evaluated
            ? ratings.results(round.id()).stream()
                .collect(Collectors.toMap(r -> r.project().id(), Function.identity()))
            : Map.of();
    List<PublicProject> projects =
        supervision.projects(round.id()).stream()
            .filter(p -> p.elected() || "NOT_ELECTED".equals(p.state()))
            .map(p -> project(p, results.get(p.id()), p.id().equals(rated)))
            .toList();
    return new DecidedRound(
        round,
        round.townshipName() != null
            ? round.townshipName()
            : lang.text(Text.of("livelihood.level.county")),
        ratings.isOpen(round),
        projects);
  }

  private PublicProject project(ElectedProject p, Ratings.@Nullable Result result, boolean rated) {
    if (!p.elected()) {
      return new PublicProject(p, false, List.of(), "", List.of(), null, false);
    }
    List<ProgressReport> reports = supervision.reports(p.id());
    return new PublicProject(
        p,
        true,
        supervision.milestones(p.id()),
        reports.isEmpty() ? "" : reports.getFirst().text(),
        reports.stream()
            .flatMap(r -> r.photos().stream())
            .filter(f -> f.published())
            .map(f -> "/livelihood/projects/" + p.id() + "/photos/" + f.sha256() + ".jpg")
            .toList(),
        result,
        rated);
  }
}
