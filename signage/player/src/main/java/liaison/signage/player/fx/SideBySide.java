package liaison.signage.player.fx;

import javafx.geometry.HPos;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * Two parts side by side, sharing the width in a set proportion (less the gap), as tall as the
 * taller one needs at its width: measured the way it is drawn, so a board that pages by height can
 * trust it.
 */
public final class SideBySide extends Region {
  private final Node left;
  private final Node right;
  private final double gapEm;
  private final double leftShare;
  private final Label probe = new Label("字");

  /**
   * @param leftShare the left part's share of the width, 0–1
   */
  public SideBySide(Node left, Node right, double leftShare, double gapEm) {
    this.left = left;
    this.right = right;
    this.leftShare = leftShare;
    this.gapEm = gapEm;
    probe.setManaged(false);
    probe.setVisible(false);
    getChildren().addAll(probe, left, right);
  }

  @Override
  public Orientation getContentBias() {
    return Orientation.HORIZONTAL;
  }

  private double gap() {
    double size = probe.getFont().getSize();
    return gapEm * (size > 0 ? size : 13);
  }

  /** The room both parts share. */
  private double shared(double width) {
    return Math.max(0, width - snappedLeftInset() - snappedRightInset() - gap());
  }

  @Override
  protected double computePrefWidth(double height) {
    return snappedLeftInset()
        + left.prefWidth(-1)
        + right.prefWidth(-1)
        + gap()
        + snappedRightInset();
  }

  @Override
  protected double computeMinWidth(double height) {
    return snappedLeftInset() + gap() + snappedRightInset();
  }

  @Override
  protected double computePrefHeight(double width) {
    if (width < 0) {
      return snappedTopInset()
          + Math.max(left.prefHeight(-1), right.prefHeight(-1))
          + snappedBottomInset();
    }
    double room = shared(width);
    return snappedTopInset()
        + Math.max(left.prefHeight(room * leftShare), right.prefHeight(room * (1 - leftShare)))
        + snappedBottomInset();
  }

  @Override
  protected double computeMinHeight(double width) {
    return computePrefHeight(width);
  }

  @Override
  protected void layoutChildren() {
    double room = shared(getWidth());
    double top = snappedTopInset();
    double h = getHeight() - top - snappedBottomInset();
    double w = room * leftShare;
    layoutInArea(left, snappedLeftInset(), top, w, h, 0, HPos.LEFT, VPos.TOP);
    layoutInArea(right, snappedLeftInset() + w + gap(), top, room - w, h, 0, HPos.LEFT, VPos.TOP);
  }
}
