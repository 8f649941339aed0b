package liaison.kiosk.app;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Shape;
import liaison.kiosk.nav.Page;
import liaison.kiosk.nav.Settings;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Notice;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * 高对比 covers every element: with it on, every colour the scene graph paints (backgrounds, borders,
 * text, shapes) is black, white or the contrast yellow, and every text stands at least 7:1 against
 * what is behind it. Read off the scene graph of every page, the urgent banner and the emergency
 * screen, so a new element left in its everyday colours fails here.
 */
@ExtendWith(FxToolkit.class)
class HighContrastTest {

  /** What 高对比 paints with: white and yellow on black (and black on yellow or white). */
  static final Set<String> PALETTE = Set.of("000000", "ffffff", "ffdd00");

  @TempDir Path dir;

  private final TestClock clock = TestClock.at("2026-11-23T09:30:00+08:00");

  static Stream<Arguments> everyPage() {
    return Stream.of(
        Arguments.of("home", new Page.Home(), false),
        Arguments.of("deputies", Page.Deputies.all(), false),
        Arguments.of("deputy", new Page.Deputy("d-0001"), false),
        Arguments.of("schedule", new Page.Schedule(0), false),
        Arguments.of("notices", new Page.Notices(0), false),
        Arguments.of("notice", new Page.Notice("n-0007", 0), false),
        Arguments.of("results", new Page.Results(), false),
        Arguments.of("feedback", new Page.Feedback(), false),
        Arguments.of("urgent", new Page.Home(), true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyPage")
  void shouldPaintEveryElementInTheContrastColoursWithSevenToOneText(
      String name, Page page, boolean urgent) {
    StationContent content = urgent ? withNotice(NoticePriority.URGENT) : GoldenFiles.content();
    try (StationRuntime runtime = runtime(content)) {
      List<String> wrong = drawn(runtime, page, "contrast-" + name + "-1280x800");
      assertThat(wrong).as("colours outside 高对比 on %s", name).isEmpty();
    }
  }

  @Test
  void shouldPaintTheEmergencyScreenInTheContrastColoursToo() {
    try (StationRuntime runtime = runtime(withNotice(NoticePriority.EMERGENCY))) {
      assertThat(drawn(runtime, new Page.Home(), "contrast-emergency-1280x800")).isEmpty();
    }
  }

  private List<String> drawn(StationRuntime runtime, Page page, String png) {
    return onFx(
        () -> {
          KioskScreen screen = new KioskScreen(runtime, clock, CjkFonts.detect());
          screen.navigator().settings(new Settings(false, true, false), clock.instant());
          screen.navigator().go(page, clock.instant());
          screen.refresh();
          Screens.save(Screens.render(screen.root(), 1280, 800), png);
          List<String> out = new ArrayList<>();
          walk(screen.root(), out);
          screen.close();
          return out;
        });
  }

  private static void walk(Node node, List<String> out) {
    if (!node.isVisible() || node.getOpacity() == 0) {
      return;
    }
    String what = node.getClass().getSimpleName() + node.getStyleClass();
    if (node instanceof Region r) {
      Background background = r.getBackground();
      if (background != null) {
        for (BackgroundFill fill : background.getFills()) {
          paint(what + " background", fill.getFill(), out);
        }
      }
      Border border = r.getBorder();
      if (border != null) {
        for (BorderStroke stroke : border.getStrokes()) {
          for (Paint p :
              List.of(
                  stroke.getTopStroke(),
                  stroke.getRightStroke(),
                  stroke.getBottomStroke(),
                  stroke.getLeftStroke())) {
            paint(what + " border", p, out);
          }
        }
      }
    }
    if (node instanceof Shape shape) {
      paint(what + " fill", shape.getFill(), out);
      paint(what + " stroke", shape.getStroke(), out);
    }
    if (node instanceof Labeled labeled && !labeled.getText().isEmpty()) {
      paint("'" + labeled.getText() + "'", labeled.getTextFill(), out);
      Color behind = behind(labeled);
      if (labeled.getTextFill() instanceof Color text && behind != null) {
        double ratio = contrast(text, behind);
        if (ratio < 7) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "'%s' stands %.1f:1 against %s",
                  labeled.getText(),
                  ratio,
                  hex(behind)));
        }
      }
      return;
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, out);
      }
    }
  }

  private static void paint(String where, Paint paint, List<String> out) {
    if (paint == null) {
      return;
    }
    List<Color> colours =
        paint instanceof Color c
            ? List.of(c)
            : paint instanceof LinearGradient g
                ? g.getStops().stream().map(Stop::getColor).toList()
                : List.of();
    for (Color c : colours) {
      if (c.getOpacity() > 0 && !PALETTE.contains(hex(c))) {
        out.add(where + " is " + hex(c));
      }
    }
  }

  /** The colour behind a text: its own background, or the nearest one beneath it. */
  private static Color behind(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n instanceof Region r && r.getBackground() != null) {
        for (BackgroundFill fill : r.getBackground().getFills()) {
          if (fill.getFill() instanceof Color c && c.getOpacity() >= 1) {
            return c;
          }
        }
      }
    }
    return null;
  }

  private static double contrast(Color a, Color b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(Color c) {
    return 0.2126 * channel(c.getRed())
        + 0.7152 * channel(c.getGreen())
        + 0.0722 * channel(c.getBlue());
  }

  private static double channel(double v) {
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  }

  private static String hex(Color c) {
    return String.format(
        Locale.ROOT,
        "%02x%02x%02x",
        Math.round(c.getRed() * 255),
        Math.round(c.getGreen() * 255),
        Math.round(c.getBlue() * 255));
  }

  private StationRuntime runtime(StationContent content) {
    StationConfig config =
        StationConfig.of(
            content.stationId(), "tcp://127.0.0.1:1", dir.resolve("kiosk-" + System.nanoTime()));
    try (ContentStore store = ContentStore.open(config.storeFile())) {
      store.storeIfNewer(content, OffsetDateTime.now(clock));
    }
    return StationRuntime.open(config, clock);
  }

  private static StationContent withNotice(NoticePriority priority) {
    Notice notice =
        new Notice(
            "n-alert",
            priority == NoticePriority.EMERGENCY ? "防汛紧急通知" : "今日下午停水通知",
            "因管网抢修，城关镇人民路沿线今日14:00—18:00停水，请提前储水。",
            priority,
            OffsetDateTime.parse("2026-11-23T08:00:00+08:00"),
            OffsetDateTime.parse("2026-11-23T18:00:00+08:00"));
    return KioskPagesTest.withNotice(notice);
  }
}
