package liaison.kiosk.fx;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/**
 * A column that shows as many of its rows as fit whole and hides the rest, so a long list gives way
 * instead of pushing the footer off the screen or showing a half-cut row. A heading (marked with
 * {@link #heading}) shows only with at least one of its rows beneath it: never a title over
 * nothing.
 */
public final class FittingColumn extends VBox {

  private static final String HEADING = "fitting-heading";

  /** Marks a row as the heading of the rows after it. */
  public static <T extends Node> T heading(T node) {
    node.getProperties().put(HEADING, Boolean.TRUE);
    return node;
  }

  @Override
  protected double computeMinHeight(double width) {
    return 0;
  }

  @Override
  protected void layoutChildren() {
    super.layoutChildren();
    double bottom = getHeight() - snappedBottomInset();
    boolean fits = true;
    List<Node> rows = getManagedChildren();
    for (Node row : rows) {
      fits = fits && row.getBoundsInParent().getMaxY() <= bottom + 0.5;
      row.setVisible(fits);
    }
    for (int i = 0; i < rows.size(); i++) {
      Node row = rows.get(i);
      if (row.getProperties().containsKey(HEADING)) {
        boolean followed =
            i + 1 < rows.size()
                && rows.get(i + 1).isVisible()
                && !rows.get(i + 1).getProperties().containsKey(HEADING);
        row.setVisible(row.isVisible() && followed);
      }
    }
  }
}
