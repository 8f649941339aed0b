package liaison.hub.problem;

import liaison.hub.text.Text;

/** The signed-in staff member may not do this. */
public final class ForbiddenProblem extends RuntimeException {
  private final Text text;

  public ForbiddenProblem(Text text) {
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
