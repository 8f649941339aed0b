package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.PagedGroups;
import liaison.signage.player.fx.WrapRow;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.StationContent.Figures;
import liaison.signage.protocol.StationContent.Results;
import liaison.signage.protocol.StationContent.Summary;

/**
 * The station's handling figures (this month and this year, as counts and whole percentages) and
 * the summaries the hub published (公示摘要), paged so every one is shown within a cycle. A hub of the
 * first version sends figures since a day only: those are shown as before. A station without
 * opinions yet says so calmly instead of showing a row of zeros.
 */
final class ResultsBoard {
  static final Bilingual TITLE = Bilingual.of("意见办理情况", "Opinions handled");
  static final Bilingual SUMMARIES = Bilingual.of("办理结果公示", "Published results");
  private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

  /** A summary's column is never narrower than this (em): some 14 characters a line. */
  private static final double SUMMARY_COLUMN_EM = 14;

  /** Where a long summary is cut when it would not fit on a page whole: three or four lines. */
  private static final int SPLIT_AT = 60;

  private ResultsBoard() {}

  static PagedBoard build(BoardInput in) {
    Results r = in.content().resultsIfAny().orElse(null);
    if (r == null) {
      return PagedBoard.single(
          BoardFx.board(
              BoardFx.title(in, TITLE, "", null, null),
              BoardFx.message(Bilingual.of("办理情况统计中", "Figures are being compiled"), List.of())));
    }
    if (!r.hasPeriods()) {
      return PagedBoard.single(sinceADay(in, r));
    }
    Figures month = r.month();
    Figures year = r.year();
    List<Summary> summaries = r.summariesOrNone();
    String aside = year.from().getYear() + "年" + month.from().getMonthValue() + "月";
    if (year.isEmpty() && summaries.isEmpty()) {
      return PagedBoard.single(
          BoardFx.board(
              BoardFx.title(in, TITLE, aside, null, null),
              BoardFx.message(
                  Bilingual.of("本站今年还没有收到群众意见", "No opinions received at this station this year"),
                  List.of("收到意见后，这里公布办理情况。 Figures appear here once opinions arrive."))));
    }
    GridPane table = periods(month, year, in.portrait());
    if (summaries.isEmpty()) {
      return PagedBoard.single(BoardFx.board(BoardFx.title(in, TITLE, aside, null, null), table));
    }
    // Page 1 the figures; then the summaries, as many pages as they take at this size. Both parts
    // stand in the same area, so the summaries are measured on page 1 too (unseen) and the board
    // knows its pages from the start.
    PagedGroups pages =
        new PagedGroups(
            List.of(
                PagedGroups.Group.cut(
                    List.of(cards(summaries, Integer.MAX_VALUE), cards(summaries, SPLIT_AT)))),
            PagedGroups.Shape.columns(in.portrait() ? 1 : 2, SUMMARY_COLUMN_EM, 0.3, 0.3),
            Math.max(0, in.page() - 1));
    VBox.setVgrow(pages, Priority.ALWAYS);
    IntegerProperty count = new SimpleIntegerProperty();
    count.bind(pages.pages().add(1));
    IntegerProperty shown = new SimpleIntegerProperty();
    if (in.page() == 0) {
      VBox unseen = new VBox(heading(summaries.size()), pages);
      unseen.setVisible(false);
      StackPane both = new StackPane(unseen, table);
      StackPane.setAlignment(table, Pos.TOP_LEFT);
      VBox.setVgrow(both, Priority.ALWAYS);
      return new PagedBoard(
          BoardFx.board(BoardFx.title(in, TITLE, aside, count, shown), both), count);
    }
    shown.bind(pages.shownPage().add(1));
    return new PagedBoard(
        BoardFx.board(
            BoardFx.title(in, TITLE, aside, count, shown), heading(summaries.size()), pages),
        count);
  }

  /**
   * A card per summary; or, cut finer for a screen where a long one would not fit on a page, its
   * text in parts of at most {@code splitAt} characters, the parts after the first marked 续.
   */
  private static List<Node> cards(List<Summary> summaries, int splitAt) {
    List<Node> cards = new ArrayList<>();
    for (Summary s : summaries) {
      String text = s.text();
      int parts = Math.max(1, (int) Math.ceil(text.length() / (double) splitAt));
      for (int i = 0; i < parts; i++) {
        String part = text.substring(i * splitAt, Math.min(text.length(), (i + 1) * splitAt));
        cards.add(card(s, part, i == 0, i == parts - 1));
      }
    }
    return cards;
  }

  /**
   * This month and this year: received, answered (and its share), answered within the deadline (of
   * those answered), and satisfied (of those rated). A row each on a landscape screen; a column
   * each on a portrait one, too narrow for five columns.
   */
  private static GridPane periods(Figures month, Figures year, boolean portrait) {
    GridPane grid = new GridPane();
    grid.getStyleClass().add("result-table");
    String[][] heads = {
      {"收到", "received"}, {"已答复", "answered"}, {"按期答复", "on time"}, {"满意", "satisfied"}
    };
    Figures[] periods = {month, year};
    String[][] names = {{"本月", "this month"}, {"本年", "this year"}};
    String[] none = {"本月还没有收到新的意见", "今年还没有收到意见"};
    for (int m = 0; m < heads.length; m++) {
      VBox head = new VBox(fixed("result-head", heads[m][0]), fixed("result-head-en", heads[m][1]));
      head.setAlignment(portrait ? Pos.CENTER_LEFT : Pos.BOTTOM_RIGHT);
      add(grid, head, portrait, 0, m + 1);
    }
    for (int p = 0; p < periods.length; p++) {
      VBox name =
          new VBox(fixed("result-period", names[p][0]), fixed("result-head-en", names[p][1]));
      name.setAlignment(portrait ? Pos.BOTTOM_RIGHT : Pos.CENTER_LEFT);
      add(grid, name, portrait, p + 1, 0);
      if (periods[p].isEmpty()) {
        Label calm = wrapping("text", none[p]);
        if (portrait) {
          grid.add(calm, p + 1, 1, 1, heads.length);
        } else {
          grid.add(calm, 1, p + 1, heads.length, 1);
        }
        GridPane.setHalignment(calm, portrait ? HPos.RIGHT : HPos.LEFT);
        continue;
      }
      List<Node> cells = cells(periods[p]);
      for (int m = 0; m < cells.size(); m++) {
        add(grid, cells.get(m), portrait, p + 1, m + 1);
      }
    }
    for (int c = 0; c < (portrait ? 3 : heads.length + 1); c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setHgrow(c == 0 ? Priority.SOMETIMES : Priority.ALWAYS);
      if (c > 0) {
        cc.setHalignment(HPos.RIGHT);
      }
      grid.getColumnConstraints().add(cc);
    }
    return grid;
  }

  /** A cell of the period's {@code p} line and the measure's {@code m}, by the screen's shape. */
  private static void add(GridPane grid, Node node, boolean portrait, int p, int m) {
    if (portrait) {
      grid.add(node, p, m);
    } else {
      grid.add(node, m, p);
    }
  }

  private static List<Node> cells(Figures f) {
    return List.of(
        value(Integer.toString(f.received()), ""),
        value(Integer.toString(f.answered()), percent(f.answered(), f.received())),
        f.answered() == 0
            ? fixed("result-none", "暂无")
            : value(
                Integer.toString(f.answeredOnTime()), percent(f.answeredOnTime(), f.answered())),
        f.rated() == 0
            ? fixed("result-none", "暂无评价")
            : value(percent(f.satisfied(), f.rated()), f.rated() + " 份评价"));
  }

  /** A count in large type and, beneath it, its share or what it is of. */
  private static Node value(String big, String small) {
    VBox box = new VBox(fixed("result-value", big));
    if (!small.isEmpty()) {
      box.getChildren().add(fixed("result-share", small));
    }
    box.setAlignment(Pos.CENTER_RIGHT);
    return box;
  }

  /** The summaries' heading; on a portrait screen its parts wrap onto lines of their own. */
  private static Node heading(int count) {
    WrapRow line =
        new WrapRow(
            0.5,
            0.1,
            fixed("summary-heading", SUMMARIES.zh()),
            fixed("result-head-en", SUMMARIES.en()),
            fixed("result-head-en", "共 " + count + " 条 · " + count + " published"));
    line.getStyleClass().add("summary-heading-line");
    return line;
  }

  /**
   * A published summary, or a part of one: its category and department above the first part, what
   * was done, and its two days under the last.
   */
  private static Node card(Summary s, String text, boolean first, boolean last) {
    String meta = s.category() + (s.department() == null ? "" : " · " + s.department());
    VBox card = new VBox();
    card.getChildren().add(wrapping("summary-meta", first ? meta : meta + " 续"));
    card.getChildren().add(wrapping("summary-text", text));
    if (last) {
      String days =
          day(s.received()) + "收到" + (s.answered() == null ? "" : " · " + day(s.answered()) + "答复");
      card.getChildren().add(wrapping("summary-days", days));
    }
    card.getStyleClass().addAll("card", "summary-card");
    card.setMinWidth(0);
    return card;
  }

  private static String day(LocalDate d) {
    return DAY.format(d);
  }

  /** A hub of the first version: figures since a day, three numbers and the ratings' bar. */
  private static Node sinceADay(BoardInput in, Results r) {
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
