package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;

import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.StationContent.Results;

/**
 * The station's handling figures: opinions received and answered, and how residents rated the
 * answers.
 */
final class ResultsBoard {
  static final Bilingual TITLE = Bilingual.of("意见办理情况", "Opinions handled");
  private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private ResultsBoard() {}

  static Node build(BoardInput in) {
    Results r = in.content().resultsIfAny().orElse(null);
    if (r == null) {
      return BoardFx.board(
          BoardFx.title(in, TITLE, "", null, null),
          BoardFx.message(Bilingual.of("办理情况统计中", "Figures are being compiled"), List.of()));
    }
    Node title = BoardFx.title(in, TITLE, SINCE.format(r.since()) + "以来", null, null);
    // Three figures sharing the width equally, whatever the screen's shape.
    HBox figures =
        new HBox(
            figure(Integer.toString(r.received()), "收到意见", "received"),
            figure(Integer.toString(r.answered()), "已答复", "answered"),
            figure(percent(r.answered(), r.received()), "答复率", "answer rate"));
    figures.getStyleClass().add("figures");
    figures.getChildren().forEach(f -> HBox.setHgrow(f, Priority.ALWAYS));
    VBox body = new VBox(figures);
    if (r.rated() > 0) {
      body.getChildren()
          .addAll(
              fixed("rating-title", "群众评价 Residents' rating (" + r.rated() + ")"),
              bar(r),
              legend(r));
    }
    return BoardFx.board(title, body);
  }

  private static Node figure(String value, String zh, String en) {
    VBox box =
        new VBox(fixed("figure", value), fixed("figure-label", zh), fixed("figure-label-en", en));
    box.getStyleClass().add("figure-box");
    box.setAlignment(Pos.CENTER);
    box.setMaxWidth(Double.MAX_VALUE);
    box.setPrefWidth(0);
    return box;
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "—" : Math.round(part * 100.0 / whole) + "%";
  }

  private static Node bar(Results r) {
    HBox bar = new HBox();
    bar.getStyleClass().add("rating-bar");
    int[] counts = {r.satisfied(), r.basicallySatisfied(), r.dissatisfied()};
    String[] styles = {"rating-good", "rating-fair", "rating-poor"};
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        continue;
      }
      Region part = new Region();
      part.getStyleClass().add(styles[i]);
      part.setMinWidth(0);
      // Widths in proportion to the counts: grow factors are not proportional, so bind to the bar.
      part.prefWidthProperty().bind(bar.widthProperty().multiply(counts[i] / (double) r.rated()));
      HBox.setHgrow(part, Priority.NEVER);
      bar.getChildren().add(part);
    }
    return bar;
  }

  private static Node legend(Results r) {
    FlowPane legend =
        new FlowPane(
            fixed(
                "legend-good",
                "满意 " + r.satisfied() + "（" + percent(r.satisfied(), r.rated()) + "）"),
            fixed("legend-fair", "基本满意 " + r.basicallySatisfied()),
            fixed("legend-poor", "不满意 " + r.dissatisfied()));
    legend.getStyleClass().add("legend");
    return legend;
  }
}
