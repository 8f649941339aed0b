package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.db.Database;
import liaison.hub.notify.SmsStops;
import liaison.hub.station.StationRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SMS tick and the stop link on a phone (390×844): the opinion form refuses a tick without a
 * mobile number beside the box, the tracking page says where the answer will be texted, and the
 * stop page stops only when its button is pressed. axe-core finds nothing on each; PNGs go to
 * target/screens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentSmsBrowserTest {
  private RunningHub hub;
  private Chromium chromium;
  private String token;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir, Map.of("hub.opinions.per-ip", 100, "hub.opinions.per-token", 100));
    chromium = Chromium.launch();
    token = hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  @Test
  void shouldAskForAMobileBesideTheTickThenSayWhereTheAnswerGoes() {
    Page page = chromium.phone();
    page.navigate(hub.url("/o/" + token).toString());
    page.locator("#category").selectOption("TRANSPORT");
    page.locator("#text").fill("东门路口的红绿灯太短，老人过不去");
    page.getByLabel("有答复时短信通知我").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true))
        .click();

    assertThat(page.locator("#notifySms-error")).containsText("要短信通知，请填写手机号码");
    assertThat(page.getByLabel("有答复时短信通知我")).isChecked();
    assertThat(page.locator("#text")).hasValue("东门路口的红绿灯太短，老人过不去");
    page.locator("#notifySms-error").scrollIntoViewIfNeeded();
    Chromium.screenshot(page, "resident-sms-tick-without-phone");
    assertThat(Axe.violations(page)).as("axe-core on the refused form").isEmpty();
    Screens.checkLayout(page);

    page.locator("#phone").fill("138 1234 1234");
    page.locator("input[name=consent]").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true))
        .click();

    assertThat(page.locator(".sms-on")).containsText("答复后将短信通知 138****1234");
    page.locator(".sms-on").scrollIntoViewIfNeeded();
    Chromium.screenshot(page, "resident-sms-tracking");
    assertThat(Axe.violations(page)).as("axe-core on the tracking page").isEmpty();
    Screens.checkLayout(page);
  }

  @Test
  void shouldStopOnlyWhenTheButtonIsPressedInEitherLanguage() {
    String link =
        hub.bean(Database.class)
            .inTransaction(h -> hub.bean(SmsStops.class).link(h, "13912345678"));
    Page page = chromium.phone();
    page.navigate(hub.url("/" + link).toString());
    assertThat(page.locator("main")).containsText("139****5678");
    Chromium.screenshot(page, "resident-sms-stop");
    assertThat(Axe.violations(page)).as("axe-core on the stop page").isEmpty();
    Screens.checkLayout(page);
    assertThat(hub.bean(SmsStops.class).find(link.substring(2)).orElseThrow().stopped())
        .as("opening the link stops nothing")
        .isFalse();

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("确认退订")).click();
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("已退订短信通知")))
        .isVisible();
    Chromium.screenshot(page, "resident-sms-stopped");
    assertThat(Axe.violations(page)).as("axe-core on the stopped page").isEmpty();
    assertThat(hub.bean(SmsStops.class).find(link.substring(2)).orElseThrow().stopped()).isTrue();

    Page english = chromium.phone();
    english.navigate(hub.url("/lang/en?next=/" + link).toString());
    assertThat(english.locator("html")).hasAttribute("lang", "en");
    assertThat(english.locator("main")).containsText("139****5678 gets no more texts");
    Chromium.screenshot(english, "resident-sms-stopped-en");
    assertThat(Axe.violations(english)).as("axe-core on the English page").isEmpty();
  }
}
