package liaison.hub.livelihood;

import liaison.hub.text.Text;

/**
 * Where a project is (docs/LIVELIHOOD.md, "Projects, the shortlist and the vote"): a DRAFT goes on
 * the shortlist when the round's shortlist is published (SHORTLISTED) unless staff left it out with
 * a public reason (LEFT_OUT); the vote makes a shortlisted project ELECTED or NOT_ELECTED.
 */
public enum ProjectState {
  DRAFT,
  SHORTLISTED,
  LEFT_OUT,
  ELECTED,
  NOT_ELECTED;

  /** Its name as people read it ({@code livelihood.project.state.*}). */
  public Text text() {
    return Text.of("livelihood.project.state." + name());
  }
}
