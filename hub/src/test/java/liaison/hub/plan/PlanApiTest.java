package liaison.hub.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.publish.PublishedContent;
import liaison.signage.protocol.StationContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station's annual plan kept over the staff's JSON API: checked in full (every field's problem in
 * Chinese and English, nothing saved), audit-logged, read by the station's deputies but changed
 * only by its staff, public at once and on the station's screen within seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private StaffClient manager;
  private StaffClient deputy;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
    deputy = StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldAddChangeAndDeleteAnActivityWithAnAuditEntryEachAndShowItInPublic() throws Exception {
    String date = TODAY.toString();
    HttpResponse<String> made =
        manager.api(
            "POST",
            "/api/activities",
            json.writeValueAsString(
                Map.of(
                    "stationId", "s-001",
                    "date", date,
                    "kind", "RESEARCH",
                    "theme", "背街小巷环境整治调研",
                    "place", "东门路",
                    "deputyIds", java.util.List.of("d-0005", "d-0001"),
                    "notes", "欢迎居民随行反映问题")));

    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode activity = json.readTree(made.body());
    String id = activity.path("id").asText();
    assertThat(activity.path("kindZh").asText()).isEqualTo("调研");
    assertThat(activity.path("deputies").findValuesAsText("name")).containsExactly("张德明", "陈秀兰");
    assertThat(themes(deputy, "/api/stations/s-001/activities?year=" + TODAY.getYear()))
        .as("the station's deputy reads the plan")
        .contains("背街小巷环境整治调研");
    assertThat(
            themes(
                StaffClient.anonymous(hub),
                "/api/public/stations/s-001/plan?year=" + TODAY.getYear()))
        .contains("背街小巷环境整治调研");

    await()
        .untilAsserted(
            () ->
                assertThat(onScreen())
                    .as("the station's screen gets it in its snapshot")
                    .anySatisfy(
                        a -> {
                          assertThat(a.id()).isEqualTo(id);
                          assertThat(a.kindZh()).isEqualTo("调研");
                          assertThat(a.deputyIds()).containsExactly("d-0005", "d-0001");
                        }));

    HttpResponse<String> changed =
        manager.api(
            "PUT",
            "/api/activities/" + id,
            json.writeValueAsString(
                Map.of(
                    "stationId", "s-001", "date", date, "kind", "INSPECTION", "theme", "背街小巷视察")));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(json.readTree(changed.body()).path("deputies").size()).isZero();
    assertThat(manager.api("DELETE", "/api/activities/" + id, null).statusCode()).isEqualTo(204);
    assertThat(manager.api("GET", "/api/activities/" + id, null).statusCode()).isEqualTo(404);
    await().until(() -> onScreen().stream().noneMatch(a -> a.id().equals(id)));

    // Two steps may fall in the same millisecond, which the log's order does not tell apart.
    assertThat(hub.bean(AuditLog.class).latest(20, "activity"))
        .filteredOn(e -> e.entityId().equals(id))
        .extracting(AuditLog.Entry::action)
        .containsExactlyInAnyOrder("create", "update", "delete");
  }

  @Test
  void shouldRefuseABadActivityWithEveryFieldsProblemInBothLanguagesAndSaveNothing()
      throws Exception {
    int before = activities();
    HttpResponse<String> refused =
        manager.api(
            "POST",
            "/api/activities",
            json.writeValueAsString(
                Map.of(
                    "stationId", "s-001",
                    "date", "2026-13-40",
                    "kind", "PARTY",
                    "theme", "  ",
                    "place", "地".repeat(101),
                    "deputyIds", java.util.List.of("d-0006"))));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(refused))
        .containsOnlyKeys("date", "kind", "theme", "place", "deputyIds")
        .containsEntry("theme", "请填写活动主题")
        .containsEntry("deputyIds", "刘桂芳 未编入本站，不能列为参加代表");
    assertThat(json.readTree(refused.body()).path("errors").findValuesAsText("messageEn"))
        .contains("Enter the activity's theme", "Date must look like 2026-11-24");
    assertThat(activities()).isEqualTo(before);
  }

  @Test
  void shouldLetTheStationsDeputyReadButNotChangeItsPlan() throws Exception {
    HttpResponse<String> tried =
        deputy.api(
            "POST",
            "/api/activities",
            json.writeValueAsString(
                Map.of(
                    "stationId",
                    "s-001",
                    "date",
                    TODAY.toString(),
                    "kind",
                    "OTHER",
                    "theme",
                    "座谈")));
    assertThat(tried.statusCode()).isEqualTo(403);
    assertThat(deputy.api("GET", "/api/activities/pa-0001", null).statusCode()).isEqualTo(200);
    assertThat(deputy.api("DELETE", "/api/activities/pa-0001", null).statusCode()).isEqualTo(403);
    assertThat(deputy.api("GET", "/api/stations/s-001/activities?year=1999", null).statusCode())
        .as("a year out of range")
        .isEqualTo(400);
  }

  @Test
  void shouldKeepThePlanThroughTheStaffPagesAndKeepWhatWasTypedWhenRefused() {
    StaffClient browser = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    String csrf = browser.csrf();
    int before = activities();
    HttpResponse<String> refused = browser.submit("/admin/activities", csrf, researchAtS003(""));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("请改正下面标出的问题", "请选择活动类型", "政务服务“好差评”调研")
        .doesNotContain("PARTY", "Exception");
    assertThat(activities()).isEqualTo(before);

    HttpResponse<String> saved =
        browser.submit("/admin/activities", csrf, researchAtS003("RESEARCH"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    String location = saved.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("/admin/stations/s-003/plan?year=" + TODAY.getYear());
    assertThat(browser.get(location).body())
        .contains("已添加", "政务服务“好差评”调研", "调研", "周晓燕")
        .doesNotContain("RESEARCH");
    assertThat(activities()).isEqualTo(before + 1);
  }

  @Test
  void shouldTakeThePlanBoardIntoAStationsPlaylistAndSendItToTheScreen() {
    HttpResponse<String> put =
        manager.api(
            "PUT",
            "/api/stations/s-003/playlist",
            "{\"entries\":[{\"board\":\"PLAN\",\"seconds\":\"15\"},"
                + "{\"board\":\"TODAY\",\"seconds\":\"20\"}]}");

    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    await()
        .until(
            () ->
                hub.bean(PublishedContent.class)
                    .of("s-003")
                    .map(c -> c.playlistToPlay().entries().getFirst().board().equals("PLAN"))
                    .orElse(false));
    assertThat(
            StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD)
                .get("/admin/stations/s-003/playlist")
                .body())
        .as("the editor offers the board by its name")
        .contains("年度活动计划");
  }

  /** The staff form's fields for a study at s-003 with 周晓燕, of the kind chosen. */
  private static java.util.List<Map.Entry<String, String>> researchAtS003(String kind) {
    return java.util.List.of(
        Map.entry("stationId", "s-003"),
        Map.entry("date", TODAY.toString()),
        Map.entry("kind", kind),
        Map.entry("theme", "政务服务“好差评”调研"),
        Map.entry("deputyIds", "d-0008"));
  }

  private java.util.List<String> themes(StaffClient who, String path) throws Exception {
    HttpResponse<String> answer = who.api("GET", path, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = json.readTree(answer.body());
    return (body.isArray() ? body : body.path("activities")).findValuesAsText("theme");
  }

  /** The plan in s-001's snapshot as last published. */
  private java.util.List<StationContent.Activity> onScreen() {
    return hub.bean(PublishedContent.class)
        .of("s-001")
        .map(StationContent::planOrEmpty)
        .orElse(java.util.List.of());
  }

  private int activities() {
    return hub.bean(Database.class)
        .withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM plan_activity").mapTo(Integer.class).one());
  }
}
