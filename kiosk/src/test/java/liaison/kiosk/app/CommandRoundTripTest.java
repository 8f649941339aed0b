package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import liaison.hub.command.CommandRecord;
import liaison.hub.command.CommandService;
import liaison.hub.command.CommandStatus;
import liaison.hub.command.ScreenshotStore;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffAccountRepository;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.hardware.DeviceConfig;
import liaison.signage.player.hardware.LedPattern;
import liaison.signage.player.hardware.ScreenPower;
import liaison.signage.player.hardware.StationDevices;
import liaison.signage.player.hardware.StationHardware;
import liaison.testkit.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command round trip end to end: the real hub and broker, a real station runtime with the
 * kiosk's screen on the headless platform and Pi4J's mock pins; the PNG goes over HTTP.
 */
@ExtendWith(FxToolkit.class)
class CommandRoundTripTest {
  @TempDir Path dir;
  private final Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));

  @Test
  void shouldCarryScreenshotIdentifyScreenAndRestartFromTheHubToTheKioskAndBack() throws Exception {
    int mqttPort = TestBroker.freePort();
    int httpPort = TestBroker.freePort();
    try (ApplicationContext hub =
        ApplicationContext.run(
            Map.of(
                "hub.data-dir",
                dir.resolve("hub").toString(),
                "hub.http-port",
                httpPort,
                "hub.http-host",
                "127.0.0.1",
                // The address the station uploads to: this hub, as a station on the LAN reaches it.
                "hub.public-url",
                "http://127.0.0.1:" + httpPort,
                "hub.mqtt.port",
                mqttPort,
                "hub.mqtt.broker.persistence",
                "in-memory",
                "hub.commands.timeout",
                "10s"))) {
      hub.getBean(EmbeddedServer.class).start();
      Staff admin =
          hub.getBean(StaffAccountRepository.class).byUsername("admin").orElseThrow().staff();
      CommandService commands = hub.getBean(CommandService.class);
      StationConfig config =
          EnrolledStations.enrolled(
              hub, StationConfig.of("s-001", "tcp://127.0.0.1:" + mqttPort, dir.resolve("kiosk")));
      List<String> restarts = new CopyOnWriteArrayList<>();
      List<Boolean> backlight = new CopyOnWriteArrayList<>();
      ScreenPower power = backlight::add;
      try (StationRuntime runtime = StationRuntime.open(config, clock);
          StationDevices devices =
              StationDevices.open(DeviceConfig.DEFAULTS.withProvider(DeviceConfig.Provider.MOCK))
                  .orElseThrow();
          StationHardware hardware = new StationHardware(runtime, devices, power, clock)) {
        KioskScreen screen = onFx(() -> new KioskScreen(runtime, clock, CjkFonts.detect()));
        runtime
            .commands()
            .handler(
                new KioskCommands(
                    runtime, screen, Optional.of(hardware), power, () -> restarts.add("restart")));
        runtime.start();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    runtime.presence().displayedVersion() > 0
                        && runtime.presence().link().get().state() == LinkStatus.State.ONLINE);
        onFx(() -> Screens.render(screen.root(), 1280, 800));

        // SCREENSHOT: the kiosk's own scene, uploaded over HTTP, stored by hash, on the fleet page.
        CommandRecord shot = commands.send(admin, "s-001", "SCREENSHOT");
        assertThat(shot.status()).as(shot.message()).isEqualTo(CommandStatus.OK);
        byte[] png = hub.getBean(ScreenshotStore.class).read(shot.screenshotHash()).orElseThrow();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(800);
        java.nio.file.Files.createDirectories(Screens.DIR);
        java.nio.file.Files.write(
            Screens.DIR.resolve("command-screenshot-as-uploaded-1280x800.png"), png);
        String fleet =
            loggedIn(httpPort)
                .send(
                    HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + httpPort + "/admin/fleet"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        assertThat(fleet).contains("/admin/fleet/screenshots/" + shot.screenshotHash() + ".png");

        // IDENTIFY: the LED flickers (mock pins) and a frame flashes on the screen.
        assertThat(hardware.pattern()).isEqualTo(LedPattern.STEADY);
        CommandRecord identify = commands.send(admin, "s-001", "IDENTIFY");
        assertThat(identify.status()).isEqualTo(CommandStatus.OK);
        assertThat(hardware.pattern()).isEqualTo(LedPattern.IDENTIFY);
        assertThat(onFx(() -> screen.view().identifying())).isTrue();
        onFx(
            () -> {
              Screens.save(Screens.render(screen.root(), 1280, 800), "command-identify-1280x800");
              assertThat(LayoutCheck.touchScreen(Panel.KIOSK_10_INCH_1280).problems(screen.root()))
                  .isEmpty();
            });

        // SCREEN_OFF: backlight off, and the hub hears of it in the station's state.
        assertThat(commands.send(admin, "s-001", "SCREEN_OFF").status())
            .isEqualTo(CommandStatus.OK);
        assertThat(backlight).endsWith(false);
        assertThat(runtime.presence().screen())
            .isEqualTo(liaison.signage.protocol.StationState.Screen.OFF);
        assertThat(commands.send(admin, "s-001", "RELOAD_CONTENT").status())
            .isEqualTo(CommandStatus.OK);

        // RESTART_APP: answered first, then the app's restart callback.
        assertThat(commands.send(admin, "s-001", "RESTART_APP").status())
            .isEqualTo(CommandStatus.OK);
        await().until(() -> restarts.size() == 1);
        onFx(screen::close);
      }
    }
  }

  private static HttpClient loggedIn(int port) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=demo-2026"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isIn(200, 303);
    return http;
  }
}
