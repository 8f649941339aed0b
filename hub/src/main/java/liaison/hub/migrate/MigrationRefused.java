package liaison.hub.migrate;

import java.util.Optional;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * Why a migration stopped, in words for the person running it (zh and en from the bundles), and,
 * once {@link Migration} knows it, what became of the target: nothing written, or put back.
 */
final class MigrationRefused extends RuntimeException {
  private final Text reason;
  private final @Nullable Text outcome;

  MigrationRefused(Text reason) {
    this(reason, null, null);
  }

  MigrationRefused(Text reason, @Nullable Throwable cause) {
    this(reason, null, cause);
  }

  private MigrationRefused(Text reason, @Nullable Text outcome, @Nullable Throwable cause) {
    super(reason.en(), cause);
    this.reason = reason;
    this.outcome = outcome;
  }

  /** The same refusal, saying what became of the target. */
  MigrationRefused withOutcome(Text outcome) {
    MigrationRefused told = new MigrationRefused(reason, outcome, getCause());
    told.setStackTrace(getStackTrace());
    return told;
  }

  Text reason() {
    return reason;
  }

  Optional<Text> outcome() {
    return Optional.ofNullable(outcome);
  }
}
