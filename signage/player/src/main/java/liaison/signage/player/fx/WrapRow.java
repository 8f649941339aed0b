package liaison.signage.player.fx;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Items left to right, onto the next line when the line is full, each no wider than the row (a long
 * name wraps inside its item instead of running past the card's edge). Unlike a FlowPane it asks
 * each item's height at the width it will really have, so the row's height is what it draws: a
 * board that pages by measured heights can trust it.
 */
public final class WrapRow extends Region {
  /** An item wraps beside others only where a line of it holds this many em of the row's font. */
  private static final double BESIDE_EM = 4;

  private final double hgapEm;
  private final double vgapEm;
  private final Label probe = new Label("字");

  /**
   * @param hgapEm between items on a line, in em of the row's font
   * @param vgapEm between lines
   */
  public WrapRow(double hgapEm, double vgapEm, Node... items) {
    this.hgapEm = hgapEm;
    this.vgapEm = vgapEm;
    probe.setManaged(false);
    probe.setVisible(false);
    getChildren().add(probe);
    getChildren().addAll(items);
    getStyleClass().add("wrap-row");
  }

  public void add(Node item) {
    getChildren().add(item);
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL;
  }

  private double em() {
    double size = probe.getFont().getSize();
    return size > 0 ? size : 13;
  }

  @Override
  protected double computePrefWidth(double height) {
    double gap = hgapEm * em();
    double w = 0;
    int n = 0;
    for (Node item : getManagedChildren()) {
      w += item.prefWidth(-1);
      n++;
    }
    return snappedLeftInset() + w + Math.max(0, n - 1) * gap + snappedRightInset();
  }

  @Override
  protected double computeMinWidth(double height) {
    double w = 0;
    for (Node item : getManagedChildren()) {
      w = Math.max(w, item.minWidth(-1));
    }
    return snappedLeftInset() + w + snappedRightInset();
  }

  @Override
  protected double computePrefHeight(double width) {
    return place(width, false);
  }

  @Override
  protected double computeMinHeight(double width) {
    return place(width, false);
  }

  @Override
  protected void layoutChildren() {
    place(getWidth(), true);
  }

  /**
   * Lays the items out (or only measures them) at this width, each line's items centred on the
   * line; returns the height they take.
   */
  private double place(double width, boolean layout) {
    double left = snappedLeftInset();
    double top = snappedTopInset();
    double inner = width < 0 ? Double.MAX_VALUE : Math.max(0, width - left - snappedRightInset());
    double hgap = hgapEm * em();
    double vgap = vgapEm * em();
    double y = 0;
    List<double[]> line = new ArrayList<>(); // x, w, h, alignment height per item on the line
    List<Node> items = new ArrayList<>();
    double x = 0;
    double lineHeight = 0;
    for (Node item : getManagedChildren()) {
      double w = Math.min(item.prefWidth(-1), Math.min(inner, item.maxWidth(-1)));
      w = Math.max(w, Math.min(inner, item.minWidth(-1)));
      double h = item.prefHeight(w);
      // Centred on the line by its whole height; an item wrapping beside others, by its first line.
      double align = h;
      if (!items.isEmpty() && x + hgap + w > inner) {
        double room = inner - x - hgap;
        double beside = wrapsBeside(item, room) ? item.prefHeight(room) : Double.MAX_VALUE;
        if (beside + item.prefHeight(-1) / 2 <= lineHeight + h) {
          // A long place beside the time, wrapping in the room left, saves the line it would
          // otherwise start beneath; where it saves none (beside a tag, a line beneath would do),
          // it goes beneath: it reads better whole.
          w = room;
          h = beside;
          align = Math.min(h, item.prefHeight(-1));
        } else {
          y += flush(items, line, left, top + y, layout) + vgap;
          x = 0;
          lineHeight = 0;
        }
      }
      if (!items.isEmpty()) {
        x += hgap;
      }
      items.add(item);
      line.add(new double[] {x, w, h, align});
      x += w;
      lineHeight = Math.max(lineHeight, h);
    }
    return top + y + flush(items, line, left, top + y, layout) + snappedBottomInset();
  }

  /** Whether the item can wrap in so much room: text, and room for a few characters a line. */
  private boolean wrapsBeside(Node item, double room) {
    return item.getContentBias() == Orientation.HORIZONTAL
        && room >= BESIDE_EM * em()
        && room >= item.minWidth(-1);
  }

  /**
   * Lays out (or only measures) one line of items, each centred on the line by its alignment
   * height; returns the line's height.
   */
  private double flush(
      List<Node> items, List<double[]> line, double left, double y, boolean layout) {
    double band = 0;
    for (double[] at : line) {
      band = Math.max(band, at[3]);
    }
    double height = 0;
    for (int i = 0; i < items.size(); i++) {
      double[] at = line.get(i);
      double dy = (band - at[3]) / 2;
      height = Math.max(height, dy + at[2]);
      if (layout) {
        layoutInArea(items.get(i), left + at[0], y + dy, at[1], at[2], 0, HPos.LEFT, VPos.TOP);
      }
    }
    items.clear();
    line.clear();
    return height;
  }
}
