package liaison.signage.player.fx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.TextAlignment;

/**
 * Lines of text that grow together to fill their box: an emergency notice is read from across a
 * hall, so its title and body take the screen at whatever size the screen is, instead of a line of
 * body text on an empty red field. Each line has its size in em at the smallest (never smaller than
 * the stylesheet's scale) and all grow by one factor, the largest with which every line still fits,
 * wrapped, one under the other.
 */
public final class FillingText extends Region {

  /** A line of the box and its font size in em at the smallest. */
  private record Line(Label label, double em) {}

  private final List<Line> lines = new ArrayList<>();
  private final double spacingEm;
  private final double maxFactor;
  private final Label probe = new Label("字");
  private double factor = 1;

  /** Space between wrapped lines, in em of each line's own size. */
  private static final double LINE_SPACING = 0.15;

  /**
   * @param spacingEm space between lines, in em of the box's font
   * @param maxFactor how much larger than the smallest the lines may grow
   */
  public FillingText(double spacingEm, double maxFactor) {
    this.spacingEm = spacingEm;
    this.maxFactor = maxFactor;
    probe.setManaged(false);
    probe.setVisible(false);
    getChildren().add(probe);
    getStyleClass().add("filling-text");
    setMinSize(0, 0);
  }

  /** Adds a line of this style at this size (em of the box's font) at the smallest. */
  public Label add(String styleClass, String text, double em) {
    Label label = new Label(text);
    label.getStyleClass().add(styleClass);
    label.setWrapText(true);
    label.setTextAlignment(TextAlignment.CENTER);
    label.setAlignment(javafx.geometry.Pos.CENTER);
    label.setMinSize(0, 0);
    label.setMaxWidth(Double.MAX_VALUE);
    lines.add(new Line(label, em));
    getChildren().add(label);
    return label;
  }

  /** How much the lines grew at the last layout. */
  public double factor() {
    return factor;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 0;
  }

  @Override
  protected double computePrefWidth(double height) {
    return 0;
  }

  @Override
  protected void layoutChildren() {
    double em = probe.getFont().getSize() > 0 ? probe.getFont().getSize() : 13;
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double width = getWidth() - left - snappedRightInset();
    double height = getHeight() - top - snappedBottomInset();
    if (width <= 0 || height <= 0 || lines.isEmpty()) {
      return;
    }
    // The labels measure themselves: each at the size tried, wrapped at the box's width.
    double low = 1;
    double high = maxFactor;
    if (height(em, high, width) <= height) {
      low = high;
    } else {
      for (int i = 0; i < 14; i++) {
        double mid = (low + high) / 2;
        if (height(em, mid, width) <= height) {
          low = mid;
        } else {
          high = mid;
        }
      }
    }
    factor = low;
    double total = height(em, factor, width);
    double y = top + Math.max(0, (height - total) / 2);
    for (Line line : lines) {
      Label label = line.label();
      double w = width(label, width);
      double h = Math.ceil(label.prefHeight(w)) + 1;
      layoutInArea(label, left + (width - w) / 2, y, w, h, 0, HPos.CENTER, VPos.TOP);
      y += h + spacingEm * em * factor;
    }
  }

  /** The lines' total height at this factor, each label sized for it. */
  private double height(double em, double f, double width) {
    double total = 0;
    for (Line line : lines) {
      Label label = line.label();
      double px = Math.floor(line.em() * em * f * 10) / 10;
      String style =
          String.format(
              Locale.ROOT,
              "-fx-font-size: %.1fpx; -fx-line-spacing: %.1fpx;",
              px,
              px * LINE_SPACING);
      if (!style.equals(label.getStyle())) {
        label.setStyle(style);
        label.applyCss();
      }
      total += Math.ceil(label.prefHeight(width(label, width))) + 1;
    }
    return total + spacingEm * em * f * (lines.size() - 1);
  }

  /** As wide as the box, within the label's own limits (a tag keeps to its text). */
  private static double width(Label label, double width) {
    return Math.max(label.minWidth(-1), Math.min(width, label.maxWidth(-1)));
  }
}
