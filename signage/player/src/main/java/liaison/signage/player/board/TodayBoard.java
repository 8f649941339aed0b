package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Reception;

/** Today's reception: who receives visitors, when and where. */
final class TodayBoard {
  static final Bilingual TITLE = Bilingual.of("今日代表接待", "Today's reception");
  static final Bilingual NONE = Bilingual.of("今天没有安排代表接待", "No deputy receives visitors today");

  private TodayBoard() {}

  static Node build(BoardInput in) {
    List<Reception> today = in.calendar().todaysReceptions();
    // The header carries the date already.
    Node title = BoardFx.title(in, TITLE, "");
    if (today.isEmpty()) {
      List<String> next =
          in.calendar().upcoming(14).stream()
              .findFirst()
              .map(
                  r ->
                      List.of(
                          "下次接待 Next: "
                              + Dates.day(r.date()).zh()
                              + " "
                              + Dates.window(r.start(), r.end())))
              .orElse(List.of());
      return BoardFx.board(title, BoardFx.message(NONE, next));
    }
    int room = in.portrait() ? 3 : 2;
    // Landscape: the receptions side by side; portrait: one above the other.
    Pane list = in.portrait() ? new VBox() : new HBox();
    list.getStyleClass().add("today-list");
    today.stream()
        .limit(room)
        .forEach(
            r -> {
              Node card = reception(in, r);
              HBox.setHgrow(card, Priority.ALWAYS);
              list.getChildren().add(card);
            });
    if (today.size() <= room) {
      return BoardFx.board(title, list);
    }
    return BoardFx.board(title, list, BoardFx.more(today.size() - room, "场接待"));
  }

  private static Node reception(BoardInput in, Reception r) {
    HBox when = new HBox(fixed("today-window", Dates.window(r.start(), r.end())));
    when.getStyleClass().add("today-when");
    when.setAlignment(Pos.BASELINE_LEFT);
    if (r.status() == ReceptionStatus.CANCELLED) {
      when.getChildren().add(fixed("tag-cancelled", "已取消 Cancelled"));
    } else if (in.calendar().inProgress(r)) {
      when.getChildren().add(fixed("tag-now", "正在接待 Now"));
    }
    VBox card = new VBox(when);
    if (r.theme() != null && !r.theme().isBlank()) {
      card.getChildren().add(wrapping("today-theme", "主题 " + r.theme()));
    }
    String where = r.location().isEmpty() ? in.content().station().address() : r.location();
    if (!where.isEmpty()) {
      card.getChildren().add(wrapping("today-where", "地点 " + where));
    }
    FlowPane people = new FlowPane();
    people.getStyleClass().add("today-people");
    for (Deputy d : in.calendar().deputiesOf(r)) {
      VBox name =
          new VBox(fixed("person-name", d.name()), fixed("person-level", d.highestLevel().zh()));
      name.getStyleClass().add("person-text");
      HBox person = new HBox(in.portraits().node(in.photo(d), BoardInput.initial(d), 1.8), name);
      person.getStyleClass().add("person");
      person.setAlignment(Pos.CENTER_LEFT);
      people.getChildren().add(person);
    }
    card.getChildren().add(people);
    card.getStyleClass()
        .addAll("card", r.status() == ReceptionStatus.CANCELLED ? "cancelled" : "open");
    card.setMaxWidth(Double.MAX_VALUE);
    card.setMinWidth(0);
    card.setPrefWidth(0);
    return card;
  }
}
