package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * On 1 December 2026 (the hub's clock), a county administrator on a phone follows the dashboard's
 * warning to the calendar, has a file with a bad row refused whole, then imports 2027, in Chromium
 * at 390×844: no WCAG 2.1 A/AA violation, nothing wider than the phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarBrowserTest {
  private RunningHub hub;
  private Chromium chromium;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir, Map.of("spec.name", "CalendarBrowserTest"));
    chromium = Chromium.launch();
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  /** A phone's page, signed in through the log-in form, on the person's landing page. */
  private Page signedInOnAPhone(String username, String landing) {
    Page page = chromium.phone();
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByLabel("密码").press("Enter");
    page.waitForURL(landing);
    return page;
  }

  private static void fitsThePhoneWithoutViolations(Page page) {
    assertThat(Axe.violations(page)).as(page.url()).isEmpty();
    assertThat(((Number) Axe.widths(page).get("scroll")).intValue()).isLessThanOrEqualTo(390);
  }

  private static FilePayload csv(String text) {
    return new FilePayload("2027.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldFollowTheDecemberWarningRefuseABadFileWholeAndImportNextYear() {
    Page page = signedInOnAPhone("admin", "**/admin/dashboard");
    Locator warning =
        page.locator("p.notice", new Page.LocatorOptions().setHasText("2027年的节假日安排尚未录入"));
    assertThat(warning).isVisible();
    Chromium.screenshot(page, "admin-dashboard-calendar-missing-phone");

    warning.getByRole(AriaRole.LINK).click();
    page.waitForURL("**/admin/calendar?year=2027");
    Locator file = page.getByLabel("选择 CSV 文件（UTF-8 或 GBK 均可）");
    file.setInputFiles(csv("date,kind,name\n2027-01-01,休,元旦\n2027-02-30,休,春节\n2027-02-08,班,春节\n"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导入").setExact(true))
        .click();

    Locator alerts = page.getByRole(AriaRole.ALERT);
    assertThat(alerts).hasCount(2);
    assertThat(alerts.first()).containsText("第 3 行：日期“2027-02-30”无法识别");
    assertThat(alerts.last()).containsText("第 4 行：2027-02-08 不是周末");
    assertThat(page.getByText("这一年还没有节假日和调休安排。")).isVisible();
    fitsThePhoneWithoutViolations(page);
    Chromium.screenshot(page, "admin-calendar-import-refused-phone");

    file.setInputFiles(
        csv(
            "日期,类型,名称\n2027-01-01,休,元旦\n2027-02-06,休,春节\n2027-02-07,休,春节\n"
                + "2027-02-20,班,春节\n2027-05-06,休,县庆\n"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("导入").setExact(true))
        .click();
    page.waitForURL("**/admin/calendar?year=2027&done=imported");
    assertThat(page.getByText("已导入。")).isVisible();
    assertThat(page.locator("tbody tr")).hasCount(5);
    assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText("2027-02-20")))
        .containsText("调休上班");
    assertThat(page.getByText("2027年的节假日安排尚未录入")).hasCount(0);
    fitsThePhoneWithoutViolations(page);
    Chromium.screenshot(page, "admin-calendar-2027-phone");

    page.locator("tbody tr", new Page.LocatorOptions().setHasText("县庆"))
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("删除"))
        .click();
    page.waitForURL("**/admin/calendar?year=2027&done=removed");
    assertThat(page.locator("tbody tr")).hasCount(4);

    page.navigate(hub.url("/admin/dashboard").toString());
    assertThat(page.getByText("2027年的节假日安排尚未录入")).hasCount(0);
  }

  @Test
  void shouldShowTheNationalDaysOfTheYearAsCardsOnAPhone() {
    Page page = signedInOnAPhone("chengguan", "**/admin");
    page.navigate(hub.url("/admin/calendar?year=2026").toString());

    assertThat(page.locator("tbody tr", new Page.LocatorOptions().setHasText("2026-10-01")))
        .containsText("国务院安排");
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("删除")))
        .hasCount(0);
    assertThat(page.getByText("导入 CSV")).hasCount(0);
    fitsThePhoneWithoutViolations(page);
    Chromium.screenshot(page, "admin-calendar-2026-manager-phone");
  }
}
