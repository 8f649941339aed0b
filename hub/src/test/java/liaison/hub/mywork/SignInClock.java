package liaison.hub.mywork;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import liaison.hub.config.TimeFactory;
import liaison.testkit.TestClock;

/**
 * The hub's clock for {@link PhoneSignInTest} and {@code MyWorkBrowserTest}: the real time when the
 * hub starts, then moved only by the test (to a reception's hour, three minutes on), so a sign-in
 * code is checked against the minute the test means.
 */
@Factory
@Requires(property = "spec.name", pattern = "PhoneSignInTest|MyWorkBrowserTest")
class SignInClock {
  @Singleton
  @Replaces(value = Clock.class, factory = TimeFactory.class)
  Clock clock() {
    return new TestClock(Clock.system(TimeFactory.ZONE).instant());
  }
}
