package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import liaison.hub.RunningHub;
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

/** A station manager on a phone, in a real Chromium, against the real hub. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminBrowserTest {
  private RunningHub hub;
  private Chromium chromium;
  private TestClient watcher;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
    watcher = hub.observer("browser-test-watcher");
    watcher.subscribe(Topic.stationContent("s-001").toString());
  }

  @AfterAll
  void stop() {
    watcher.close();
    chromium.close();
    hub.close();
  }

  private List<StationContent> snapshots() {
    return watcher.receivedOn(Topic.stationContent("s-001").toString()).stream()
        .map(r -> ProtocolCodec.decode(r.payload(), StationContent.class))
        .toList();
  }

  @Test
  void shouldLogInAddAReceptionWithTwoDeputiesAndFindItInThePublishedSnapshot() {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    LocalDate day = today.plusDays(2);
    Page page = chromium.phone();

    page.navigate(hub.url("/admin").toString());
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?next=.*"));
    Chromium.screenshot(page, "admin-login-phone");
    page.getByLabel("用户名").fill("chengguan");
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("登录"))
        .click();

    assertThat(
            page.getByRole(
                com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("我的站点")))
        .isVisible();
    Chromium.screenshot(page, "admin-home-phone");
    page.locator("section.card", new Page.LocatorOptions().setHasText("城关镇人大代表之家"))
        .getByText("接待日历")
        .click();
    if (!day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
        .equals(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))) {
      page.getByText("下一周 ›").click();
    }
    page.locator("a.add[href*='date=" + day + "']").click();

    page.getByLabel("开始时间").fill("15:00");
    page.getByLabel("结束时间").fill("17:00");
    page.getByLabel("王美玲").check();
    page.getByLabel("胡志勇").check();
    page.getByLabel("主题（可不填）").fill("老旧小区改造听证");
    page.getByLabel("地点").fill("代表之家一楼接待室");
    page.getByLabel("状态").selectOption("ANNOUNCED");
    Chromium.screenshot(page, "admin-reception-form-phone");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("保存"))
        .click();

    assertThat(page.getByText("已添加，屏幕将在几秒内更新。")).isVisible();
    assertThat(page.locator("article.slot", new Page.LocatorOptions().setHasText("老旧小区改造听证")))
        .containsText("王美玲、胡志勇");
    Chromium.screenshot(page, "admin-week-phone");

    await()
        .until(
            () ->
                snapshots().stream()
                    .flatMap(c -> c.receptions().stream())
                    .anyMatch(
                        r ->
                            r.date().equals(day)
                                && "老旧小区改造听证".equals(r.theme())
                                && r.deputyIds().equals(List.of("d-0004", "d-0012"))));

    // Deleting asks first, then takes it off the calendar and the screens.
    page.locator("article.slot", new Page.LocatorOptions().setHasText("老旧小区改造听证"))
        .getByText("删除")
        .click();
    assertThat(page.getByText("确定删除这次接待吗？删除后屏幕上也不再显示。")).isVisible();
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("删除"))
        .click();
    assertThat(page.getByText("已删除。")).isVisible();
    assertThat(page.locator("article.slot", new Page.LocatorOptions().setHasText("老旧小区改造听证")))
        .hasCount(0);
    await()
        .until(
            () ->
                snapshots().getLast().receptions().stream()
                    .noneMatch(r -> "老旧小区改造听证".equals(r.theme())));

    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("退出"))
        .click();
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login$"));
    page.navigate(hub.url("/admin").toString());
    assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?next=.*"));
  }

  @Test
  void shouldMarkAnOnDutyDeputyArrivedOnTodaysReceptionAndTakeItBack() {
    Page page = chromium.phone();
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill("chengguan");
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByLabel("密码").press("Enter");
    page.waitForURL("**/admin");
    page.navigate(hub.url("/admin/stations/s-001/week").toString());

    // The demo's first reception today: 陈秀兰 has arrived, 黄志强 is expected.
    Locator today = page.locator("#slot-r-0001");
    Locator chen = today.locator("li", new Locator.LocatorOptions().setHasText("陈秀兰"));
    Locator huang = today.locator("li", new Locator.LocatorOptions().setHasText("黄志强"));
    assertThat(chen).containsText("已签到");
    assertThat(huang).containsText("未签到");
    page.locator("section.day.today")
        .screenshot(
            new Locator.ScreenshotOptions()
                .setPath(Chromium.SCREENS.resolve("admin-attendance-before-phone.png")));

    huang
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("签到 黄志强").setExact(true))
        .click();

    assertThat(page.getByText("已签到，屏幕将在几秒内更新。")).isVisible();
    huang = page.locator("#slot-r-0001 li", new Page.LocatorOptions().setHasText("黄志强"));
    assertThat(huang).containsText("已签到");
    assertThat(huang.getByRole(AriaRole.BUTTON)).hasText("取消签到");
    page.locator("section.day.today")
        .screenshot(
            new Locator.ScreenshotOptions()
                .setPath(Chromium.SCREENS.resolve("admin-attendance-phone.png")));
    await()
        .until(
            () ->
                snapshots().getLast().receptions().stream()
                    .anyMatch(
                        r ->
                            r.id().equals("r-0001")
                                && r.presentDeputyIds().equals(List.of("d-0001", "d-0002"))));

    huang
        .getByRole(
            AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("取消签到 黄志强").setExact(true))
        .click();

    assertThat(page.getByText("已取消签到，屏幕将在几秒内更新。")).isVisible();
    assertThat(page.locator("#slot-r-0001 li", new Page.LocatorOptions().setHasText("黄志强")))
        .containsText("未签到");
    await()
        .until(
            () ->
                snapshots().getLast().receptions().stream()
                    .anyMatch(
                        r ->
                            r.id().equals("r-0001")
                                && r.presentDeputyIds().equals(List.of("d-0001"))));
  }

  @Test
  void shouldShowEachMistakeBesideItsFieldAndKeepWhatWasTyped() {
    Page page = chromium.laptop();
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill("chengguan");
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByLabel("密码").press("Enter");
    page.waitForURL("**/admin");
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3);
    page.navigate(hub.url("/admin/receptions/new?station=s-001&date=" + day).toString());

    page.getByLabel("开始时间").fill("16:00");
    page.getByLabel("结束时间").fill("15:00");
    page.getByLabel("主题（可不填）").fill("<img src=x onerror=alert(1)>");
    page.getByLabel("地点").fill("一楼");
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("保存"))
        .click();

    assertThat(page.getByText("请改正下面标出的问题，本次没有保存。")).isVisible();
    assertThat(page.getByText("结束时间须晚于开始时间")).isVisible();
    assertThat(page.getByText("请至少选择一位值班代表")).isVisible();
    assertThat(page.getByLabel("主题（可不填）")).hasValue("<img src=x onerror=alert(1)>");
    Chromium.screenshot(page, "admin-reception-errors-laptop");

    page.getByRole(
            com.microsoft.playwright.options.AriaRole.LINK,
            new Page.GetByRoleOptions().setName("English"))
        .click();
    assertThat(
            page.getByRole(
                com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("My stations")))
        .isVisible();
  }
}
