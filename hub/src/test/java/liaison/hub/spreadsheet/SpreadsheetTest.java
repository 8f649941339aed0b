package liaison.hub.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

/** CSV export and import of stations and deputies, over real HTTP, in UTF-8 and GBK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpreadsheetTest {
  private static final String PASSWORD = DemoCounty.PASSWORD;
  private static final Charset GBK = Charset.forName("GBK");
  private static final String STATIONS_HEADER = "编号,名称,类型,乡镇,地址,开放时间,标识牌文字,纬度,经度";
  private static final String DEPUTIES_HEADER = "编号,姓名,层级,选区,职业,工作单位,专长,电话,公开电话,所属站点";
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private TestClient watcher;
  private StaffClient admin;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    watcher = hub.observer("spreadsheet-watcher");
    watcher.subscribe(Topic.allStations(Topic.Channel.CONTENT));
    admin = StaffClient.basic(hub, "admin", PASSWORD);
  }

  @AfterAll
  void stop() {
    watcher.close();
    hub.close();
  }

  @Test
  void shouldExportForExcelWithABomAndChineseColumns() {
    HttpResponse<byte[]> stations = admin.download("/api/export/stations");
    HttpResponse<byte[]> deputies = admin.download("/api/export/deputies");

    assertThat(stations.statusCode()).isEqualTo(200);
    assertThat(stations.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(stations.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment", "filename*=UTF-8''%E7%AB%99%E7%82%B9-");
    assertThat(Arrays.copyOf(stations.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<String> stationLines = lines(stations.body());
    assertThat(stationLines.getFirst()).isEqualTo(STATIONS_HEADER);
    assertThat(stationLines)
        .contains(
            "s-002,白沙镇桃源村人大代表工作站,人大代表工作站,白沙镇,青溪县白沙镇桃源村村委会二楼,每周二、周四 9:00—11:30；每月15日全天,桃源村人大代表工作站,24.7702,110.6118");
    List<String> deputyLines = lines(deputies.body());
    assertThat(deputyLines.getFirst()).isEqualTo(DEPUTIES_HEADER);
    assertThat(deputyLines)
        .contains(
            "d-0001,陈秀兰,省人大代表、县人大代表,城关镇第一选区,社区卫生服务中心主任,青溪县城关镇社区卫生服务中心,医疗卫生、养老服务,0771-5551234,是,s-001、s-003")
        .contains("d-0003,李建国,全国人大代表,江城市代表团,农业合作社理事长,青溪县桃源果蔬专业合作社,农业与乡村振兴、就业招工,,否,s-001、s-002");
    // A station manager's sheet has their stations only, and only those in 所属站点.
    List<String> managers =
        lines(StaffClient.basic(hub, "baisha", PASSWORD).download("/api/export/deputies").body());
    assertThat(managers).anyMatch(l -> l.startsWith("d-0003,李建国,") && l.endsWith(",否,s-002"));
    assertThat(managers)
        .noneMatch(l -> l.startsWith("d-0001,"))
        .noneMatch(l -> l.contains("s-001"));
  }

  @Test
  void shouldCheckStationRowsInADryRunThenImportOnlyTheGoodOnes() throws Exception {
    String csv =
        STATIONS_HEADER
            + "\r\n"
            + "s-040,白沙镇石门村人大代表工作站,人大代表工作站,白沙镇,石门村村委会一楼,周三 9:00—11:30,石门村人大代表工作站,24.75,110.62\r\n"
            + "s-041,,人大代表之家,白沙镇,,,,,\r\n"
            + "s-042,城关镇法律专业联络室,法律联络室,城关镇,,,,,\r\n"
            + "s-043,云山乡人大代表之家,人大代表之家,云山乡,,,,,\r\n"
            + "s-040,重复的站,人大代表之家,白沙镇,,,,,\r\n"
            + "s-044,城关镇驻杭州代表联络站,驻外代表联络站,城关镇,杭州市西湖区,,,91,\r\n"
            + "s-045,城关镇产业代表联络站,INDUSTRY,t-chengguan,\"工业园区1号, 二楼\",,,,\r\n";

    HttpResponse<String> dry =
        admin.apiBytes(
            "POST",
            "/api/import/stations?dryRun=true",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8));

    assertThat(dry.statusCode()).as(dry.body()).isEqualTo(200);
    JsonNode report = json.readTree(dry.body());
    assertThat(report.path("encoding").asText()).isEqualTo("UTF-8");
    assertThat(report.path("written").asBoolean()).isFalse();
    assertThat(rows(report.path("accepted"))).containsExactly(2L, 8L);
    assertThat(report.path("accepted").get(0).path("action").asText()).isEqualTo("create");
    assertThat(reasons(report)).containsOnlyKeys(3L, 4L, 5L, 6L, 7L);
    assertThat(reasons(report).get(3L)).contains("名称：请填写站点名称");
    assertThat(reasons(report).get(4L)).contains("类型：请选择站点类型");
    assertThat(reasons(report).get(5L)).contains("乡镇：本县没有乡镇 云山乡");
    assertThat(reasons(report).get(6L)).contains("编号 s-040 与第 2 行重复");
    assertThat(reasons(report).get(7L)).contains("纬度：纬度须为 -90 到 90 之间的数");
    assertThat(admin.api("GET", "/api/stations/s-040", null).statusCode())
        .as("a dry run writes nothing")
        .isEqualTo(404);

    HttpResponse<String> real =
        admin.apiBytes(
            "POST",
            "/api/import/stations?dryRun=false",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8));

    assertThat(real.statusCode()).isEqualTo(200);
    assertThat(json.readTree(real.body()).path("written").asBoolean()).isTrue();
    JsonNode s040 = json.readTree(admin.api("GET", "/api/stations/s-040", null).body());
    assertThat(s040.path("kind").asText()).isEqualTo("WORKSTATION");
    assertThat(s040.path("longitude").asDouble()).isEqualTo(110.62);
    assertThat(
            json.readTree(admin.api("GET", "/api/stations/s-045", null).body())
                .path("address")
                .asText())
        .isEqualTo("工业园区1号, 二楼");
    assertThat(admin.api("GET", "/api/stations/s-041", null).statusCode()).isEqualTo(404);
    await().until(() -> lastContent("s-040") != null);
    assertThat(hub.bean(AuditLog.class).latest(20, null))
        .extracting(e -> e.action() + " " + e.entityId())
        .contains("create s-040", "create s-045", "import stations");
  }

  @Test
  void shouldReadAGbkFileFromChineseExcelAndImportDeputiesWithGoodAndBadRows() throws Exception {
    String csv =
        DEPUTIES_HEADER
            + "\r\n"
            + ",黎志坚,县、乡镇,白沙镇第四选区,养殖户,白沙镇黎家养殖场,农业与乡村振兴、供水与基础设施,139 0000 3333,是,s-002\r\n"
            + ",蓝秋菊,EMPEROR,白沙镇第五选区,教师,白沙镇中学,教育,,否,s-002\r\n"
            + ",,乡镇,白沙镇第六选区,,,,,否,s-002\r\n"
            + ",覃明,乡镇,白沙镇第七选区,,,,,是,s-002\r\n"
            + ",黎志坚,县,白沙镇第四选区,,,,,否,s-002\r\n"
            + ",韦春花,市,白沙镇第八选区,,,,,否,s-404\r\n"
            + ",陆海,乡镇,白沙镇第九选区,,,,,也许,\r\n";
    byte[] gbk = csv.getBytes(GBK);
    assertThat(new String(gbk, StandardCharsets.UTF_8)).as("really not UTF-8").isNotEqualTo(csv);

    JsonNode dry =
        json.readTree(
            admin.apiBytes("POST", "/api/import/deputies?dryRun=true", "text/csv", gbk).body());

    assertThat(dry.path("encoding").asText()).isEqualTo("GBK");
    assertThat(rows(dry.path("accepted"))).containsExactly(2L);
    assertThat(dry.path("accepted").get(0).path("name").asText()).isEqualTo("黎志坚");
    Map<Long, String> why = reasons(dry);
    assertThat(why).containsOnlyKeys(3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(why.get(3L)).contains("层级：不认识的层级「EMPEROR」");
    assertThat(why.get(4L)).contains("姓名：请填写代表姓名");
    assertThat(why.get(5L)).contains("公开电话：要公开电话，请先填写电话");
    assertThat(why.get(6L)).contains("与第 2 行是同名同选区的代表");
    assertThat(why.get(7L)).contains("所属站点：本县没有站点 s-404");
    assertThat(why.get(8L)).contains("公开电话：请填“是”或“否”");

    JsonNode real =
        json.readTree(
            admin.apiBytes("POST", "/api/import/deputies?dryRun=false", "text/csv", gbk).body());
    assertThat(real.path("written").asBoolean()).isTrue();
    JsonNode found =
        json.readTree(
            admin
                .api(
                    "GET",
                    "/api/deputies?q=" + URLEncoder.encode("黎志坚", StandardCharsets.UTF_8),
                    null)
                .body());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("workUnit").asText()).isEqualTo("白沙镇黎家养殖场");
    assertThat(found.get(0).path("levels").toString()).isEqualTo("[\"COUNTY\",\"TOWNSHIP\"]");
    String id = found.get(0).path("id").asText();
    await()
        .until(
            () ->
                lastContent("s-002").deputies().stream()
                    .anyMatch(d -> d.id().equals(id) && "139 0000 3333".equals(d.phone())));
    assertThat(
            json.readTree(
                admin
                    .api(
                        "GET",
                        "/api/deputies?q=" + URLEncoder.encode("蓝秋菊", StandardCharsets.UTF_8),
                        null)
                    .body()))
        .isEmpty();

    // The same file again changes nothing: the row without 编号 finds 黎志坚 by name and constituency.
    JsonNode again =
        json.readTree(
            admin.apiBytes("POST", "/api/import/deputies?dryRun=true", "text/csv", gbk).body());
    assertThat(again.path("accepted").get(0).path("action").asText()).isEqualTo("unchanged");
    assertThat(again.path("accepted").get(0).path("id").asText()).isEqualTo(id);
  }

  @Test
  void shouldReadUtf8WithoutABomAndRefuseAWholeFileWithAnUnknownColumn() throws Exception {
    String csv = "编号,姓名,层级,选区,备注\r\n,甘小平,乡镇,城关镇第七选区,新当选\r\n";

    HttpResponse<String> answer =
        admin.apiBytes(
            "POST",
            "/api/import/deputies?dryRun=false",
            "text/csv",
            csv.getBytes(StandardCharsets.UTF_8));

    assertThat(answer.statusCode()).isEqualTo(422);
    JsonNode report = json.readTree(answer.body());
    assertThat(report.path("encoding").asText()).isEqualTo("UTF-8");
    assertThat(report.path("written").asBoolean()).isFalse();
    assertThat(report.path("problems").get(0).path("message").asText()).startsWith("未知的列「备注」");
    assertThat(report.path("accepted")).isEmpty();
    assertThat(
            json.readTree(
                admin
                    .api(
                        "GET",
                        "/api/deputies?q=" + URLEncoder.encode("甘小平", StandardCharsets.UTF_8),
                        null)
                    .body()))
        .isEmpty();
    HttpResponse<String> binary =
        admin.apiBytes(
            "POST",
            "/api/import/deputies",
            "text/csv",
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0x81, 0x7F});
    assertThat(json.readTree(binary.body()).path("problems").get(0).path("message").asText())
        .startsWith("读不出文件的文字");
  }

  @Test
  void shouldRoundTripAnExportWithoutLosingAnything() throws Exception {
    // Values that trip spreadsheets: a leading +, commas, quotes, a line break, 、 inside lists.
    assertThat(
            admin
                .api(
                    "POST",
                    "/api/deputies",
                    "{\"name\":\"欧阳\\\"小\\\"红\",\"levels\":[\"MUNICIPAL\",\"TOWNSHIP\"],\"constituency\":\"城关镇第八选区, 北片\","
                        + "\"occupation\":\"=SUM(A1)\",\"workUnit\":\"-青溪县\\n东门社区\",\"specialties\":[\"教育\",\"@法律咨询\"],"
                        + "\"phone\":\"+86 771 5550000\",\"phonePublic\":true,\"stationIds\":[\"s-001\",\"s-003\"]}")
                .statusCode())
        .isEqualTo(201);
    byte[] stations = admin.download("/api/export/stations").body();
    byte[] deputies = admin.download("/api/export/deputies").body();
    String deputyText = new String(deputies, StandardCharsets.UTF_8);
    assertThat(deputyText).contains("'=SUM(A1)", "'+86 771 5550000", "\"欧阳\"\"小\"\"红\"");

    // Change what the sheets hold, then import the sheets: everything is as it was.
    assertThat(
            admin
                .api(
                    "PUT",
                    "/api/stations/s-001",
                    "{\"address\":\"临时地址\",\"latitude\":\"\",\"kind\":\"SPECIALTY\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            admin
                .api(
                    "PUT",
                    "/api/deputies/d-0004",
                    "{\"specialties\":[],\"phone\":\"12345\",\"levels\":[\"NATIONAL\"],\"stationIds\":[\"s-002\"]}")
                .statusCode())
        .isEqualTo(200);
    JsonNode stationsBack =
        json.readTree(
            admin
                .apiBytes("POST", "/api/import/stations?dryRun=false", "text/csv", stations)
                .body());
    JsonNode deputiesBack =
        json.readTree(
            admin
                .apiBytes("POST", "/api/import/deputies?dryRun=false", "text/csv", deputies)
                .body());

    assertThat(stationsBack.path("rejected")).isEmpty();
    assertThat(deputiesBack.path("rejected")).isEmpty();
    assertThat(actions(stationsBack))
        .containsEntry("s-001", "update")
        .containsEntry("s-002", "unchanged");
    assertThat(actions(deputiesBack))
        .containsEntry("d-0004", "update")
        .containsEntry("d-0001", "unchanged");
    assertThat(admin.download("/api/export/stations").body()).isEqualTo(stations);
    assertThat(admin.download("/api/export/deputies").body()).isEqualTo(deputies);
  }

  @Test
  void shouldUploadThroughTheAdminFormAndImportAfterTheConfirmation() {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", PASSWORD);
    String csv =
        "编号,地址,开放时间\r\n"
            + "s-003,新华路88号政务服务中心三楼东侧,周一至周五 9:00—12:00\r\n"
            + "s-002,桃源村,全天\r\n"
            + "s-050,<script>alert(1)</script>,\r\n";

    HttpResponse<String> checked =
        manager.upload(
            "/admin/spreadsheets/stations/check",
            manager.csrf(),
            "file",
            "站点.csv",
            csv.getBytes(GBK));

    assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
    assertThat(checked.body())
        .contains("GBK", "可以导入 1 行", "有误 2 行", "您无权查看站点 s-002", "只有县级管理员可以这样做");
    assertThat(checked.body()).doesNotContain("<script>alert(1)</script>");
    String data = hidden(checked.body(), "data");

    HttpResponse<String> withoutToken =
        manager.postForm("/admin/spreadsheets/stations/import", List.of(Map.entry("data", data)));
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    HttpResponse<String> imported =
        manager.submit(
            "/admin/spreadsheets/stations/import",
            manager.csrf(),
            List.of(Map.entry("data", data), Map.entry("filename", "站点.csv")));

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(303);
    assertThat(imported.headers().firstValue("Location")).hasValue("/admin/stations?done=imported");
    assertThat(manager.get("/admin/stations?done=imported").body())
        .contains("新华路88号政务服务中心三楼东侧", "已导入");
    assertThat(
            StaffClient.basic(hub, "admin", PASSWORD)
                .api("GET", "/api/stations/s-002", null)
                .body())
        .doesNotContain("\"address\":\"桃源村\"");
  }

  private StationContent lastContent(String station) {
    List<TestClient.Received> got = watcher.receivedOn(Topic.stationContent(station).toString());
    return got.isEmpty()
        ? null
        : ProtocolCodec.decode(got.getLast().payload(), StationContent.class);
  }

  private static List<String> lines(byte[] csv) {
    return List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
  }

  private static List<Long> rows(JsonNode array) {
    List<Long> rows = new ArrayList<>();
    array.forEach(n -> rows.add(n.path("row").asLong()));
    return rows;
  }

  @Test
  void shouldListEveryFaultOfARowAtOnce() throws Exception {
    // Four faults in one deputy row: a level nobody has, a phone that is no phone, a consent that
    // is neither yes nor no, a station that does not exist; and in one station row, three.
    String deputies = DEPUTIES_HEADER + "\r\n" + ",韦小宝,皇帝,白沙镇第五选区,,,,电话号码,也许,s-999\r\n";
    String stations = STATIONS_HEADER + "\r\n" + "s-050,,宫殿,云山乡,,,,200,\r\n";

    JsonNode deputyReport =
        json.readTree(
            admin
                .apiBytes(
                    "POST",
                    "/api/import/deputies?dryRun=true",
                    "text/csv",
                    deputies.getBytes(StandardCharsets.UTF_8))
                .body());
    JsonNode stationReport =
        json.readTree(
            admin
                .apiBytes(
                    "POST",
                    "/api/import/stations?dryRun=true",
                    "text/csv",
                    stations.getBytes(StandardCharsets.UTF_8))
                .body());

    assertThat(deputyReport.path("rejected")).hasSize(1);
    assertThat(deputyReport.path("rejected").get(0).path("reasons"))
        .extracting(r -> r.path("column").asText())
        .containsExactlyInAnyOrder("公开电话", "层级", "电话", "所属站点");
    assertThat(reasons(deputyReport).get(2L)).contains("公开电话", "层级：不认识的层级「皇帝」", "电话：", "所属站点：");
    assertThat(stationReport.path("rejected").get(0).path("reasons"))
        .extracting(r -> r.path("column").asText())
        .contains("名称", "类型", "乡镇", "纬度");
  }

  private static Map<Long, String> reasons(JsonNode report) {
    Map<Long, String> byRow = new java.util.LinkedHashMap<>();
    report
        .path("rejected")
        .forEach(
            r -> {
              List<String> messages = new ArrayList<>();
              r.path("reasons").forEach(p -> messages.add(p.path("message").asText()));
              byRow.put(r.path("row").asLong(), String.join(" | ", messages));
            });
    return byRow;
  }

  private static Map<String, String> actions(JsonNode report) {
    Map<String, String> byId = new java.util.LinkedHashMap<>();
    report
        .path("accepted")
        .forEach(a -> byId.put(a.path("id").asText(), a.path("action").asText()));
    return byId;
  }

  private static String hidden(String page, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
    assertThat(m.find()).as("hidden field " + name).isTrue();
    return m.group(1).replace("&#43;", "+").replace("&#61;", "=").replace("&#47;", "/");
  }
}
