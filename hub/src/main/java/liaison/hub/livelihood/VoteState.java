package liaison.hub.livelihood;

import liaison.hub.text.Text;

/** Where the vote of a session is: PLANNED → OPEN → CLOSED (docs/LIVELIHOOD.md, "The vote"). */
public enum VoteState {
  PLANNED,
  OPEN,
  CLOSED;

  /** Its name as people read it ({@code livelihood.vote.state.*}). */
  public Text text() {
    return Text.of("livelihood.vote.state." + name());
  }
}
