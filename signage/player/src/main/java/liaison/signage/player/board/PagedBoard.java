package liaison.signage.player.board;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.Node;

/**
 * A board as drawn, and how many pages it takes on this screen: known once the screen has laid it
 * out (the loop shows each page for the board's time).
 */
record PagedBoard(Node node, ReadOnlyIntegerProperty pages) {

  /** A board that always fits one screen: a message, the figures, an alert. */
  static PagedBoard single(Node node) {
    return new PagedBoard(node, new SimpleIntegerProperty(1));
  }
}
