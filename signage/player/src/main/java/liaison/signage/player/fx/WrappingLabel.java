package liaison.signage.player.fx;

import javafx.scene.control.Label;

/**
 * A label that wraps onto as many lines as it needs, and asks for a pixel more than its text: laid
 * out at exactly its preferred width, a JavaFX label wraps its last character onto a line of its
 * own (a rounding in the text's measure), and a board that pages by measured heights would lose a
 * line of room to every such label; at exactly its preferred height, it may end in an ellipsis.
 */
public final class WrappingLabel extends Label {

  public WrappingLabel(String text) {
    super(text);
    setWrapText(true);
  }

  @Override
  protected double computePrefWidth(double height) {
    return Math.ceil(super.computePrefWidth(height)) + 1;
  }

  /** The same rounding the other way: at exactly its height, its last line ends in "…". */
  @Override
  protected double computePrefHeight(double width) {
    return Math.ceil(super.computePrefHeight(width)) + 1;
  }
}
