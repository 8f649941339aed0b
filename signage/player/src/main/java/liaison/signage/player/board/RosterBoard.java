package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import liaison.signage.player.fx.PagedGroups;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.StationContent.Deputy;

/**
 * The deputies of the station as photo cards grouped by their highest level, each level in a frame
 * with its heading on top, so which photo belongs to which level is plain; small levels share a
 * line. A wall screen does not scroll: everyone is shown, on as many pages as it takes.
 */
final class RosterBoard {
  static final Bilingual TITLE = Bilingual.of("进站代表", "Station deputies");

  /** A card's width in em, as signage.css draws it: a name of four characters on one line. */
  private static final double CARD_EM = 3.6;

  /** The widest card, for the longest names: a name of 20 characters on three lines. */
  private static final double WIDEST_CARD_EM = 6.4;

  /** A name's characters in em (roster-name is 0.8 em, the boards' smallest). */
  private static final double NAME_EM = 0.8;

  private RosterBoard() {}

  static PagedBoard build(BoardInput in) {
    List<Deputy> deputies = in.content().deputies();
    String count = "共 " + deputies.size() + " 位 · " + deputies.size() + " deputies";
    if (deputies.isEmpty()) {
      return PagedBoard.single(
          BoardFx.board(
              BoardFx.title(in, TITLE, count, null, null),
              BoardFx.message(
                  Bilingual.of("本站暂无进站代表信息", "No deputy is listed for this station yet"),
                  List.of())));
    }
    Map<DeputyLevel, List<Deputy>> byLevel = new EnumMap<>(DeputyLevel.class);
    for (Deputy d : deputies) {
      byLevel.computeIfAbsent(d.highestLevel(), l -> new ArrayList<>()).add(d);
    }
    // Cards as wide as the longest name needs to stand on at most three lines.
    int longest = deputies.stream().mapToInt(d -> d.name().length()).max().orElse(0);
    double cardEm =
        Math.max(CARD_EM, Math.min(WIDEST_CARD_EM, Math.ceil(longest / 3.0) * NAME_EM + 0.4));
    List<PagedGroups.Group> groups = new ArrayList<>();
    byLevel.forEach(
        (level, members) ->
            groups.add(
                new PagedGroups.Group(
                    heading(level, false, in.portrait()),
                    heading(level, true, in.portrait()),
                    members.stream().map(d -> card(in, d, cardEm)).toList())));
    PagedGroups pages =
        new PagedGroups(groups, PagedGroups.Shape.cards(cardEm, 0.3, 0.4), in.page());
    VBox.setVgrow(pages, Priority.ALWAYS);
    Node title = BoardFx.title(in, TITLE, count, pages.pages(), pages.shownPage());
    return new PagedBoard(BoardFx.board(title, pages), pages.pages());
  }

  /** The level's name, Chinese then English; marked 续 where the level runs onto a new page. */
  private static Node heading(DeputyLevel level, boolean continued, boolean portrait) {
    HBox zh = new HBox(fixed("roster-level", level.zh()));
    zh.setAlignment(Pos.BASELINE_LEFT);
    zh.getStyleClass().add("roster-heading-line");
    if (continued) {
      zh.getChildren().add(fixed("roster-continued", "续"));
    }
    Label en = fixed("roster-level-en", level.en());
    // Portrait: the English under the Chinese, so two levels' frames share the narrow width.
    Pane heading = portrait ? new VBox(zh, en) : new HBox(zh, en);
    if (heading instanceof HBox line) {
      line.setAlignment(Pos.BASELINE_LEFT);
    }
    heading.getStyleClass().add("roster-heading");
    return heading;
  }

  private static Node card(BoardInput in, Deputy d, double widthEm) {
    Label name = wrapping("roster-name", d.name());
    name.setTextAlignment(TextAlignment.CENTER);
    name.setAlignment(Pos.TOP_CENTER);
    VBox card = new VBox(in.portraits().node(in.photo(d), BoardInput.initial(d), 1.8), name);
    card.getStyleClass().add("roster-card");
    if (widthEm != CARD_EM) {
      card.setStyle(
          "-fx-pref-width: %sem; -fx-min-width: %sem; -fx-max-width: %sem;"
              .formatted(widthEm, widthEm, widthEm));
    }
    card.setAlignment(Pos.TOP_CENTER);
    return card;
  }
}
