package liaison.hub.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCases;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The departments' e-mails and the outbox on a running hub with the demo county, its sender running
 * every second through the log-only channels: a forward e-mails the department with the link to its
 * page and nothing of the resident, the case page lists what was sent, a department's addresses are
 * checked, a department without one gets nothing and the case page says so, and a county
 * administrator finds a given-up message (warned on the home page) and sends it again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsTest {
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private StaffClient admin;
  private StaffClient manager;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub =
        RunningHub.start(
            dir, Map.of("hub.notify.send-every", "1s", "hub.public-url", "https://hub.example.cn"));
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private String one(String sql, Object... args) {
    return hub.bean(Database.class)
        .withHandle(
            h -> {
              var q = h.createQuery(sql);
              for (int i = 0; i < args.length; i++) {
                q.bind(i, args[i]);
              }
              return q.mapTo(String.class).one();
            });
  }

  @Test
  void shouldEmailTheDepartmentOnForwardAndShowItOnTheCasePage() throws Exception {
    String id = DemoCases.NEW_CASE;
    assertThat(
            manager
                .api(
                    "POST",
                    "/api/cases/" + id + "/register",
                    "{\"category\":\"TRANSPORT\",\"summary\":\"人民路口行人绿灯时间过短\"}")
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> forwarded =
        manager.api(
            "POST", "/api/cases/" + id + "/forward", "{\"departmentId\":\"dep-transport\"}");
    assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);

    await()
        .until(
            () ->
                one(
                    "SELECT status FROM notification WHERE case_id = ? AND kind = 'case-forwarded'",
                    id),
            "SENT"::equals);
    assertThat(
            one(
                "SELECT recipient || ' ' || reference || ' ' || subject FROM notification"
                    + " WHERE case_id = ? AND kind = 'case-forwarded'",
                id))
        .startsWith("jiaotong@example.cn log 【交办】")
        .endsWith("人民路口行人绿灯时间过短");
    assertThat(
            one("SELECT body FROM notification WHERE case_id = ? AND kind = 'case-forwarded'", id))
        .contains("县交通运输局：", "https://hub.example.cn/dept/cases/" + id, "请在截止日期前答复")
        .containsPattern("办理期限：\\d{4}年\\d{1,2}月\\d{1,2}日")
        .doesNotContain("13812341234", "绿灯只有15秒");

    StaffClient browser = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    String page = browser.get("/admin/cases/" + id).body();
    assertThat(page).contains("通知记录", "交办", "邮件 · jiaotong@example.cn", "已发送");
    StaffClient deputy = StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD);
    assertThat(deputy.get("/admin/cases/" + DemoCases.ESCALATED_CASE).body())
        .as("a deputy's account does not see the messages")
        .doesNotContain("jiaotong@example.cn");
  }

  @Test
  void shouldCheckADepartmentsAddressesAndSendNothingToOneWithout() throws Exception {
    HttpResponse<String> bad =
        admin.api(
            "PUT",
            "/api/departments/dep-civil",
            "{\"name\":\"县民政局\",\"contact\":\"0771-5560505\",\"email\":\"minzheng@example.cn, 办公室\"}");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(bad).get("email")).contains("不是有效的邮箱地址");
    HttpResponse<String> two =
        admin.api(
            "PUT",
            "/api/departments/dep-civil",
            "{\"name\":\"县民政局\",\"contact\":\"0771-5560505\",\"email\":\"minzheng@example.cn；ban@example.cn\"}");
    assertThat(two.statusCode()).as(two.body()).isEqualTo(200);
    assertThat(json.readTree(two.body()).path("email").asText())
        .isEqualTo("minzheng@example.cn, ban@example.cn");

    HttpResponse<String> none =
        admin.api(
            "PUT",
            "/api/departments/dep-civil",
            "{\"name\":\"县民政局\",\"contact\":\"0771-5560505\",\"email\":\"\"}");
    assertThat(none.statusCode()).isEqualTo(200);
    StaffClient browser = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    // The demo's case-demo0005 is with 县民政局.
    assertThat(browser.get("/admin/cases/case-demo0005").body()).contains("该承办单位未设置通知邮箱");
    assertThat(
            StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD)
                .get("/admin/departments")
                .body())
        .contains("未设置", "jiaotong@example.cn");
  }

  @Test
  void shouldLetTheCountyAdministratorFindAGivenUpMessageAndSendItAgain() throws Exception {
    Database database = hub.bean(Database.class);
    Outbox outbox = hub.bean(Outbox.class);
    database.useTransaction(
        h ->
            outbox.enqueue(
                h,
                Notification.email(
                        DemoCounty.COUNTY, "gone@example.cn", "case-overdue", "【已超期】测试", "正文")
                    .once("test:gone")));
    // As the sender leaves a message a mail server refused for good.
    database.useHandle(
        h ->
            h.execute(
                "UPDATE notification SET status = 'GIVEN_UP', attempts = 1,"
                    + " last_error = '550 mailbox unavailable' WHERE once_key = 'test:gone'"));
    String id = one("SELECT id FROM notification WHERE once_key = 'test:gone'");

    StaffClient browser = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    assertThat(browser.get("/admin").body())
        .contains("条通知发送失败", "/admin/notifications?state=GIVEN_UP");
    String list = browser.get("/admin/notifications?state=GIVEN_UP").body();
    assertThat(list)
        .contains("gone@example.cn", "超期提醒", "已放弃", "试了 1 次：550 mailbox unavailable", "重新发送");
    assertThat(StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD).get("/admin").body())
        .as("only an administrator is warned")
        .doesNotContain("条通知发送失败");

    JsonNode api =
        json.readTree(admin.api("GET", "/api/notifications?state=GIVEN_UP", null).body());
    assertThat(api.path("givenUp").asInt()).isEqualTo(1);
    assertThat(api.path("messages").findValuesAsText("recipient"))
        .containsExactly("gone@example.cn");
    assertThat(admin.api("GET", "/api/notifications?state=LOST", null).statusCode()).isEqualTo(400);
    assertThat(manager.api("GET", "/api/notifications", null).statusCode()).isEqualTo(403);

    HttpResponse<String> resent =
        browser.submit("/admin/notifications/" + id + "/resend", browser.csrf(), List.of());
    assertThat(resent.statusCode()).isEqualTo(303);
    await().until(() -> one("SELECT status FROM notification WHERE id = ?", id), "SENT"::equals);
    assertThat(hub.bean(AuditLog.class).latest(20, "notification"))
        .extracting(AuditLog.Entry::action)
        .contains("resend");
    assertThat(
            browser
                .submit("/admin/notifications/" + id + "/resend", browser.csrf(), List.of())
                .statusCode())
        .as("sent: nothing to send again")
        .isEqualTo(409);
  }
}
