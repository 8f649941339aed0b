package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A resident books and cancels on a phone (390×844) in a real Chromium; staff see the booking. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingBrowserTest {
  private static final String TALK = "古城消防安全夜谈会";

  private RunningHub hub;
  private Chromium chromium;
  private TestClient watcher;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
    watcher = hub.observer("booking-browser-watcher");
    watcher.subscribe(Topic.stationContent("s-001").toString());
  }

  @AfterAll
  void stop() {
    watcher.close();
    chromium.close();
    hub.close();
  }

  private Optional<StationContent.Reception> publishedTalk() {
    List<TestClient.Received> got = watcher.receivedOn(Topic.stationContent("s-001").toString());
    if (got.isEmpty()) {
      return Optional.empty();
    }
    return ProtocolCodec.decode(got.getLast().payload(), StationContent.class).receptions().stream()
        .filter(r -> TALK.equals(r.theme()))
        .findFirst();
  }

  @Test
  void shouldBookAPlaceFromAPhoneThenCancelIt() {
    String token =
        hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
    await().until(() -> publishedTalk().map(r -> r.booked() == 2).orElse(false));
    Page page = chromium.phone();

    page.navigate(hub.url("/b/" + token).toString());
    Locator talk = page.locator("label.offer", new Page.LocatorOptions().setHasText(TALK));
    assertThat(talk).containsText("已约 2 / 20");
    assertThat(talk).containsText("可预约");
    Chromium.screenshot(page, "booking-list-phone");

    talk.click();
    page.getByLabel("姓名").fill("陈阿姨");
    page.getByLabel("手机号码").fill("1390013900");
    page.getByLabel("到站人数").selectOption("2");
    page.getByLabel("想反映的事项（可不填，200 字以内）").fill("老街电线私拉乱接，晚上有火灾隐患 🔥");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认预约")).click();

    assertThat(page.getByText("请改正下面标出的问题，本次没有预约成功。")).isVisible();
    assertThat(page.getByText("请填写 11 位手机号码，如 13812341234")).isVisible();
    assertThat(page.getByLabel("姓名")).hasValue("陈阿姨");
    assertThat(page.getByLabel("到站人数")).hasValue("2");
    assertThat(
            page.locator("label.offer", new Page.LocatorOptions().setHasText(TALK))
                .locator("input"))
        .isChecked();
    Chromium.screenshot(page, "booking-error-phone");

    page.getByLabel("手机号码").fill("13900139000");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认预约")).click();

    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("预约成功")))
        .isVisible();
    String code = page.locator("p.code").innerText().strip();
    assertThat(code).matches("B-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    assertThat(page.locator("dl.details")).containsText("城关镇文化广场");
    assertThat(page.locator("dl.details")).containsText("19:00—21:00");
    Chromium.screenshot(page, "booking-done-phone");
    await().until(() -> publishedTalk().map(r -> r.booked() == 4).orElse(false));

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("取消预约")).click();
    assertThat(page.getByLabel("预约码")).hasValue(code);
    page.getByLabel("手机号后 4 位").fill("9000");
    Chromium.screenshot(page, "booking-cancel-phone");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认取消")).click();

    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("已取消预约")))
        .isVisible();
    Chromium.screenshot(page, "booking-cancelled-phone");
    await().until(() -> publishedTalk().map(r -> r.booked() == 2).orElse(false));

    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("返回预约页面")).click();
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Book a reception")))
        .isVisible();
    assertThat(page.locator("label.offer", new Page.LocatorOptions().setHasText(TALK)))
        .containsText("Booked 2 / 20");
    Chromium.screenshot(page, "booking-list-phone-en");
  }

  @Test
  void shouldShowStaffTheBookingsWithMaskedPhonesOnAPhone() {
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
    Page page = chromium.phone();
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill("chengguan");
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByLabel("密码").press("Enter");
    page.waitForURL("**/admin");
    page.navigate(hub.url("/admin/stations/s-001/week?start=" + tomorrow).toString());

    Locator talk = page.locator("article.slot", new Page.LocatorOptions().setHasText(TALK));
    assertThat(talk.locator("p.booked a")).hasText(Pattern.compile("已预约 \\d+ / 20"));
    talk.locator("p.booked a").click();

    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("预约名单.*"))))
        .isVisible();
    Locator row =
        page.locator(
            "table.bookings tbody tr", new Page.LocatorOptions().setHasText("B-DEMX-7Q4K"));
    assertThat(row).containsText("王女士");
    assertThat(row).containsText("138****8000");
    assertThat(page.locator("main")).not().containsText("13800138000");
    Chromium.screenshot(page, "admin-bookings-phone");

    row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("查看完整号码")).click();
    assertThat(
            page.locator(
                "table.bookings tbody tr", new Page.LocatorOptions().setHasText("B-DEMX-7Q4K")))
        .containsText("13800138000");
  }
}
