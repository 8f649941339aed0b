package liaison.hub.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/** The hub's clock: Asia/Shanghai, injected everywhere time is read so tests can set it. */
@Factory
public class TimeFactory {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Singleton
  public Clock clock() {
    return Clock.system(ZONE);
  }
}
