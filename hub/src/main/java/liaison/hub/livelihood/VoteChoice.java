package liaison.hub.livelihood;

import java.util.Optional;
import liaison.hub.text.Text;

/** A deputy's answer on one project of the ballot: 赞成, 反对 or 弃权. */
public enum VoteChoice {
  FOR("votes_for"),
  AGAINST("votes_against"),
  ABSTAIN("votes_abstain");

  private final String column;

  VoteChoice(String column) {
    this.column = column;
  }

  /** The {@code livelihood_project} column that counts it. */
  String column() {
    return column;
  }

  public Text text() {
    return Text.of("livelihood.vote.choice." + name());
  }

  /** The choice a form's value names; empty for anything else. */
  public static Optional<VoteChoice> parse(String value) {
    for (VoteChoice c : values()) {
      if (c.name().equals(value)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
