package liaison.signage.player.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Footfall counting, the screen's hours and the LED's patterns: plain logic on instants. */
class DeviceLogicTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static Instant at(String time) {
    return OffsetDateTime.parse("2026-11-23T" + time + "+08:00").toInstant();
  }

  @Test
  void shouldCountAVisitorPerMovementThatStartsAfterTheGap() {
    Footfall footfall = new Footfall(Duration.ofSeconds(20), SHANGHAI, at("09:00:00"));

    assertThat(footfall.motionStarted(at("09:05:00"))).isTrue();
    footfall.motionEnded(at("09:05:30"));
    assertThat(footfall.motionStarted(at("09:05:40"))).as("10 s later: the same person").isFalse();
    footfall.motionEnded(at("09:06:00"));
    assertThat(footfall.motionStarted(at("09:07:00"))).isTrue();
    footfall.motionEnded(at("09:07:10"));

    assertThat(footfall.currentCount()).isEqualTo(2);
    assertThat(footfall.closedHours(at("09:59:59"))).isEmpty();
  }

  @Test
  void shouldReportMotionAtMostOncePer30SecondsOfPresence() {
    MotionEvents motions = new MotionEvents(MotionEvents.EVERY);

    assertThat(motions.started(at("09:00:00"))).as("someone appears").isTrue();
    assertThat(motions.stillThere(at("09:00:29"))).isFalse();
    assertThat(motions.started(at("09:00:29"))).as("a flicker of the sensor").isFalse();
    assertThat(motions.stillThere(at("09:00:30"))).as("still there 30 s on").isTrue();
    motions.ended();
    assertThat(motions.stillThere(at("09:05:00"))).as("gone: nothing to report").isFalse();
    assertThat(motions.started(at("09:00:45"))).as("back within 30 s").isFalse();
    assertThat(motions.started(at("09:01:10"))).isTrue();
    assertThatThrownBy(() -> new MotionEvents(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldHandOverEachFinishedHourOnceWithEmptyHoursIncluded() {
    Footfall footfall = new Footfall(Duration.ofSeconds(20), SHANGHAI, at("09:00:00"));
    footfall.motionStarted(at("09:10:00"));
    footfall.motionEnded(at("09:10:05"));
    // A movement after the hour turns counts in the new hour, even before anyone asked.
    footfall.motionStarted(at("11:00:30"));

    var hours = footfall.closedHours(at("11:01:00"));

    assertThat(hours)
        .extracting(h -> h.start().toLocalTime(), Footfall.Hour::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(LocalTime.of(9, 0), 1),
            org.assertj.core.groups.Tuple.tuple(LocalTime.of(10, 0), 0));
    assertThat(footfall.closedHours(at("11:02:00"))).isEmpty();
    assertThat(footfall.currentCount()).isEqualTo(1);
  }

  @Test
  void shouldKeepTheScreenOnInOpeningHoursAndWakeItAtNightForAWhile() {
    ScreenSchedule schedule =
        new ScreenSchedule(
            LocalTime.of(7, 30), LocalTime.of(19, 0), Duration.ofMinutes(5), SHANGHAI);

    assertThat(schedule.screenOn(at("07:29:59"))).isFalse();
    assertThat(schedule.screenOn(at("07:30:00"))).isTrue();
    assertThat(schedule.screenOn(at("19:00:00"))).isFalse();

    schedule.motion(at("22:00:00"));
    assertThat(schedule.screenOn(at("22:04:59"))).isTrue();
    assertThat(schedule.screenOn(at("22:05:00"))).isFalse();

    ScreenSchedule overnight =
        new ScreenSchedule(LocalTime.of(20, 0), LocalTime.of(6, 0), Duration.ZERO, SHANGHAI);
    assertThat(overnight.screenOn(at("23:00:00"))).isTrue();
    assertThat(overnight.screenOn(at("12:00:00"))).isFalse();
  }

  @Test
  void shouldBlinkSlowlyOfflineFastOnErrorAndStaySteadyOnline() {
    assertThat(LedPattern.STEADY.litAfter(Duration.ofSeconds(7))).isTrue();
    assertThat(LedPattern.SLOW_BLINK.litAfter(Duration.ofMillis(500))).isTrue();
    assertThat(LedPattern.SLOW_BLINK.litAfter(Duration.ofMillis(1500))).isFalse();
    assertThat(LedPattern.FAST_BLINK.litAfter(Duration.ofMillis(100))).isTrue();
    assertThat(LedPattern.FAST_BLINK.litAfter(Duration.ofMillis(300))).isFalse();
    assertThat(LedPattern.OFF.litAfter(Duration.ZERO)).isFalse();
  }

  @Test
  void shouldRefuseSharedOrImpossiblePins() {
    assertThatThrownBy(() -> DeviceConfig.from(Map.of("motion-pin", "27", "button-pin", "27")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("three different pins");
    assertThatThrownBy(() -> DeviceConfig.from(Map.of("led-pin", "40")))
        .hasMessageContaining("GPIO pin 40");
    assertThat(DeviceConfig.from(Map.of("provider", "mock", "screen-on", "08:00")).provider())
        .isEqualTo(DeviceConfig.Provider.MOCK);
  }
}
