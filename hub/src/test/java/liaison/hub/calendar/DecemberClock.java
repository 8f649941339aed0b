package liaison.hub.calendar;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import liaison.hub.config.TimeFactory;

/**
 * The hub's clock for {@link CalendarApiTest} and {@code CalendarBrowserTest}: 1 December 2026,
 * 09:00 in Beijing when the hub starts, then running as clocks do (sessions, leases and the broker
 * keep working).
 */
@Factory
@Requires(property = "spec.name", pattern = "Calendar(Api|Browser)Test")
class DecemberClock {
  static final OffsetDateTime START = OffsetDateTime.parse("2026-12-01T09:00:00+08:00");

  @Singleton
  @Replaces(value = Clock.class, factory = TimeFactory.class)
  Clock clock() {
    Clock system = Clock.system(TimeFactory.ZONE);
    return Clock.offset(system, Duration.between(system.instant(), START.toInstant()));
  }
}
