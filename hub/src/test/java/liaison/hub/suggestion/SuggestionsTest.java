package liaison.hub.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.audit.AuditLog;
import liaison.hub.calendar.WorkingCalendar;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * A deputy's suggestion the whole way, over real HTTP on a hub with the demo county, on SQLite and
 * on PostgreSQL: 陈秀兰 makes it, the county forwards it to 县交通运输局 (主办) and 县住房和城乡建设局 (协办), each
 * replies with a promise, she rates one 不满意, the county forwards it again, the department replies
 * anew, she rates it 满意 and the suggestion closes. The promises are reviewed and kept; the
 * department is reminded of a review once. Another deputy and another department find nothing.
 */
@OnBothStores
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestionsTest {
  @Parameter TestDatabases.Store store;

  private RunningHub hub;
  private StaffClient admin;
  private StaffClient deputy;
  private StaffClient otherDeputy;
  private StaffClient transport;
  private StaffClient housing;
  private StaffClient manager;
  private final ObjectMapper json = new ObjectMapper();

  // Once per store: @BeforeAll would start one hub before the store is known, for both runs.
  @BeforeParameterizedClassInvocation
  void start(TestDatabases.Store store, @TempDir Path dir) {
    hub = RunningHub.start(dir, store, Map.of());
    // 刘桂芳 (d-0006) gets an account of her own, to be the other deputy.
    hub.addSecondDeputyAccount();
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    deputy = StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD);
    otherDeputy = StaffClient.basic(hub, "liugf", DemoCounty.PASSWORD);
    transport = StaffClient.basic(hub, "jiaotong", DemoCounty.PASSWORD);
    housing = StaffClient.basic(hub, "zhujian", DemoCounty.PASSWORD);
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void shouldTakeASuggestionFromTheDeputyThroughTwoDepartmentsAndAnotherRoundToClosed()
      throws Exception {
    // Refused whole: nothing saved.
    int before = ids(deputy, "/api/suggestions").size();
    HttpResponse<String> refused =
        deputy.api(
            "POST", "/api/suggestions", "{\"title\":\" \",\"body\":\"\",\"category\":\"X\"}");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(refused)).containsKeys("title", "body", "category");
    assertThat(refused.body()).contains("请填写建议标题", "Give the suggestion a title");
    assertThat(ids(deputy, "/api/suggestions")).hasSize(before);

    String id = made("关于在城关镇中学门口增设公交站台的建议");
    assertThat(status(id)).isEqualTo("SUBMITTED");

    // 交办: a lead and a co-handling department, due in 60 working days; each is e-mailed.
    assertThat(
            admin
                .api("POST", "/api/suggestions/" + id + "/forward", "{\"lead\":\"\"}")
                .statusCode())
        .isEqualTo(422);
    assertThat(status(id)).as("a refused forward changes nothing").isEqualTo("SUBMITTED");
    body(
        admin.api(
            "POST",
            "/api/suggestions/" + id + "/forward",
            "{\"lead\":\"dep-transport\",\"co\":[\"dep-housing\"],\"workingDays\":60}"),
        200);
    assertThat(status(id)).isEqualTo("FORWARDED");
    LocalDate today = LocalDate.now(Sql.ZONE);
    LocalDate due = hub.bean(WorkingCalendar.class).after(DemoCounty.COUNTY, today, 60);
    JsonNode forwarded = body(deputy.api("GET", "/api/suggestions/" + id, null), 200);
    assertThat(forwarded.path("forwardings"))
        .extracting(f -> f.path("departmentId").asText() + "/" + f.path("lead").asBoolean())
        .containsExactly("dep-transport/true", "dep-housing/false");
    assertThat(forwarded.path("forwardings").get(0).path("deadline").asText())
        .isEqualTo(due.toString());
    assertThat(mails("suggestion-forwarded", id))
        .containsExactlyInAnyOrder("jiaotong@example.cn", "zhujian@example.cn");
    assertThat(deputy.api("POST", "/api/suggestions/" + id + "/withdraw", "{}").statusCode())
        .as("too late to withdraw")
        .isEqualTo(409);

    // Nothing to rate before a reply.
    assertThat(rate(id, "dep-transport", "SATISFIED").statusCode()).isEqualTo(409);

    // Each department replies with a promise; the suggestion is REPLIED once both have.
    String promise = "{\"text\":\"今年年底前在中学门口增设公交站台\",\"due\":\"" + today.plusMonths(6) + "\"}";
    body(
        transport.api(
            "POST",
            "/api/suggestions/" + id + "/reply",
            "{\"text\":\"已纳入今年公交站点规划。\",\"promises\":[" + promise + "]}"),
        200);
    assertThat(status(id)).isEqualTo("FORWARDED");
    assertThat(
            transport
                .api("POST", "/api/suggestions/" + id + "/reply", "{\"text\":\"再说一遍\"}")
                .statusCode())
        .as("replied already")
        .isEqualTo(409);
    HttpResponse<String> badPromise =
        housing.api(
            "POST",
            "/api/suggestions/" + id + "/reply",
            "{\"text\":\"配合建设。\",\"promises\":[{\"text\":\"修人行道\",\"due\":\"2001-01-01\"}]}");
    assertThat(badPromise.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(badPromise)).containsKey("promises[0].due");
    body(
        housing.api(
            "POST",
            "/api/suggestions/" + id + "/reply",
            "{\"text\":\"配合建设站台周边人行道。\",\"promises\":[{\"text\":\"同步修建人行道\",\"due\":\""
                + today.plusMonths(7)
                + "\"}]}"),
        200);
    assertThat(status(id)).isEqualTo("REPLIED");

    // 不满意 for the lead department, 满意 for the other: still open.
    body(rate(id, "dep-transport", "DISSATISFIED"), 200);
    body(rate(id, "dep-housing", "SATISFIED"), 200);
    assertThat(status(id)).isEqualTo("REPLIED");
    assertThat(rate(id, "dep-housing", "SATISFIED").statusCode())
        .as("rated already")
        .isEqualTo(409);

    // 再交办: only the department rated 不满意.
    assertThat(
            admin
                .api(
                    "POST",
                    "/api/suggestions/" + id + "/forward-again",
                    "{\"department\":\"dep-housing\"}")
                .statusCode())
        .isEqualTo(409);
    body(
        admin.api(
            "POST",
            "/api/suggestions/" + id + "/forward-again",
            "{\"department\":\"dep-transport\",\"workingDays\":20}"),
        200);
    assertThat(status(id)).isEqualTo("FORWARDED");
    assertThat(mails("suggestion-forwarded", id))
        .filteredOn("jiaotong@example.cn"::equals)
        .hasSize(2);
    body(
        transport.api("POST", "/api/suggestions/" + id + "/reply", "{\"text\":\"站台选址已确定，下月开工。\"}"),
        200);
    assertThat(status(id)).isEqualTo("REPLIED");
    body(rate(id, "dep-transport", "SATISFIED"), 200);
    assertThat(status(id)).isEqualTo("CLOSED");

    JsonNode closed = body(deputy.api("GET", "/api/suggestions/" + id, null), 200);
    assertThat(closed.path("forwardings"))
        .extracting(
            f ->
                f.path("departmentId").asText()
                    + "#"
                    + f.path("round").asInt()
                    + "="
                    + f.path("rating").asText())
        .containsExactlyInAnyOrder(
            "dep-transport#1=DISSATISFIED", "dep-housing#1=SATISFIED", "dep-transport#2=SATISFIED");
    assertThat(closed.path("promises")).hasSize(2);
    assertThat(
            hub.bean(AuditLog.class).latest(500, "suggestion").stream()
                .filter(e -> e.entityId().equals(id))
                .map(AuditLog.Entry::action)
                .distinct()
                .toList())
        .containsExactlyInAnyOrder(
            "suggestion-made",
            "suggestion-forwarded",
            "suggestion-replied",
            "suggestion-rated",
            "suggestion-forwarded-again");
  }

  @Test
  void shouldReviewAPromiseRemindItsDepartmentOnceAndMarkItKept() throws Exception {
    String id = made("关于延长城关镇图书馆开放时间的建议");
    forward(id, "dep-transport");
    LocalDate today = LocalDate.now(Sql.ZONE);
    body(
        transport.api(
            "POST",
            "/api/suggestions/" + id + "/reply",
            "{\"text\":\"同意。\",\"promises\":[{\"text\":\"周末开放至晚八点\",\"due\":\""
                + today.plusMonths(2)
                + "\"}]}"),
        200);
    String promise = promiseOf(id);
    assertThat(state(promise)).isEqualTo("PENDING");

    // The review date, then three months apart; a date in the past is refused.
    assertThat(
            admin
                .api(
                    "POST",
                    "/api/suggestions/promises/" + promise + "/review-date",
                    "{\"on\":\"" + today.minusDays(1) + "\"}")
                .statusCode())
        .isEqualTo(422);
    LocalDate reviewOn = today.plusDays(10);
    JsonNode scheduled =
        body(
            admin.api(
                "POST",
                "/api/suggestions/promises/" + promise + "/review-date",
                "{\"on\":\"" + reviewOn + "\",\"everyMonths\":3}"),
            200);
    assertThat(scheduled.path("nextReviewOn").asText()).isEqualTo(reviewOn.toString());

    // The department is reminded a few working days before, once however often the job runs.
    Clock dayBefore =
        Clock.fixed(
            ZonedDateTime.of(reviewOn.minusDays(1), LocalTime.of(9, 0), Sql.ZONE).toInstant(),
            Sql.ZONE);
    PromiseReviews reviews =
        new PromiseReviews(
            hub.bean(Database.class),
            hub.bean(SuggestionRepository.class),
            hub.bean(SuggestionMail.class),
            hub.bean(WorkingCalendar.class),
            dayBefore);
    Clock monthBefore =
        Clock.fixed(
            ZonedDateTime.of(reviewOn.minusDays(20), LocalTime.of(9, 0), Sql.ZONE).toInstant(),
            Sql.ZONE);
    assertThat(
            new PromiseReviews(
                    hub.bean(Database.class),
                    hub.bean(SuggestionRepository.class),
                    hub.bean(SuggestionMail.class),
                    hub.bean(WorkingCalendar.class),
                    monthBefore)
                .remindDue())
        .as("too early")
        .isZero();
    assertThat(reviews.remindDue()).isEqualTo(1);
    assertThat(reviews.remindDue()).as("once").isZero();
    assertThat(mails("promise-review", id)).containsExactly("jiaotong@example.cn");

    // 回头看: the finding is kept, the next review three months on.
    assertThat(
            admin
                .api(
                    "POST",
                    "/api/suggestions/promises/" + promise + "/review",
                    "{\"finding\":\"\"}")
                .statusCode())
        .isEqualTo(422);
    JsonNode reviewed =
        body(
            admin.api(
                "POST",
                "/api/suggestions/promises/" + promise + "/review",
                "{\"finding\":\"已制定周末延时开放方案，尚未实施。\"}"),
            200);
    assertThat(reviewed.path("reviews")).hasSize(1);
    assertThat(reviewed.path("reviews").get(0).path("finding").asText()).contains("尚未实施");
    assertThat(reviewed.path("nextReviewOn").asText()).isEqualTo(today.plusMonths(3).toString());

    // Overdue once its day has passed unkept (moved back by hand: the API takes no past day).
    hub.bean(Database.class)
        .useHandle(
            h ->
                h.execute(
                    "UPDATE suggestion_promise SET due_on = ? WHERE id = ?",
                    today.minusDays(1).toString(),
                    promise));
    assertThat(state(promise)).isEqualTo("OVERDUE");
    assertThat(ids(admin, "/api/suggestions/promises?state=overdue")).contains(promise);

    JsonNode kept =
        body(
            admin.api(
                "POST",
                "/api/suggestions/promises/" + promise + "/kept",
                "{\"note\":\"自本月起周末开放至晚八点。\"}"),
            200);
    assertThat(kept.path("state").asText()).isEqualTo("KEPT");
    assertThat(kept.hasNonNull("nextReviewOn")).as("no more reviews").isFalse();
    assertThat(
            admin
                .api("POST", "/api/suggestions/promises/" + promise + "/kept", "{\"note\":\"再次\"}")
                .statusCode())
        .isEqualTo(409);
    assertThat(ids(admin, "/api/suggestions/promises?state=kept")).contains(promise);

    HttpResponse<byte[]> csv =
        StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD)
            .download("/admin/suggestions/promises/ledger.csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    byte[] bytes = csv.body();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]})
        .as("UTF-8 BOM")
        .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("承诺事项", "周末开放至晚八点", "已兑现", "自本月起周末开放至晚八点");
  }

  @Test
  void shouldShowASuggestionOnlyToItsDeputyTheCountyAndTheDepartmentsItWentTo() throws Exception {
    String id = made("关于整治城关镇农贸市场周边交通秩序的建议");
    assertThat(otherDeputy.api("GET", "/api/suggestions/" + id, null).statusCode())
        .as("another deputy")
        .isEqualTo(404);
    assertThat(ids(otherDeputy, "/api/suggestions")).doesNotContain(id);
    assertThat(otherDeputy.api("POST", "/api/suggestions/" + id + "/withdraw", "{}").statusCode())
        .isEqualTo(404);
    assertThat(transport.api("GET", "/api/suggestions/" + id, null).statusCode())
        .as("not forwarded yet")
        .isEqualTo(404);
    assertThat(manager.api("GET", "/api/suggestions", null).statusCode())
        .as("a station manager has no list")
        .isEqualTo(403);
    assertThat(
            deputy
                .api("POST", "/api/suggestions/" + id + "/forward", "{\"lead\":\"dep-transport\"}")
                .statusCode())
        .as("a deputy does not forward")
        .isEqualTo(403);

    forward(id, "dep-transport");
    assertThat(
            body(transport.api("GET", "/api/suggestions/" + id, null), 200).path("body").asText())
        .contains("农贸市场");
    assertThat(ids(transport, "/api/suggestions")).contains(id);
    assertThat(housing.api("GET", "/api/suggestions/" + id, null).statusCode())
        .as("another department")
        .isEqualTo(404);
    assertThat(ids(housing, "/api/suggestions")).doesNotContain(id);
    assertThat(
            housing
                .api("POST", "/api/suggestions/" + id + "/reply", "{\"text\":\"不是我们的\"}")
                .statusCode())
        .isEqualTo(404);
    StaffClient housingPages = StaffClient.loggedIn(hub, "zhujian", DemoCounty.PASSWORD);
    assertThat(housingPages.get("/dept/suggestions/" + id).statusCode()).isEqualTo(404);
    StaffClient otherPages = StaffClient.loggedIn(hub, "liugf", DemoCounty.PASSWORD);
    assertThat(otherPages.get("/me/suggestions/" + id).statusCode()).isEqualTo(404);
    assertThat(
            StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD)
                .get("/me/suggestions/" + id)
                .body())
        .contains("农贸市场", "县交通运输局");
  }

  @Test
  void shouldLetTheDeputyWithdrawBeforeTheForwardAndTheCountyRegisterOneForADeputy()
      throws Exception {
    String id = made("关于增加社区养老服务点的建议");
    body(deputy.api("POST", "/api/suggestions/" + id + "/withdraw", "{}"), 200);
    assertThat(status(id)).isEqualTo("WITHDRAWN");
    assertThat(
            admin
                .api("POST", "/api/suggestions/" + id + "/forward", "{\"lead\":\"dep-transport\"}")
                .statusCode())
        .isEqualTo(409);

    HttpResponse<String> noDeputy =
        admin.api("POST", "/api/suggestions", "{\"title\":\"会上建议\",\"body\":\"在人代会上提出。\"}");
    assertThat(noDeputy.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(noDeputy)).containsKey("deputyId");
    JsonNode registered =
        body(
            admin.api(
                "POST",
                "/api/suggestions",
                "{\"deputyId\":\"d-0001\",\"title\":\"关于加强农村饮水安全的建议\",\"body\":\"在人代会上提出。\",\"category\":\"ENVIRONMENT\"}"),
            201);
    assertThat(ids(deputy, "/api/suggestions")).contains(registered.path("id").asText());
    assertThat(registered.path("categoryZh").asText()).isEqualTo("生态环境");
  }

  // ---- helpers ----

  private String made(String title) throws Exception {
    JsonNode made =
        body(
            deputy.api(
                "POST",
                "/api/suggestions",
                "{\"title\":\""
                    + title
                    + "\",\"body\":\""
                    + title
                    + "：具体内容。\",\"category\":\"TRANSPORT\"}"),
            201);
    return made.path("id").asText();
  }

  private void forward(String id, String department) throws Exception {
    body(
        admin.api(
            "POST", "/api/suggestions/" + id + "/forward", "{\"lead\":\"" + department + "\"}"),
        200);
  }

  private HttpResponse<String> rate(String id, String department, String rating) {
    return deputy.api(
        "POST",
        "/api/suggestions/" + id + "/rate",
        "{\"department\":\"" + department + "\",\"rating\":\"" + rating + "\",\"comment\":\"\"}");
  }

  private String status(String id) throws Exception {
    return body(admin.api("GET", "/api/suggestions/" + id, null), 200)
        .path("suggestion")
        .path("status")
        .asText();
  }

  private String promiseOf(String id) throws Exception {
    return body(admin.api("GET", "/api/suggestions/" + id, null), 200)
        .path("promises")
        .get(0)
        .path("id")
        .asText();
  }

  private String state(String promise) throws Exception {
    for (JsonNode p : body(admin.api("GET", "/api/suggestions/promises?state=all", null), 200)) {
      if (p.path("id").asText().equals(promise)) {
        return p.path("state").asText();
      }
    }
    throw new AssertionError("no promise " + promise);
  }

  /**
   * The recipients of the outbox's messages of a kind about a suggestion (its link in the text).
   */
  private List<String> mails(String kind, String id) {
    return hub.bean(Database.class)
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT recipient FROM notification WHERE kind = :kind AND body LIKE :link"
                            + " ORDER BY created_at")
                    .bind("kind", kind)
                    .bind("link", "%/dept/suggestions/" + id + "%")
                    .mapTo(String.class)
                    .list());
  }

  private List<String> ids(StaffClient who, String path) throws Exception {
    List<String> ids = new ArrayList<>();
    body(who.api("GET", path, null), 200).forEach(n -> ids.add(n.path("id").asText()));
    return ids;
  }

  private JsonNode body(HttpResponse<String> answer, int status) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return json.readTree(answer.body());
  }
}
