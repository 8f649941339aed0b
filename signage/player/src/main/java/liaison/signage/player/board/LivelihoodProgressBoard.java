package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.PagedGroups;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.StationContent.LivelihoodProject;
import liaison.signage.protocol.StationContent.Milestone;

/**
 * 民生实事项目进展: the elected projects being carried out, grouped by the congress that elected them (the
 * township's first), each with its department, a bar of the percent done, its state and its next
 * milestone; in columns as the screen's width allows, on as many pages as they take.
 */
final class LivelihoodProgressBoard {
  static final Bilingual TITLE = Bilingual.of("民生实事项目进展", "Livelihood projects: progress");
  static final Bilingual NONE =
      Bilingual.of("暂无正在实施的民生实事项目", "No elected livelihood project is under way");

  /** A project stands in columns at least this wide: a title and its bar need the room. */
  static final double COLUMN_EM = 14;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

  private LivelihoodProgressBoard() {}

  static PagedBoard build(BoardInput in) {
    List<LivelihoodProject> projects = in.content().livelihoodOrEmpty().projects();
    if (projects.isEmpty()) {
      return PagedBoard.single(
          BoardFx.board(
              BoardFx.title(in, TITLE, "", null, null), BoardFx.message(NONE, List.of())));
    }
    Map<String, List<LivelihoodProject>> byLevel = new LinkedHashMap<>();
    projects.forEach(
        p ->
            byLevel
                .computeIfAbsent(p.level() + "\u0000" + p.year(), k -> new ArrayList<>())
                .add(p));
    List<PagedGroups.Group> groups = new ArrayList<>();
    byLevel.forEach(
        (key, ofLevel) -> {
          LivelihoodProject first = ofLevel.getFirst();
          groups.add(
              new PagedGroups.Group(
                  heading(first, false),
                  heading(first, true),
                  ofLevel.stream().map(LivelihoodProgressBoard::project).toList()));
        });
    PagedGroups pages =
        new PagedGroups(groups, PagedGroups.Shape.columns(2, COLUMN_EM, 0.4, 0.4), in.page());
    VBox.setVgrow(pages, Priority.ALWAYS);
    Node title = BoardFx.title(in, TITLE, "", pages.pages(), pages.shownPage());
    return new PagedBoard(BoardFx.board(title, pages), pages.pages());
  }

  private static Node heading(LivelihoodProject p, boolean continued) {
    HBox line =
        new HBox(
            fixed("roster-level", p.level()),
            fixed("stars-period", p.year() + "年"),
            fixed("roster-level-en", "elected projects"));
    if (continued) {
      line.getChildren().add(fixed("roster-continued", "续"));
    }
    line.setAlignment(Pos.BASELINE_LEFT);
    line.getStyleClass().addAll("roster-heading", "stars-heading");
    return line;
  }

  private static Node project(LivelihoodProject p) {
    VBox box = new VBox(wrapping("lv-project", p.title()));
    if (!p.department().isEmpty()) {
      box.getChildren().add(wrapping("lv-department", "承办单位 " + p.department()));
    }
    // The state in Chinese beside its bar: the column has no room for the English too.
    HBox bar =
        new HBox(
            bar(p.percent()),
            fixed("lv-percent", p.percent() + "%"),
            fixed(stateStyle(p), p.stateZh()));
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add("lv-bar-line");
    box.getChildren().add(1, bar);
    Milestone m = p.milestone();
    if (m != null) {
      box.getChildren()
          .add(
              wrapping(
                  "lv-milestone",
                  m.done() == null
                      ? "下一节点 " + m.title() + "（" + DAY.format(m.due()) + "前）"
                      : "已完成 " + m.title() + "（" + DAY.format(m.done()) + "）"));
    }
    box.getStyleClass().add("lv-project-box");
    box.setMinWidth(0);
    return box;
  }

  private static String stateStyle(LivelihoodProject p) {
    return p.percent() >= 100 ? "lv-state-done" : "lv-state";
  }

  private static Node bar(int percent) {
    HBox track = new HBox();
    track.getStyleClass().add("rating-bar");
    track.setMinWidth(2);
    HBox.setHgrow(track, Priority.ALWAYS);
    if (percent > 0) {
      Region part = new Region();
      part.getStyleClass().add("rating-good");
      part.setMinWidth(0);
      part.prefWidthProperty().bind(track.widthProperty().multiply(percent / 100.0));
      track.getChildren().add(part);
    }
    return track;
  }
}
