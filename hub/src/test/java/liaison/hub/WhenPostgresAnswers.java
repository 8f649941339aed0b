package liaison.hub;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;

/**
 * jqwik's way of skipping, saying why, a property or a whole container that needs PostgreSQL when
 * none answers or the run leaves PostgreSQL to CI's PostgreSQL step ({@link
 * TestDatabases#skipWithoutPostgres}): jqwik reports JUnit's assumptions failing in a container's
 * {@code @BeforeContainer} as errors, not as skips.
 */
public final class WhenPostgresAnswers implements SkipExecutionHook {
  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    return TestDatabases.skipWithoutPostgres().map(SkipResult::skip).orElse(SkipResult.doNotSkip());
  }
}
