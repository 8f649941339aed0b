package liaison.hub;

import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips each test of an {@link OnBothStores} class's PostgreSQL run, saying why, when no server
 * answers or the run leaves PostgreSQL out (under {@code CI=true} a missing server fails it, as
 * {@link TestDatabases#assumePostgres} does): as a condition, before the test's {@code @BeforeEach}
 * starts, so no fixture is half opened for its {@code @AfterEach} to trip over.
 */
final class SkipPostgresWithoutServer implements ExecutionCondition {
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isEmpty() || !onPostgres(context)) {
      return ConditionEvaluationResult.enabled("not a test of a PostgreSQL run");
    }
    Optional<String> skip = TestDatabases.skipWithoutPostgres();
    if (skip.isPresent()) {
      return ConditionEvaluationResult.disabled(skip.get());
    }
    // Not skipped without a server only under CI=true: there assumePostgres fails it, saying why.
    TestDatabases.assumePostgres();
    return ConditionEvaluationResult.enabled("PostgreSQL answers");
  }

  /** Whether the test runs in OnBothStores's invocation named "on PostgreSQL". */
  private static boolean onPostgres(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context);
        c.isPresent();
        c = c.get().getParent()) {
      if (c.get().getDisplayName().equals("on " + TestDatabases.Store.POSTGRESQL)) {
        return true;
      }
    }
    return false;
  }
}
