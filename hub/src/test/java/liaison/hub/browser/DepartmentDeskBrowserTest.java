package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCases;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.Extensions;
import liaison.hub.opinion.ReplyFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * 县交通运输局 answers for itself on a phone (390×844) in a real Chromium: from its inbox it replies to
 * the escalated case with a PDF, asks for a later deadline on a second and hands a third back; the
 * county administrator then approves the extension on the case page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentDeskBrowserTest {
  private static final String SECOND = "case-demo0003";
  private static final String THIRD = DemoCases.NEW_CASE;

  private RunningHub hub;
  private Chromium chromium;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
    // The county forwards two more of the demo's cases to 县交通运输局.
    StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    assertThat(
            admin
                .api(
                    "POST",
                    "/api/cases/" + THIRD + "/register",
                    "{\"category\":\"TRANSPORT\",\"summary\":\"人民路口人行绿灯时间过短\"}")
                .statusCode())
        .isEqualTo(200);
    for (String id : new String[] {SECOND, THIRD}) {
      assertThat(
              admin
                  .api(
                      "POST",
                      "/api/cases/" + id + "/forward",
                      "{\"departmentId\":\"dep-transport\"}")
                  .statusCode())
          .isEqualTo(200);
    }
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  private void logIn(Page page, String user) {
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(user);
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    page.waitForURL(url -> !url.contains("/login"));
  }

  private static void submit(Page page, String form, String name) {
    page.locator("form#" + form)
        .getByRole(
            AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name))
        .click();
  }

  private static void open(Page page, String summary) {
    page.locator("li.case-item", new Page.LocatorOptions().setHasText(summary))
        .locator("a.code")
        .click();
  }

  @Test
  void shouldReplyAskForAnExtensionAndHandBackOnAPhone() {
    Page page = chromium.phone();
    logIn(page, "jiaotong");
    assertThat(page).hasURL(hub.url("/dept").toString());
    assertThat(page.locator("li.case-item")).hasCount(3);
    assertThat(page.locator("li.case-item").first()).containsText("逾期");
    assertThat(page.locator("li.case-item").first()).containsText("已督办");
    assertThat(page.getByText("剩余").first()).isVisible();
    Chromium.screenshot(page, "dept-inbox-phone");

    // The escalated case: a reply with the letter as a PDF.
    open(page, "东门路路灯");
    page.locator("form#reply textarea[name=text]").fill("已更换东门路全部损坏路灯，恢复夜间照明。");
    page.locator("form#reply input[name=file1]")
        .setInputFiles(
            new FilePayload(
                "回复函.pdf",
                "application/pdf",
                ("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII)));
    submit(page, "reply", "回复办理结果");
    assertThat(page.getByText("已回复，联络站将答复群众。")).isVisible();
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("回复函.pdf")))
        .isVisible();
    assertThat(page.locator("form#reply")).hasCount(0);
    Chromium.screenshot(page, "dept-case-replied-phone");
    assertThat(status(DemoCases.ESCALATED_CASE)).isEqualTo(CaseStatus.DEPARTMENT_REPLIED);
    assertThat(hub.bean(ReplyFiles.class).of(DemoCases.ESCALATED_CASE))
        .extracting(ReplyFiles.Attachment::kind)
        .containsExactly(ReplyFiles.Kind.PDF);

    // The second: a later deadline, with the reason.
    page.navigate(hub.url("/dept").toString());
    open(page, "城关二小");
    String wanted = LocalDate.now(liaison.hub.db.Sql.ZONE).plusDays(45).toString();
    page.locator("form#extension input[name=deadline]").fill(wanted);
    page.locator("form#extension textarea[name=reason]").fill("需与交警部门联合勘察后设置临时停车区。");
    submit(page, "extension", "申请延期");
    assertThat(page.getByText("延期申请已提交。")).isVisible();
    assertThat(page.getByText("延期申请已提交，等待县人大常委会审批。")).isVisible();
    Chromium.screenshot(page, "dept-case-extension-phone");

    // The third: not the department's.
    page.navigate(hub.url("/dept").toString());
    open(page, "人行绿灯");
    page.getByText("退回（不属于本单位职责）").click();
    page.locator("form#return textarea[name=returnReason]").fill("信号灯配时由公安交警部门负责。");
    submit(page, "return", "退回");
    assertThat(page.getByText("已退回，联络站将重新交办。")).isVisible();
    Chromium.screenshot(page, "dept-case-returned-phone");
    assertThat(status(THIRD)).isEqualTo(CaseStatus.RETURNED);

    page.navigate(hub.url("/dept?tab=returned").toString());
    assertThat(page.locator("li.case-item")).hasCount(1);
    Chromium.screenshot(page, "dept-inbox-returned-phone");

    // The county approves the extension on the case page.
    Page county = chromium.phone();
    logIn(county, "admin");
    county.navigate(hub.url("/admin/cases/overdue").toString());
    Chromium.screenshot(county, "cases-overdue-extensions-phone");
    assertThat(county.locator("#extensions li.case-item")).hasCount(1);
    county.locator("#extensions a.code").click();
    county.locator("form#extension-decision textarea[name=decisionNote]").fill("同意，请抓紧办理。");
    county
        .locator("form#extension-decision")
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("同意延期"))
        .click();
    assertThat(county.getByText("已同意延期，期限已更新。")).isVisible();
    Chromium.screenshot(county, "case-extension-approved-phone");
    assertThat(hub.bean(CaseRepository.class).find(SECOND).orElseThrow().deadline())
        .isEqualTo(LocalDate.parse(wanted));
    assertThat(hub.bean(Extensions.class).ofCase(SECOND).getFirst().status())
        .isEqualTo(Extensions.Status.APPROVED);
  }

  private CaseStatus status(String id) {
    return hub.bean(CaseRepository.class).find(id).orElseThrow().status();
  }
}
