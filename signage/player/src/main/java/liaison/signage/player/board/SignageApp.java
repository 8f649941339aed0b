package liaison.signage.player.board;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxThread;
import liaison.signage.player.fx.Launch;
import liaison.signage.player.fx.Portraits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The signage window: one station runtime playing its loop, for a screen nobody touches. */
public final class SignageApp extends Application {
  private static final Logger LOG = LoggerFactory.getLogger(SignageApp.class);

  private static volatile SignageOptions options;

  private StationRuntime runtime;
  private SignagePlayback playback;
  private ScheduledExecutorService timer;

  static void launchWith(SignageOptions signageOptions) {
    options = signageOptions;
    Application.launch(SignageApp.class);
  }

  @Override
  public void start(Stage stage) {
    Clock clock = Clock.system(ZoneId.of("Asia/Shanghai"));
    runtime = StationRuntime.open(options.station(), clock);
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(runtime::close));
    CjkFonts fonts = CjkFonts.detect();
    if (!fonts.available()) {
      LOG.error(CjkFonts.MISSING_MESSAGE);
    }
    SignageScreen screen =
        new SignageScreen(clock, fonts, new Portraits(hash -> runtime.photos().file(hash)));
    playback = new SignagePlayback(runtime, screen, clock);
    stage.setTitle(options.station().stationId() + " · 联络站信息屏 Liaison signage");
    stage.setScene(new Scene(screen.root(), options.width(), options.height()));
    stage.setFullScreen(options.fullScreen());
    if (options.fullScreen()) {
      stage.setFullScreenExitHint("");
    }
    stage.show();
    Launch.underSystemd(
        "signage", stage.getScene(), "屏幕已显示 · showing " + options.station().stationId());
    playback.resume();
    runtime.start();
    runtime.screenShown();
    // A plain timer rather than a Timeline: a running animation redraws 60 times a second.
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("signage-clock").factory());
    timer.scheduleAtFixedRate(() -> FxThread.run(playback::tick), 1, 1, TimeUnit.SECONDS);
  }

  @Override
  public void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
    if (playback != null) {
      playback.close();
    }
    if (runtime != null) {
      runtime.close();
    }
    Platform.exit();
  }
}
