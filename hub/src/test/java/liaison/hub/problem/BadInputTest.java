package liaison.hub.problem;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class BadInputTest {
  private final TestClock clock = TestClock.at("2026-12-04T10:00:00+08:00");
  private final BadInput bad = new BadInput(clock);
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final ch.qos.logback.classic.Logger logger =
      (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(BadInput.class);

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(log);
  }

  @Test
  void shouldLogTheFirstOfAKindAndThenOnceAMinuteWithTheCountMeanwhile() {
    for (int i = 0; i < 1000; i++) {
      bad.record("mqtt.event", "not-json", "message " + i);
    }
    assertThat(log.list).hasSize(1);
    assertThat(log.list.getFirst().getFormattedMessage())
        .contains("mqtt.event / not-json")
        .contains("message 0");

    clock.advance(Duration.ofSeconds(59));
    bad.record("mqtt.event", "not-json", "message 1000");
    assertThat(log.list).hasSize(1);

    clock.advance(Duration.ofSeconds(1));
    bad.record("mqtt.event", "not-json", "message 1001");
    assertThat(log.list).hasSize(2);
    assertThat(log.list.get(1).getFormattedMessage())
        .contains("message 1001")
        .contains("1000 more of this kind")
        .contains("1002 in all");
  }

  @Test
  void shouldCountEachSourceAndReasonApartAndLogEachKindOnce() {
    bad.record("mqtt.event", "not-json", "a");
    bad.record("mqtt.event", "missing-field", "b");
    bad.record("mqtt.event", "missing-field", "c");
    bad.record("http.json", "not-json", "d");

    assertThat(bad.counts())
        .containsExactly(
            java.util.Map.entry("http.json/not-json", 1L),
            java.util.Map.entry("mqtt.event/missing-field", 2L),
            java.util.Map.entry("mqtt.event/not-json", 1L));
    assertThat(bad.count("mqtt.event")).isEqualTo(3);
    assertThat(bad.count("mqtt.event", "missing-field")).isEqualTo(2);
    assertThat(bad.count("mqtt.state")).isZero();
    assertThat(log.list).hasSize(3);
  }
}
