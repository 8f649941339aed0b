package liaison.kiosk.nav;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import liaison.signage.protocol.DeputyLevel;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;

class NavigatorTest {

  private final TestClock clock = TestClock.at("2026-11-23T09:30:00+08:00");
  private final Navigator nav = new Navigator(clock.instant());

  @Test
  void shouldReturnHomeAndForgetTheVisitorsSettingsAfterSixtySecondsWithoutATouch() {
    nav.go(Page.Deputies.all(), clock.instant());
    nav.settings(Settings.DEFAULT.withLargeText(true).withEnglish(true), clock.instant());

    clock.advance(Duration.ofSeconds(59));
    assertThat(nav.tick(clock.instant())).isFalse();
    assertThat(nav.page()).isEqualTo(Page.Deputies.all());

    clock.advance(Duration.ofSeconds(1));
    assertThat(nav.tick(clock.instant())).isTrue();
    assertThat(nav.page()).isEqualTo(new Page.Home());
    assertThat(nav.settings()).isEqualTo(Settings.DEFAULT);
  }

  @Test
  void shouldRestartTheIdleTimerOnEveryTouch() {
    nav.go(new Page.Schedule(0), clock.instant());
    clock.advance(Duration.ofSeconds(50));
    nav.touch(clock.instant());
    clock.advance(Duration.ofSeconds(50));

    assertThat(nav.tick(clock.instant())).isFalse();
    assertThat(nav.page()).isEqualTo(new Page.Schedule(0));
  }

  @Test
  void shouldGoBackFromADetailToItsListAndFromAListHome() {
    Page filtered = new Page.Deputies(Optional.of(DeputyLevel.COUNTY), 0);
    nav.go(Page.Deputies.all(), clock.instant());
    nav.go(filtered, clock.instant());
    nav.go(new Page.Deputies(Optional.of(DeputyLevel.COUNTY), 1), clock.instant());
    nav.go(new Page.Deputy("d-0001"), clock.instant());

    nav.back(clock.instant());
    assertThat(nav.page()).isEqualTo(new Page.Deputies(Optional.of(DeputyLevel.COUNTY), 1));
    nav.back(clock.instant());
    assertThat(nav.page()).as("paging a list is not a step back").isEqualTo(new Page.Home());
  }

  @Test
  void shouldThankTheVisitorThenReturnHome() {
    AtomicInteger changes = new AtomicInteger();
    nav.onChange(changes::incrementAndGet);
    nav.go(new Page.Feedback(), clock.instant());
    nav.thanked(clock.instant());
    assertThat(nav.thanking()).isTrue();

    clock.advance(Navigator.THANKS.minusSeconds(1));
    nav.tick(clock.instant());
    assertThat(nav.page()).isEqualTo(new Page.Feedback());

    clock.advance(Duration.ofSeconds(1));
    nav.tick(clock.instant());
    assertThat(nav.page()).isEqualTo(new Page.Home());
    assertThat(nav.thanking()).isFalse();
    assertThat(changes.get()).isEqualTo(3);
  }

  @Test
  void shouldStayQuietOnHomeWithDefaultSettings() {
    clock.advance(Duration.ofMinutes(10));
    assertThat(nav.tick(clock.instant())).isFalse();
  }
}
