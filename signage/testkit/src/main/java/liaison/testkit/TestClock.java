package liaison.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** A clock tests set and advance by hand, in Asia/Shanghai. */
public final class TestClock extends Clock {
  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private volatile Instant now;

  public TestClock(Instant start) {
    this.now = start;
  }

  public static TestClock at(String isoWithOffset) {
    return new TestClock(OffsetDateTime.parse(isoWithOffset).toInstant());
  }

  public void set(Instant instant) {
    now = instant;
  }

  public void advance(Duration duration) {
    now = now.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return SHANGHAI;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(now, zone);
  }

  @Override
  public Instant instant() {
    return now;
  }
}
