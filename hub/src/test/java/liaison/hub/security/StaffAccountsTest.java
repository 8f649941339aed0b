package liaison.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staff accounts over HTTP: guessing is throttled per account and per address (the form and HTTP
 * Basic alike), an administrator resets a manager's password to a temporary one that must be
 * replaced before anything else, and the session cookie is HttpOnly and SameSite.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class StaffAccountsTest {
  private static final Pattern TEMPORARY =
      Pattern.compile("id=\"temporary-password\">([A-Z0-9-]+)<");
  private RunningHub hub;

  @BeforeAll
  void start(@TempDir Path dir) {
    // The tests play several client addresses through the proxy header.
    hub =
        RunningHub.start(
            dir,
            Map.of(
                "hub.opinions.client-ip-header", "X-Real-IP",
                "hub.security.login-failures-per-account", 5,
                "hub.security.login-failures-per-address", 8));
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  /** A browser: its own cookie jar, coming from one address. */
  private final class Browser {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    final String address;

    Browser(String address) {
      this.address = address;
    }

    HttpResponse<String> login(String username, String password) {
      return post("/login", "username=" + enc(username) + "&password=" + enc(password));
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(hub.url(path)).header("X-Real-IP", address).GET());
    }

    HttpResponse<String> post(String path, String form) {
      return send(
          HttpRequest.newBuilder(hub.url(path))
              .header("X-Real-IP", address)
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    String csrf() {
      Matcher m =
          Pattern.compile("[?&;]_csrf=([A-Za-z0-9_-]+)").matcher(get("/admin/password").body());
      assertThat(m.find()).isTrue();
      return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(
            request.timeout(java.time.Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private HttpResponse<String> basic(String address, String user, String password, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(hub.url(path))
                  .header("X-Real-IP", address)
                  .header("Accept", "application/json")
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString(
                                  (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldHoldBackAnAccountAfterFiveWrongPasswordsEvenWithTheRightOne() {
    Browser guesser = new Browser("10.0.0.11");
    for (int i = 0; i < 5; i++) {
      assertThat(guesser.login("chenxl", "guess-" + i).statusCode()).isEqualTo(401);
    }

    HttpResponse<String> right = new Browser("10.0.0.12").login("chenxl", DemoCounty.PASSWORD);

    assertThat(right.statusCode()).as("the account waits, from any address").isEqualTo(429);
    assertThat(right.headers().firstValue("Retry-After")).isPresent();
    assertThat(right.body()).contains("登录失败次数过多", "分钟后再试");
    assertThat(basic("10.0.0.13", "chenxl", DemoCounty.PASSWORD, "/api/stations").statusCode())
        .as("HTTP Basic counts the same")
        .isEqualTo(429);
    // Other accounts are not held back.
    assertThat(new Browser("10.0.0.11").login("baisha", DemoCounty.PASSWORD).statusCode())
        .isEqualTo(303);
  }

  @Test
  void shouldHoldBackAnAddressThatTriesManyAccounts() {
    for (int i = 0; i < 8; i++) {
      assertThat(basic("10.0.0.21", "nobody-" + i, "x", "/api/stations").statusCode())
          .isEqualTo(401);
    }

    assertThat(new Browser("10.0.0.21").login("admin", DemoCounty.PASSWORD).statusCode())
        .isEqualTo(429);
    assertThat(new Browser("10.0.0.22").login("admin", DemoCounty.PASSWORD).statusCode())
        .as("the same account from elsewhere")
        .isEqualTo(303);
  }

  @Test
  void shouldResetAManagersPasswordToATemporaryOneThatMustBeReplaced() {
    Browser manager = new Browser("10.0.0.31");
    assertThat(manager.login("chengguan", DemoCounty.PASSWORD).statusCode()).isEqualTo(303);
    assertThat(manager.get("/admin").statusCode()).isEqualTo(200);
    Browser admin = new Browser("10.0.0.32");
    admin.login("admin", DemoCounty.PASSWORD);
    String accounts = admin.get("/admin/staff").body();
    assertThat(accounts).contains("chengguan", "重置密码");

    HttpResponse<String> reset =
        admin.post("/admin/staff/u-chengguan/reset?_csrf=" + admin.csrf(), "");

    assertThat(reset.statusCode()).isEqualTo(200);
    assertThat(reset.headers().firstValue("Cache-Control")).contains("no-store");
    Matcher m = TEMPORARY.matcher(reset.body());
    assertThat(m.find()).as(reset.body()).isTrue();
    String temporary = m.group(1);
    assertThat(temporary).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    assertThat(manager.get("/admin").statusCode())
        .as("the manager's session was closed")
        .isEqualTo(303);
    assertThat(manager.login("chengguan", DemoCounty.PASSWORD).statusCode())
        .as("the old password")
        .isEqualTo(401);

    // The temporary password leads to the change form, and nowhere else until it is replaced.
    HttpResponse<String> in = manager.login("chengguan", temporary);
    assertThat(in.headers().firstValue("Location")).contains("/admin/password");
    assertThat(manager.get("/admin/cases").headers().firstValue("Location"))
        .contains("/admin/password");
    assertThat(basic("10.0.0.31", "chengguan", temporary, "/api/stations").statusCode())
        .isEqualTo(403);
    String csrf = manager.csrf();
    HttpResponse<String> tooShort =
        manager.post(
            "/admin/password?_csrf=" + csrf,
            "current=" + enc(temporary) + "&password=short&repeat=short");
    assertThat(tooShort.statusCode()).isEqualTo(422);
    assertThat(tooShort.body()).contains("新密码至少 10 个字符");
    HttpResponse<String> changed =
        manager.post(
            "/admin/password?_csrf=" + csrf,
            "current="
                + enc(temporary)
                + "&password="
                + enc("梅花香自苦寒来-2026")
                + "&repeat="
                + enc("梅花香自苦寒来-2026"));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
    assertThat(manager.get("/admin/cases").statusCode())
        .as("a fresh session, free to go on")
        .isEqualTo(200);
    assertThat(new Browser("10.0.0.33").login("chengguan", temporary).statusCode()).isEqualTo(401);
    assertThat(new Browser("10.0.0.33").login("chengguan", "梅花香自苦寒来-2026").statusCode())
        .isEqualTo(303);
    List<AuditLog.Entry> audit = hub.bean(AuditLog.class).latest(10, "staff");
    assertThat(audit)
        .extracting(AuditLog.Entry::action)
        .contains("reset-password", "change-password");
    assertThat(audit).extracting(AuditLog.Entry::summary).noneMatch(s -> s.contains(temporary));
  }

  @Test
  void shouldLetOnlyACountyAdministratorResetAndNeverAnotherAdministrator() {
    StaffClient manager = StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD);
    StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);

    assertThat(manager.api("POST", "/api/staff/u-chenxl/password-reset", null).statusCode())
        .isEqualTo(403);
    assertThat(admin.api("POST", "/api/staff/u-admin/password-reset", null).statusCode())
        .isEqualTo(403);
    assertThat(admin.api("POST", "/api/staff/u-nobody/password-reset", null).statusCode())
        .isEqualTo(404);
    assertThat(admin.api("GET", "/api/staff", null).body()).contains("\"mustChangePassword\"");
  }

  @Test
  void shouldSetAnHttpOnlySameSiteSessionCookie() {
    HttpResponse<String> in = new Browser("10.0.0.41").login("admin", DemoCounty.PASSWORD);

    String cookie = in.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith(StaffFilter.COOKIE + "=")
        .containsIgnoringCase("HttpOnly")
        .containsIgnoringCase("SameSite=Lax");
    assertThat(cookie)
        .as("plain HTTP with secure-cookies auto")
        .doesNotContainIgnoringCase("Secure;")
        .doesNotEndWith("Secure");
  }
}
