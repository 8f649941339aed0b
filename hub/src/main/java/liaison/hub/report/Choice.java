package liaison.hub.report;

import java.util.Optional;
import liaison.hub.text.Text;

/** A voter's evaluation of the report: 满意, 基本满意 or 不满意. */
public enum Choice {
  SATISFIED("satisfied"),
  BASICALLY_SATISFIED("basically_satisfied"),
  DISSATISFIED("dissatisfied");

  private final String column;

  Choice(String column) {
    this.column = column;
  }

  /** The {@code voter_report} column that counts it. */
  String column() {
    return column;
  }

  /** Its words on the ballot page and the result ({@code report.choice.*}). */
  public Text text() {
    return Text.of("report.choice." + name());
  }

  /** The choice a form's value names; empty for anything else. */
  public static Optional<Choice> parse(String value) {
    for (Choice c : values()) {
      if (c.name().equals(value)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
