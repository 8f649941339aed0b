package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.StationContent.Deputy;

/**
 * The deputies of the station as a photo grid, grouped by their highest level. A wall screen does
 * not scroll: the groups are laid out in em (the board's type scale) and the deputies that do not
 * fit are counted in a closing line.
 */
final class RosterBoard {
  static final Bilingual TITLE = Bilingual.of("进站代表", "Deputies at this station");

  // Sizes in em, matching signage.css: a card with its gap, a card's height with the row gap, a
  // level heading (Chinese, then English, on one line, or two on a narrow portrait screen; CJK
  // fonts set lines about 1.45 em apart),
  // the gap between groups, and the closing line.
  private static final double CARD_WIDTH = 4.2;
  private static final double CARD_HEIGHT = 3.95;
  private static final double HEADING = 1.45;
  private static final double GROUP_GAP = 0.4;
  private static final double MORE_LINE = 1.5;

  private RosterBoard() {}

  static Node build(BoardInput in) {
    List<Deputy> deputies = in.content().deputies();
    Node title =
        BoardFx.title(in, TITLE, "共 " + deputies.size() + " 位 · " + deputies.size() + " deputies");
    if (deputies.isEmpty()) {
      return BoardFx.board(
          title,
          BoardFx.message(
              Bilingual.of("本站暂无进站代表信息", "No deputy is listed for this station yet"), List.of()));
    }
    Map<DeputyLevel, List<Deputy>> byLevel = new EnumMap<>(DeputyLevel.class);
    for (Deputy d : deputies) {
      byLevel.computeIfAbsent(d.highestLevel(), l -> new ArrayList<>()).add(d);
    }
    // The room below the board's title (see signage.css): 13.1 em landscape, 27.2 em portrait.
    double width = in.portrait() ? 17.5 : 32.2;
    double height = in.portrait() ? 25.6 : 12.9;
    Map<DeputyLevel, List<Deputy>> plan = plan(byLevel, width, height, in.portrait());
    int shown = plan.values().stream().mapToInt(List::size).sum();
    if (shown < deputies.size()) {
      // Leave room for the line that counts the rest.
      plan = plan(byLevel, width, height - MORE_LINE, in.portrait());
      shown = plan.values().stream().mapToInt(List::size).sum();
    }
    int perLine = (int) Math.floor(width / CARD_WIDTH);
    FlowPane groups = new FlowPane();
    groups.getStyleClass().add("roster-groups");
    groups.setHgap(GROUP_GAP * in.fontPx());
    groups.setPrefWrapLength(width * in.fontPx());
    plan.forEach(
        (level, members) ->
            groups.getChildren().add(group(in, level, members, Math.min(perLine, members.size()))));
    VBox body = new VBox(groups);
    if (shown < deputies.size()) {
      body.getChildren().add(BoardFx.more(deputies.size() - shown, "位代表"));
    }
    return BoardFx.board(title, body);
  }

  /**
   * Which deputies of each level fit, laying the groups out as the flow pane will: side by side
   * while the row has room, each group as many lines of cards as it needs.
   */
  private static Map<DeputyLevel, List<Deputy>> plan(
      Map<DeputyLevel, List<Deputy>> byLevel, double width, double height, boolean portrait) {
    double heading = portrait ? 2 * HEADING : HEADING;
    int perLine = (int) Math.floor(width / CARD_WIDTH);
    Map<DeputyLevel, List<Deputy>> plan = new EnumMap<>(DeputyLevel.class);
    double rowWidth = 0;
    double rowHeight = 0;
    double used = 0;
    for (Map.Entry<DeputyLevel, List<Deputy>> group : byLevel.entrySet()) {
      List<Deputy> members = group.getValue();
      double groupWidth =
          Math.max(
              Math.min(members.size(), perLine) * CARD_WIDTH,
              headingWidth(group.getKey(), portrait));
      if (rowWidth > 0 && rowWidth + GROUP_GAP + groupWidth > width) {
        used += rowHeight;
        rowWidth = 0;
        rowHeight = 0;
      }
      int linesLeft = (int) Math.floor((height - used - heading) / CARD_HEIGHT);
      if (linesLeft < 1) {
        break;
      }
      int lines = Math.min(linesLeft, (members.size() + perLine - 1) / perLine);
      List<Deputy> fit = members.subList(0, Math.min(members.size(), lines * perLine));
      plan.put(group.getKey(), fit);
      rowWidth += (rowWidth > 0 ? GROUP_GAP : 0) + groupWidth;
      rowHeight = Math.max(rowHeight, heading + lines * CARD_HEIGHT);
      if (fit.size() < members.size()) {
        break;
      }
    }
    return plan;
  }

  /** The heading's width in em: Chinese characters are square, Latin letters about half as wide. */
  private static double headingWidth(DeputyLevel level, boolean portrait) {
    double zh = level.zh().length() * 0.9;
    double en = level.en().length() * 0.8 * 0.6;
    return portrait ? Math.max(zh, en) : zh + 0.4 + en;
  }

  private static Node group(BoardInput in, DeputyLevel level, List<Deputy> members, int across) {
    FlowPane cards = new FlowPane();
    cards.getStyleClass().add("roster-cards");
    cards.setPrefWrapLength(across * CARD_WIDTH * in.fontPx());
    for (Deputy d : members) {
      VBox card =
          new VBox(
              in.portraits().node(in.photo(d), BoardInput.initial(d), 2.1),
              fixed("roster-name", d.name()));
      card.getStyleClass().add("roster-card");
      card.setAlignment(Pos.TOP_CENTER);
      cards.getChildren().add(card);
    }
    Pane heading = in.portrait() ? new VBox() : new HBox();
    heading
        .getChildren()
        .addAll(fixed("roster-level", level.zh()), fixed("roster-level-en", level.en()));
    heading.getStyleClass().add("roster-heading");
    VBox box = new VBox(heading, cards);
    box.getStyleClass().add("roster-group");
    return box;
  }
}
