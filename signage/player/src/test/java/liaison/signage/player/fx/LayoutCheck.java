package liaison.signage.player.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;

/**
 * What every rendered screen of a station must hold, checked on its scene graph after layout; the
 * kiosk's and the signage's screen tests run it on each screen they draw. It fails on:
 *
 * <ul>
 *   <li>a text outside the screen, or outside a container it sits in (drawn past a card's edge, or
 *       cut off by a clip);
 *   <li>two texts drawn over each other;
 *   <li>on a screen nobody touches ({@link #wall}), a text cut short ("…"): there is no tap that
 *       would show the rest, so a name or a topic must be whole (wrapped, smaller or paged);
 *   <li>a text smaller than the panel's physical minimum ({@link Panel#minTextPx()});
 *   <li>a QR code (a node of style class {@code qr}) smaller than {@link Panel#minQrPx()}.
 * </ul>
 *
 * Only what a person can see counts: invisible nodes, and nodes lying under an opaque layer of a
 * stack (the emergency screen over the kiosk's frame, the signage loop over an idle kiosk), are
 * left out. Call on the FX thread, after {@link Screens#render}.
 *
 * @param touch whether a visitor can tap the screen to open what is cut short
 */
public record LayoutCheck(Panel panel, boolean touch) {

  /** The style class of the kiosk's developer panel (mock GPIO only). */
  private static final String DEVELOPER_PANEL = "dev-panel";

  /** Overlaps and overhangs under a pixel are rounding. */
  private static final double SLACK = 1.0;

  /** A kiosk page: a text cut short may be tapped to read in full. */
  public static LayoutCheck touchScreen(Panel panel) {
    return new LayoutCheck(panel, true);
  }

  /** A screen nobody touches (the signage boards, the idle kiosk): nothing may be cut short. */
  public static LayoutCheck wall(Panel panel) {
    return new LayoutCheck(panel, false);
  }

  /** Every problem found, each saying what and where; empty when the screen is sound. */
  public List<String> problems(Parent root) {
    Scene scene = root.getScene();
    if (scene == null) {
      throw new IllegalStateException("render the screen before checking it");
    }
    List<Node> texts = new ArrayList<>();
    List<Node> codes = new ArrayList<>();
    collect(root, texts, codes);
    List<String> out = new ArrayList<>();
    for (Node text : texts) {
      outside(text, scene, out);
      if (!touch) {
        cutShort(text, out);
      }
      tooSmall(text, out);
    }
    overlapping(texts, out);
    for (Node code : codes) {
      qrTooSmall(code, out);
    }
    return out;
  }

  // --- what a person sees --------------------------------------------------------------------

  private static void collect(Node node, List<Node> texts, List<Node> codes) {
    if (!node.isVisible() || node.getOpacity() == 0 || hidden(node)) {
      return;
    }
    if (node.getStyleClass().contains(DEVELOPER_PANEL)) {
      // The mock-hardware panel a developer plays the sensor with: never on a station, and
      // drawn over the page on purpose.
      return;
    }
    if (node.getStyleClass().contains("qr")) {
      codes.add(node);
    }
    if (node instanceof Labeled labeled) {
      if (!labeled.getText().isEmpty()) {
        texts.add(node);
      }
      // A label's graphic is drawn with it; its own text node is the label's.
      return;
    }
    if (node instanceof Text text && !text.getText().isEmpty()) {
      texts.add(node);
      return;
    }
    if (node instanceof ScrollPane scroll) {
      // Its content is cut to the viewport on purpose; the pane itself is a box on the screen.
      return;
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collect(child, texts, codes);
      }
    }
  }

  /** Under an opaque sibling drawn later (higher in a stack) that covers it whole. */
  private static boolean hidden(Node node) {
    Bounds b = sceneBounds(node);
    Node child = node;
    for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
      List<Node> siblings = parent.getChildrenUnmodifiable();
      for (int i = siblings.indexOf(child) + 1; i < siblings.size(); i++) {
        if (covers(siblings.get(i), b)) {
          return true;
        }
      }
      child = parent;
    }
    return false;
  }

  private static boolean covers(Node layer, Bounds area) {
    if (!layer.isVisible() || layer.getOpacity() < 1 || !contains(sceneBounds(layer), area, 0)) {
      return false;
    }
    if (layer instanceof Region region && opaque(region.getBackground())) {
      return true;
    }
    if (layer instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        if (covers(child, area)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean opaque(Background background) {
    if (background == null) {
      return false;
    }
    for (BackgroundFill fill : background.getFills()) {
      if (fill.getInsets().getTop() <= 0
          && fill.getInsets().getLeft() <= 0
          && fill.getRadii().isUniform()
          && fill.getRadii().getTopLeftHorizontalRadius() == 0
          && opaque(fill.getFill())) {
        return true;
      }
    }
    return false;
  }

  private static boolean opaque(Paint paint) {
    if (paint instanceof Color c) {
      return c.getOpacity() >= 1;
    }
    if (paint instanceof LinearGradient g) {
      return g.getStops().stream().map(Stop::getColor).allMatch(c -> c.getOpacity() >= 1);
    }
    return false;
  }

  // --- the rules -----------------------------------------------------------------------------

  private static void outside(Node text, Scene scene, List<String> out) {
    Bounds b = sceneBounds(text);
    if (b.getMinX() < -SLACK
        || b.getMinY() < -SLACK
        || b.getMaxX() > scene.getWidth() + SLACK
        || b.getMaxY() > scene.getHeight() + SLACK) {
      out.add(quote(text) + " lies outside the screen at " + where(b));
      return;
    }
    Node child = text;
    for (Parent parent = text.getParent(); parent != null; parent = parent.getParent()) {
      if (parent instanceof ScrollPane) {
        return;
      }
      Bounds box = sceneBounds(parent);
      // A node drawn with a translation (an offset panel) is still inside its own box.
      if (!contains(box, b, SLACK) && child.getTranslateX() == 0 && child.getTranslateY() == 0) {
        out.add(
            quote(text)
                + " at "
                + where(b)
                + " runs out of its "
                + parent.getClass().getSimpleName()
                + parent.getStyleClass()
                + " at "
                + where(box));
        return;
      }
      child = parent;
    }
  }

  private static void cutShort(Node node, List<String> out) {
    if (node instanceof Labeled labeled) {
      String shown = Screens.displayed(labeled);
      if (!shown.equals(labeled.getText())) {
        out.add(
            "'"
                + labeled.getText()
                + "' is cut short to '"
                + shown
                + "' on a screen nobody can touch");
      }
    }
  }

  private void tooSmall(Node node, List<String> out) {
    double size =
        node instanceof Labeled l ? l.getFont().getSize() : ((Text) node).getFont().getSize();
    if (size < panel.minTextPx() - 0.01) {
      out.add(
          quote(node)
              + String.format(
                  Locale.ROOT,
                  " is %.1f px, under the %.1f px (%.1f mm characters) of the %s",
                  size,
                  panel.minTextPx(),
                  panel.minCharacterMm(),
                  panel));
    }
  }

  private static void overlapping(List<Node> texts, List<String> out) {
    List<Bounds> boxes = texts.stream().map(LayoutCheck::sceneBounds).toList();
    for (int i = 0; i < texts.size(); i++) {
      for (int j = i + 1; j < texts.size(); j++) {
        Bounds a = boxes.get(i);
        Bounds b = boxes.get(j);
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        if (w > SLACK && h > SLACK) {
          out.add(
              quote(texts.get(i)) + " and " + quote(texts.get(j)) + " are drawn over each other");
        }
      }
    }
  }

  private void qrTooSmall(Node code, List<String> out) {
    Node drawn = code;
    if (code instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        if (child instanceof Canvas) {
          drawn = child;
        }
      }
    }
    Bounds b = sceneBounds(drawn);
    double side = Math.min(b.getWidth(), b.getHeight());
    if (side < panel.minQrPx() - 0.5) {
      out.add(
          String.format(
              Locale.ROOT,
              "a QR code is %.0f px (%.1f mm) across, under the %.0f px (%.0f mm) of the %s",
              side,
              side * panel.mmPerPx(),
              panel.minQrPx(),
              Panel.QR_MM,
              panel));
    }
  }

  // --- geometry ------------------------------------------------------------------------------

  private static Bounds sceneBounds(Node node) {
    return node.localToScene(node.getLayoutBounds());
  }

  private static boolean contains(Bounds outer, Bounds inner, double slack) {
    return inner.getMinX() >= outer.getMinX() - slack
        && inner.getMinY() >= outer.getMinY() - slack
        && inner.getMaxX() <= outer.getMaxX() + slack
        && inner.getMaxY() <= outer.getMaxY() + slack;
  }

  private static String quote(Node node) {
    String text = node instanceof Labeled l ? l.getText() : ((Text) node).getText();
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return "'" + shown.replace('\n', ' ') + "'";
  }

  private static String where(Bounds b) {
    return String.format(
        Locale.ROOT,
        "[%.0f,%.0f %.0f×%.0f]",
        b.getMinX(),
        b.getMinY(),
        b.getWidth(),
        b.getHeight());
  }
}
