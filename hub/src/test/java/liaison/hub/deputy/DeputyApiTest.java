package liaison.hub.deputy;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deputies and their assignments through the JSON API, over real HTTP, on the demo county. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeputyApiTest {
  private static final String PASSWORD = DemoCounty.PASSWORD;
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private TestClient watcher;
  private StaffClient admin;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    watcher = hub.observer("deputy-api-watcher");
    watcher.subscribe(Topic.allStations(Topic.Channel.CONTENT));
    admin = StaffClient.basic(hub, "admin", PASSWORD);
  }

  @AfterAll
  void stop() {
    watcher.close();
    hub.close();
  }

  @Test
  void shouldCreateReadChangeAndDeleteADeputyAndUpdateTheScreensOfTheirStations() throws Exception {
    HttpResponse<String> created =
        admin.api(
            "POST",
            "/api/deputies",
            deputy(
                "覃小燕",
                List.of("COUNTY", "乡镇"),
                "白沙镇第三选区",
                "0771 555-6789",
                true,
                List.of("s-002")));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String id = body.path("id").asText();
    assertThat(id).startsWith("d-");
    assertThat(texts(body.path("levels"))).containsExactly("COUNTY", "TOWNSHIP");
    assertThat(texts(body.path("stationIds"))).containsExactly("s-002");
    assertThat(texts(body.path("specialties"))).containsExactly("农业与乡村振兴", "教育");
    await().until(() -> deputiesOnScreen("s-002").contains(id));
    assertThat(screenPhone("s-002", id)).isEqualTo("0771 555-6789");

    HttpResponse<String> changed =
        admin.api(
            "PUT",
            "/api/deputies/" + id,
            "{\"occupation\":\"村医\",\"phonePublic\":false,\"stationIds\":[\"s-001\"]}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    JsonNode read = json.readTree(admin.api("GET", "/api/deputies/" + id, null).body());
    assertThat(read.path("occupation").asText()).isEqualTo("村医");
    assertThat(read.path("name").asText()).isEqualTo("覃小燕");
    assertThat(read.path("phone").asText())
        .as("staff who may edit see the phone")
        .isEqualTo("0771 555-6789");
    assertThat(
            texts(
                json
                    .readTree(admin.api("GET", "/api/deputies/" + id + "/stations", null).body())
                    .findValues("id")
                    .stream()
                    .collect(
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance::arrayNode,
                        (a, n) -> a.add(n),
                        (a, b) -> a.addAll(b))))
        .containsExactly("s-001");
    await()
        .until(
            () ->
                deputiesOnScreen("s-001").contains(id) && !deputiesOnScreen("s-002").contains(id));
    assertThat(screenPhone("s-001", id)).as("no longer public").isNull();

    assertThat(admin.api("DELETE", "/api/deputies/" + id, null).statusCode()).isEqualTo(204);
    assertThat(admin.api("GET", "/api/deputies/" + id, null).statusCode()).isEqualTo(404);
    await().until(() -> !deputiesOnScreen("s-001").contains(id));
    assertThat(hub.bean(AuditLog.class).latest(50, "deputy"))
        .filteredOn(e -> e.entityId().equals(id))
        .extracting(AuditLog.Entry::action)
        .containsExactlyInAnyOrder("delete", "update", "create");
  }

  @Test
  void shouldSearchAndFilterTheList() throws Exception {
    assertThat(names(admin.api("GET", "/api/deputies?level=NATIONAL", null)))
        .containsExactly("李建国");
    assertThat(names(admin.api("GET", "/api/deputies?q=%E5%BE%8B%E5%B8%88", null)))
        .containsExactly("黄志强");
    assertThat(names(admin.api("GET", "/api/deputies?station=s-002", null)))
        .containsExactlyInAnyOrder("李建国", "刘桂芳", "赵卫东", "孙丽娟");
    assertThat(names(admin.api("GET", "/api/deputies?station=s-001&level=COUNTY", null)))
        .containsExactlyInAnyOrder("陈秀兰", "张德明", "胡志勇");
  }

  @Test
  void shouldRefuseABadDeputyWithAMessagePerFieldAndSaveNothing() throws Exception {
    int before = json.readTree(admin.api("GET", "/api/deputies", null).body()).size();

    HttpResponse<String> bad =
        admin.api(
            "POST", "/api/deputies", deputy("", List.of(), "", "call me", true, List.of("s-404")));
    HttpResponse<String> badLevel =
        admin.api(
            "POST",
            "/api/deputies",
            deputy("名".repeat(21), List.of("EMPEROR"), "一选区", "", true, List.of()));
    HttpResponse<String> sameperson =
        admin.api(
            "POST",
            "/api/deputies",
            deputy("陈秀兰", List.of("COUNTY"), "城关镇第一选区", "", false, List.of()));

    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(bad))
        .containsKeys("name", "levels", "constituency", "phone", "stationIds");
    assertThat(StaffClient.fieldErrors(bad).get("phone")).isEqualTo("电话只能包含数字、空格、- 和 +");
    assertThat(StaffClient.fieldErrors(badLevel).get("name")).isEqualTo("姓名不能超过 20 个字");
    assertThat(StaffClient.fieldErrors(badLevel).get("levels")).contains("不认识的层级「EMPEROR」");
    assertThat(StaffClient.fieldErrors(badLevel).get("phonePublic")).isEqualTo("要公开电话，请先填写电话");
    assertThat(StaffClient.fieldErrors(sameperson).get("name")).contains("本县已有同名同选区的代表（d-0001）");
    assertThat(json.readTree(admin.api("GET", "/api/deputies", null).body()).size())
        .isEqualTo(before);
  }

  @Test
  void shouldRefuseToDeleteOrMoveADeputyOnDutyAtAReceptionToCome() throws Exception {
    HttpResponse<String> delete = admin.api("DELETE", "/api/deputies/d-0006", null);
    HttpResponse<String> unassign =
        admin.api("DELETE", "/api/deputies/d-0006/stations/s-002", null);
    HttpResponse<String> moved =
        admin.api("PUT", "/api/deputies/d-0006", "{\"stationIds\":[\"s-001\"]}");

    assertThat(List.of(delete, unassign, moved)).allMatch(r -> r.statusCode() == 422);
    assertThat(StaffClient.fieldErrors(delete).get("duties"))
        .startsWith("刘桂芳 还要在 白沙镇桃源村人大代表工作站 ")
        .contains("值班接待");
    assertThat(StaffClient.fieldErrors(unassign).get("stationIds")).contains("请先在接待安排中换人，再移出该站");
    assertThat(StaffClient.fieldErrors(moved).get("stationIds")).contains("刘桂芳 还要在");
    assertThat(
            texts(
                json.readTree(admin.api("GET", "/api/deputies/d-0006", null).body())
                    .path("stationIds")))
        .containsExactly("s-002");
  }

  @Test
  @Tag("security")
  void shouldNotLetAManagerTakeOverAnotherStationsDeputyByAttachingThem() throws Exception {
    // Issue 12: chengguan attached 刘桂芳 (s-002 only) to s-001, then read her private phone and
    // changed her level, which republished s-002's screen.
    StaffClient chengguan = StaffClient.basic(hub, "chengguan", PASSWORD);

    HttpResponse<String> attach = chengguan.api("PUT", "/api/deputies/d-0006/stations/s-001", null);
    HttpResponse<String> page =
        StaffClient.loggedIn(hub, "chengguan", PASSWORD).get("/admin/stations/s-001/deputies");

    assertThat(attach.statusCode()).as(attach.body()).isEqualTo(403);
    assertThat(json.readTree(attach.body()).path("message").asText()).contains("只有县级管理员可以把他编入您的站点");
    assertThat(page.body())
        .as("not offered on the station's page either")
        .doesNotContain("value=\"d-0006\"");
    assertThat(
            texts(
                json.readTree(admin.api("GET", "/api/deputies/d-0006", null).body())
                    .path("stationIds")))
        .containsExactly("s-002");
    assertThat(chengguan.api("GET", "/api/deputies/d-0006", null).statusCode()).isEqualTo(403);
    assertThat(
            chengguan
                .api("PUT", "/api/deputies/d-0006", "{\"levels\":[\"NATIONAL\"]}")
                .statusCode())
        .isEqualTo(403);
    assertThat(deputiesOnScreen("s-001")).doesNotContain("d-0006");
  }

  @Test
  @Tag("security")
  void shouldLetAManagerAttachADeputyWhoSitsNowhereOrAlreadyAtOneOfTheirStations()
      throws Exception {
    StaffClient baisha = StaffClient.basic(hub, "baisha", PASSWORD);
    StaffClient chengguan = StaffClient.basic(hub, "chengguan", PASSWORD);
    HttpResponse<String> free =
        admin.api(
            "POST",
            "/api/deputies",
            deputy("韦春花", List.of("TOWNSHIP"), "白沙镇第五选区", "13611112222", false, List.of()));
    String freeId = json.readTree(free.body()).path("id").asText();

    HttpResponse<String> taken =
        baisha.api("PUT", "/api/deputies/" + freeId + "/stations/s-002", null);
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    assertThat(
            json.readTree(baisha.api("GET", "/api/deputies/" + freeId, null).body())
                .path("phone")
                .asText())
        .as("now baisha's deputy: the phone is theirs to see")
        .isEqualTo("13611112222");
    await().until(() -> deputiesOnScreen("s-002").contains(freeId));
    assertThat(
            chengguan.api("PUT", "/api/deputies/" + freeId + "/stations/s-001", null).statusCode())
        .as("no longer free: sits at baisha's station only")
        .isEqualTo(403);

    // 李建国 sits at s-001 (chengguan's) and s-002 (baisha's): either may seat him at their other
    // stations, neither may change what both stations' screens show of him.
    assertThat(chengguan.api("PUT", "/api/deputies/d-0003/stations/s-003", null).statusCode())
        .isEqualTo(200);
    assertThat(
            chengguan.api("PUT", "/api/deputies/d-0003", "{\"levels\":[\"COUNTY\"]}").statusCode())
        .isEqualTo(403);
    assertThat(baisha.api("PUT", "/api/deputies/d-0003", "{\"occupation\":\"改了\"}").statusCode())
        .isEqualTo(403);
    assertThat(
            chengguan
                .apiBytes("POST", "/api/deputies/d-0003/photo", "image/png", new byte[] {1, 2, 3})
                .statusCode())
        .as("a photo is a personal detail too; refused before the upload is read")
        .isEqualTo(403);
    assertThat(chengguan.api("DELETE", "/api/deputies/d-0003", null).statusCode()).isEqualTo(403);
    assertThat(chengguan.api("DELETE", "/api/deputies/d-0003/stations/s-003", null).statusCode())
        .isEqualTo(204);
    assertThat(
            texts(
                json.readTree(admin.api("GET", "/api/deputies/d-0003", null).body())
                    .path("levels")))
        .containsExactly("NATIONAL");
  }

  @Test
  @Tag("security")
  void shouldShowAPrivatePhoneToTheDeputyThemselfAndTheStaffOfTheirStationsOnly() throws Exception {
    // 黄志强 (s-001) keeps his phone 13800001111 private; 陈秀兰 makes hers private for a moment.
    assertThat(admin.api("PUT", "/api/deputies/d-0001", "{\"phonePublic\":false}").statusCode())
        .isEqualTo(200);
    try {
      StaffClient chenxl = StaffClient.basic(hub, "chenxl", PASSWORD);
      String toChengguan =
          StaffClient.basic(hub, "chengguan", PASSWORD)
              .api("GET", "/api/deputies/d-0002", null)
              .body();
      String toFellowDeputy = chenxl.api("GET", "/api/deputies/d-0002", null).body();
      String toHerself = chenxl.api("GET", "/api/deputies/d-0001", null).body();
      String inTheList = chenxl.api("GET", "/api/deputies", null).body();

      assertThat(toChengguan).contains("13800001111");
      assertThat(toFellowDeputy).contains("黄志强").doesNotContain("13800001111");
      assertThat(inTheList).contains("黄志强").doesNotContain("13800001111");
      assertThat(json.readTree(toHerself).path("phone").asText()).isEqualTo("0771-5551234");
    } finally {
      admin.api("PUT", "/api/deputies/d-0001", "{\"phonePublic\":true}");
    }
  }

  @Test
  void shouldLetAStationManagerAddADeputyOnlyWithOneOfTheirStations() throws Exception {
    StaffClient chengguan = StaffClient.basic(hub, "chengguan", PASSWORD);

    HttpResponse<String> nowhere =
        chengguan.api(
            "POST",
            "/api/deputies",
            deputy("蒙丽", List.of("TOWNSHIP"), "城关镇第六选区", "", false, List.of()));
    HttpResponse<String> elsewhere =
        chengguan.api(
            "POST",
            "/api/deputies",
            deputy("蒙丽", List.of("TOWNSHIP"), "城关镇第六选区", "", false, List.of("s-002")));
    HttpResponse<String> own =
        chengguan.api(
            "POST",
            "/api/deputies",
            deputy("蒙丽", List.of("TOWNSHIP"), "城关镇第六选区", "", false, List.of("s-003")));

    assertThat(nowhere.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(nowhere).get("stationIds")).isEqualTo("请把新代表编入至少一个您管理的站点");
    assertThat(elsewhere.statusCode()).isEqualTo(403);
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    String id = json.readTree(own.body()).path("id").asText();
    assertThat(
            chengguan.api("PUT", "/api/deputies/" + id, "{\"workUnit\":\"城关镇新华社区\"}").statusCode())
        .isEqualTo(200);
    assertThat(chengguan.api("DELETE", "/api/deputies/" + id, null).statusCode()).isEqualTo(204);
  }

  /** Each role against each deputy route. */
  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
    "admin,     GET,    /api/deputies/d-0006,                200",
    "chengguan, GET,    /api/deputies/d-0006,                403",
    "baisha,    GET,    /api/deputies/d-0001,                403",
    "baisha,    GET,    /api/deputies?station=s-001,         403",
    "chengguan, GET,    /api/deputies/d-0006/stations,       403",
    "chenxl,    GET,    /api/deputies/d-0002,                200",
    "chenxl,    POST,   /api/deputies,                       403",
    "chenxl,    PUT,    /api/deputies/d-0001,                403",
    "chenxl,    DELETE, /api/deputies/d-0002,                403",
    "chenxl,    PUT,    /api/deputies/d-0002/stations/s-003, 403",
    "baisha,    PUT,    /api/deputies/d-0001,                403",
    "baisha,    DELETE, /api/deputies/d-0001,                403",
    "chengguan, DELETE, /api/deputies/d-0006/stations/s-002, 403",
    "admin,     GET,    /api/deputies/d-9999,                404",
  })
  void shouldLetEachRoleSeeAndChangeOnlyWhatItMay(
      String user, String method, String path, int expected) {
    String payload =
        switch (method) {
          case "POST" -> deputy("新人", List.of("TOWNSHIP"), "某选区", "", false, List.of("s-001"));
          case "PUT" -> path.contains("/stations/") ? null : "{\"occupation\":\"改了\"}";
          default -> null;
        };
    HttpResponse<String> answer = StaffClient.basic(hub, user, PASSWORD).api(method, path, payload);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
  }

  private List<String> deputiesOnScreen(String station) {
    StationContent c = lastContent(station);
    return c == null ? List.of() : c.deputies().stream().map(StationContent.Deputy::id).toList();
  }

  private String screenPhone(String station, String deputy) {
    return lastContent(station).deputies().stream()
        .filter(d -> d.id().equals(deputy))
        .findFirst()
        .orElseThrow()
        .phone();
  }

  private StationContent lastContent(String station) {
    List<TestClient.Received> got = watcher.receivedOn(Topic.stationContent(station).toString());
    return got.isEmpty()
        ? null
        : ProtocolCodec.decode(got.getLast().payload(), StationContent.class);
  }

  private List<String> names(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    json.readTree(answer.body()).forEach(n -> names.add(n.path("name").asText()));
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private String deputy(
      String name,
      List<String> levels,
      String constituency,
      String phone,
      boolean phonePublic,
      List<String> stations) {
    try {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("name", name);
      b.put("levels", levels);
      b.put("constituency", constituency);
      b.put("occupation", "村卫生室医生");
      b.put("workUnit", "白沙镇新圩村卫生室");
      b.put("specialties", List.of("农业与乡村振兴、教育"));
      b.put("phone", phone);
      b.put("phonePublic", phonePublic);
      b.put("stationIds", stations);
      return json.writeValueAsString(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
