package liaison.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.nio.file.Path;
import java.time.Duration;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.testkit.TestClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A staff session ends after 8 h without use and 7 days after log-in at the latest, whatever
 * happens.
 */
@Tag("security")
@OnBothStores
class SessionExpiryTest {
  @Parameter TestDatabases.Store store;
  private @Nullable TestStore opened;

  @AfterEach
  void closeStore() {
    if (opened != null) {
      opened.close();
    }
  }

  private final TestClock clock = TestClock.at("2026-03-02T09:00:00+08:00");
  private final SecurityConfig config =
      new SecurityConfig(
          Duration.ofHours(8), Duration.ofDays(7), "auto", 5, 20, Duration.ofMinutes(15), 10);

  private SessionStore store(Path dir) {
    opened = TestStore.migrated(store, dir);
    liaison.hub.db.Database database = opened.database();
    database.useHandle(
        h -> {
          h.execute("INSERT INTO county (id, name) VALUES ('c-test', '测试县')");
          h.execute(
              "INSERT INTO staff_account (id, username, display_name, role, county_id, password_hash, created_at, updated_at)"
                  + " VALUES ('u-1', 'lin', '林', 'STATION_MANAGER', 'c-test', 'x', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')");
        });
    return new SessionStore(database, clock, config);
  }

  @Test
  void shouldEndASessionLeftIdleForEightHours(@TempDir Path dir) {
    SessionStore sessions = store(dir);
    String token = sessions.open("u-1").token();

    clock.advance(Duration.ofHours(7).plusMinutes(59));
    assertThat(sessions.find(token)).as("used just in time").isPresent();
    clock.advance(Duration.ofHours(7).plusMinutes(59));
    assertThat(sessions.find(token)).as("the idle time counts from the last use").isPresent();
    clock.advance(Duration.ofHours(8));
    assertThat(sessions.find(token)).isEmpty();
  }

  @Test
  void shouldEndASessionSevenDaysAfterLogInEvenWhenUsedAllTheTime(@TempDir Path dir) {
    SessionStore sessions = store(dir);
    String token = sessions.open("u-1").token();

    for (int hour = 0; hour < 7 * 24 - 1; hour += 4) {
      clock.advance(Duration.ofHours(4));
      if (hour + 4 < 7 * 24) {
        assertThat(sessions.find(token)).as("hour %d", hour + 4).isPresent();
      }
    }
    clock.advance(Duration.ofHours(4));
    assertThat(sessions.find(token)).isEmpty();
  }

  @Test
  void shouldEndEverySessionOfAnAccountAtOnce(@TempDir Path dir) {
    SessionStore sessions = store(dir);
    String phone = sessions.open("u-1").token();
    String laptop = sessions.open("u-1").token();

    sessions.closeAll("u-1");

    assertThat(sessions.find(phone)).isEmpty();
    assertThat(sessions.find(laptop)).isEmpty();
  }

  @Test
  void shouldMarkTheCookieSecureAsConfigured() {
    HttpRequest<?> plain = HttpRequest.GET("/login");

    Cookie auto = SessionCookies.of(config, plain, "t", Duration.ofDays(7));
    Cookie always =
        SessionCookies.of(
            new SecurityConfig(
                Duration.ofHours(8),
                Duration.ofDays(7),
                "always",
                5,
                20,
                Duration.ofMinutes(15),
                10),
            plain,
            "t",
            Duration.ofDays(7));

    assertThat(auto.isSecure()).as("plain HTTP, auto").isFalse();
    assertThat(always.isSecure()).isTrue();
    assertThat(always.isHttpOnly()).isTrue();
    assertThat(always.getSameSite()).contains(SameSite.Lax);
    assertThat(always.getPath()).isEqualTo("/");
  }
}
