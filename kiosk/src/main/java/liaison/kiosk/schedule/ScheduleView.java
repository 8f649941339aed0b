package liaison.kiosk.schedule;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.kiosk.fx.PageLayout;
import liaison.kiosk.fx.Ui;
import liaison.kiosk.nav.Actions;
import liaison.kiosk.nav.Page;
import liaison.kiosk.schedule.ScheduleModel.Day;
import liaison.kiosk.schedule.ScheduleModel.Entry;
import liaison.signage.player.text.Bilingual;

/** Draws the schedule: a box per day with its receptions, paged by the screenful. */
public final class ScheduleView {

  private final boolean english;
  private final Actions actions;

  public ScheduleView(boolean english, Actions actions) {
    this.english = english;
    this.actions = actions;
  }

  public Node draw(ScheduleModel model, Page.Schedule page) {
    List<Node> days = model.days().stream().map(this::day).toList();
    Node note =
        model.note().<Node>map(n -> Ui.label("page-note", n.joined(english))).orElse(new Region());
    return PageLayout.list(
        Bilingual.of("近两周接待安排", "Reception schedule, next 14 days"),
        english,
        note,
        days,
        days.isEmpty()
            ? Ui.placeholder(
                Bilingual.of("近两周暂无已公告的接待", "No announced reception in the next two weeks"),
                english)
            : null,
        page.page(),
        0,
        p -> actions.go(new Page.Schedule(p)));
  }

  private Node day(Day day) {
    Label label = Ui.label("day-label", day.label().primary(english));
    label.setMinWidth(Region.USE_PREF_SIZE);
    VBox box = new VBox(label);
    if (day.today()) {
      Label today = Ui.label("today-chip", Bilingual.of("今天", "Today").primary(english));
      today.setMinWidth(Region.USE_PREF_SIZE);
      HBox line = new HBox(label, today);
      line.setAlignment(Pos.CENTER_LEFT);
      line.getStyleClass().add("day-line");
      box.getChildren().setAll(line);
      box.getStyleClass().add("is-today");
    }
    for (Entry e : day.entries()) {
      String what =
          e.names()
              + (e.theme().isEmpty() ? "" : " · " + e.theme())
              + (e.location().isEmpty() ? "" : " · " + e.location());
      HBox row = new HBox(Ui.fixed("entry-window", e.window()));
      e.status()
          .map(s -> Ui.fixed("entry-status", s.primary(english)))
          .ifPresent(row.getChildren()::add);
      e.booking()
          .map(b -> Ui.fixed("booking-chip", b.primary(english)))
          .ifPresent(row.getChildren()::add);
      row.getChildren().add(Ui.shrinking("entry-text", what));
      row.getStyleClass().add("entry");
      row.setAlignment(Pos.CENTER_LEFT);
      box.getChildren().add(row);
    }
    box.getStyleClass().add("day");
    return box;
  }
}
