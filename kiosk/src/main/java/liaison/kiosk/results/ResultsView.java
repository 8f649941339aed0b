package liaison.kiosk.results;

import java.util.List;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.PageLayout;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Page;
import liaison.kiosk.results.ResultsModel.Figures;
import liaison.kiosk.results.ResultsModel.Share;
import liaison.signage.player.fx.WrappingLabel;
import liaison.signage.player.text.Bilingual;

/**
 * Draws the handling figures: from a newer hub, this month and this year in a small table above the
 * published summaries, paged by the screenful; from a hub of the first version, three large numbers
 * and a bar per rating.
 */
public final class ResultsView {
  private static final Bilingual TITLE = Bilingual.of("意见办理情况", "Opinions handled");

  private final boolean english;
  private final Actions actions;

  public ResultsView(boolean english, Actions actions) {
    this.english = english;
    this.actions = actions;
  }

  public Node draw(ResultsModel model, Page.Results at) {
    if (model.periods().isPresent()) {
      return periods(model.periods().get(), model.summaries(), at);
    }
    return sinceADay(model);
  }

  private Node periods(
      ResultsModel.Periods p, List<ResultsModel.SummaryItem> summaries, Page.Results at) {
    List<Node> items = summaries.stream().map(this::item).toList();
    Node controls;
    Node empty = null;
    if (p.none() && summaries.isEmpty()) {
      controls = new Region();
      empty =
          Ui.placeholder(
              Bilingual.of(
                  "本站今年还没有收到群众意见，收到后这里公布办理情况",
                  "No opinions received here this year; the figures appear once they arrive"),
              english);
    } else {
      controls = table(p);
      if (summaries.isEmpty()) {
        empty =
            Ui.placeholder(
                Bilingual.of("还没有公示的办理结果", "No handling results published yet"), english);
      }
    }
    return PageLayout.list(
        TITLE, english, controls, items, empty, at.page(), 0, n -> actions.go(new Page.Results(n)));
  }

  /** This month and this year, a line each: received, answered, on time, satisfied. */
  private Node table(ResultsModel.Periods p) {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("result-table");
    String[][] heads = {
      {"收到", "received"}, {"已答复", "answered"}, {"按期答复", "on time"}, {"满意", "satisfied"}
    };
    grid.add(Ui.fixed("page-note", p.when().primary(english)), 0, 0);
    for (int c = 0; c < heads.length; c++) {
      Label head = Ui.fixed("figure-label", english ? heads[c][1] : heads[c][0]);
      grid.add(head, c + 1, 0);
      GridPane.setHalignment(head, HPos.RIGHT);
    }
    row(grid, 1, p.month(), Bilingual.of("本月还没有收到新的意见", "Nothing received this month yet"));
    row(grid, 2, p.year(), Bilingual.of("今年还没有收到意见", "Nothing received this year yet"));
    return grid;
  }

  private void row(GridPane grid, int at, ResultsModel.PeriodRow r, Bilingual none) {
    grid.add(Ui.fixed("figure-label", r.name().primary(english)), 0, at);
    if (r.isEmpty()) {
      Label calm = Ui.label("page-note", none.primary(english));
      calm.setWrapText(true);
      grid.add(calm, 1, at, 4, 1);
      return;
    }
    String[] cells = {
      Integer.toString(r.received()),
      r.answered() + " · " + r.answeredPercent() + "%",
      r.answered() == 0 ? "—" : r.onTime() + " · " + r.onTimePercent() + "%",
      r.rated() == 0
          ? (english ? "no rating yet" : "暂无评价")
          : r.satisfiedPercent() + "%" + (english ? " of " + r.rated() : "（" + r.rated() + " 份评价）")
    };
    for (int c = 0; c < cells.length; c++) {
      Label cell = Ui.fixed("result-cell", cells[c]);
      grid.add(cell, c + 1, at);
      GridPane.setHalignment(cell, HPos.RIGHT);
    }
  }

  /** A published summary: its category and department, what was done, its two days. */
  private Node item(ResultsModel.SummaryItem s) {
    VBox box = new VBox();
    if (s.meta() != null) {
      box.getChildren().add(wrapping("item-period", s.meta().primary(english)));
    }
    box.getChildren().add(wrapping("summary-text", s.text()));
    if (s.days() != null) {
      box.getChildren().add(wrapping("item-period", s.days().primary(english)));
    }
    box.getStyleClass().addAll("card", "summary-item");
    return box;
  }

  /** Running text on as many lines as it needs: the list pages by measured heights. */
  private static Label wrapping(String styleClass, String text) {
    Label label = new WrappingLabel(text);
    label.getStyleClass().add(styleClass);
    label.setMinWidth(0);
    label.setMinHeight(Region.USE_PREF_SIZE);
    label.setMaxWidth(Double.MAX_VALUE);
    return label;
  }

  private Node sinceADay(ResultsModel model) {
    HBox section = Ui.section(TITLE, english);
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
