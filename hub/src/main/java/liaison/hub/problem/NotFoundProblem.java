package liaison.hub.problem;

import liaison.hub.text.Text;

/** No such record (or none this staff member may see). */
public final class NotFoundProblem extends RuntimeException {
  private final Text text;

  public NotFoundProblem(Text text) {
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
