package liaison.hub.livelihood;

import liaison.hub.text.Text;

/** Where a round is (docs/LIVELIHOOD.md, "The round's states"). */
public enum RoundState {
  COLLECTING,
  REVIEWING,
  SHORTLISTED,
  VOTING,
  DECIDED,
  EVALUATED,
  CANCELLED;

  /** Its name as people read it ({@code livelihood.state.*}). */
  public Text text() {
    return Text.of("livelihood.state." + name());
  }
}
