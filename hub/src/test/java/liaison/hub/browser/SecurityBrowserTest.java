package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import liaison.signage.protocol.EnrolmentRequest;
import liaison.signage.protocol.EnrolmentTicket;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.ProtocolCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station manager enrols a new screen from a phone, in a real Chromium: a wrong code is refused
 * beside the field with what was typed kept, the right one enrols, and revoking asks to confirm. A
 * county administrator resets a forgotten password; its owner must choose a new one first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityBrowserTest {
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

  private void logIn(Page page, String username, String password) {
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码", new Page.GetByLabelOptions().setExact(true)).fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
  }

  /** A new screen for the station asks the hub for its code, as the kiosk does. */
  private String screenShowsCode(String stationId) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(hub.url("/api/public/enrolments"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofByteArray(
                            ProtocolCodec.encode(
                                new EnrolmentRequest(
                                    stationId,
                                    MqttPasswordHash.hash(MqttPasswordHash.newPassword()),
                                    "0.1.0"))))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    return ProtocolCodec.decode(
            answer.body().getBytes(StandardCharsets.UTF_8), EnrolmentTicket.class)
        .code();
  }

  @Test
  void shouldEnrolANewScreenByItsCodeAndRevokeItAfterConfirming() throws Exception {
    String code = screenShowsCode("s-003");
    Page page = chromium.phone();
    logIn(page, "chengguan", DemoCounty.PASSWORD);

    page.navigate(hub.url("/admin/stations").toString());
    page.locator("tr", new Page.LocatorOptions().setHasText("s-003")).getByText("屏幕登记").click();
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("屏幕登记"))))
        .isVisible();
    assertThat(page.getByText("这个站点还没有登记屏幕。")).isVisible();

    page.getByLabel("屏幕上的登记码").fill("K7QX-M4PD");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true))
        .click();
    assertThat(page.getByText("没有这个登记码：请核对屏幕上显示的登记码")).isVisible();
    assertThat(page.getByLabel("屏幕上的登记码")).hasValue("K7QX-M4PD");
    Chromium.screenshot(page, "screen-enrolment-wrong-code-phone");

    page.getByLabel("屏幕上的登记码").fill(code.toLowerCase().replace("-", " "));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登记").setExact(true))
        .click();
    assertThat(page.getByText("屏幕已登记，几秒内会连上枢纽。")).isVisible();
    assertThat(page.locator("#credential")).containsText("chengguan");
    assertThat(page.locator("#credential")).containsText(code);
    Chromium.screenshot(page, "screen-enrolment-done-phone");

    // Revoking needs the box ticked: the browser will not send the form without it.
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("撤销").setExact(true))
        .click();
    assertThat(page.getByText("屏幕已登记，几秒内会连上枢纽。")).isVisible();
    page.getByLabel("我确认撤销这块屏幕的凭据").check();
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("撤销").setExact(true))
        .click();
    assertThat(page.getByText("已撤销，屏幕已断开。")).isVisible();
    assertThat(page.locator("#credential")).containsText("已撤销");
    Chromium.screenshot(page, "screen-enrolment-revoked-phone");
  }

  @Test
  void shouldResetAForgottenPasswordThatItsOwnerMustReplaceFirst() {
    Page admin = chromium.laptop();
    logIn(admin, "admin", DemoCounty.PASSWORD);
    admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("账号")).click();
    admin
        .locator("#account-baisha")
        .getByRole(
            AriaRole.BUTTON,
            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("重置密码"))
        .click();
    assertThat(admin.getByText("韦国强（baisha）的密码已重置")).isVisible();
    String temporary = admin.locator("#temporary-password").textContent().strip();
    assertThat(temporary).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    Chromium.screenshot(admin, "staff-reset-laptop");

    Page manager = chromium.phone();
    logIn(manager, "baisha", temporary);
    assertThat(manager).hasURL(Pattern.compile(".*/admin/password$"));
    assertThat(manager.getByText("管理员重置了您的密码：请先设置自己的新密码，再继续使用。")).isVisible();
    manager.navigate(hub.url("/admin/cases").toString());
    assertThat(manager).hasURL(Pattern.compile(".*/admin/password$"));
    manager.getByLabel("当前密码（或临时密码）").fill(temporary);
    manager.getByLabel(Pattern.compile("^新密码")).fill("桃源村工作站-2026");
    manager.getByLabel("再输入一次新密码").fill("桃源村工作站-2026");
    Chromium.screenshot(manager, "staff-password-change-phone");
    manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存")).click();
    assertThat(manager.getByText("密码已修改，其他设备上的登录已退出。")).isVisible();
    manager.navigate(hub.url("/admin/cases").toString());
    assertThat(manager).hasURL(Pattern.compile(".*/admin/cases$"));
  }
}
