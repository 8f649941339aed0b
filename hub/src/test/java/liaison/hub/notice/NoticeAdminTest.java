package liaison.hub.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.publish.ContentPublisher;
import liaison.hub.publish.PublicationRepository;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notices from the composer and the API to the stations' content and alert topics, and back as
 * receipts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeAdminTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private TestClient watcher;
  private StaffClient admin;
  private StaffClient manager;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    watcher = hub.observer("notice-watcher");
    watcher.subscribe("liaison/v1/station/+/content");
    watcher.subscribe("liaison/v1/station/+/alert");
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    watcher.close();
    hub.close();
  }

  private StationContent content(String station) {
    List<TestClient.Received> got = watcher.receivedOn(Topic.stationContent(station).toString());
    return got.isEmpty()
        ? null
        : ProtocolCodec.decode(got.getLast().payload(), StationContent.class);
  }

  /** The alert topic's last retained payload: null if none yet, empty when cleared. */
  private byte[] alert(String station) {
    List<TestClient.Received> got = watcher.receivedOn(Topic.stationAlert(station).toString());
    return got.isEmpty() ? null : got.getLast().payload();
  }

  private String draft(
      String title,
      String body,
      String priority,
      OffsetDateTime from,
      OffsetDateTime until,
      String target,
      List<String> stations) {
    try {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("title", title);
      d.put("body", body);
      d.put("priority", priority);
      d.put("validFrom", from == null ? null : from.toString());
      d.put("validUntil", until == null ? null : until.toString());
      d.put("target", target);
      d.put("stationIds", stations);
      return json.writeValueAsString(d);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(SHANGHAI);
  }

  @Test
  void shouldPutAnUrgentNoticeOnTheAlertTopicAndClearItWhenItBecomesNormal() throws Exception {
    HttpResponse<String> created =
        manager.api(
            "POST",
            "/api/notices",
            draft(
                "城关镇今日停水",
                "今天 14:00—18:00 代表之家停水。",
                "URGENT",
                now().minusMinutes(1),
                now().plusHours(4),
                "STATIONS",
                List.of("s-001")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).path("id").asText();

    await()
        .until(
            () ->
                alert("s-001") != null
                    && alert("s-001").length > 0
                    && ProtocolCodec.decode(alert("s-001"), StationAlert.class)
                        .noticeId()
                        .equals(id));
    StationAlert alert = ProtocolCodec.decode(alert("s-001"), StationAlert.class);
    assertThat(alert.title()).isEqualTo("城关镇今日停水");
    assertThat(alert.priority()).isEqualTo(NoticePriority.URGENT);
    // Alert and snapshot are two publications: the snapshot may land a moment after the alert.
    await().until(() -> content("s-001").notices().stream().anyMatch(n -> n.id().equals(id)));

    manager.api(
        "PUT",
        "/api/notices/" + id,
        draft(
            "城关镇今日停水",
            "今天 14:00—18:00 代表之家停水。",
            "NORMAL",
            now().minusMinutes(1),
            now().plusHours(4),
            "STATIONS",
            List.of("s-001")));
    await().until(() -> alert("s-001").length == 0);
  }

  @Test
  void shouldClearTheAlertWhenTheNoticeExpires() throws Exception {
    HttpResponse<String> created =
        admin.api(
            "POST",
            "/api/notices",
            draft(
                "暴雨预警",
                "请勿前往低洼地带。",
                "EMERGENCY",
                now().minusMinutes(1),
                now().plusSeconds(4),
                "STATIONS",
                List.of("s-003")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    await().until(() -> alert("s-003") != null && alert("s-003").length > 0);
    await().atMost(Duration.ofSeconds(30)).until(() -> alert("s-003").length == 0);
  }

  @Test
  void shouldRefuseABadNoticeWithAMessagePerFieldAndSaveNothing() throws Exception {
    int before = json.readTree(admin.api("GET", "/api/notices", null).body()).size();

    HttpResponse<String> empty =
        manager.api(
            "POST",
            "/api/notices",
            draft("", "x".repeat(5001), "NORMAL", null, null, "STATIONS", List.of("s-001")));
    HttpResponse<String> over =
        manager.api(
            "POST",
            "/api/notices",
            draft(
                "过期",
                "",
                "NORMAL",
                now().minusDays(3),
                now().minusDays(1),
                "STATIONS",
                List.of("s-001")));
    HttpResponse<String> backwards =
        manager.api(
            "POST",
            "/api/notices",
            draft(
                "倒置",
                "",
                "NORMAL",
                now().plusDays(2),
                now().plusDays(1),
                "STATIONS",
                List.of("s-001")));
    HttpResponse<String> endless =
        manager.api(
            "POST",
            "/api/notices",
            draft("无期限", "", "URGENT", null, null, "STATIONS", List.of("s-001")));
    HttpResponse<String> wholeCounty =
        manager.api(
            "POST", "/api/notices", draft("全县", "", "NORMAL", null, null, "ALL", List.of()));
    HttpResponse<String> otherStation =
        manager.api(
            "POST",
            "/api/notices",
            draft("别人的站", "", "NORMAL", null, null, "STATIONS", List.of("s-002")));

    assertThat(List.of(empty, over, backwards, endless, wholeCounty, otherStation))
        .allMatch(r -> r.statusCode() == 422);
    assertThat(StaffClient.fieldErrors(empty)).containsKeys("title", "body");
    assertThat(StaffClient.fieldErrors(over).get("validUntil")).contains("有效期已经过去");
    assertThat(StaffClient.fieldErrors(backwards).get("validUntil")).contains("结束时间须晚于开始时间");
    assertThat(StaffClient.fieldErrors(endless).get("validUntil")).contains("紧急公告须设结束时间");
    assertThat(StaffClient.fieldErrors(wholeCounty).get("target")).contains("只有县级管理员");
    assertThat(StaffClient.fieldErrors(otherStation).get("stationIds")).contains("不能向站点 s-002 发布");
    assertThat(json.readTree(admin.api("GET", "/api/notices", null).body()).size())
        .isEqualTo(before);
  }

  @Test
  void shouldShowEachNoticeOnlyToThoseWhoseStationsItReaches() throws Exception {
    HttpResponse<String> created =
        manager.api(
            "POST",
            "/api/notices",
            draft("只给城关", "", "NORMAL", null, now().plusDays(1), "STATIONS", List.of("s-001")));
    String id = json.readTree(created.body()).path("id").asText();

    assertThat(
            StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD)
                .api("GET", "/api/notices/" + id, null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD)
                .api("DELETE", "/api/notices/" + id, null)
                .statusCode())
        .isEqualTo(403);
    assertThat(
            StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD)
                .api(
                    "POST",
                    "/api/notices",
                    draft("代表", "", "NORMAL", null, null, "STATIONS", List.of("s-001")))
                .statusCode())
        .isEqualTo(403);
    assertThat(admin.api("GET", "/api/notices/" + id, null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldReportWhichTargetStationsHaveShownTheNoticeAndWhen() throws Exception {
    HttpResponse<String> created =
        admin.api(
            "POST",
            "/api/notices",
            draft(
                "代表接待日改期",
                "本周接待日改到周四。",
                "NORMAL",
                null,
                now().plusDays(3),
                "STATIONS",
                List.of("s-001", "s-003")));
    String id = json.readTree(created.body()).path("id").asText();
    await()
        .until(
            () ->
                content("s-001") != null
                    && content("s-001").notices().stream().anyMatch(n -> n.id().equals(id)));
    long version = hub.bean(PublicationRepository.class).current("s-001").orElseThrow().version();

    // The kiosk at s-001 says it shows that version; s-003 says nothing.
    OffsetDateTime shownAt = now().withNano(0);
    try (TestClient kiosk = hub.station("s-001", "kiosk")) {
      kiosk.publish(
          Topic.stationState("s-001").toString(),
          ProtocolCodec.encode(
              new StationState(
                  StationState.Presence.ONLINE,
                  "sess",
                  "0.1.0",
                  version,
                  StationState.Screen.ON,
                  shownAt)),
          true);
    }

    await()
        .until(
            () ->
                json.readTree(admin.api("GET", "/api/notices/" + id + "/receipts", null).body())
                    .get(0)
                    .path("shown")
                    .asBoolean());
    JsonNode receipts =
        json.readTree(admin.api("GET", "/api/notices/" + id + "/receipts", null).body());
    assertThat(receipts).hasSize(2);
    assertThat(receipts.get(0).path("stationId").asText()).isEqualTo("s-001");
    assertThat(OffsetDateTime.parse(receipts.get(0).path("shownAt").asText())).isEqualTo(shownAt);
    assertThat(receipts.get(1).path("shown").asBoolean()).isFalse();
    // The receipt is kept as a row of its own; what the version shown and those before it carried,
    // and the versions shown before it, are no longer kept (V35: the tables do not grow per round).
    Database db = hub.bean(Database.class);
    int carriedBefore =
        db.withHandle(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM publication_notice WHERE station_id = 's-001' AND version <= :v")
                    .bind("v", version)
                    .mapTo(Integer.class)
                    .one());
    assertThat(carriedBefore).isZero();
    List<Long> shown =
        db.withHandle(
            h ->
                h.createQuery(
                        "SELECT version FROM station_version_shown WHERE station_id = 's-001'")
                    .mapTo(Long.class)
                    .list());
    assertThat(shown).containsExactly(version);

    // Edited, the notice is published again: s-001, which has its receipt, needs no row for it
    // (the receipt stands as it was); s-003, which has none, gets one with its new version.
    admin.api(
        "PUT",
        "/api/notices/" + id,
        draft(
            "代表接待日改期（更正）",
            "本周接待日改到周五。",
            "NORMAL",
            null,
            now().plusDays(3),
            "STATIONS",
            List.of("s-001", "s-003")));
    await()
        .until(
            () ->
                content("s-001").notices().stream().anyMatch(n -> n.title().endsWith("（更正）"))
                    && content("s-003").notices().stream()
                        .anyMatch(n -> n.title().endsWith("（更正）")));
    await().until(() -> hub.bean(ContentPublisher.class).idle());
    assertThat(noticeRows(db, "s-001", id)).isZero();
    assertThat(noticeRows(db, "s-003", id)).isPositive();
    JsonNode after =
        json.readTree(admin.api("GET", "/api/notices/" + id + "/receipts", null).body());
    assertThat(OffsetDateTime.parse(after.get(0).path("shownAt").asText())).isEqualTo(shownAt);
    assertThat(after.get(1).path("shown").asBoolean()).isFalse();

    StaffClient browser = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    String page = browser.get("/admin/notices/" + id).body();
    assertThat(page).contains("已在 1 / 2 个目标站点的屏幕上显示", "尚未显示：", "青溪县政务服务中心人大代表联系点");
  }

  private static int noticeRows(Database db, String station, String notice) {
    return db.withHandle(
        h ->
            h.createQuery(
                    "SELECT count(*) FROM publication_notice WHERE station_id = :s AND notice_id = :n")
                .bind("s", station)
                .bind("n", notice)
                .mapTo(Integer.class)
                .one());
  }

  @Test
  void shouldEndABurstOfHundredEditsWithEveryStationOnTheNewestVersion() throws Exception {
    HttpResponse<String> created =
        admin.api(
            "POST",
            "/api/notices",
            draft(
                "编辑 0",
                "",
                "NORMAL",
                null,
                now().plusDays(1),
                "STATIONS",
                List.of("s-001", "s-003")));
    String id = json.readTree(created.body()).path("id").asText();

    for (int i = 1; i <= 100; i++) {
      HttpResponse<String> edit =
          admin.api(
              "PUT",
              "/api/notices/" + id,
              draft(
                  "编辑 " + i,
                  "",
                  "NORMAL",
                  null,
                  now().plusDays(1),
                  "STATIONS",
                  List.of("s-001", "s-003")));
      assertThat(edit.statusCode()).isEqualTo(200);
    }

    for (String station : List.of("s-001", "s-003")) {
      await()
          .until(
              () ->
                  content(station).notices().stream()
                          .anyMatch(n -> n.id().equals(id) && n.title().equals("编辑 100"))
                      && content(station).version()
                          == hub.bean(PublicationRepository.class)
                              .current(station)
                              .orElseThrow()
                              .version());
    }
  }

  @Test
  void shouldPreviewAnEmergencyNoticeAsAFullScreenWithoutSavingIt() throws Exception {
    StaffClient browser = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    int before = json.readTree(manager.api("GET", "/api/notices", null).body()).size();

    HttpResponse<String> preview =
        browser.submit(
            "/admin/notices",
            browser.csrf(),
            List.of(
                Map.entry("title", "燃气泄漏 请立即疏散"),
                Map.entry("body", "代表之家所在楼栋燃气泄漏，请从东侧楼梯离开。"),
                Map.entry("priority", "EMERGENCY"),
                Map.entry("validFrom", ""),
                Map.entry(
                    "validUntil", now().plusHours(2).toLocalDateTime().withNano(0).toString()),
                Map.entry("target", "STATIONS"),
                Map.entry("stationIds", "s-001"),
                Map.entry("action", "preview")));

    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("class=\"screen-emergency\"", "燃气泄漏 请立即疏散", "特急公告占满整个屏幕");
    assertThat(json.readTree(manager.api("GET", "/api/notices", null).body()).size())
        .isEqualTo(before);
  }

  @Test
  void shouldLogWhoChangedWhichNoticeForAdministratorsOnly() throws Exception {
    HttpResponse<String> created =
        manager.api(
            "POST",
            "/api/notices",
            draft("审计测试公告", "", "NORMAL", null, now().plusDays(1), "STATIONS", List.of("s-001")));
    String id = json.readTree(created.body()).path("id").asText();

    String log =
        StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD)
            .get("/admin/audit?entity=notice")
            .body();

    assertThat(log).contains("林晓梅 (chengguan)", id, "审计测试公告", "新增");
    assertThat(
            StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD)
                .get("/admin/audit")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void shouldFindNoticesByTitleLevelAndWhetherTheyAreOnScreen() throws Exception {
    admin.api(
        "POST",
        "/api/notices",
        draft(
            "筛选测试：正在显示",
            "",
            "NORMAL",
            now().minusHours(1),
            now().plusDays(1),
            "STATIONS",
            List.of("s-001")));
    admin.api(
        "POST",
        "/api/notices",
        draft(
            "筛选测试：下周开始",
            "",
            "NORMAL",
            now().plusDays(7),
            now().plusDays(9),
            "STATIONS",
            List.of("s-001")));
    StaffClient browser = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);

    String upcoming =
        browser
            .get(
                "/admin/notices?q="
                    + java.net.URLEncoder.encode("筛选测试", java.nio.charset.StandardCharsets.UTF_8)
                    + "&state=upcoming")
            .body();
    String active =
        browser
            .get(
                "/admin/notices?q="
                    + java.net.URLEncoder.encode("筛选测试", java.nio.charset.StandardCharsets.UTF_8)
                    + "&state=active")
            .body();
    String urgent = browser.get("/admin/notices?priority=URGENT").body();

    assertThat(upcoming).contains("筛选测试：下周开始").doesNotContain("筛选测试：正在显示");
    assertThat(active).contains("筛选测试：正在显示").doesNotContain("筛选测试：下周开始");
    assertThat(urgent).contains("桃源村工作站本周四接待改在村文化室").doesNotContain("筛选测试");
  }
}
