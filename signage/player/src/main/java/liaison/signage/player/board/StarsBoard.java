package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.PagedGroups;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.StarPeriods;
import liaison.signage.protocol.StationContent.Star;
import liaison.signage.protocol.StationContent.StarPeriod;

/**
 * The county's 履职之星: this month's stars, then this year's, each with the deputy's portrait, name,
 * station and points; side by side as the screen's width allows, on as many pages as they take.
 */
final class StarsBoard {
  static final Bilingual TITLE = Bilingual.of("履职之星", "Duty stars");
  static final Bilingual NONE =
      Bilingual.of("本县尚未评出履职之星", "The county has not chosen its duty stars yet");

  /** A star's line stands in columns at least this wide: a portrait and a four-character name. */
  static final double COLUMN_EM = 8;

  private StarsBoard() {}

  static PagedBoard build(BoardInput in) {
    List<Star> stars = in.content().dutyOrEmpty().stars();
    if (stars.isEmpty()) {
      return PagedBoard.single(
          BoardFx.board(
              BoardFx.title(in, TITLE, "", null, null), BoardFx.message(NONE, List.of())));
    }
    List<PagedGroups.Group> groups = new ArrayList<>();
    for (StarPeriod kind : StarPeriod.values()) {
      List<Star> ofKind = stars.stream().filter(s -> s.kind() == kind).toList();
      if (!ofKind.isEmpty()) {
        String period = StarPeriods.label(ofKind.getFirst());
        groups.add(
            new PagedGroups.Group(
                heading(kind, period, false),
                heading(kind, period, true),
                ofKind.stream().map(s -> star(in, s)).toList()));
      }
    }
    PagedGroups pages =
        new PagedGroups(groups, PagedGroups.Shape.columns(3, COLUMN_EM, 0.3, 0.4), in.page());
    VBox.setVgrow(pages, Priority.ALWAYS);
    Node title = BoardFx.title(in, TITLE, "", pages.pages(), pages.shownPage());
    return new PagedBoard(BoardFx.board(title, pages), pages.pages());
  }

  private static Node heading(StarPeriod kind, String period, boolean continued) {
    Bilingual name =
        kind == StarPeriod.MONTH
            ? Bilingual.of("月度之星", "Stars of the month")
            : Bilingual.of("年度之星", "Stars of the year");
    HBox line =
        new HBox(
            fixed("roster-level", name.zh()),
            fixed("stars-period", period),
            fixed("roster-level-en", name.en()));
    if (continued) {
      line.getChildren().add(fixed("roster-continued", "续"));
    }
    line.setAlignment(Pos.BASELINE_LEFT);
    line.getStyleClass().addAll("roster-heading", "stars-heading");
    return line;
  }

  private static Node star(BoardInput in, Star s) {
    VBox text = new VBox(wrapping("person-name", s.name()));
    if (!s.stationName().isEmpty()) {
      text.getChildren().add(wrapping("person-level", s.stationName()));
    }
    text.getChildren().add(wrapping("stars-points", s.points() + " 分 · points"));
    text.getStyleClass().add("person-text");
    text.setMinWidth(0);
    HBox.setHgrow(text, Priority.ALWAYS);
    String initial = s.name().substring(0, Math.min(1, s.name().length()));
    HBox star = new HBox(in.portraits().node(Optional.ofNullable(s.photo()), initial, 2.2), text);
    star.getStyleClass().addAll("person", "star");
    star.setAlignment(Pos.CENTER_LEFT);
    star.setMinWidth(0);
    return star;
  }
}
