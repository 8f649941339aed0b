package liaison.kiosk.results;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.results.ResultsModel.Figures;
import liaison.kiosk.results.ResultsModel.Share;
import liaison.signage.player.text.Bilingual;

/** Draws the handling figures: three large numbers and a bar per rating. */
public final class ResultsView {

  private final boolean english;

  public ResultsView(boolean english) {
    this.english = english;
  }

  public Node draw(ResultsModel model) {
    HBox section = Ui.section(Bilingual.of("意见办理情况", "Opinions handled"), english);
    VBox page = new VBox(section);
    page.getStyleClass().add("page");
    if (model.figures().isEmpty()) {
      page.getChildren()
          .add(
              Ui.placeholder(
                  Bilingual.of("暂无办理情况数据", "No handling figures published yet"), english));
      return page;
    }
    Figures f = model.figures().get();
    // The period beside the title: on a 7-inch panel the line saved is the last bar's.
    Label since = Ui.label("page-note", f.since().primary(english));
    since.setMinWidth(Region.USE_PREF_SIZE);
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    section.getChildren().addAll(gap, since);
    HBox big =
        new HBox(
            figure(Bilingual.of("收到意见", "Opinions received"), String.valueOf(f.received())),
            figure(Bilingual.of("已答复", "Answered"), String.valueOf(f.answered())),
            figure(Bilingual.of("答复率", "Answer rate"), f.answeredPercent() + "%"));
    big.getStyleClass().add("figures");
    VBox bars = new VBox();
    bars.getStyleClass().add("bars");
    bars.getChildren()
        .add(
            Ui.label(
                "bars-title",
                Bilingual.of(
                        "群众满意度（" + f.rated() + " 份评价）", "Satisfaction (" + f.rated() + " ratings)")
                    .primary(english)));
    for (Share s : f.satisfaction()) {
      Label label = Ui.label("bar-label", s.label().primary(english));
      label.setMinWidth(Region.USE_PREF_SIZE);
      Region bar = new Region();
      bar.getStyleClass().add("bar");
      Region rest = new Region();
      HBox track = new HBox(bar, rest);
      track.getStyleClass().add("bar-track");
      HBox.setHgrow(track, Priority.ALWAYS);
      bar.prefWidthProperty().bind(track.widthProperty().multiply(s.percent() / 100.0));
      bar.minWidthProperty().bind(bar.prefWidthProperty());
      Label value = Ui.label("bar-value", s.count() + " · " + s.percent() + "%");
      value.setMinWidth(Region.USE_PREF_SIZE);
      HBox row = new HBox(label, track, value);
      row.setAlignment(Pos.CENTER_LEFT);
      row.getStyleClass().add("bar-row");
      bars.getChildren().add(row);
    }
    page.getChildren().addAll(big, bars);
    return page;
  }

  private Node figure(Bilingual label, String value) {
    Label number = Ui.label("figure-value", value);
    Label text = Ui.label("figure-label", label.primary(english));
    Label sub = Ui.label("figure-sub", label.secondary(english));
    VBox box = new VBox(number, text, sub);
    box.getStyleClass().add("figure");
    box.setAlignment(Pos.CENTER);
    HBox.setHgrow(box, Priority.ALWAYS);
    box.setMaxWidth(Double.MAX_VALUE);
    return box;
  }
}
