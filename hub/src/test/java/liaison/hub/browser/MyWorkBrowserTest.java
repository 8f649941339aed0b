package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.mywork.SignInKeys;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.SignInCodes;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * 陈秀兰 (the demo's deputy, chenxl) on her phone (390×844) in a real Chromium: she logs in and lands
 * on her own work, with every section, the message a resident left through her QR link (without the
 * resident's phone), her points; then she scans the station's screen during a reception and is
 * signed in, and a stale code is refused in words.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyWorkBrowserTest {
  private RunningHub hub;
  private Chromium chromium;
  private TestClock clock;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir, Map.of("spec.name", "MyWorkBrowserTest"));
    chromium = Chromium.launch();
    clock = (TestClock) hub.bean(java.time.Clock.class);
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  @Test
  void shouldShowADeputyHerOwnWorkAndSignHerInFromThePhone() {
    LocalDate today = clock.instant().atZone(TestClock.SHANGHAI).toLocalDate();
    clock.set(today.atTime(14, 40).atZone(TestClock.SHANGHAI).toInstant());
    Page page = chromium.phone();
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill("chenxl");
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    page.waitForURL(url -> !url.contains("/login"));

    assertThat(page).hasURL(hub.url("/me").toString());
    for (String heading :
        List.of("我的履职", "接下来30天的接待", "过去30天的接待", "群众给我的留言和我参与的意见", "我的代表建议", "我的述职评议")) {
      assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading)))
          .isVisible();
    }
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(today.getYear() + "年履职积分")))
        .isVisible();
    // Today's reception at the home with 黄志强 on duty beside her; staff marked her arrival.
    assertThat(page.locator("#me-receptions")).containsText("同班代表：");
    assertThat(page.locator("#me-receptions")).containsText("已签到（工作人员登记）");
    // The message left through her QR link; no resident's phone on the page (whole or masked).
    assertThat(page.locator("#me-messages")).containsText("烧烤摊晚上油烟很大");
    assertThat(page.locator("#me-messages")).containsText("通过我的二维码留言");
    assertThat(page.content()).doesNotContain("13812341234").doesNotContain("138****1234");
    check(page, "me-home-390x844");

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("全部意见（1条）")).click();
    assertThat(page).hasURL(hub.url("/me/messages").toString());
    assertThat(page.locator("li.case-item")).hasCount(1);
    check(page, "me-messages-390x844");

    // Two entries of her points this year, one confirmed, one awaiting the county.
    hub.bean(Database.class)
        .useHandle(
            h -> {
              for (String[] e :
                  List.of(
                      new String[] {"p-me-1", "RECEPTION_ATTENDED", "2", "APPROVED", ""},
                      new String[] {"p-me-2", "VISIT", "3", "PENDING", "走访桃源村供水情况"})) {
                h.execute(
                    "INSERT INTO duty_point (id, deputy_id, county_id, year, occurred_on, kind,"
                        + " points, status, source_kind, source_id, note, recorded_at)"
                        + " VALUES (?, 'd-0001', ?, ?, ?, ?, ?, ?, 'HAND', ?, ?, ?)",
                    e[0],
                    DemoCounty.COUNTY,
                    today.getYear(),
                    today.toString(),
                    e[1],
                    Integer.parseInt(e[2]),
                    e[3],
                    e[0],
                    e[4],
                    today + "T09:00:00+08:00");
              }
            });
    // Beside what the demo's points already hold for her: the confirmed ones count, every one is
    // listed.
    int confirmed =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COALESCE(SUM(points), 0) FROM duty_point WHERE deputy_id ="
                                + " 'd-0001' AND year = :year AND status = 'APPROVED'")
                        .bind("year", today.getYear())
                        .mapTo(Integer.class)
                        .one());
    int entries =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT COUNT(*) FROM duty_point WHERE deputy_id = 'd-0001' AND year ="
                                + " :year")
                        .bind("year", today.getYear())
                        .mapTo(Integer.class)
                        .one());
    page.navigate(hub.url("/me").toString());
    assertThat(page.locator("#me-points")).containsText(confirmed + "分");
    assertThat(page.locator("#me-points")).containsText("全县第");
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("积分明细")).click();
    assertThat(page).hasURL(hub.url("/me/points").toString());
    assertThat(page.locator("tbody tr")).hasCount(entries);
    assertThat(page.locator("tbody")).containsText("走访视察调研");
    assertThat(page.locator("tbody")).containsText("待审核");
    check(page, "me-points-390x844");

    // The afternoon's reception at the service centre: she scans the screen's code.
    String reception = "r-me-afternoon";
    hub.bean(Database.class)
        .useTransaction(
            h ->
                hub.bean(ReceptionRepository.class)
                    .insert(
                        h,
                        new ReceptionSlot(
                            reception,
                            "s-003",
                            today,
                            LocalTime.of(14, 30),
                            LocalTime.of(17, 0),
                            "招工引才政策咨询",
                            "政务服务中心三楼联系点",
                            ReceptionStatus.ANNOUNCED,
                            List.of("d-0001", "d-0008"))));
    String key = hub.bean(SignInKeys.class).keyOf("s-003").orElseThrow();
    String scanned =
        "/me/sign-in?r=" + reception + "&c=" + SignInCodes.code(key, reception, clock.instant());
    page.navigate(hub.url(scanned).toString());
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("已签到")))
        .isVisible();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("14:30–17:00");
    check(page, "me-sign-in-390x844-signed-in");

    page.navigate(hub.url("/me").toString());
    assertThat(page.locator("#me-receptions")).containsText("已签到（扫码）");

    // The same code a quarter of an hour later: refused, in words.
    clock.advance(java.time.Duration.ofMinutes(15));
    page.navigate(hub.url(scanned).toString());
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("未能签到")))
        .isVisible();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("签到码不对或已过期");
    check(page, "me-sign-in-390x844-refused");
  }

  /** Photographed, and held to WCAG 2.1 A/AA and to the phone's width. */
  private static void check(Page page, String name) {
    Chromium.screenshot(page, name);
    assertThat(Axe.violations(page)).as("axe-core on %s", name).isEmpty();
    assertThat(InternalNames.in(page)).as("internal names on %s", name).isEmpty();
    assertThat(((Number) Axe.widths(page).get("scroll")).intValue())
        .as("%s scrolls sideways", name)
        .isLessThanOrEqualTo(page.viewportSize().width);
  }
}
