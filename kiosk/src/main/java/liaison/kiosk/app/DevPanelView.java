package liaison.kiosk.app;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.Ui;
import liaison.signage.player.fx.FxThread;
import liaison.signage.player.hardware.StationDevices;
import liaison.signage.player.hardware.StationHardware;
import liaison.signage.player.text.Bilingual;

/**
 * The developer panel on a machine without GPIO: hold "有人经过" to play the motion sensor, tap "呼叫" to
 * press the call button, and watch the status LED and the footfall count. It drives Pi4J's mock
 * pins, so everything behind them runs as on a station.
 */
public final class DevPanelView extends VBox implements AutoCloseable {
  private final Label led = Ui.label("dev-led");
  private final Label footfall = Ui.label("dev-footfall");
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("dev-panel").factory());

  public DevPanelView(
      StationDevices devices, StationDevices.Emulator pins, StationHardware hardware) {
    getStyleClass().add("dev-panel");
    Label title = Ui.label("dev-title", "开发面板 · Developer panel (mock GPIO)");
    VBox motion =
        Ui.button(Bilingual.of("有人经过（按住）", "Motion (hold)"), false, "dev-motion", () -> {});
    motion.setId("dev-motion");
    motion.setOnMousePressed(e -> pins.motion(true));
    motion.setOnMouseReleased(e -> pins.motion(false));
    VBox call = Ui.button(Bilingual.of("呼叫按钮", "Call button"), false, "dev-call", pins::press);
    call.setId("dev-call");
    getChildren().addAll(title, motion, call, led, footfall);
    timer.scheduleAtFixedRate(
        () -> {
          boolean lit = devices.ledLit();
          String pattern = hardware.pattern().name();
          int count = hardware.footfallThisHour();
          FxThread.run(
              () -> {
                led.setText((lit ? "● " : "○ ") + "LED " + pattern);
                footfall.setText("本小时人流 Footfall this hour: " + count);
              });
        },
        0,
        250,
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
