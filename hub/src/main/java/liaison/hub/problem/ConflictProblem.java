package liaison.hub.problem;

import liaison.hub.text.Text;

/**
 * The request does not fit the record's current state (e.g. a step the case cannot take now);
 * nothing changed.
 */
public final class ConflictProblem extends RuntimeException {
  private final Text text;

  public ConflictProblem(Text text) {
    // The English words for the log; people read the text in their language.
    super(text.en());
    this.text = text;
  }

  public Text text() {
    return text;
  }

  public String zh() {
    return text.zh();
  }

  public String en() {
    return text.en();
  }
}
