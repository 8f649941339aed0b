package liaison.hub.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.browser.Chromium;
import liaison.signage.protocol.CommandResult;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationCommand;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote commands through the hub's real broker, answered by a scripted station s-001 (the kiosk's
 * HubToKioskTest runs the real station runtime); s-003 stays offline.
 */
class CommandTest {
  @TempDir static Path dir;
  static RunningHub hub;
  static TestClient station;
  static Thread answering;
  static final AtomicReference<String> mode = new AtomicReference<>("upload");
  static final AtomicReference<String> lastToken = new AtomicReference<>();
  static final HttpClient http = HttpClient.newHttpClient();
  static final ObjectMapper json = new ObjectMapper();
  static final byte[] SCREEN = png(1280, 800);

  @BeforeAll
  static void start() {
    hub = RunningHub.start(dir, Map.of("hub.commands.timeout", "4s"));
    station = hub.station("s-001", "commands");
    station.subscribe(Topic.stationCommand("s-001").toString());
    answering = Thread.ofPlatform().daemon().start(CommandTest::answerCommands);
  }

  @AfterAll
  static void stop() {
    answering.interrupt();
    station.close();
    hub.close();
  }

  /**
   * The scripted station: uploads a 1280×800 PNG for a screenshot (or not, per mode), answers OK.
   */
  static void answerCommands() {
    for (int handled = 0; ; handled++) {
      TestClient.Received got;
      try {
        got = station.awaitMessage(handled);
      } catch (InterruptedException e) {
        return;
      }
      StationCommand command = ProtocolCodec.decode(got.payload(), StationCommand.class);
      String hash = null;
      CommandResult.Outcome outcome = CommandResult.Outcome.OK;
      if (command.name().equals("SCREENSHOT")) {
        lastToken.set(command.args().get(StationCommand.UPLOAD_TOKEN));
        if (mode.get().equals("upload")) {
          // The hub's public URL (https://hub.test) is not this test's address: keep the path.
          URI url = URI.create(command.args().get(StationCommand.UPLOAD_URL));
          int status = put(url.getPath(), lastToken.get(), SCREEN).statusCode();
          assertThat(status).isEqualTo(200);
          hash = ScreenshotStore.sha256(SCREEN);
        } else {
          outcome = CommandResult.Outcome.FAILED;
        }
      }
      CommandResult result =
          new CommandResult(
              command.id(),
              outcome,
              outcome == CommandResult.Outcome.OK ? "好" : "没截到",
              "done",
              OffsetDateTime.now(),
              hash);
      // As a real station does: on the response topic the command carries.
      station.publish(got.responseTopic(), ProtocolCodec.encode(result), false);
    }
  }

  static HttpResponse<String> put(String path, String token, byte[] body) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(hub.url(path))
              .header("Content-Type", "image/png")
              .header("Accept", "application/json")
              .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
      if (token != null) {
        request.header("X-Upload-Token", token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(new java.awt.Color(0xB71C1C));
    g.fillRect(0, 0, width, height / 6);
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, height / 6, width, height);
    g.setColor(new java.awt.Color(0x333333));
    g.fillRect(width / 10, height / 3, width / 3, height / 2);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode body(HttpResponse<String> answer) throws Exception {
    return json.readTree(answer.body());
  }

  @Test
  void shouldTakeAScreenshotOverHttpStoreItAndShowItOnTheFleetPage() throws Exception {
    StaffClient admin = StaffClient.basic(hub, "admin", "demo-2026");

    HttpResponse<String> answer =
        admin.api("POST", "/api/stations/s-001/commands", "{\"name\": \"SCREENSHOT\"}");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode command = body(answer);
    assertThat(command.path("status").asText()).isEqualTo("OK");
    String hash = command.path("screenshotHash").asText();
    assertThat(hash).isEqualTo(ScreenshotStore.sha256(SCREEN));
    BufferedImage stored =
        ImageIO.read(
            new ByteArrayInputStream(hub.bean(ScreenshotStore.class).read(hash).orElseThrow()));
    assertThat(stored.getWidth()).isEqualTo(1280);
    assertThat(stored.getHeight()).isEqualTo(800);
    // The token was for that upload only.
    assertThat(put("/api/stations/s-001/screenshots", lastToken.get(), SCREEN).statusCode())
        .isEqualTo(403);

    StaffClient browser = StaffClient.loggedIn(hub, "admin", "demo-2026");
    String fleet = browser.get("/admin/fleet").body();
    assertThat(fleet).contains("/admin/fleet/screenshots/" + hash + ".png", "截图", "闪灯识别", "重启");
    HttpResponse<byte[]> image = browser.download("/admin/fleet/screenshots/" + hash + ".png");
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(
            StaffClient.loggedIn(hub, "baisha", "demo-2026")
                .download("/admin/fleet/screenshots/" + hash + ".png")
                .statusCode())
        .as("another station's manager")
        .isEqualTo(403);
    assertThat(admin.api("GET", "/api/stations/s-001/commands", null).body())
        .contains(command.path("id").asText());

    try (Chromium chromium = Chromium.launch()) {
      com.microsoft.playwright.Page page = chromium.laptop();
      page.navigate(hub.url("/login").toString());
      page.getByLabel("用户名").fill("admin");
      page.getByLabel("密码").fill("demo-2026");
      page.getByLabel("密码").press("Enter");
      page.waitForURL("**/admin/dashboard");
      page.navigate(hub.url("/admin/fleet").toString());
      assertThat(page.locator("img.thumb").count()).isEqualTo(1);
      assertThat(
              (Boolean)
                  page.locator("img.thumb").evaluate("i => i.complete && i.naturalWidth === 1280"))
          .isTrue();
      Chromium.screenshot(page, "fleet-with-screenshot-laptop");
      // A button on the page: 闪灯识别, answered by the station, shown in the history.
      // The commands fold under 发送命令 so the table fits a laptop; open it as staff would.
      page.locator("tr:has(code:text('s-001')) details.commands summary").click();
      page.locator("tr:has(code:text('s-001')) button:text('闪灯识别')").click();
      page.waitForURL("**/admin/fleet/s-001/commands**");
      assertThat(page.locator("tr.just-sent").innerText()).contains("闪灯识别", "成功");
      Chromium.screenshot(page, "fleet-command-history-laptop");
    }
  }

  @Test
  void shouldRefuseScreenshotsThatAreNotPngsTooLargeOrWithoutAValidToken() throws Exception {
    mode.set("no-upload");
    try {
      StaffClient admin = StaffClient.basic(hub, "admin", "demo-2026");
      JsonNode failed =
          body(admin.api("POST", "/api/stations/s-001/commands", "{\"name\": \"SCREENSHOT\"}"));
      assertThat(failed.path("status").asText()).isEqualTo("FAILED");
      String token = lastToken.get();
      String path = "/api/stations/s-001/screenshots";

      assertThat(put(path, null, SCREEN).statusCode()).as("no token").isEqualTo(403);
      assertThat(put(path, "forged", SCREEN).statusCode()).as("wrong token").isEqualTo(403);
      assertThat(
              put(path, "forged", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8))
                  .statusCode())
          .as("a wrong token with a bad body: refused for the token before the body is read")
          .isEqualTo(403);
      assertThat(put("/api/stations/s-002/screenshots", token, SCREEN).statusCode())
          .as("another station")
          .isEqualTo(403);
      HttpResponse<String> text =
          put(path, token, "<html>not an image</html>".getBytes(StandardCharsets.UTF_8));
      assertThat(text.statusCode()).isEqualTo(422);
      assertThat(text.body()).contains("PNG");
      byte[] huge = new byte[ScreenshotStore.MAX_BYTES + 1];
      System.arraycopy(SCREEN, 0, huge, 0, SCREEN.length);
      HttpResponse<String> tooLarge = put(path, token, huge);
      assertThat(tooLarge.statusCode()).isEqualTo(422);
      assertThat(tooLarge.body()).contains("3 MB");
      byte[] broken = java.util.Arrays.copyOf(SCREEN, 200);
      assertThat(put(path, token, broken).statusCode())
          .as("a PNG header on damaged data")
          .isEqualTo(422);
      assertThat(
              hub.bean(CommandRepository.class)
                  .find(failed.path("id").asText())
                  .orElseThrow()
                  .screenshotHash())
          .as("nothing stored")
          .isNull();
    } finally {
      mode.set("upload");
    }
  }

  @Test
  void shouldAllowEachRoleOnlyItsCommandsAndSayWhatIsWrong() throws Exception {
    StaffClient otherManager = StaffClient.basic(hub, "baisha", "demo-2026");
    StaffClient manager = StaffClient.basic(hub, "chengguan", "demo-2026");
    StaffClient deputy = StaffClient.basic(hub, "chenxl", "demo-2026");
    StaffClient admin = StaffClient.basic(hub, "admin", "demo-2026");

    assertThat(
            otherManager
                .api("POST", "/api/stations/s-001/commands", "{\"name\": \"IDENTIFY\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            manager
                .api("POST", "/api/stations/s-001/commands", "{\"name\": \"RESTART_APP\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            deputy
                .api("POST", "/api/stations/s-001/commands", "{\"name\": \"IDENTIFY\"}")
                .statusCode())
        .isIn(403);
    assertThat(
            body(manager.api("POST", "/api/stations/s-001/commands", "{\"name\": \"SCREEN_OFF\"}"))
                .path("status")
                .asText())
        .isEqualTo("OK");
    assertThat(
            admin
                .api("POST", "/api/stations/s-999/commands", "{\"name\": \"IDENTIFY\"}")
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> unknown =
        admin.api("POST", "/api/stations/s-001/commands", "{\"name\": \"DANCE\"}");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(unknown).get("name")).contains("没有这个命令：DANCE");
    assertThat(unknown.body()).contains("No such command: DANCE");
    String audit = hub.bean(liaison.hub.audit.AuditLog.class).latest(20, "station").toString();
    assertThat(audit).contains("SCREEN_OFF").doesNotContain("DANCE", "RESTART_APP");

    // The admin's form on the fleet page, with the page's CSRF token.
    StaffClient browser = StaffClient.loggedIn(hub, "admin", "demo-2026");
    assertThat(
            browser
                .submit("/admin/fleet/s-001/commands/RELOAD_CONTENT", "wrong", List.of())
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> sent =
        browser.submit("/admin/fleet/s-001/commands/RELOAD_CONTENT", browser.csrf(), List.of());
    assertThat(sent.statusCode()).isEqualTo(303);
    assertThat(browser.get(sent.headers().firstValue("Location").orElseThrow()).body())
        .contains("重新加载", "成功");
  }

  @Test
  void shouldStoreTimedOutWhenTheStationIsOffline() throws Exception {
    StaffClient admin = StaffClient.basic(hub, "admin", "demo-2026");
    JsonNode command =
        body(admin.api("POST", "/api/stations/s-003/commands", "{\"name\": \"IDENTIFY\"}"));

    assertThat(command.path("status").asText()).isEqualTo("TIMED_OUT");
    assertThat(
            hub.bean(CommandRepository.class)
                .find(command.path("id").asText())
                .orElseThrow()
                .status())
        .isEqualTo(CommandStatus.TIMED_OUT);
  }
}
