package liaison.hub.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The admin's station and deputy pages, through their forms, over real HTTP, as each role. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleAdminTest {
  private static final String PASSWORD = DemoCounty.PASSWORD;
  private RunningHub hub;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldAddAStationThroughTheFormAndShowEachMistakeBesideItsField() {
    StaffClient admin = StaffClient.loggedIn(hub, "admin", PASSWORD);
    String csrf = admin.csrf();

    HttpResponse<String> bad =
        admin.submit("/admin/stations", csrf, station("s-060", "", "", "t-baisha", "abc"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body())
        .contains("请改正下面标出的问题，本次没有保存。", "请填写站点名称", "请选择站点类型", "纬度须为 -90 到 90 之间的数");
    assertThat(bad.body()).contains("value=\"s-060\"");

    HttpResponse<String> saved =
        admin.submit(
            "/admin/stations",
            csrf,
            station("s-060", "白沙镇金融专业联络室", "SPECIALTY", "t-baisha", "24.7"));
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(saved.headers().firstValue("Location").orElseThrow())
        .startsWith("/admin/stations?done=created");
    String list = admin.get("/admin/stations?kind=SPECIALTY").body();
    assertThat(list).contains("白沙镇金融专业联络室", "专业联络室").doesNotContain("城关镇人大代表之家");
    assertThat(admin.get("/admin/stations?q=%E9%87%91%E8%9E%8D").body())
        .contains("s-060")
        .doesNotContain("s-001");
  }

  @Test
  void shouldOfferAStationManagerOnlyTheFieldsTheyMayChange() {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", PASSWORD);
    String csrf = manager.csrf();

    String form = manager.get("/admin/stations/s-001/edit").body();
    assertThat(form).containsPattern("<input name=\"name\"[^>]*disabled");
    assertThat(form).containsPattern("<input name=\"address\"(?![^>]*disabled)[^>]*>");

    HttpResponse<String> saved =
        manager.submit(
            "/admin/stations/s-001",
            csrf,
            List.of(
                Map.entry("address", "人民路18号镇政府一楼东侧"),
                Map.entry("openingHours", "周一至周五"),
                Map.entry("signPlate", "城关镇人大代表之家")));
    HttpResponse<String> forged =
        manager.submit(
            "/admin/stations/s-001",
            csrf,
            List.of(Map.entry("name", "改名"), Map.entry("address", "x")));

    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(manager.get("/admin/stations").body())
        .contains("人民路18号镇政府一楼东侧")
        .doesNotContain("桃源村");
    assertThat(forged.statusCode()).isEqualTo(422);
    assertThat(forged.body()).contains("只有县级管理员可以修改名称");
    assertThat(manager.get("/admin/stations").body()).doesNotContain("改名");
  }

  @Test
  @Tag("security")
  void shouldShowHtmlInAnyTextFieldAsText() {
    StaffClient admin = StaffClient.loggedIn(hub, "admin", PASSWORD);
    String csrf = admin.csrf();
    List<Map.Entry<String, String>> person = new ArrayList<>();
    person.add(Map.entry("name", "<b>王</b>"));
    person.add(Map.entry("levels", "COUNTY"));
    person.add(Map.entry("constituency", "<i>选区</i>"));
    person.add(Map.entry("occupation", "<img src=x onerror=alert(1)>"));
    person.add(Map.entry("workUnit", "<script>alert('x')</script>"));
    person.add(Map.entry("specialties", "<u>教育</u>"));
    person.add(Map.entry("phone", ""));
    person.add(Map.entry("stationIds", "s-003"));

    assertThat(admin.submit("/admin/deputies", csrf, person).statusCode()).isEqualTo(303);
    assertThat(
            admin
                .submit(
                    "/admin/stations",
                    csrf,
                    station("s-061", "<script>alert(2)</script>", "HOME", "t-baisha", ""))
                .statusCode())
        .isEqualTo(303);

    String deputies = admin.get("/admin/deputies").body();
    String stations = admin.get("/admin/stations").body();
    String assign = admin.get("/admin/stations/s-003/deputies").body();
    assertThat(deputies)
        .contains(
            "&lt;b&gt;王&lt;/b&gt;",
            "&lt;img src=x onerror=alert(1)&gt;",
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;",
            "&lt;u&gt;教育&lt;/u&gt;");
    assertThat(deputies).doesNotContain("<b>王", "<img src=x", "<script>alert");
    assertThat(stations)
        .contains("&lt;script&gt;alert(2)&lt;/script&gt;")
        .doesNotContain("<script>alert(2)");
    assertThat(assign).contains("&lt;b&gt;王&lt;/b&gt;").doesNotContain("<b>王");
  }

  @Test
  void shouldAssignDeputiesWithCheckboxesAndRefuseToRemoveOneOnDuty() {
    // A deputy of the county who sits at no station yet: any manager may take them on.
    HttpResponse<String> free =
        StaffClient.basic(hub, "admin", PASSWORD)
            .api(
                "POST",
                "/api/deputies",
                "{\"name\":\"蓝天明\",\"levels\":[\"TOWNSHIP\"],\"constituency\":\"白沙镇第四选区\",\"stationIds\":[]}");
    assertThat(free.statusCode()).as(free.body()).isEqualTo(201);
    String freeId = free.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    StaffClient manager = StaffClient.loggedIn(hub, "baisha", PASSWORD);
    String csrf = manager.csrf();
    String page = manager.get("/admin/stations/s-002/deputies").body();
    assertThat(page)
        .containsPattern("value=\"d-0006\"[^>]*checked")
        .containsPattern("value=\"" + freeId + "\"(?![^>]*checked)");
    assertThat(page)
        .as("吴海涛 sits at s-003 only, not baisha's: not offered")
        .doesNotContain("value=\"d-0009\"");

    List<Map.Entry<String, String>> chosen = new ArrayList<>();
    for (String id : List.of("d-0003", "d-0006", "d-0007", "d-0010", freeId)) {
      chosen.add(Map.entry("deputyIds", id));
    }
    HttpResponse<String> saved = manager.submit("/admin/stations/s-002/deputies", csrf, chosen);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(303);
    assertThat(manager.get("/admin/deputies").body()).contains("蓝天明");

    List<Map.Entry<String, String>> forged = new ArrayList<>(chosen);
    forged.add(Map.entry("deputyIds", "d-0009"));
    HttpResponse<String> takeOver = manager.submit("/admin/stations/s-002/deputies", csrf, forged);
    assertThat(takeOver.statusCode())
        .as("another station's deputy cannot be attached by ticking a forged box")
        .isEqualTo(403);
    assertThat(manager.get("/admin/deputies").body()).doesNotContain("吴海涛");

    chosen.removeIf(e -> e.getValue().equals("d-0006"));
    HttpResponse<String> refused = manager.submit("/admin/stations/s-002/deputies", csrf, chosen);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("刘桂芳 还要在", "请先在接待安排中换人，再移出该站");
    assertThat(manager.get("/admin/deputies?station=s-002").body()).contains("刘桂芳");
  }

  @Test
  void shouldConfirmBeforeDeletingAStationAndRefuseWhileReceptionsAreToCome() {
    StaffClient admin = StaffClient.loggedIn(hub, "admin", PASSWORD);
    String csrf = admin.csrf();

    String busy = admin.get("/admin/stations/s-002/delete").body();
    assertThat(busy).contains("还有", "次未举行的接待，不能删除").doesNotContain("确认删除站点");
    HttpResponse<String> refused = admin.submit("/admin/stations/s-002/delete", csrf, List.of());
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("请先取消或改到其他站点");

    assertThat(
            admin
                .submit("/admin/stations", csrf, station("s-062", "待删除的站", "HOME", "t-baisha", ""))
                .statusCode())
        .isEqualTo(303);
    String confirm = admin.get("/admin/stations/s-062/delete").body();
    assertThat(confirm).contains("待删除的站", "确认删除站点", "不能恢复");
    HttpResponse<String> deleted = admin.submit("/admin/stations/s-062/delete", csrf, List.of());
    assertThat(deleted.statusCode()).isEqualTo(303);
    assertThat(deleted.headers().firstValue("Location")).hasValue("/admin/stations?done=deleted");
    assertThat(admin.get("/admin/stations").body()).doesNotContain("待删除的站");
  }

  @Test
  void shouldConfirmBeforeDeletingADeputyAndRefuseOneOnDuty() {
    StaffClient admin = StaffClient.loggedIn(hub, "admin", PASSWORD);
    String csrf = admin.csrf();

    String id =
        hub.bean(liaison.hub.deputy.DeputyService.class)
            .create(
                hub.bean(liaison.hub.security.StaffAccountRepository.class)
                    .byUsername("admin")
                    .orElseThrow()
                    .staff(),
                new liaison.hub.deputy.DeputyDraft(
                    "莫晓东",
                    List.of("TOWNSHIP"),
                    "白沙镇第十选区",
                    "",
                    "",
                    List.of(),
                    null,
                    false,
                    List.of("s-002")))
            .id();
    assertThat(admin.get("/admin/deputies/" + id + "/delete").body())
        .contains("莫晓东", "白沙镇桃源村人大代表工作站", "确认删除代表");
    assertThat(admin.submit("/admin/deputies/" + id + "/delete", csrf, List.of()).statusCode())
        .isEqualTo(303);
    assertThat(admin.get("/admin/deputies").body()).doesNotContain("莫晓东");

    HttpResponse<String> refused = admin.submit("/admin/deputies/d-0007/delete", csrf, List.of());
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("赵卫东 还要在", "请先在接待安排中换人或取消，再删除");
  }

  @Test
  void shouldKeepADeputysFormAndItsMistakesTogether() {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", PASSWORD);
    List<Map.Entry<String, String>> person = new ArrayList<>();
    person.add(Map.entry("name", "甘露"));
    person.add(Map.entry("constituency", "城关镇第九选区"));
    person.add(Map.entry("phone", "电话号码"));
    person.add(Map.entry("phonePublic", "true"));

    HttpResponse<String> refused = manager.submit("/admin/deputies", manager.csrf(), person);

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("请至少选择一个代表层级", "电话只能包含数字、空格、- 和 +", "请把新代表编入至少一个您管理的站点", "value=\"甘露\"");
    String form = manager.get("/admin/deputies/new").body();
    assertThat(form).contains("城关镇人大代表之家", "青溪县政务服务中心人大代表联系点").doesNotContain("桃源村人大代表工作站");
  }

  @Test
  void shouldRefuseFormsWithoutTheSessionsToken() {
    StaffClient admin = StaffClient.loggedIn(hub, "admin", PASSWORD);

    assertThat(
            admin
                .postForm("/admin/stations", station("s-063", "伪造", "HOME", "t-baisha", ""))
                .statusCode())
        .isEqualTo(403);
    assertThat(admin.submit("/admin/deputies/d-0002/delete", "forged", List.of()).statusCode())
        .isEqualTo(403);
    assertThat(
            admin
                .upload(
                    "/admin/spreadsheets/stations/check",
                    "forged",
                    "file",
                    "a.csv",
                    "编号\r\n".getBytes(StandardCharsets.UTF_8))
                .statusCode())
        .isEqualTo(403);
    assertThat(admin.get("/admin/stations").body()).doesNotContain("伪造");
  }

  @Test
  void
      shouldRefuseASpreadsheetUploadFromADeputysAccountAndCheckAManagersRowsAgainstTheirStations() {
    StaffClient deputy = StaffClient.loggedIn(hub, "chenxl", PASSWORD);
    StaffClient manager = StaffClient.loggedIn(hub, "baisha", PASSWORD);
    byte[] sheet = "编号,地址\r\ns-001,别处\r\n".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> refused =
        deputy.upload("/admin/spreadsheets/stations/check", deputy.csrf(), "file", "a.csv", sheet);
    HttpResponse<String> checked =
        manager.upload(
            "/admin/spreadsheets/stations/check", manager.csrf(), "file", "a.csv", sheet);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(checked.statusCode()).isEqualTo(200);
    assertThat(checked.body()).contains("有误 1 行", "您无权查看站点 s-001").doesNotContain("确认导入");
  }

  /** Each role against each admin page: may it see, may it change? */
  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
    "admin,     GET,  /admin/stations,                     200",
    "admin,     GET,  /admin/stations/new,                 200",
    "admin,     GET,  /admin/stations/s-002/edit,          200",
    "admin,     GET,  /admin/deputies/d-0006/edit,         200",
    "admin,     GET,  /admin/spreadsheets,                 200",
    "chengguan, GET,  /admin/stations,                     200",
    "chengguan, GET,  /admin/stations/new,                 403",
    "chengguan, GET,  /admin/stations/s-001/edit,          200",
    "chengguan, GET,  /admin/stations/s-002/edit,          403",
    "chengguan, GET,  /admin/stations/s-001/delete,        403",
    "chengguan, GET,  /admin/stations/s-001/deputies,      200",
    "chengguan, GET,  /admin/stations/s-002/deputies,      403",
    "chengguan, GET,  /admin/deputies/d-0006/edit,         403",
    "chengguan, GET,  /admin/deputies/d-0002/edit,         200",
    "chengguan, GET,  /admin/deputies?station=s-002,       403",
    "baisha,    GET,  /admin/deputies/d-0001/delete,       403",
    "baisha,    GET,  /admin/spreadsheets/stations/export, 200",
    "chenxl,    GET,  /admin/stations,                     200",
    "chenxl,    GET,  /admin/deputies,                     200",
    "chenxl,    GET,  /admin/stations/s-001/edit,          403",
    "chenxl,    GET,  /admin/stations/s-001/deputies,      403",
    "chenxl,    GET,  /admin/deputies/new,                 403",
    "chenxl,    GET,  /admin/deputies/d-0002/edit,         403",
    "chenxl,    GET,  /admin/spreadsheets,                 403",
    "chenxl,    GET,  /admin/spreadsheets/deputies/export, 403",
    "chengguan, POST, /admin/stations,                     403",
    "chengguan, POST, /admin/stations/s-002,               403",
    "chengguan, POST, /admin/stations/s-001/delete,        403",
    "baisha,    POST, /admin/stations/s-001/deputies,      403",
    "baisha,    POST, /admin/deputies/d-0001,              403",
    "baisha,    POST, /admin/deputies/d-0001/delete,       403",
    "chenxl,    POST, /admin/deputies,                     403",
    "chenxl,    POST, /admin/stations/s-001,               403",
    "chenxl,    POST, /admin/deputies/d-0002/delete,       403",
    "chenxl,    POST, /admin/spreadsheets/deputies/import, 403",
  })
  void shouldLetEachRoleSeeAndChangeOnlyWhatItMay(
      String user, String method, String path, int expected) {
    StaffClient client = StaffClient.loggedIn(hub, user, PASSWORD);
    HttpResponse<String> answer =
        method.equals("GET")
            ? client.get(path)
            : client.submit(
                path,
                client.csrf(),
                List.of(
                    Map.entry("name", "改了"), Map.entry("address", "改了"), Map.entry("data", "")));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
  }

  /** Each role against the spreadsheet API. */
  @ParameterizedTest(name = "{0} {1} {2} → {3}")
  @CsvSource({
    "admin,     GET,  /api/export/stations,              200",
    "baisha,    GET,  /api/export/deputies,              200",
    "chenxl,    GET,  /api/export/deputies,              403",
    "chenxl,    POST, /api/import/stations?dryRun=true,  403",
    "chengguan, POST, /api/import/stations?dryRun=true,  200",
    "admin,     GET,  /api/export/notices,               404",
  })
  void shouldLetEachRoleUseTheSpreadsheetApiOnlyAsItMay(
      String user, String method, String path, int expected) {
    StaffClient client = StaffClient.basic(hub, user, PASSWORD);
    int status =
        method.equals("GET")
            ? client.download(path).statusCode()
            : client
                .apiBytes(
                    "POST",
                    path,
                    "text/csv",
                    "编号,地址\r\ns-002,别处\r\n".getBytes(StandardCharsets.UTF_8))
                .statusCode();
    assertThat(status).isEqualTo(expected);
  }

  private static List<Map.Entry<String, String>> station(
      String id, String name, String kind, String township, String latitude) {
    List<Map.Entry<String, String>> f = new ArrayList<>();
    f.add(Map.entry("id", id));
    f.add(Map.entry("name", name));
    f.add(Map.entry("kind", kind));
    f.add(Map.entry("townshipId", township));
    f.add(Map.entry("address", "白沙镇新街8号"));
    f.add(Map.entry("openingHours", "周一至周五"));
    f.add(Map.entry("signPlate", ""));
    f.add(Map.entry("latitude", latitude));
    f.add(Map.entry("longitude", ""));
    return f;
  }
}
