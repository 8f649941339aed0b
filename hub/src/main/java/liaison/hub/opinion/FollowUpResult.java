package liaison.hub.opinion;

import java.util.Optional;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/** What a follow-up call (回访) came to. */
public enum FollowUpResult {
  REACHED_SATISFIED,
  REACHED_DISSATISFIED,
  NOT_REACHED;

  /** As people read it ({@code follow-up.result.*} in the bundles). */
  public Text text() {
    return Text.of("follow-up.result." + name());
  }

  public static Optional<FollowUpResult> of(@Nullable String name) {
    for (FollowUpResult r : values()) {
      if (r.name().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
