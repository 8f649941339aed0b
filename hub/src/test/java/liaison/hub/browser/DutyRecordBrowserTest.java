package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;
import java.nio.file.Path;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The duty record (履职档案) in Chromium: 陈秀兰's station manager adds a note on a laptop and prints the
 * page (the menu and the forms left off the paper); 陈秀兰 reads her own on a phone at 390×844,
 * without the staff's form; the county's administrator moves and retires an aspect of the duty list
 * on a phone. Every page without a WCAG 2.1 A/AA violation and nothing wider than the phone;
 * photographed into {@code target/screens/duty-record-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The list's change comes last: the records before it are read with the whole default list.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DutyRecordBrowserTest {
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

  private Page signedIn(Page page, String username) {
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByLabel("密码").press("Enter");
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  private static void withoutViolations(Page page, int width) {
    assertThat(Axe.violations(page)).as(page.url()).isEmpty();
    assertThat(((Number) Axe.widths(page).get("scroll")).intValue()).isLessThanOrEqualTo(width);
  }

  @Test
  @Order(1)
  void shouldLetTheStationsManagerAddANoteAndPrintTheRecord() {
    Page page = signedIn(chromium.laptop(), "chengguan");
    page.navigate(hub.url("/admin/deputies").toString());
    page.locator("#d-0001")
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("履职档案"))
        .click();
    page.waitForURL("**/admin/deputies/d-0001/record");
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .containsText("陈秀兰");
    assertThat(page.locator("section.record-aspect")).hasCount(16);
    withoutViolations(page, 1366);

    page.getByLabel("记入哪一项")
        .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("履职保障"));
    page.getByLabel("记录内容").fill("镇人大主席团为代表配备了进站接待的工作证。");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("添加记录")).click();
    page.waitForURL("**/record?year=*&done=saved");
    assertThat(page.getByRole(AriaRole.STATUS)).hasText("记录已添加。");
    Locator support =
        page.locator("section.record-aspect", new Page.LocatorOptions().setHasText("16. 履职保障"));
    assertThat(support.locator("ul.record-notes li")).hasCount(2);
    assertThat(support).containsText("镇人大主席团为代表配备了进站接待的工作证。");
    Chromium.screenshot(page, "duty-record-laptop");

    page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
    assertThat(page.locator("nav.menu")).isHidden();
    assertThat(page.locator("form#note")).isHidden();
    assertThat(page.locator("header.print-head")).isVisible();
    assertThat(page.locator("p.print-foot")).containsText("制表日期");
    Chromium.screenshot(page, "duty-record-print");
  }

  @Test
  @Order(1)
  void shouldShowTheDeputyHerOwnRecordOnAPhone() {
    Page page = signedIn(chromium.phone(), "chenxl");
    page.navigate(hub.url("/me/record").toString());
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
        .containsText("陈秀兰");
    assertThat(page.locator("section.record-aspect")).hasCount(16);
    assertThat(page.locator("form#note")).hasCount(0);
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("下载 PDF")))
        .hasAttribute("href", java.util.regex.Pattern.compile("^/me/record\\.pdf\\?year=\\d{4}$"));
    withoutViolations(page, 390);
    Chromium.screenshot(page, "duty-record-me-phone");

    page.navigate(hub.url("/me/record?year=2025").toString());
    assertThat(page.locator("section.record-aspect").first()).containsText("本年度暂无记录。");
    withoutViolations(page, 390);
  }

  @Test
  @Order(2)
  void shouldLetTheCountysAdministratorReorderAndRetireAnAspectOnAPhone() {
    Page page = signedIn(chromium.phone(), "admin");
    page.navigate(hub.url("/admin/duty-record/aspects").toString());
    Locator aspects = page.locator("ol.aspect-list > li");
    assertThat(aspects).hasCount(16);
    withoutViolations(page, 390);
    Chromium.screenshot(page, "duty-record-aspects-phone");

    aspects.nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("上移")).click();
    page.waitForURL("**/admin/duty-record/aspects?done=saved*");
    assertThat(aspects.nth(0).locator("h2")).containsText("联系群众");
    assertThat(aspects.nth(1).locator("h2")).containsText("参加会议");

    aspects.nth(1).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("停用")).click();
    page.waitForURL("**/admin/duty-record/aspects?done=saved*");
    assertThat(aspects.nth(1)).containsText("年起停用");
    assertThat(
            aspects
                .nth(1)
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("恢复使用")))
        .isVisible();
    withoutViolations(page, 390);

    Locator receptions = aspects.nth(2);
    receptions.locator("summary").click();
    receptions.getByLabel("名称", new Locator.GetByLabelOptions().setExact(true)).fill("进站接待选民");
    receptions.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("保存")).click();
    page.waitForURL("**/admin/duty-record/aspects?done=saved*");
    assertThat(aspects.nth(2).locator("h2")).containsText("进站接待选民");

    // Spaces pass the browser's "required" and not the hub: the page comes back with the message.
    Locator add = page.locator("form#new");
    add.getByLabel("名称", new Locator.GetByLabelOptions().setExact(true)).fill("   ");
    add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("添加一项")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("本次没有保存");
    assertThat(add.locator(".field-error")).hasText("请填写名称");
    assertThat(aspects).hasCount(16);
    withoutViolations(page, 390);

    page.navigate(hub.url("/admin/deputies/d-0001/record").toString());
    assertThat(page.locator("section.record-aspect")).hasCount(15);
    assertThat(page.locator("section.record-aspect").nth(1)).containsText("进站接待选民");
    assertThat(page.locator("section.record-aspect").first()).containsText("联系群众");
  }
}
