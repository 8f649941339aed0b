package liaison.kiosk.fx;

import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * A column that shows as many of its rows as fit whole and hides the rest, so a long list gives way
 * instead of pushing the footer off the screen or showing a half-cut row.
 */
public final class FittingColumn extends VBox {

  @Override
  protected double computeMinHeight(double width) {
    return 0;
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    double bottom = getHeight() - snappedBottomInset();
    boolean fits = true;
    for (Node row : getManagedChildren()) {
      fits = fits && row.getBoundsInParent().getMaxY() <= bottom + 0.5;
      row.setVisible(fits);
    }
  }
}
