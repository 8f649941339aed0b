package liaison.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Public {@code /health} says whether the hub and each part is up, and nothing about where its
 * files, database and broker are; a county administrator (signed in or with HTTP Basic) sees the
 * details.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class HealthDetailsTest {
  private RunningHub hub;
  private Path dir;

  @BeforeAll
  void start(@TempDir Path dir) {
    this.dir = dir;
    hub = RunningHub.start(dir, Map.of());
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldShowEveryoneTheStatusAndTheComponentsButNoAddressOrPath() throws Exception {
    HttpResponse<String> anonymous = hub.get("/health");
    HttpResponse<String> manager =
        StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD).get("/health");
    HttpResponse<String> wrongPassword =
        StaffClient.basic(hub, "admin", "not-the-password").api("GET", "/health", null);

    for (HttpResponse<String> answer : java.util.List.of(anonymous, manager, wrongPassword)) {
      assertThat(answer.statusCode()).isEqualTo(200);
      JsonNode health = new ObjectMapper().readTree(answer.body());
      assertThat(health.path("status").asText()).isEqualTo("UP");
      assertThat(health.path("details").path("broker").path("status").asText()).isEqualTo("UP");
      assertThat(health.path("details").path("jdbc").path("status").asText()).isEqualTo("UP");
      assertThat(health.path("details").path("diskSpace").path("status").asText()).isEqualTo("UP");
      assertThat(answer.body())
          .doesNotContain("jdbc:", "tcp://", dir.toString(), "hub.db", "\"free\"", "\"uri\"")
          .doesNotContainPattern("/tmp|/home|/srv");
    }
  }

  @Test
  void shouldShowACountyAdministratorTheDetails() throws Exception {
    // Bad input is counted where an administrator sees it: a body that is not JSON, twice.
    StaffClient.basic(hub, "admin", DemoCounty.PASSWORD).api("POST", "/api/notices", "not json");
    StaffClient.basic(hub, "admin", DemoCounty.PASSWORD).api("POST", "/api/notices", "[1, 2]");
    HttpResponse<String> basic =
        StaffClient.basic(hub, "admin", DemoCounty.PASSWORD).api("GET", "/health", null);
    HttpResponse<String> session =
        StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD).get("/health");

    for (HttpResponse<String> answer : java.util.List.of(basic, session)) {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.body())
          .contains(
              TestDatabases.chosen() == TestDatabases.Store.SQLITE
                  ? "jdbc:sqlite:"
                  : "jdbc:postgresql:",
              "tcp://127.0.0.1:" + hub.mqttPort(),
              "\"free\"");
      JsonNode bad = new ObjectMapper().readTree(answer.body()).path("details").path("badInput");
      assertThat(bad.path("status").asText()).isEqualTo("UP");
      assertThat(bad.path("details").path("total").asLong()).isGreaterThanOrEqualTo(2);
      assertThat(bad.path("details").path("counts").fieldNames())
          .toIterable()
          .anyMatch(k -> k.startsWith("http.json/"));
    }
    assertThat(hub.get("/health").body()).as("the counts are details").doesNotContain("http.json");
  }
}
