package liaison.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The refusals the security filters write before any controller runs are the API's {@code Problem}
 * like every other: the status, the Chinese in {@code message}, the English in {@code messageEn}
 * (they used to put both languages into one {@code message} and no {@code messageEn}, so a script
 * reading {@code messageEn} found nothing).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class FilterProblemsTest {
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir, Map.of("hub.security.login-failures-per-account", 3));
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private void assertProblem(HttpResponse<String> answer, int status, Text message)
      throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode body = json.readTree(answer.body());
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("message").asText()).isEqualTo(message.zh());
    assertThat(body.path("messageEn").asText()).isEqualTo(message.en());
  }

  @Test
  void shouldAnswer401ToTheApiWithoutALogInInBothLanguages() throws Exception {
    HttpResponse<String> answer = StaffClient.anonymous(hub).api("GET", "/api/stations", null);

    assertProblem(answer, 401, Text.of("problem.login.first"));
  }

  @Test
  void shouldAnswer403ToAnApiChangeWithTheCookieButNoTokenInBothLanguages() throws Exception {
    StaffClient admin = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);

    HttpResponse<String> answer =
        admin.api("POST", "/api/stations/s-001/commands", "{\"type\":\"RESTART\"}");

    assertProblem(answer, 403, Text.of("problem.csrf.api"));
  }

  @Test
  void shouldAnswer403ToAnApiCallWithATemporaryPasswordInBothLanguages() throws Exception {
    HttpResponse<String> reset =
        StaffClient.basic(hub, "admin", DemoCounty.PASSWORD)
            .api("POST", "/api/staff/u-chenxl/password-reset", null);
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    String temporary = json.readTree(reset.body()).path("temporaryPassword").asText();

    HttpResponse<String> answer =
        StaffClient.basic(hub, "chenxl", temporary).api("GET", "/api/stations", null);

    assertProblem(answer, 403, Text.of("problem.login.change-password-first"));
  }

  @Test
  void shouldAnswer429ToAnAccountHeldBackInBothLanguages() throws Exception {
    StaffClient guesser = StaffClient.basic(hub, "baisha", "not-the-password");
    for (int i = 0; i < 3; i++) {
      assertThat(guesser.api("GET", "/api/stations", null).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> answer =
        StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD).api("GET", "/api/stations", null);

    String retryAfter = answer.headers().firstValue("Retry-After").orElseThrow();
    long minutes = LoginThrottle.minutes(Duration.ofSeconds(Long.parseLong(retryAfter)));
    assertProblem(answer, 429, Text.of("problem.login.held-back", minutes));
  }
}
