package liaison.hub.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
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

/** Receptions through the admin's forms and the API, over real HTTP, on the demo county. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceptionAdminTest {
  private static final String PASSWORD = DemoCounty.PASSWORD;
  private final ObjectMapper json = new ObjectMapper();
  // Far enough ahead that the demo week has nothing then; each test takes its own day.
  private final LocalDate base = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20);

  private RunningHub hub;
  private TestClient watcher;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    watcher = hub.observer("reception-watcher");
    watcher.subscribe(Topic.stationContent("s-001").toString());
  }

  @AfterAll
  void stop() {
    watcher.close();
    hub.close();
  }

  private StationContent lastSnapshot() {
    List<TestClient.Received> got = watcher.receivedOn(Topic.stationContent("s-001").toString());
    return got.isEmpty()
        ? null
        : ProtocolCodec.decode(got.getLast().payload(), StationContent.class);
  }

  @Test
  void shouldSendStrangersToTheLogInPageAndRefuseAWrongPassword() {
    StaffClient stranger = StaffClient.anonymous(hub);

    HttpResponse<String> admin = stranger.get("/admin/stations/s-001/week");
    assertThat(admin.statusCode()).isEqualTo(303);
    assertThat(admin.headers().firstValue("Location"))
        .hasValue("/login?next=%2Fadmin%2Fstations%2Fs-001%2Fweek");
    assertThat(stranger.api("GET", "/api/stations", null).statusCode()).isEqualTo(401);

    HttpResponse<String> wrong =
        stranger.postForm(
            "/login", List.of(Map.entry("username", "chengguan"), Map.entry("password", "wrong")));
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("用户名或密码不正确");
    assertThat(
            StaffClient.basic(hub, "chengguan", "wrong")
                .api("GET", "/api/stations", null)
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void shouldAddAReceptionWithTwoDeputiesThroughTheFormAndPublishIt() {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", PASSWORD);
    LocalDate day = base.plusDays(1);
    await().until(() -> lastSnapshot() != null);

    HttpResponse<String> saved =
        manager.submit(
            "/admin/receptions",
            manager.csrf(),
            form(day, "14:00", "16:30", "d-0003", "d-0004", "社区养老服务座谈", "代表之家二楼会议室", "ANNOUNCED"));

    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location").orElseThrow())
        .startsWith("/admin/stations/s-001/week?start=" + day);
    String week = manager.get("/admin/stations/s-001/week?start=" + day).body();
    assertThat(week).contains("社区养老服务座谈", "李建国、王美玲");
    // Announced, though 21 days ahead: beyond the 14-day horizon it is not on screens yet.
    assertThat(lastSnapshot().receptions()).noneMatch(r -> r.date().equals(day));
  }

  @Test
  void shouldPublishAnAnnouncedReceptionOfTheComingDaysAtOnce() throws Exception {
    StaffClient manager = StaffClient.basic(hub, "chengguan", PASSWORD);
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5);
    await().until(() -> lastSnapshot() != null);
    long before = lastSnapshot().version();

    HttpResponse<String> created =
        manager.api(
            "POST",
            "/api/receptions",
            body("s-001", day, "19:30", "21:00", List.of("d-0004", "d-0012"), "夜间议事会"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).path("id").asText();
    await()
        .until(
            () ->
                lastSnapshot().version() > before
                    && lastSnapshot().receptions().stream().anyMatch(r -> r.id().equals(id)));
    StationContent.Reception published =
        lastSnapshot().receptions().stream()
            .filter(r -> r.id().equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(published.deputyIds()).containsExactly("d-0004", "d-0012");
    assertThat(published.theme()).isEqualTo("夜间议事会");

    assertThat(manager.api("DELETE", "/api/receptions/" + id, null).statusCode()).isEqualTo(204);
    await().until(() -> lastSnapshot().receptions().stream().noneMatch(r -> r.id().equals(id)));
  }

  @Test
  void shouldRefuseABadReceptionWithAMessagePerFieldAndSaveNothing() throws Exception {
    StaffClient manager = StaffClient.basic(hub, "chengguan", PASSWORD);
    LocalDate day = base.plusDays(2);
    assertThat(
            manager
                .api(
                    "POST",
                    "/api/receptions",
                    body("s-001", day, "09:00", "11:00", List.of("d-0001"), null))
                .statusCode())
        .isEqualTo(201);
    int before = count(manager, day);

    HttpResponse<String> endBeforeStart =
        manager.api(
            "POST",
            "/api/receptions",
            body("s-001", day, "15:00", "14:00", List.of("d-0002"), null));
    HttpResponse<String> notAssigned =
        manager.api(
            "POST",
            "/api/receptions",
            body("s-001", day, "15:00", "16:00", List.of("d-0006"), null));
    HttpResponse<String> overlapping =
        manager.api(
            "POST",
            "/api/receptions",
            body("s-003", day, "10:30", "12:00", List.of("d-0001"), null));
    HttpResponse<String> badDate =
        manager.api(
            "POST",
            "/api/receptions",
            "{\"stationId\":\"s-001\",\"date\":\"24/11/2026\",\"start\":\"9:00\",\"end\":\"10:00\",\"location\":\"x\",\"deputyIds\":[\"d-0001\"]}");

    assertThat(List.of(endBeforeStart, notAssigned, overlapping, badDate))
        .allMatch(r -> r.statusCode() == 422);
    assertThat(StaffClient.fieldErrors(endBeforeStart)).containsEntry("end", "结束时间须晚于开始时间");
    assertThat(StaffClient.fieldErrors(notAssigned).get("deputyIds")).contains("刘桂芳 未编入本站");
    assertThat(StaffClient.fieldErrors(overlapping).get("deputyIds"))
        .contains("陈秀兰 在 城关镇人大代表之家 同一时段已有接待");
    assertThat(StaffClient.fieldErrors(badDate)).containsKey("date");
    assertThat(count(manager, day)).isEqualTo(before);
  }

  @Test
  void shouldShowScriptInATextAsText() {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", PASSWORD);
    LocalDate day = base.plusDays(3);

    manager.submit(
        "/admin/receptions",
        manager.csrf(),
        form(
            day,
            "09:00",
            "10:00",
            "d-0005",
            null,
            "<script>alert('x')</script>",
            "<b>一楼</b>",
            "PLANNED"));

    HttpResponse<String> page = manager.get("/admin/stations/s-001/week?start=" + day);
    String week = page.body();
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'");
    assertThat(week)
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;一楼&lt;/b&gt;");
    assertThat(week).doesNotContain("<script>alert");
  }

  @Test
  void shouldRefuseAFormWithoutTheSessionsToken() {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", PASSWORD);
    LocalDate day = base.plusDays(4);

    HttpResponse<String> forged =
        manager.submit(
            "/admin/receptions",
            "not-the-token",
            form(day, "09:00", "10:00", "d-0005", null, "伪造", "一楼", "PLANNED"));
    HttpResponse<String> withoutToken =
        manager.postForm(
            "/admin/receptions",
            form(day, "09:00", "10:00", "d-0005", null, "伪造", "一楼", "PLANNED"));
    HttpResponse<String> forgedApi =
        manager.api(
            "POST",
            "/api/receptions",
            body("s-001", day, "09:00", "10:00", List.of("d-0005"), "x"));

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(manager.get("/admin/stations/s-001/week?start=" + day).body()).doesNotContain("伪造");
    // The same client's API call without Basic credentials rides on the cookie and needs the
    // header.
    assertThat(forgedApi.statusCode()).isIn(401, 403);
  }

  /** Each role against each kind of route: may it see, may it change? */
  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
    "admin,     GET,  /admin/stations/s-002/week,           200",
    "chengguan, GET,  /admin/stations/s-001/week,           200",
    "chengguan, GET,  /admin/stations/s-002/week,           403",
    "baisha,    GET,  /admin/stations/s-001/week,           403",
    "chenxl,    GET,  /admin/stations/s-001/week,           200",
    "chenxl,    GET,  /admin/stations/s-002/week,           403",
    "chengguan, GET,  /admin/receptions/new?station=s-002,  403",
    "chenxl,    GET,  /admin/receptions/new?station=s-001,  403",
    "admin,     GET,  /api/stations/s-002,                  200",
    "baisha,    GET,  /api/stations/s-001,                  403",
    "baisha,    GET,  /api/stations/s-001/receptions,       403",
    "baisha,    GET,  /api/stations/s-001/content,          403",
    "chengguan, GET,  /api/stations/s-003/receptions,       200",
    "baisha,    POST, /api/receptions,                      403",
    "chenxl,    POST, /api/receptions,                      403",
    "admin,     POST, /api/receptions,                      201",
  })
  void shouldLetEachRoleSeeAndChangeOnlyItsOwnStations(
      String user, String method, String path, int expected) {
    HttpResponse<String> answer;
    if (path.startsWith("/api/")) {
      String payload =
          method.equals("POST")
              ? body(
                  "s-001",
                  base.plusDays(10 + (user.hashCode() & 7)),
                  "08:00",
                  "08:30",
                  List.of("d-0003"),
                  null)
              : null;
      answer = StaffClient.basic(hub, user, PASSWORD).api(method, path, payload);
    } else {
      answer = StaffClient.loggedIn(hub, user, PASSWORD).get(path);
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
  }

  private int count(StaffClient client, LocalDate day) throws Exception {
    JsonNode list =
        json.readTree(
            client
                .api("GET", "/api/stations/s-001/receptions?from=" + day + "&to=" + day, null)
                .body());
    JsonNode other =
        json.readTree(
            client
                .api("GET", "/api/stations/s-003/receptions?from=" + day + "&to=" + day, null)
                .body());
    return list.size() + other.size();
  }

  private String body(
      String station,
      LocalDate day,
      String start,
      String end,
      List<String> deputies,
      String theme) {
    try {
      Map<String, Object> b = new java.util.LinkedHashMap<>();
      b.put("stationId", station);
      b.put("date", day.toString());
      b.put("start", start);
      b.put("end", end);
      b.put("location", "代表之家一楼接待室");
      b.put("status", "ANNOUNCED");
      b.put("deputyIds", deputies);
      b.put("theme", theme);
      return json.writeValueAsString(b);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Map.Entry<String, String>> form(
      LocalDate day,
      String start,
      String end,
      String deputy1,
      String deputy2,
      String theme,
      String location,
      String status) {
    List<Map.Entry<String, String>> f = new ArrayList<>();
    f.add(Map.entry("stationId", "s-001"));
    f.add(Map.entry("date", day.toString()));
    f.add(Map.entry("start", start));
    f.add(Map.entry("end", end));
    f.add(Map.entry("deputyIds", deputy1));
    if (deputy2 != null) {
      f.add(Map.entry("deputyIds", deputy2));
    }
    f.add(Map.entry("theme", theme));
    f.add(Map.entry("location", location));
    f.add(Map.entry("status", status));
    return f;
  }
}
