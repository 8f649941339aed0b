package liaison.hub.suggestion;

import java.util.Locale;
import liaison.hub.text.Text;

/** Where a suggestion stands (V21's {@code deputy_suggestion.status}). */
public enum SuggestionStatus {
  /** Made by the deputy (or registered for them), not yet forwarded: the deputy may withdraw it. */
  SUBMITTED,
  /** With one department or more, some reply still to come. */
  FORWARDED,
  /** Every department of the latest round replied; ratings still to come, or a 不满意 stands. */
  REPLIED,
  /** Every reply rated (none 不满意, or the county closed it as it stands). */
  CLOSED,
  /** Taken back by the deputy before it was forwarded. */
  WITHDRAWN;

  /** Its name as people read it ({@code suggestion.status.*} in the bundles). */
  public Text text() {
    return Text.of("suggestion.status." + name().toLowerCase(Locale.ROOT));
  }
}
