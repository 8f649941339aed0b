package liaison.hub.suggestion;

import java.util.Locale;
import liaison.hub.text.Text;

/** Where a promise stands on the ledger. */
public enum PromiseState {
  /** Not yet kept, its day still to come (or today). */
  PENDING,
  /** Marked kept by the county, with a note. */
  KEPT,
  /** Its day has passed and it is not marked kept. */
  OVERDUE;

  /** Its name as people read it ({@code suggestion.promise.state.*} in the bundles). */
  public Text text() {
    return Text.of("suggestion.promise.state." + name().toLowerCase(Locale.ROOT));
  }
}
