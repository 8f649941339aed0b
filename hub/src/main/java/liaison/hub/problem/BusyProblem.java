package liaison.hub.problem;

import java.time.Duration;
import liaison.hub.text.Text;

/**
 * The hub cannot take this work now (another of its kind is under way and did not finish within the
 * wait); nothing was kept, and the same request may be sent again after {@code retryAfter}.
 */
public final class BusyProblem extends RuntimeException {
  private final Text text;
  private final Duration retryAfter;

  public BusyProblem(Text text, Duration retryAfter) {
    // The English words for the log; people read the text in their language.
    super(text.en());
    this.text = text;
    this.retryAfter = retryAfter;
  }

  public Text text() {
    return text;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
