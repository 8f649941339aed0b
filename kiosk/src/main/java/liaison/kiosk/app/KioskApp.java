package liaison.kiosk.app;

import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import liaison.kiosk.fx.CjkFonts;
import liaison.signage.player.StationRuntime;

/** The kiosk window: one station runtime and its screen. */
public final class KioskApp extends Application {

  private static volatile KioskOptions options;

  private StationRuntime runtime;
  private KioskScreen screen;

  static void launchWith(KioskOptions kioskOptions) {
    options = kioskOptions;
    Application.launch(KioskApp.class);
  }

  @Override
  public void start(Stage stage) {
    Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    runtime = StationRuntime.open(options.station(), clock);
    // SIGTERM (systemd stopping the kiosk) skips stop(): close the runtime there too, so the hub
    // hears "offline" at once rather than after the keep-alive runs out.
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(runtime::close));
    screen = new KioskScreen(runtime, clock, CjkFonts.detect());

    stage.setTitle(options.station().stationId() + " · 联络站 Liaison");
    stage.setScene(new Scene(screen.root(), options.width(), options.height()));
    stage.setFullScreen(options.fullScreen());
    if (options.fullScreen()) {
      stage.setFullScreenExitHint("");
    }
    stage.show();
    screen.refresh();
    runtime.start();
  }

  @Override
  public void stop() {
    if (screen != null) {
      screen.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    Platform.exit();
  }
}
