package liaison.kiosk.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Parent;
import javafx.util.Duration;
import liaison.kiosk.fx.CjkFonts;
import liaison.kiosk.fx.FxThread;
import liaison.kiosk.home.HomePresenter;
import liaison.kiosk.home.HomeScreen;
import liaison.kiosk.home.HomeView;
import liaison.signage.player.StationRuntime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's screen wired to a station runtime: redraws when content or the link changes and
 * once a second for the clock, and tells the runtime which content version is on screen.
 */
public final class KioskScreen implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KioskScreen.class);

  private final StationRuntime runtime;
  private final HomePresenter presenter;
  private final HomeView home = new HomeView();
  private final List<AutoCloseable> watches = new ArrayList<>();
  private final Timeline tick;

  /** Builds the screen; call on the FX thread. */
  public KioskScreen(StationRuntime runtime, Clock clock, CjkFonts fonts) {
    this.runtime = runtime;
    this.presenter = new HomePresenter(clock);
    home.useFonts(fonts.sans(), fonts.serif());
    if (!fonts.available()) {
      LOG.error(CjkFonts.MISSING_MESSAGE);
      home.showFontProblem(CjkFonts.MISSING_MESSAGE);
    }
    watches.add(runtime.content().watch(c -> FxThread.run(this::refresh)));
    watches.add(runtime.link().watch(l -> FxThread.run(this::refresh)));
    tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
    tick.setCycleCount(Timeline.INDEFINITE);
    tick.play();
  }

  public Parent root() {
    return home;
  }

  public HomeView home() {
    return home;
  }

  /** Draws the current state; call on the FX thread. */
  public void refresh() {
    HomeScreen screen =
        presenter.present(runtime.content().get(), runtime.link().get(), runtime.config().stationId());
    if (!screen.equals(home.shown())) {
      home.show(screen);
    }
    runtime.content().get().ifPresent(c -> runtime.displayed(c.version()));
  }

  @Override
  public void close() {
    tick.stop();
    for (AutoCloseable watch : watches) {
      try {
        watch.close();
      } catch (Exception e) {
        LOG.debug("unwatch: {}", e.getMessage());
      }
    }
  }
}
