package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.calendar.NationalHolidays;
import liaison.hub.calendar.WorkingDays;
import liaison.hub.demo.DemoCases;
import liaison.hub.demo.DemoCounty;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staff loop over the API against the real hub and its demo county: every step, refusals,
 * access.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseLoopApiTest {
  private RunningHub hub;
  private StaffClient manager;
  private StaffClient admin;
  private StaffClient otherManager;
  private StaffClient deputy;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    otherManager = StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD);
    deputy = StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  /** A new case at a station, as the residents' form makes it (that form is built elsewhere). */
  private String submitted(String station, Category category, String text, String phone) {
    return submitted(station, null, category, text, phone);
  }

  /**
   * An opinion as a resident's phone would have sent it; to a deputy through their own QR link when
   * {@code deputy} is given.
   */
  private String submitted(
      String station, String deputy, Category category, String text, String phone) {
    CaseRepository repository = hub.bean(CaseRepository.class);
    Cases cases = hub.bean(Cases.class);
    OffsetDateTime now = OffsetDateTime.now().withNano(0);
    String id = liaison.hub.db.Ids.next("case");
    hub.bean(liaison.hub.db.Database.class)
        .useTransaction(
            h -> {
              repository.insert(
                  h,
                  new OpinionCase(
                      id,
                      TrackingCodes.next(),
                      station,
                      deputy,
                      category,
                      text,
                      CaseStatus.SUBMITTED,
                      "",
                      null,
                      null,
                      null,
                      null,
                      null,
                      now,
                      now,
                      null,
                      null,
                      null,
                      false,
                      false,
                      null,
                      "",
                      null));
              if (phone != null) {
                repository.insertContact(h, new CaseContact(id, "王小明", phone, now, false));
              }
              cases.record(h, id, CaseEvent.RESIDENT, "submit", "");
            });
    return id;
  }

  private JsonNode body(HttpResponse<String> answer) throws Exception {
    return json.readTree(answer.body());
  }

  private JsonNode post(StaffClient who, String id, String step, String body, int expected)
      throws Exception {
    HttpResponse<String> answer = who.api("POST", "/api/cases/" + id + "/" + step, body);
    assertThat(answer.statusCode()).as("%s %s: %s", step, id, answer.body()).isEqualTo(expected);
    return body(answer);
  }

  @Test
  void shouldWalkACaseThroughEveryStepWithTheTimelineAndTheAuditLog() throws Exception {
    String id = submitted("s-001", Category.OTHER, "新华路的公交站没有遮雨棚，下雨天老人只能淋雨等车。", "13812341234");

    JsonNode registered =
        post(
            manager,
            id,
            "register",
            "{\"category\":\"TRANSPORT\",\"summary\":\"新华路公交站缺遮雨棚\"}",
            200);
    assertThat(registered.path("summary").path("status").asText()).isEqualTo("REGISTERED");
    assertThat(registered.path("summary").path("category").asText()).isEqualTo("TRANSPORT");
    assertThat(registered.path("summary").path("maskedPhone").asText()).isEqualTo("138****1234");
    assertThat(registered.toString()).doesNotContain("13812341234", "王小明");

    JsonNode forwarded = post(manager, id, "forward", "{\"departmentId\":\"dep-transport\"}", 200);
    LocalDate expected =
        WorkingDays.of(NationalHolidays.builtIn(), List.of())
            .after(LocalDate.now(liaison.hub.config.TimeFactory.ZONE), 15);
    assertThat(forwarded.path("summary").path("deadline").asText())
        .as("15 working days by default, by the national calendar")
        .isEqualTo(expected.toString());
    assertThat(forwarded.path("summary").path("departmentName").asText()).isEqualTo("县交通运输局");
    assertThat(forwarded.path("allowedSteps"))
        .extracting(JsonNode::asText)
        .contains("department-reply")
        .doesNotContain("answer");

    post(manager, id, "department-reply", "{\"text\":\"已安排在新华路站加装遮雨棚，月底前完成。\"}", 200);
    JsonNode answered = post(manager, id, "answer", "{\"text\":\"县交通运输局将于月底前在新华路站加装遮雨棚。\"}", 200);
    assertThat(answered.path("answer").asText()).contains("遮雨棚");
    JsonNode suggested = post(manager, id, "suggestion", "{\"deputyId\":\"d-0005\"}", 200);
    assertThat(suggested.path("summary").path("suggestion").asBoolean()).isTrue();
    assertThat(suggested.path("suggestionDeputyId").asText()).isEqualTo("d-0005");
    JsonNode closed = post(manager, id, "close", "{\"text\":\"电话回访，群众满意\"}", 200);

    assertThat(closed.path("summary").path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("closedAt").asText()).isNotEmpty();
    List<String> actions = closed.path("timeline").findValuesAsText("action");
    assertThat(actions)
        .containsExactly(
            "submit",
            "registered",
            "forwarded",
            "department_replied",
            "answered",
            "suggestion",
            "closed");
    assertThat(closed.path("timeline").findValuesAsText("actor"))
        .containsExactly(
            "resident",
            "chengguan",
            "chengguan",
            "chengguan",
            "chengguan",
            "chengguan",
            "chengguan");
    assertThat(closed.path("timeline").get(2).path("note").asText())
        .contains("县交通运输局", expected.toString(), "不转交联系方式");
    assertThat(hub.bean(AuditLog.class).latest(100, "case"))
        .filteredOn(e -> e.entityId().equals(id))
        .extracting(AuditLog.Entry::action)
        .containsExactlyInAnyOrder(
            "registered", "forwarded", "department_replied", "answered", "suggestion", "closed");
  }

  @Test
  void shouldRefuseAnIllegalStepWith409InBothLanguagesAndChangeNothing() throws Exception {
    String id = submitted("s-001", Category.OTHER, "小区门口垃圾桶太少。", null);
    JsonNode before = body(manager.api("GET", "/api/cases/" + id, null));

    HttpResponse<String> answer =
        manager.api("POST", "/api/cases/" + id + "/answer", "{\"text\":\"已处理\"}");

    assertThat(answer.statusCode()).isEqualTo(409);
    JsonNode problem = body(answer);
    assertThat(problem.path("message").asText()).contains("当前为「已提交」", "不能改为「已答复」");
    assertThat(problem.path("messageEn").asText())
        .contains("is Submitted and cannot become Answered");
    JsonNode after = body(manager.api("GET", "/api/cases/" + id, null));
    assertThat(after).isEqualTo(before);
    assertThat(post(manager, id, "close", "{}", 409).path("messageEn").asText())
        .contains("cannot become Closed");
    assertThat(
            post(manager, id, "department-reply", "{\"text\":\"x\"}", 409).path("message").asText())
        .contains("不能改为");
  }

  @Test
  void shouldAnswerBadFieldsWith422PerFieldAndSaveNothing() throws Exception {
    String id = submitted("s-001", Category.OTHER, "路面有坑。", null);

    JsonNode problem =
        post(manager, id, "register", "{\"category\":\"NOPE\",\"summary\":\"  \"}", 422);

    assertThat(problem.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("category", "summary");
    assertThat(problem.path("errors").findValuesAsText("messageEn")).contains("Choose a category");
    post(manager, id, "register", "{\"category\":\"TRANSPORT\",\"summary\":\"路面坑洼\"}", 200);
    JsonNode badForward =
        post(
            manager,
            id,
            "forward",
            "{\"departmentId\":\"dep-none\",\"deadline\":\"2020-01-01\"}",
            422);
    assertThat(badForward.path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("departmentId", "deadline");
    assertThat(
            body(manager.api("GET", "/api/cases/" + id, null))
                .path("summary")
                .path("status")
                .asText())
        .isEqualTo("REGISTERED");
  }

  @Test
  void shouldCloseALegalMatterWithGuidanceAndNeverForwardIt() throws Exception {
    String id = submitted("s-001", Category.LEGAL, "劳动仲裁裁决后公司不给钱。", null);
    post(manager, id, "register", "{\"category\":\"LEGAL\",\"summary\":\"劳动仲裁裁决未履行\"}", 200);
    assertThat(body(manager.api("GET", "/api/cases/" + id, null)).path("allowedSteps"))
        .extracting(JsonNode::asText)
        .doesNotContain("forward");

    JsonNode refused = post(manager, id, "forward", "{\"departmentId\":\"dep-transport\"}", 409);
    assertThat(refused.path("message").asText()).contains("涉法涉诉");

    JsonNode closed = post(manager, id, "guidance", "{\"text\":\"可向县人民法院申请强制执行。\"}", 200);
    assertThat(closed.path("summary").path("status").asText()).isEqualTo("CLOSED_WITH_GUIDANCE");
    assertThat(closed.path("guidance").asText()).contains("强制执行");
  }

  @Test
  void shouldMergeADuplicateIntoAnOpenCaseAndSayItInBothTimelines() throws Exception {
    String first = submitted("s-001", Category.OTHER, "东门路路灯不亮。", null);
    String second = submitted("s-003", Category.OTHER, "东门路晚上没有路灯。", null);
    String code =
        body(manager.api("GET", "/api/cases/" + first, null))
            .path("summary")
            .path("trackingCode")
            .asText();

    JsonNode merged =
        post(manager, second, "merge", "{\"into\":\"" + code.toLowerCase() + "\"}", 200);

    assertThat(merged.path("summary").path("status").asText()).isEqualTo("MERGED");
    assertThat(merged.path("mergedInto").asText()).isEqualTo(first);
    assertThat(merged.path("timeline").get(1).path("note").asText()).contains(code);
    JsonNode target = body(manager.api("GET", "/api/cases/" + first, null));
    assertThat(target.path("timeline").findValuesAsText("action")).contains("merged-from");
    assertThat(
            post(manager, first, "merge", "{\"into\":\"" + second + "\"}", 422)
                .path("errors")
                .get(0)
                .path("messageEn")
                .asText())
        .contains("Only an open case");
    // baisha cannot see s-001: no merging into a case of another station's manager
    String theirs = submitted("s-002", Category.OTHER, "桃源村路灯也不亮。", null);
    post(otherManager, theirs, "merge", "{\"into\":\"" + first + "\"}", 422);
  }

  @Test
  void shouldKeepOtherStationsManagersOutAndDeputiesReadOnly() throws Exception {
    String id = submitted("s-001", Category.OTHER, "健身器材坏了。", "13600001111");

    assertThat(otherManager.api("GET", "/api/cases/" + id, null).statusCode()).isEqualTo(403);
    JsonNode refused =
        post(otherManager, id, "register", "{\"category\":\"OTHER\",\"summary\":\"x\"}", 403);
    assertThat(refused.path("message").asText()).isNotEmpty();
    assertThat(body(otherManager.api("GET", "/api/cases", null)).findValuesAsText("stationId"))
        .containsOnly("s-002");

    String toHer = submitted("s-001", "d-0001", Category.OTHER, "陈代表，小区健身器材坏了。", "13600002222");
    assertThat(deputy.api("GET", "/api/cases/" + id, null).statusCode())
        .as("陈秀兰 sits at s-001, but this opinion was not addressed to her")
        .isEqualTo(403);
    assertThat(deputy.api("GET", "/api/cases/" + toHer, null).statusCode())
        .as("addressed to her through her own QR link")
        .isEqualTo(200);
    assertThat(body(deputy.api("GET", "/api/cases", null)).findValuesAsText("id"))
        .contains(toHer)
        .doesNotContain(id, DemoCases.NEW_CASE);
    assertThat(
            post(deputy, toHer, "register", "{\"category\":\"OTHER\",\"summary\":\"x\"}", 403)
                .path("messageEn")
                .asText())
        .contains("only read");
    assertThat(deputy.api("GET", "/api/cases/" + toHer + "/contact", null).statusCode())
        .as("never a resident's contact")
        .isEqualTo(403);
    assertThat(admin.api("GET", "/api/cases/" + id, null).statusCode()).isEqualTo(200);
    assertThat(
            body(manager.api("GET", "/api/cases/" + id, null))
                .path("summary")
                .path("status")
                .asText())
        .isEqualTo("SUBMITTED");
  }

  @Test
  void shouldListTheInboxNewestFirstWithFiltersAndTheOverdueList() throws Exception {
    JsonNode open = body(manager.api("GET", "/api/cases?status=open", null));
    List<String> submittedAt = open.findValuesAsText("submittedAt");
    assertThat(submittedAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(open.findValuesAsText("stationId")).doesNotContain("s-002");
    JsonNode transport =
        body(manager.api("GET", "/api/cases?category=TRANSPORT&q=%E8%B7%AF%E7%81%AF", null));
    assertThat(transport.findValuesAsText("id")).contains(DemoCases.ESCALATED_CASE);

    JsonNode overdue = body(admin.api("GET", "/api/cases/overdue", null));
    assertThat(overdue.findValuesAsText("id")).contains(DemoCases.ESCALATED_CASE, "case-demo0005");
    JsonNode escalated =
        overdue.findParents("id").stream()
            .filter(n -> n.path("id").asText().equals(DemoCases.ESCALATED_CASE))
            .findFirst()
            .orElseThrow();
    assertThat(escalated.path("daysOverdue").asLong()).isEqualTo(6);
    assertThat(escalated.path("escalatedAt").asText()).isNotEmpty();
  }

  @Test
  void shouldExportTheLedgerWithoutContactDetails() throws Exception {
    String id =
        submitted("s-001", Category.OTHER, "=HYPERLINK(\"http://x\") 菜市场门口积水", "13912345678");
    post(manager, id, "register", "{\"category\":\"URBAN_RURAL\",\"summary\":\"菜市场门口积水\"}", 200);
    LocalDate today = LocalDate.now(liaison.hub.config.TimeFactory.ZONE);
    String period = "?from=" + today.minusDays(60) + "&to=" + today;

    HttpResponse<byte[]> csv = manager.download("/api/ledger.csv" + period);
    HttpResponse<byte[]> xlsx = admin.download("/api/ledger.xlsx" + period + "&station=s-001");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith("\uFEFF查询码,站点")
        .contains("菜市场门口积水", "'=HYPERLINK")
        .doesNotContain("13912345678", "王小明");
    assertThat(xlsx.statusCode()).isEqualTo(200);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      assertThat(book.getSheetName(0)).isEqualTo("台账");
      assertThat(book.getSheetName(1)).isEqualTo("办理过程");
    }
    assertThat(otherManager.download("/api/ledger.csv" + period + "&station=s-001").statusCode())
        .isEqualTo(403);
    HttpResponse<byte[]> bad = manager.download("/api/ledger.csv?from=2026-13-01");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(json.readTree(bad.body()).path("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrder("from", "to");
  }

  @Test
  void shouldLetOnlyCountyAdminsAddDepartments() throws Exception {
    assertThat(manager.api("POST", "/api/departments", "{\"name\":\"县水利局\"}").statusCode())
        .isEqualTo(403);
    HttpResponse<String> created =
        admin.api("POST", "/api/departments", "{\"name\":\"县水利局\",\"contact\":\"0771-5560707\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(admin.api("POST", "/api/departments", "{\"name\":\"县水利局\"}").statusCode())
        .isEqualTo(422);
    assertThat(body(manager.api("GET", "/api/departments", null)).findValuesAsText("name"))
        .contains("县水利局", "县交通运输局");
  }

  @Test
  void shouldDescribeTheStepsInTheOpenApiDocument() {
    var document = hub.get("/openapi/openapi.yml");
    assertThat(document.body())
        .contains(
            "/api/cases/{id}/forward", "/api/cases/{id}/department-reply", "/api/ledger.xlsx");
  }

  @Test
  void shouldShowTheAdminInboxAndCasePageWithMaskedPhone() {
    StaffClient browser = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    var inbox = browser.get("/admin/cases");
    assertThat(inbox.statusCode()).isEqualTo(200);
    assertThat(inbox.body()).contains("138****1234", "意见办理").doesNotContain("13812341234");
    var page = browser.get("/admin/cases/" + DemoCases.NEW_CASE);
    assertThat(page.body())
        .contains("登记", "合并重复意见", "群众未同意将联系方式转给承办单位")
        .doesNotContain("13812341234");
    var full = browser.get("/admin/cases/" + DemoCases.NEW_CASE + "?contact=full");
    assertThat(full.body()).contains("13812341234");
    assertThat(hub.bean(AuditLog.class).latest(50, "case"))
        .extracting(AuditLog.Entry::action)
        .contains("view-contact");
    StaffClient deputyBrowser = StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD);
    assertThat(deputyBrowser.get("/admin/cases/" + DemoCases.NEW_CASE).statusCode())
        .as("not addressed to 陈秀兰")
        .isEqualTo(403);
    String toHer = submitted("s-001", "d-0001", Category.TRANSPORT, "陈代表，路口的红绿灯太短。", "13812345678");
    var readOnly = deputyBrowser.get("/admin/cases/" + toHer + "?contact=full");
    assertThat(readOnly.statusCode()).isEqualTo(200);
    assertThat(readOnly.body())
        .contains("路口的红绿灯太短")
        .doesNotContain("13812345678", "id=\"register\"");
    String csrf = browser.csrf();
    var answer =
        browser.submit(
            "/admin/cases/" + DemoCases.NEW_CASE + "/register",
            csrf,
            List.of(Map.entry("category", "TRANSPORT"), Map.entry("summary", "")));
    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body()).contains("请填写摘要");
  }
}
