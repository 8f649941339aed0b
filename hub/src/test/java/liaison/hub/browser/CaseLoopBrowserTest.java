package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCases;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.CaseStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Staff take a demo opinion through the loop in a real Chromium, on a laptop and on a phone. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseLoopBrowserTest {
  private RunningHub hub;
  private Chromium chromium;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
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

  private void button(Page page, String form, String name) {
    page.locator("form#" + form)
        .getByRole(
            AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name))
        .click();
  }

  @Test
  void shouldRegisterForwardRecordTheReplyAndAnswerOnALaptop() {
    Page page = chromium.laptop();
    logIn(page, "chengguan");

    page.navigate(hub.url("/admin/cases").toString());
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("意见办理")))
        .isVisible();
    assertThat(page.getByText("138****1234")).isVisible();
    Chromium.screenshot(page, "cases-inbox-laptop");

    page.locator("li.case-item", new Page.LocatorOptions().setHasText("人行绿灯"))
        .locator("a.code")
        .click();
    assertThat(page.locator("form#register")).isVisible();
    Chromium.screenshot(page, "case-new-laptop");

    page.locator("form#register select[name=category]").selectOption("TRANSPORT");
    page.locator("form#register textarea[name=summary]").fill("人民路口人行绿灯时间过短");
    button(page, "register", "登记");
    assertThat(page.getByText("已登记。")).isVisible();

    page.locator("form#forward select[name=departmentId]").selectOption("dep-transport");
    assertThat(page.locator("form#forward input[name=deadline]")).not().hasValue("");
    button(page, "forward", "交办");
    assertThat(page.getByText("已交办。")).isVisible();

    page.locator("form#department-reply textarea[name=text]").fill("已将人民路口行人绿灯延长至30秒。");
    button(page, "department-reply", "记录承办单位回复");
    assertThat(page.getByText("已记录承办单位回复。")).isVisible();

    page.locator("form#answer textarea[name=text]").fill("县交通运输局已将人民路口行人绿灯延长至30秒，感谢您的反映！");
    button(page, "answer", "答复群众");
    assertThat(page.getByText("已答复，群众可在查询页看到。")).isVisible();
    assertThat(page.locator("ol.timeline li")).hasCount(5);
    assertThat(page.locator("ol.timeline")).containsText("林晓梅");
    Chromium.screenshot(page, "case-answered-laptop");

    assertThat(hub.bean(CaseRepository.class).find(DemoCases.NEW_CASE).orElseThrow().status())
        .isEqualTo(CaseStatus.ANSWERED);
  }

  @Test
  void shouldShowTheOverdueListToTheCountyAndWorkOnAPhone() {
    Page page = chromium.phone();
    logIn(page, "admin");

    page.navigate(hub.url("/admin/cases/overdue").toString());
    assertThat(page.locator("table.overdue-list")).containsText("县交通运输局");
    Chromium.screenshot(page, "cases-overdue-phone");

    page.navigate(hub.url("/admin/cases?status=all").toString());
    Chromium.screenshot(page, "cases-inbox-phone");

    page.navigate(hub.url("/admin/cases/case-demo0003").toString());
    page.locator("form#forward select[name=departmentId]").selectOption("dep-education");
    button(page, "forward", "交办");
    assertThat(page.getByText("已交办。")).isVisible();
    assertThat(page.getByText("群众同意将联系方式转给承办单位。")).isVisible();
    Chromium.screenshot(page, "case-forwarded-phone");

    page.navigate(hub.url("/admin/cases/" + DemoCases.ESCALATED_CASE).toString());
    assertThat(page.locator(".flag.escalated").first()).isVisible();
    Chromium.screenshot(page, "case-escalated-phone");
    assertThat(page.locator("form#department-reply")).isVisible();
  }
}
