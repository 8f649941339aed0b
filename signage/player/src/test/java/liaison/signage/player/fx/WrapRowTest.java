package liaison.signage.player.fx;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A busy day's reception opens with its time and its place: a long place wraps beside the time
 * where that saves a line, and goes beneath where it saves none.
 */
@ExtendWith(FxToolkit.class)
class WrapRowTest {
  private static final String PLACE = "城关镇人民路18号镇政府一楼东侧代表之家接待室";

  /** The row at a width, laid out: the time's and the place's bounds, and the row's height. */
  private record Drawn(
      double timeTop, double timeBottom, double placeTop, double placeHeight, double rowHeight) {}

  /**
   * @param width the row's width, given the place's width on one line
   */
  private static Drawn draw(String time, String place, DoubleUnaryOperator width) {
    return onFx(
        () -> {
          Label when = new Label(time);
          when.setMinWidth(Region.USE_PREF_SIZE);
          WrappingLabel where = new WrappingLabel(place);
          where.setMinWidth(0);
          where.setMaxWidth(Double.MAX_VALUE);
          WrapRow row = new WrapRow(0.5, 0.05, when, where);
          StackPane box = new StackPane(row);
          new Scene(box, 2000, 600);
          box.applyCss();
          double w = width.applyAsDouble(where.prefWidth(-1));
          row.resize(w, row.prefHeight(w));
          row.layout();
          return new Drawn(
              when.getBoundsInParent().getMinY(),
              when.getBoundsInParent().getMaxY(),
              where.getBoundsInParent().getMinY(),
              where.getHeight(),
              row.prefHeight(w));
        });
  }

  @Test
  void shouldWrapALongPlaceBesideTheTimeWhereThatSavesALine() {
    // The place takes two lines at this width wherever it stands: beside the time, the row is
    // those two lines; beneath it, three.
    String place = PLACE + "（" + PLACE + "）";
    Drawn drawn = draw("08:00—08:45", place, one -> one * 0.75);

    assertThat(drawn.placeTop()).as("the place on the time's line").isLessThan(drawn.timeBottom());
    assertThat(drawn.rowHeight()).isCloseTo(drawn.placeHeight(), within(1.0));
  }

  @Test
  void shouldPutThePlaceBeneathTheTimeWhereBesideItWouldSaveNoLine() {
    // Beneath, the place takes one line; beside the time it would take two: no line saved.
    Drawn drawn = draw("09:40—10:25", PLACE, one -> one + 10);

    assertThat(drawn.placeTop())
        .as("the place on a line of its own")
        .isGreaterThanOrEqualTo(drawn.timeBottom());
    assertThat(drawn.timeTop()).isZero();
  }
}
