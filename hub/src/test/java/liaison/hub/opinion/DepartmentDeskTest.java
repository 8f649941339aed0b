package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A department answers for itself (承办单位), over real HTTP on a hub with the demo county, on SQLite
 * and on PostgreSQL: the county forwards, the department reads its inbox and the case (the contact
 * only when the resident allowed it), replies with files, asks for a later deadline which the
 * county decides on, and hands a case back; another department never sees it. Every step is a line
 * of the timeline and of the audit log with the department's account as actor.
 */
@OnBothStores
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentDeskTest {
  @Parameter TestDatabases.Store store;

  private RunningHub hub;
  private StaffClient admin;
  private StaffClient manager;
  private StaffClient transport;
  private StaffClient housing;
  private StaffClient transportPages;
  private final ObjectMapper json = new ObjectMapper();

  // Once per store: @BeforeAll would start one hub before the store is known, for both runs.
  @BeforeParameterizedClassInvocation
  void start(TestDatabases.Store store, @TempDir Path dir) {
    hub = RunningHub.start(dir, store, Map.of());
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
    transport = StaffClient.basic(hub, "jiaotong", DemoCounty.PASSWORD);
    housing = StaffClient.basic(hub, "zhujian", DemoCounty.PASSWORD);
    transportPages = StaffClient.loggedIn(hub, "jiaotong", DemoCounty.PASSWORD);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void shouldReplyWithFilesAfterARefusedFileAndKeepReadingTheCaseAfterwards() throws Exception {
    String id = forwarded("红绿灯路口的人行道灯坏了。", "13812341234", true, "dep-transport");

    JsonNode waiting = body(transport.api("GET", "/api/dept/cases", null), 200);
    assertThat(ids(waiting)).contains(id);
    JsonNode mine = body(transport.api("GET", "/api/dept/cases/" + id, null), 200);
    assertThat(mine.path("withUs").asBoolean()).isTrue();
    assertThat(mine.path("workingDaysLeft").asInt()).isPositive();
    assertThat(mine.toString()).as("no contact in the API").doesNotContain("13812341234");
    assertThat(housing.api("GET", "/api/dept/cases/" + id, null).statusCode())
        .as("another department")
        .isEqualTo(404);
    assertThat(ids(body(housing.api("GET", "/api/dept/cases?tab=all", null), 200)))
        .doesNotContain(id);

    // The page: the contact only when asked for (the resident allowed it), and then audited.
    String page = transportPages.get("/dept/cases/" + id).body();
    assertThat(page).contains("红绿灯路口的人行道灯坏了", "查看联系方式").doesNotContain("13812341234");
    assertThat(transportPages.get("/dept/cases/" + id + "?contact=full").body())
        .contains("13812341234");
    assertThat(audit("view-contact", id)).isTrue();

    // A file that calls itself a PDF but is not one: refused, nothing saved.
    String csrf = transportPages.csrf("/dept");
    HttpResponse<String> refused =
        transportPages.multipart(
            "/dept/cases/" + id + "/reply",
            csrf,
            Map.of("text", "已修复。"),
            List.of(
                new StaffClient.FilePart(
                    "file1",
                    "回复函.pdf",
                    "application/pdf",
                    "不是 PDF".getBytes(StandardCharsets.UTF_8))));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(refused.body()).contains("回复函.pdf");
    assertThat(status(id)).isEqualTo(CaseStatus.FORWARDED);
    assertThat(hub.bean(ReplyFiles.class).of(id)).isEmpty();

    byte[] pdf = pdf();
    HttpResponse<String> replied =
        transportPages.multipart(
            "/dept/cases/" + id + "/reply",
            csrf,
            Map.of("text", "已更换路口信号灯，人行绿灯延长至30秒。"),
            List.of(
                new StaffClient.FilePart("file1", "现场照片.png", "image/png", png(Color.ORANGE)),
                new StaffClient.FilePart("file2", "回复函.pdf", "application/pdf", pdf),
                new StaffClient.FilePart("file3", "", "application/octet-stream", new byte[0])));
    assertThat(replied.statusCode()).as(replied.body()).isEqualTo(303);
    assertThat(replied.headers().firstValue("Location"))
        .hasValue("/dept/cases/" + id + "?done=reply");

    OpinionCase c = hub.bean(CaseRepository.class).find(id).orElseThrow();
    assertThat(c.status()).isEqualTo(CaseStatus.DEPARTMENT_REPLIED);
    assertThat(c.departmentReply()).isEqualTo("已更换路口信号灯，人行绿灯延长至30秒。");
    List<ReplyFiles.Attachment> files = hub.bean(ReplyFiles.class).of(id);
    assertThat(files)
        .extracting(ReplyFiles.Attachment::fileName, ReplyFiles.Attachment::kind)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("现场照片.png", ReplyFiles.Kind.IMAGE),
            org.assertj.core.groups.Tuple.tuple("回复函.pdf", ReplyFiles.Kind.PDF));
    assertThat(lastStep(id).actor()).isEqualTo("jiaotong");
    assertThat(audit("department-reply", id)).isTrue();

    // Staff see the reply and download the PDF as it was sent; so does the department.
    ReplyFiles.Attachment letter =
        files.stream().filter(f -> f.kind() == ReplyFiles.Kind.PDF).findFirst().orElseThrow();
    StaffClient staffPages = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    assertThat(staffPages.get("/admin/cases/" + id).body()).contains("回复函.pdf", "现场照片.png");
    HttpResponse<byte[]> download =
        staffPages.download("/admin/cases/" + id + "/files/" + letter.file());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    assertThat(download.body()).isEqualTo(pdf);
    assertThat(transportPages.download("/dept/cases/" + id + "/files/" + letter.file()).body())
        .isEqualTo(pdf);

    // Replied: no second step, but the department still reads what it handled.
    assertThat(
            transport
                .api("POST", "/api/dept/cases/" + id + "/reply", "{\"text\":\"再说一遍\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(ids(body(transport.api("GET", "/api/dept/cases?tab=replied", null), 200)))
        .contains(id);
    assertThat(ids(body(transport.api("GET", "/api/dept/cases", null), 200))).doesNotContain(id);
    assertThat(transportPages.get("/dept/cases/" + id + "?contact=full").body())
        .as("no contact once the case has left the department")
        .doesNotContain("13812341234");

    // The station answers the resident as before.
    body(admin.api("POST", "/api/cases/" + id + "/answer", "{\"text\":\"信号灯已更换。\"}"), 200);
    assertThat(status(id)).isEqualTo(CaseStatus.ANSWERED);
  }

  @Test
  void shouldHideTheContactWhenTheResidentDidNotAllowIt() {
    String id = forwarded("桥头的路面塌了一块。", "13900001111", false, "dep-transport");
    String page = transportPages.get("/dept/cases/" + id + "?contact=full").body();
    assertThat(page).contains("桥头的路面塌了一块", "群众未同意").doesNotContain("13900001111");
    assertThat(audit("view-contact", id)).isFalse();
  }

  @Test
  void shouldLetTheCountyApproveOneExtensionAndLiftTheEscalation() throws Exception {
    String id = forwarded("公交站牌被撞歪了。", null, false, "dep-transport");
    LocalDate today = LocalDate.now(liaison.hub.db.Sql.ZONE);
    // Overdue and escalated (督办), as OverdueEscalation leaves it.
    hub.bean(Database.class)
        .useHandle(
            h ->
                h.execute(
                    "UPDATE opinion_case SET deadline = ?, escalated_at = ? WHERE id = ?",
                    today.minusDays(3).toString(),
                    liaison.hub.db.Sql.instant(OffsetDateTime.now()),
                    id));
    JsonNode late = body(transport.api("GET", "/api/dept/cases/" + id, null), 200);
    assertThat(late.path("daysOverdue").asLong()).isEqualTo(3);
    assertThat(late.path("escalated").asBoolean()).isTrue();

    LocalDate wanted = today.plusDays(10);
    HttpResponse<String> missing =
        transport.api(
            "POST", "/api/dept/cases/" + id + "/extension", "{\"deadline\":\"" + wanted + "\"}");
    assertThat(missing.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(missing)).containsKey("reason");
    String ask = "{\"deadline\":\"" + wanted + "\",\"reason\":\"需协调电力部门迁改线路\"}";
    JsonNode asked = body(transport.api("POST", "/api/dept/cases/" + id + "/extension", ask), 200);
    assertThat(asked.path("status").asText()).isEqualTo("PENDING");
    assertThat(transport.api("POST", "/api/dept/cases/" + id + "/extension", ask).statusCode())
        .as("one pending request per case")
        .isEqualTo(409);
    assertThat(ids(body(admin.api("GET", "/api/extensions", null), 200), "caseId")).contains(id);

    String decision = "/api/cases/" + id + "/extension-decision";
    assertThat(manager.api("POST", decision, "{\"approve\":true}").statusCode())
        .as("a station manager does not decide")
        .isEqualTo(403);
    HttpResponse<String> noNote = admin.api("POST", decision, "{\"approve\":false}");
    assertThat(noNote.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(noNote)).containsKey("note");
    JsonNode approved =
        body(admin.api("POST", decision, "{\"approve\":true,\"note\":\"同意\"}"), 200);
    assertThat(approved.path("status").asText()).isEqualTo("APPROVED");

    OpinionCase c = hub.bean(CaseRepository.class).find(id).orElseThrow();
    assertThat(c.deadline()).isEqualTo(wanted);
    assertThat(c.escalatedAt()).as("督办 lifted: the new deadline is to come").isNull();
    assertThat(hub.bean(CaseRepository.class).events(id))
        .extracting(CaseEvent::action)
        .contains("extension-asked", "extension-approved");
    assertThat(ids(body(admin.api("GET", "/api/extensions", null), 200), "caseId"))
        .doesNotContain(id);
    assertThat(admin.api("POST", decision, "{\"approve\":true}").statusCode())
        .as("nothing waits any more")
        .isEqualTo(409);
    JsonNode now = body(transport.api("GET", "/api/dept/cases/" + id, null), 200);
    assertThat(now.path("daysOverdue").asLong()).isZero();
    assertThat(audit("extension-asked", id)).isTrue();
    assertThat(audit("extension-approved", id)).isTrue();
    // The department is e-mailed the decision with the deadline that now holds.
    String told =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT body FROM notification WHERE case_id = :id"
                                + " AND kind = 'case-extended'")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    assertThat(told)
        .contains(
            "办理期限延至"
                + wanted.getYear()
                + "年"
                + wanted.getMonthValue()
                + "月"
                + wanted.getDayOfMonth()
                + "日");
  }

  @Test
  void shouldHandACaseBackWithoutTheResidentReadingWhy() throws Exception {
    String id = forwarded("小区楼下的污水井冒水。", "13700002222", true, "dep-transport");
    String reason = "污水管网不属于交通部门职责，应由住建部门办理";
    HttpResponse<String> empty =
        transport.api("POST", "/api/dept/cases/" + id + "/return", "{\"reason\":\" \"}");
    assertThat(empty.statusCode()).isEqualTo(422);
    body(
        transport.api(
            "POST", "/api/dept/cases/" + id + "/return", "{\"reason\":\"" + reason + "\"}"),
        200);
    assertThat(status(id)).isEqualTo(CaseStatus.RETURNED);
    assertThat(lastStep(id).actor()).isEqualTo("jiaotong");
    assertThat(audit("department-return", id)).isTrue();

    String code = hub.bean(CaseRepository.class).find(id).orElseThrow().trackingCode();
    String tracking = StaffClient.anonymous(hub).get("/t/" + code).body();
    assertThat(tracking).contains("正在重新交办").doesNotContain("住建部门", "职责");

    // The county forwards it to the right department; the first keeps reading it, nothing more.
    body(
        admin.api("POST", "/api/cases/" + id + "/forward", "{\"departmentId\":\"dep-housing\"}"),
        200);
    assertThat(ids(body(housing.api("GET", "/api/dept/cases", null), 200))).contains(id);
    assertThat(ids(body(transport.api("GET", "/api/dept/cases?tab=returned", null), 200)))
        .contains(id);
    assertThat(
            transport
                .api("POST", "/api/dept/cases/" + id + "/return", "{\"reason\":\"再退\"}")
                .statusCode())
        .isEqualTo(409);
    String page =
        StaffClient.loggedIn(hub, "zhujian", DemoCounty.PASSWORD).get("/dept/cases/" + id).body();
    assertThat(page)
        .as("another department's reasons are not on the new department's page")
        .doesNotContain(reason);
  }

  @Test
  void shouldKeepADepartmentAccountOnItsDesk() {
    assertThat(transportPages.get("/admin").headers().firstValue("Location")).hasValue("/dept");
    assertThat(transportPages.get("/admin/cases").statusCode()).isEqualTo(403);
    assertThat(transportPages.get("/admin/stations").statusCode()).isEqualTo(403);
    assertThat(transport.api("GET", "/api/cases", null).statusCode()).isEqualTo(403);
    assertThat(transport.api("GET", "/api/deputies", null).statusCode()).isEqualTo(403);
    assertThat(admin.api("GET", "/api/dept/cases", null).statusCode())
        .as("the desk is a department's")
        .isEqualTo(403);
    HttpResponse<String> login =
        StaffClient.anonymous(hub)
            .postForm(
                "/login",
                List.of(
                    Map.entry("username", "zhujian"), Map.entry("password", DemoCounty.PASSWORD)));
    assertThat(login.headers().firstValue("Location")).as("lands on its inbox").hasValue("/dept");
    HttpResponse<String> slip = StaffClient.anonymous(hub).get("/dept/cases/case-demo0004");
    assertThat(slip.headers().firstValue("Location"))
        .as("a slip's QR code: log in first, then back to the case")
        .hasValue("/login?next=%2Fdept%2Fcases%2Fcase-demo0004");
  }

  // ---- helpers ----

  /** A resident's case at s-001, registered and forwarded by the county to the department. */
  private String forwarded(String text, String phone, boolean toDepartment, String department) {
    CaseRepository repository = hub.bean(CaseRepository.class);
    OffsetDateTime now = OffsetDateTime.now().withNano(0);
    String id = liaison.hub.db.Ids.next("case");
    hub.bean(Database.class)
        .useTransaction(
            h -> {
              repository.insert(
                  h,
                  OpinionCase.submitted(
                      id,
                      TrackingCodes.next(),
                      "s-001",
                      null,
                      Category.TRANSPORT,
                      text,
                      now,
                      toDepartment));
              if (phone != null) {
                repository.insertContact(h, new CaseContact(id, "王小明", phone, now, false));
              }
            });
    try {
      body(
          admin.api(
              "POST",
              "/api/cases/" + id + "/register",
              "{\"category\":\"TRANSPORT\",\"summary\":\"" + text + "\"}"),
          200);
      body(
          admin.api(
              "POST", "/api/cases/" + id + "/forward", "{\"departmentId\":\"" + department + "\"}"),
          200);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  private JsonNode body(HttpResponse<String> answer, int expected) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expected);
    return json.readTree(answer.body());
  }

  private static List<String> ids(JsonNode list) {
    return ids(list, "id");
  }

  private static List<String> ids(JsonNode list, String field) {
    List<String> ids = new java.util.ArrayList<>();
    list.forEach(n -> ids.add(n.path(field).asText()));
    return ids;
  }

  private CaseStatus status(String id) {
    return hub.bean(CaseRepository.class).find(id).orElseThrow().status();
  }

  private CaseEvent lastStep(String id) {
    return hub.bean(CaseRepository.class).events(id).stream()
        .filter(e -> e.to() != null)
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** Whether the audit log holds this action on the case. */
  private boolean audit(String action, String caseId) {
    return hub.bean(AuditLog.class).latest(500, "case").stream()
        .anyMatch(e -> e.action().equals(action) && e.entityId().equals(caseId));
  }

  private static byte[] png(Color color) throws Exception {
    BufferedImage image = new BufferedImage(80, 60, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 80, 60);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  /** A small, complete PDF of one empty page, as a scanner's would start and end. */
  private static byte[] pdf() {
    String body =
        "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
            + "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
            + "trailer <</Root 1 0 R>>\n%%EOF\n";
    return body.getBytes(StandardCharsets.US_ASCII);
  }
}
