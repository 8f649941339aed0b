package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.fx.WrapRow;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.StationContent.LivelihoodRound;

/**
 * 民生实事项目征集: a round collecting residents' proposals at the station, a page a round (the township's
 * first): who decides and the year, the title, the dates, the categories it asks for, the proposals
 * accepted so far with a few of their titles, and a large code of the station's proposal form with
 * "扫码提建议" beside them (beneath them on a portrait screen).
 */
final class LivelihoodBoard {
  static final Bilingual TITLE = Bilingual.of("民生实事项目征集", "Livelihood projects");
  static final Bilingual SCAN = Bilingual.of("扫码提建议", "Scan to propose");
  static final Bilingual NONE =
      Bilingual.of("本站目前没有正在征集的民生实事项目", "No livelihood projects are being collected here now");

  /** The code, in em of the board: about the report's vote's, read across a hall. */
  static final double QR_EM = 7;

  /** Accepted titles shown at most, on one running line: the rest are counted. */
  static final int TITLES = 2;

  private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter DAY_EN =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private LivelihoodBoard() {}

  static PagedBoard build(BoardInput in) {
    List<LivelihoodRound> rounds = in.content().livelihoodOrEmpty().rounds();
    if (rounds.isEmpty()) {
      return PagedBoard.single(
          BoardFx.board(
              BoardFx.title(in, TITLE, "", null, null), BoardFx.message(NONE, List.of())));
    }
    int page = Math.min(in.page(), rounds.size() - 1);
    LivelihoodRound round = rounds.get(page);
    SimpleIntegerProperty pages = new SimpleIntegerProperty(rounds.size());
    Node title =
        BoardFx.title(
            in,
            TITLE,
            round.level() + " · " + round.year() + "年",
            pages,
            new SimpleIntegerProperty(page));
    VBox about = about(round, TITLES);
    String url = in.content().links().livelihood();
    if (url == null) {
      return new PagedBoard(BoardFx.board(title, about), pages);
    }
    if (in.portrait()) {
      // Beneath the round, the words beside the code: a portrait screen is short of height here.
      HBox code = new HBox(BoardFx.qr(url, QR_EM), scan());
      code.getStyleClass().addAll("vote-code", "lv-code-row");
      code.setAlignment(Pos.CENTER);
      code.setMaxWidth(Double.MAX_VALUE);
      return new PagedBoard(BoardFx.board(title, about, code), pages);
    }
    VBox code = new VBox(BoardFx.qr(url, QR_EM), scan());
    code.getStyleClass().add("vote-code");
    code.setAlignment(Pos.TOP_CENTER);
    code.setMinWidth(Region.USE_PREF_SIZE);
    HBox.setHgrow(about, Priority.ALWAYS);
    HBox both = new HBox(about, code);
    both.getStyleClass().add("lv-both");
    return new PagedBoard(BoardFx.board(title, both), pages);
  }

  private static VBox about(LivelihoodRound r, int shown) {
    VBox box =
        new VBox(
            wrapping("lv-title", r.title()),
            bilingual(
                "lv-dates",
                "征集时间 " + DAY_ZH.format(r.opensOn()) + "—" + DAY_ZH.format(r.closesOn()),
                DAY_EN.format(r.opensOn()) + " – " + DAY_EN.format(r.closesOn())));
    if (!r.categories().isEmpty()) {
      WrapRow categories = new WrapRow(0.3, 0.15, fixed("lv-asks", "征集方向"));
      r.categories().forEach(c -> categories.add(fixed("lv-category", c)));
      box.getChildren().add(categories);
    }
    box.getChildren()
        .add(
            r.accepted() == 0
                ? bilingual("lv-accepted", "欢迎扫码提出您的建议", "Your proposal is welcome")
                : bilingual(
                    "lv-accepted",
                    "已采纳建议 " + r.accepted() + " 条",
                    r.accepted() + (r.accepted() == 1 ? " proposal" : " proposals") + " accepted"));
    List<String> titles = r.acceptedTitles().stream().limit(shown).toList();
    if (!titles.isEmpty()) {
      // One running line: on the smallest panel a line a title would not fit beside the code.
      String more = r.accepted() > titles.size() ? " 等" : "";
      box.getChildren().add(wrapping("lv-proposal", String.join("；", titles) + more));
    }
    box.getStyleClass().add("lv-about");
    box.setMinWidth(0);
    return box;
  }

  /** A line in Chinese with its English after it, smaller, wrapping beneath when it must. */
  private static Node bilingual(String style, String zh, String en) {
    WrapRow line = new WrapRow(0.4, 0, fixed(style, zh), fixed("lv-en", en));
    line.setMinWidth(0);
    return line;
  }

  /** What to do with the code. */
  private static VBox scan() {
    VBox words = new VBox(fixed("vote-scan", SCAN.zh()), fixed("vote-scan-en", SCAN.en()));
    words.setAlignment(Pos.CENTER);
    return words;
  }
}
