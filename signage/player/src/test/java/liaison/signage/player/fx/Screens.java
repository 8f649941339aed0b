package liaison.signage.player.fx;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;

/**
 * Renders a screen at a given size on the headless platform, saves it as a PNG under {@code
 * target/screens/} for a person to look at, and reads back what is visible: texts and QR codes.
 */
public final class Screens {
  public static final Path DIR = Path.of("target", "screens");

  private Screens() {}

  /** Lays out the node in a scene of the given size and takes a snapshot. Call on the FX thread. */
  public static WritableImage render(Parent root, int width, int height) {
    Scene scene = root.getScene();
    if (scene == null || scene.getWidth() != width || scene.getHeight() != height) {
      // A scene keeps its size: drawing the same screen at another size takes a new one.
      if (scene != null) {
        scene.setRoot(new javafx.scene.Group());
      }
      scene = new Scene(root, width, height);
      // The root at the scene's size before the styles are worked out: a screen that sets its
      // type from its size (the kiosk, the signage) does so now, not after the last pass; and
      // JavaFX works the styles out afresh (it keeps a root's font from an earlier size).
      if (root instanceof javafx.scene.layout.Region region) {
        region.resize(width, height);
      }
      String style = root.getStyle();
      root.setStyle("");
      root.applyCss();
      root.setStyle(style);
    }
    // Three times: pagers learn how many pages fit during the first layout and update their
    // labels ("第 1 / 3 页"), which changes the room the next layout gives them.
    for (int pass = 0; pass < 3; pass++) {
      root.applyCss();
      root.layout();
    }
    return scene.snapshot(null);
  }

  /**
   * Lays out the node in a scene of the given size, as {@link #render} does, without taking a
   * snapshot: for the pages of a long board that are checked but not saved. Call on the FX thread.
   */
  public static void layOut(Parent root, int width, int height) {
    Scene scene = root.getScene();
    if (scene == null || scene.getWidth() != width || scene.getHeight() != height) {
      if (scene != null) {
        scene.setRoot(new javafx.scene.Group());
      }
      new Scene(root, width, height);
    }
    if (root instanceof javafx.scene.layout.Region region) {
      region.resize(width, height);
    }
    for (int pass = 0; pass < 3; pass++) {
      root.applyCss();
      root.layout();
    }
  }

  public static Path save(WritableImage image, String name) {
    try {
      Files.createDirectories(DIR);
      Path file = DIR.resolve(name + ".png");
      ImageIO.write(toBufferedImage(image), "png", file.toFile());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int[] argb(WritableImage image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] pixels = new int[w * h];
    PixelReader reader = image.getPixelReader();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        pixels[y * w + x] = reader.getArgb(x, y);
      }
    }
    return pixels;
  }

  static BufferedImage toBufferedImage(WritableImage image) {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb(image), 0, w);
    return out;
  }

  /** Decodes the QR code found in the image, as a phone camera would. */
  public static String decodeQr(WritableImage image)
      throws NotFoundException, ChecksumException, FormatException {
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    RGBLuminanceSource source = new RGBLuminanceSource(w, h, argb(image));
    Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
    return result.getText();
  }

  /**
   * The texts a person can see: labels and text nodes that are visible, not empty, and lie at least
   * partly inside the scene.
   */
  public static List<String> visibleTexts(Parent root) {
    List<String> texts = new ArrayList<>();
    collect(root, texts);
    return texts;
  }

  private static void collect(Node node, List<String> out) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof Labeled labeled) {
      // What the skin draws, which ends in an ellipsis when the label is clipped.
      String shown = displayed(labeled);
      if (!shown.isEmpty() && onScreen(node)) {
        out.add(shown);
      }
      return;
    }
    if (node instanceof Text text && !text.getText().isEmpty() && onScreen(node)) {
      out.add(text.getText());
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collect(child, out);
      }
    }
  }

  /** What a label draws: its text, or less of it ending in an ellipsis when it did not fit. */
  public static String displayed(Labeled labeled) {
    for (Node child : labeled.getChildrenUnmodifiable()) {
      if (child instanceof Text text) {
        return text.getText();
      }
    }
    return labeled.getText();
  }

  /**
   * Visible texts that stick out of the scene or lie under another part of the layout's edge: each
   * with where it is, for the failure message. Empty when nothing is cut off.
   */
  public static List<String> cutOff(Parent root) {
    List<String> out = new ArrayList<>();
    collectCutOff(root, out);
    return out;
  }

  private static void collectCutOff(Node node, List<String> out) {
    if (!node.isVisible()) {
      return;
    }
    if (node instanceof javafx.scene.control.ScrollPane scroll) {
      // Its content is cut to the viewport on purpose (a long notice pages by the screenful);
      // only the pane itself must stay on screen.
      Bounds b = scroll.localToScene(scroll.getBoundsInLocal());
      Scene scene = scroll.getScene();
      if (b.getMaxX() > scene.getWidth() + 0.5 || b.getMaxY() > scene.getHeight() + 0.5) {
        out.add("scroll pane at " + b);
      }
      return;
    }
    if (node instanceof Labeled labeled) {
      Scene scene = node.getScene();
      Bounds b = node.localToScene(node.getBoundsInLocal());
      String shown = displayed(labeled);
      if (!shown.isEmpty()
          && b.getWidth() > 0
          && (b.getMinX() < -0.5
              || b.getMinY() < -0.5
              || b.getMaxX() > scene.getWidth() + 0.5
              || b.getMaxY() > scene.getHeight() + 0.5)) {
        out.add(shown + " at " + b);
      }
      return;
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collectCutOff(child, out);
      }
    }
  }

  /**
   * Pairs of visible texts drawn on top of each other (their boxes overlap by more than a pixel
   * each way), for the failure message. Empty when the layout keeps them apart.
   */
  public static List<String> overlapping(Parent root) {
    List<Labeled> labels = new ArrayList<>();
    collectLabels(root, labels);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      Bounds a = labels.get(i).localToScene(labels.get(i).getLayoutBounds());
      for (int j = i + 1; j < labels.size(); j++) {
        Bounds b = labels.get(j).localToScene(labels.get(j).getLayoutBounds());
        double w = Math.min(a.getMaxX(), b.getMaxX()) - Math.max(a.getMinX(), b.getMinX());
        double h = Math.min(a.getMaxY(), b.getMaxY()) - Math.max(a.getMinY(), b.getMinY());
        if (w > 1 && h > 1) {
          out.add("'" + displayed(labels.get(i)) + "' over '" + displayed(labels.get(j)) + "'");
        }
      }
    }
    return out;
  }

  private static void collectLabels(Node node, List<Labeled> out) {
    if (!node.isVisible() || node instanceof javafx.scene.control.ScrollPane) {
      return;
    }
    if (node instanceof Labeled labeled) {
      if (!displayed(labeled).isEmpty() && onScreen(node)) {
        out.add(labeled);
      }
      return;
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collectLabels(child, out);
      }
    }
  }

  /** Decodes the QR code drawn inside the node, cropping the screen to it as a phone would aim. */
  public static String decodeQrIn(WritableImage image, Node node)
      throws NotFoundException, ChecksumException, FormatException {
    Bounds b = node.localToScene(node.getBoundsInLocal());
    int x = (int) Math.max(0, Math.floor(b.getMinX()));
    int y = (int) Math.max(0, Math.floor(b.getMinY()));
    int w = (int) Math.min(image.getWidth() - x, Math.ceil(b.getWidth()));
    int h = (int) Math.min(image.getHeight() - y, Math.ceil(b.getHeight()));
    WritableImage crop = new WritableImage(image.getPixelReader(), x, y, w, h);
    return decodeQr(crop);
  }

  /** A tap as the touchscreen delivers it: pressed, released, clicked at the node's centre. */
  public static void tap(Node node) {
    Bounds b = node.localToScene(node.getBoundsInLocal());
    double x = b.getCenterX();
    double y = b.getCenterY();
    for (javafx.event.EventType<javafx.scene.input.MouseEvent> type :
        List.of(
            javafx.scene.input.MouseEvent.MOUSE_PRESSED,
            javafx.scene.input.MouseEvent.MOUSE_RELEASED,
            javafx.scene.input.MouseEvent.MOUSE_CLICKED)) {
      javafx.event.Event.fireEvent(
          node,
          new javafx.scene.input.MouseEvent(
              type,
              x,
              y,
              x,
              y,
              javafx.scene.input.MouseButton.PRIMARY,
              1,
              false,
              false,
              false,
              false,
              true,
              false,
              false,
              true,
              false,
              true,
              null));
    }
  }

  /** Texts that were cut short with an ellipsis because they did not fit. */
  public static List<String> clipped(List<String> texts) {
    return texts.stream().filter(t -> t.endsWith("...")).toList();
  }

  private static boolean onScreen(Node node) {
    Scene scene = node.getScene();
    Bounds b = node.localToScene(node.getBoundsInLocal());
    return scene != null
        && b.getWidth() > 0
        && b.getHeight() > 0
        && b.getMaxX() > 0
        && b.getMaxY() > 0
        && b.getMinX() < scene.getWidth()
        && b.getMinY() < scene.getHeight();
  }
}
