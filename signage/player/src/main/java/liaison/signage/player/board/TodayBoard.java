package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.PagedGroups;
import liaison.signage.player.fx.SideBySide;
import liaison.signage.player.fx.WrapRow;
import liaison.signage.player.qr.SignInCodeView;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.protocol.StationContent.Report;
import liaison.signage.protocol.StationContent.SignIn;

/**
 * Today's receptions: who receives visitors, when and where, a card each with the deputies'
 * portraits on a calm day, a compact line each on a busy one, as many pages as the day needs.
 */
final class TodayBoard {
  static final Bilingual TITLE = Bilingual.of("今日代表接待", "Today's reception");
  static final Bilingual NONE = Bilingual.of("今天没有安排代表接待", "No deputy receives visitors today");

  /**
   * Deputies on one card; a reception with more continues on the next card. Where a card of four is
   * taller than the screen (long names, a short screen), cards of two, then of one.
   */
  static final List<Integer> PER_CARD = List.of(4, 2, 1);

  /**
   * Up to so many receptions a day, a card each with the deputies' portraits; more, a line each.
   */
  static final int CARDS_UP_TO = 2;

  /** A busy day's lines stand in two columns where each is at least this wide. */
  static final double ROW_COLUMN_EM = 14;

  /**
   * The sign-in code's side: 25 mm and more on every panel (its 37 modules at 4 px each on the
   * 7-inch one), smaller than a vote's.
   */
  static final double SIGN_IN_EM = 6.2;

  private TodayBoard() {}

  static PagedBoard build(BoardInput in) {
    List<Reception> today = in.calendar().todaysReceptions();
    List<Report> reports = ReceptionLineFx.reportsOn(in, in.calendar().today());
    if (today.isEmpty() && reports.isEmpty()) {
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
      // The header carries the date already.
      return PagedBoard.single(
          BoardFx.board(BoardFx.title(in, TITLE, "", null, null), BoardFx.message(NONE, next)));
    }
    if (today.size() > CARDS_UP_TO || today.isEmpty()) {
      return rows(in, today, reports);
    }
    List<List<? extends Node>> cuts = new ArrayList<>();
    for (int perCard : PER_CARD) {
      List<Node> cards = new ArrayList<>();
      for (Reception r : today) {
        List<Deputy> deputies = in.calendar().deputiesOf(r);
        int from = 0;
        do {
          List<Deputy> some = deputies.subList(from, Math.min(deputies.size(), from + perCard));
          cards.add(card(in, r, some, from > 0));
          from += perCard;
        } while (from < deputies.size());
      }
      // A report to voters the same day stands as a line after the receptions' cards.
      reports.forEach(r -> cards.add(ReceptionLineFx.report(in, r, true)));
      cuts.add(cards);
    }
    // Landscape: the cards side by side, two across while each keeps 14 em; portrait: one above
    // the other.
    PagedGroups pages =
        new PagedGroups(
            List.of(PagedGroups.Group.cut(cuts)),
            PagedGroups.Shape.columns(1, 0, 0.3, 0.3),
            in.page());
    VBox.setVgrow(pages, Priority.ALWAYS);
    Node title = BoardFx.title(in, TITLE, "", pages.pages(), pages.shownPage());
    return new PagedBoard(BoardFx.board(title, withSignIn(in, today, pages)), pages.pages());
  }

  /**
   * A busy day: a compact line a reception (when, who, the topic, where), in two columns where the
   * screen is wide, so a dozen receptions take a few pages.
   */
  private static PagedBoard rows(BoardInput in, List<Reception> today, List<Report> reports) {
    // Receptions and reports to voters in the order of their start.
    List<Map.Entry<LocalTime, Node>> lines = new ArrayList<>();
    today.forEach(r -> lines.add(Map.entry(r.start(), ReceptionLineFx.today(in, r))));
    reports.forEach(
        r ->
            lines.add(
                Map.entry(ReceptionLineFx.start(in, r), ReceptionLineFx.report(in, r, true))));
    lines.sort(Map.Entry.comparingByKey());
    PagedGroups pages =
        new PagedGroups(
            List.of(
                new PagedGroups.Group(
                    null, null, lines.stream().map(Map.Entry::getValue).toList())),
            PagedGroups.Shape.columns(2, ROW_COLUMN_EM, 0.25, 0.3),
            in.page());
    VBox.setVgrow(pages, Priority.ALWAYS);
    String count = today.isEmpty() ? "" : today.size() + " 场 · receptions";
    Node title = BoardFx.title(in, TITLE, count, pages.pages(), pages.shownPage());
    return new PagedBoard(BoardFx.board(title, withSignIn(in, today, pages)), pages.pages());
  }

  /**
   * During a reception, where the hub gives the station a sign-in key, the deputies' sign-in code
   * beside the day's receptions (beneath them on a portrait screen); else the receptions alone.
   */
  private static Node withSignIn(BoardInput in, List<Reception> today, PagedGroups pages) {
    Optional<SignIn> signIn = in.content().dutyOrEmpty().signInIfAny();
    Optional<Reception> now =
        today.stream()
            .filter(r -> r.status() != ReceptionStatus.CANCELLED && in.calendar().inProgress(r))
            .findFirst();
    if (signIn.isEmpty() || now.isEmpty()) {
      return pages;
    }
    SignInCodeView code =
        new SignInCodeView(
            signIn.get(),
            now.get().id(),
            in.calendar().now().toInstant(),
            SIGN_IN_EM,
            "sign-in-caption");
    Pane both = in.portrait() ? new VBox(pages, code) : new HBox(pages, code);
    both.getStyleClass().add("today-with-sign-in");
    HBox.setHgrow(pages, Priority.ALWAYS);
    VBox.setVgrow(both, Priority.ALWAYS);
    both.setMinSize(0, 0);
    return both;
  }

  private static Node card(BoardInput in, Reception r, List<Deputy> deputies, boolean continued) {
    WrapRow when = new WrapRow(0.5, 0.1, fixed("today-window", Dates.window(r.start(), r.end())));
    if (r.status() == ReceptionStatus.CANCELLED) {
      when.add(fixed("tag-cancelled", "已取消 Cancelled"));
    } else if (in.calendar().inProgress(r)) {
      when.add(fixed("tag-now", "正在接待 Now"));
    }
    if (continued) {
      when.add(fixed("tag-continued", "续 cont."));
    }
    VBox info = new VBox(when);
    info.getStyleClass().add("today-info");
    if (r.theme() != null && !r.theme().isBlank()) {
      info.getChildren().add(wrapping("today-theme", "主题 " + r.theme()));
    }
    String where = r.location().isEmpty() ? in.content().station().address() : r.location();
    if (!where.isEmpty() && !continued) {
      info.getChildren().add(wrapping("today-where", "地点 " + where));
    }
    // The deputies side by side as the card's width allows; a long name wraps within its person.
    WrapRow people = new WrapRow(0.5, 0.15);
    for (Deputy d : deputies) {
      Label name = wrapping("person-name", d.name());
      VBox text = new VBox(name, wrapping("person-level", d.highestLevel().zh()));
      text.getStyleClass().add("person-text");
      text.setMinWidth(0);
      HBox.setHgrow(text, Priority.ALWAYS);
      HBox person = new HBox(in.portraits().node(in.photo(d), BoardInput.initial(d), 1.8), text);
      person.getStyleClass().add("person");
      person.setAlignment(Pos.CENTER_LEFT);
      people.add(person);
    }
    // Landscape: when and where on the left, who on the right (the wider part), so two receptions
    // share a screen; portrait: one above the other.
    Region card;
    if (in.portrait()) {
      VBox stacked = new VBox(info);
      if (!deputies.isEmpty()) {
        stacked.getChildren().add(people);
      }
      card = stacked;
    } else {
      card = new SideBySide(info, people, 0.5, 0.6);
    }
    card.getStyleClass()
        .addAll("card", r.status() == ReceptionStatus.CANCELLED ? "cancelled" : "open");
    card.setMinWidth(0);
    return card;
  }
}
