package liaison.signage.player.qr;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * Draws a {@link QrCode} as large as its box allows, with whole pixels per module so every edge is
 * crisp for a phone camera.
 */
public final class QrView extends Region {
  private final Canvas canvas = new Canvas();
  private QrCode code;

  public QrView() {
    getChildren().add(canvas);
    getStyleClass().add("qr");
    // Small enough for two codes on a 7-inch panel; still 2 px a module for a station's link.
    setMinSize(64, 64);
  }

  public void show(QrCode next) {
    if (code != null && code.text().equals(next.text())) {
      return;
    }
    code = next;
    requestLayout();
    draw();
  }

  public String text() {
    return code == null ? "" : code.text();
  }

  @Override
  protected void layoutChildren() {
    draw();
  }

  @Override
  protected double computePrefWidth(double height) {
    return 240;
  }

  /** Square: as tall as it is wide, so a column of codes is as high as its width asks. */
  @Override
  public javafx.geometry.Orientation getContentBias() {
    return javafx.geometry.Orientation.HORIZONTAL;
  }

  @Override
  protected double computePrefHeight(double width) {
    return width > 0 ? width - snappedLeftInset() - snappedRightInset() : 240;
  }

  private void draw() {
    double side = Math.floor(Math.min(getWidth(), getHeight()));
    if (code == null || side <= 0) {
      canvas.setWidth(0);
      canvas.setHeight(0);
      return;
    }
    int modules = code.size();
    int scale = Math.max(1, (int) (side / modules));
    int pixels = scale * modules;
    canvas.setWidth(pixels);
    canvas.setHeight(pixels);
    canvas.relocate(Math.floor((getWidth() - pixels) / 2), Math.floor((getHeight() - pixels) / 2));
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, pixels, pixels);
    g.setFill(Color.BLACK);
    for (int y = 0; y < modules; y++) {
      for (int x = 0; x < modules; x++) {
        if (code.isDark(x, y)) {
          g.fillRect(x * scale, y * scale, scale, scale);
        }
      }
    }
  }
}
