package liaison.hub.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.demo.DemoCounty;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Stations through the JSON API, over real HTTP, on the demo county. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationApiTest {
  private static final String PASSWORD = DemoCounty.PASSWORD;
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private TestClient watcher;
  private StaffClient admin;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    watcher = hub.observer("station-api-watcher");
    watcher.subscribe(Topic.allStations(Topic.Channel.CONTENT));
    admin = StaffClient.basic(hub, "admin", PASSWORD);
  }

  @AfterAll
  void stop() {
    watcher.close();
    hub.close();
  }

  @Test
  void shouldCreateReadChangeAndDeleteAStationAndTellItsScreen() throws Exception {
    HttpResponse<String> created =
        admin.api(
            "POST",
            "/api/stations",
            station("s-010", "白沙镇新圩社区人大代表联系点", "CONTACT_POINT", "t-baisha", "24.77", "110.61"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    assertThat(body.path("kind").asText()).isEqualTo("CONTACT_POINT");
    assertThat(body.path("kindName").asText()).isEqualTo("人大代表联系点");
    assertThat(body.path("township").asText()).isEqualTo("白沙镇");
    assertThat(body.path("latitude").asDouble()).isEqualTo(24.77);
    assertThat(body.path("opinionUrl").asText()).startsWith("https://hub.test/o/");
    await()
        .until(
            () ->
                lastContent("s-010") != null
                    && lastContent("s-010").station().name().equals("白沙镇新圩社区人大代表联系点"));

    HttpResponse<String> changed =
        admin.api(
            "PUT",
            "/api/stations/s-010",
            "{\"address\":\"新圩社区服务中心一楼\",\"signPlate\":\"新圩社区人大代表联系点\"}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    JsonNode read = json.readTree(admin.api("GET", "/api/stations/s-010", null).body());
    assertThat(read.path("address").asText()).isEqualTo("新圩社区服务中心一楼");
    assertThat(read.path("name").asText())
        .as("a field left out keeps its value")
        .isEqualTo("白沙镇新圩社区人大代表联系点");
    await().until(() -> "新圩社区服务中心一楼".equals(lastContent("s-010").station().address()));

    assertThat(admin.api("DELETE", "/api/stations/s-010", null).statusCode()).isEqualTo(204);
    assertThat(admin.api("GET", "/api/stations/s-010", null).statusCode()).isEqualTo(404);
    await().until(() -> lastPayload("s-010").length == 0);
    assertThat(hub.bean(AuditLog.class).latest(50, "station"))
        .extracting(AuditLog.Entry::action)
        .contains("create", "update", "delete");

    HttpResponse<String> again =
        admin.api("POST", "/api/stations", station("s-010", "新圩", "HOME", "t-baisha", "", ""));
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(again).get("id")).contains("曾属于一个已删除的站点");
  }

  @Test
  void shouldSearchAndFilterTheList() throws Exception {
    assertThat(ids(admin.api("GET", "/api/stations?q=%E6%A1%83%E6%BA%90", null)))
        .containsExactly("s-002");
    assertThat(ids(admin.api("GET", "/api/stations?township=t-chengguan", null)))
        .contains("s-001", "s-003")
        .doesNotContain("s-002");
    assertThat(ids(admin.api("GET", "/api/stations?kind=CONTACT_POINT&township=t-chengguan", null)))
        .containsExactly("s-003");
    assertThat(ids(StaffClient.basic(hub, "chengguan", PASSWORD).api("GET", "/api/stations", null)))
        .containsExactly("s-001", "s-003");
    assertThat(ids(StaffClient.basic(hub, "chenxl", PASSWORD).api("GET", "/api/stations", null)))
        .containsExactly("s-001", "s-003");
  }

  @Test
  void shouldRefuseABadStationWithAMessagePerFieldAndSaveNothing() throws Exception {
    int before = json.readTree(admin.api("GET", "/api/stations", null).body()).size();

    HttpResponse<String> bad =
        admin.api(
            "POST",
            "/api/stations",
            station("S 01", "", "CASTLE", "t-nowhere", "91", "east")
                .replace("\"signPlate\":\"\"", "\"signPlate\":\"" + "字".repeat(31) + "\""));
    HttpResponse<String> tooLong =
        admin.api(
            "POST", "/api/stations", station("s-011", "站".repeat(61), "HOME", "t-baisha", "", ""));
    HttpResponse<String> taken =
        admin.api("POST", "/api/stations", station("s-001", "重复", "HOME", "t-baisha", "", ""));

    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(bad))
        .containsKeys("id", "name", "kind", "townshipId", "signPlate", "latitude", "longitude");
    assertThat(StaffClient.fieldErrors(bad).get("name")).isEqualTo("请填写站点名称");
    assertThat(json.readTree(bad.body()).path("errors").get(0).path("messageEn").asText())
        .isNotBlank();
    assertThat(StaffClient.fieldErrors(tooLong).get("name")).isEqualTo("名称不能超过 60 个字");
    assertThat(StaffClient.fieldErrors(taken).get("id")).isEqualTo("编号 s-001 已被使用");
    assertThat(json.readTree(admin.api("GET", "/api/stations", null).body()).size())
        .isEqualTo(before);
  }

  @Test
  void shouldLetAStationManagerChangeOnlyTheAddressHoursAndPlateOfTheirOwnStations()
      throws Exception {
    StaffClient manager = StaffClient.basic(hub, "chengguan", PASSWORD);

    HttpResponse<String> ok =
        manager.api(
            "PUT",
            "/api/stations/s-003",
            "{\"openingHours\":\"周一至周六 9:00—17:00\",\"signPlate\":\"政务中心人大代表联系点\"}");
    HttpResponse<String> rename =
        manager.api("PUT", "/api/stations/s-003", "{\"name\":\"改名\",\"latitude\":\"1\"}");
    HttpResponse<String> other = manager.api("PUT", "/api/stations/s-002", "{\"address\":\"别处\"}");

    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    assertThat(json.readTree(ok.body()).path("openingHours").asText())
        .isEqualTo("周一至周六 9:00—17:00");
    assertThat(rename.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(rename).get("name")).startsWith("只有县级管理员可以修改名称");
    assertThat(StaffClient.fieldErrors(rename)).containsKey("latitude");
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(
            json.readTree(admin.api("GET", "/api/stations/s-003", null).body())
                .path("name")
                .asText())
        .isEqualTo("青溪县政务服务中心人大代表联系点");
  }

  @Test
  void shouldRefuseToDeleteAStationWithReceptionsToCome() throws Exception {
    HttpResponse<String> refused = admin.api("DELETE", "/api/stations/s-002", null);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(refused).get("receptions"))
        .contains("未举行的接待")
        .contains("请先取消或改到其他站点");
    assertThat(admin.api("GET", "/api/stations/s-002", null).statusCode()).isEqualTo(200);
  }

  /** Each role against each station route. */
  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
    "admin,     GET,    /api/stations/s-002,  200",
    "chengguan, GET,    /api/stations/s-002,  403",
    "baisha,    GET,    /api/stations/s-001,  403",
    "chenxl,    GET,    /api/stations/s-001,  200",
    "chenxl,    GET,    /api/stations/s-002,  403",
    "chengguan, POST,   /api/stations,        403",
    "chenxl,    POST,   /api/stations,        403",
    "chenxl,    PUT,    /api/stations/s-001,  403",
    "baisha,    PUT,    /api/stations/s-001,  403",
    "chengguan, DELETE, /api/stations/s-001,  403",
    "chenxl,    DELETE, /api/stations/s-001,  403",
    "admin,     GET,    /api/stations/s-999,  404",
  })
  void shouldLetEachRoleSeeAndChangeOnlyWhatItMay(
      String user, String method, String path, int expected) {
    String payload =
        switch (method) {
          case "POST" ->
              station("s-0" + (user.hashCode() & 0xff), "新站", "HOME", "t-baisha", "", "");
          case "PUT" -> "{\"address\":\"改了\"}";
          default -> null;
        };
    HttpResponse<String> answer = StaffClient.basic(hub, user, PASSWORD).api(method, path, payload);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
  }

  private StationContent lastContent(String station) {
    byte[] payload = lastPayload(station);
    return payload == null || payload.length == 0
        ? null
        : ProtocolCodec.decode(payload, StationContent.class);
  }

  private byte[] lastPayload(String station) {
    List<TestClient.Received> got = watcher.receivedOn(Topic.stationContent(station).toString());
    return got.isEmpty() ? null : got.getLast().payload();
  }

  private List<String> ids(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    json.readTree(answer.body()).forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private String station(
      String id, String name, String kind, String township, String lat, String lon) {
    try {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("id", id);
      b.put("name", name);
      b.put("kind", kind);
      b.put("townshipId", township);
      b.put("address", "白沙镇新圩街12号");
      b.put("openingHours", "周二、周四 9:00—11:30");
      b.put("signPlate", "");
      b.put("latitude", lat);
      b.put("longitude", lon);
      return json.writeValueAsString(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
