package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import java.time.ZoneId;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.loop.OnScreen.Vote;
import liaison.signage.player.qr.QrView;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Report;
import liaison.signage.protocol.VoteTally;

/**
 * A deputy's report to voters (述职评议) on screen: the deputy's portrait and name, the report's title,
 * a large QR code of the ballot page with "扫码评议", and the count so far as bars and numbers; once
 * the vote closed, its result with each answer's share instead of the code.
 */
final class VoteBoard {
  static final Bilingual TITLE = Bilingual.of("代表述职评议", "Report to voters");
  static final Bilingual RESULT = Bilingual.of("评议结果", "Result");
  static final Bilingual SCAN = Bilingual.of("扫码评议", "Scan to evaluate");

  /** The vote's code, in em of the board: 25 mm and more on every panel, read across a hall. */
  static final double QR_EM = 8;

  private static final String[] ANSWERS_ZH = {"满意", "基本满意", "不满意"};
  private static final String[] ANSWERS_EN = {"Satisfied", "Fairly satisfied", "Dissatisfied"};
  private static final String[] STYLES = {"rating-good", "rating-fair", "rating-poor"};

  private VoteBoard() {}

  static Node build(Vote vote, StationContent content, BoardInput in) {
    Report r = vote.report();
    ZoneId zone = content.station().zone();
    String window =
        Dates.window(
            r.starts().atZoneSameInstant(zone).toLocalTime(),
            r.ends().atZoneSameInstant(zone).toLocalTime());
    Node title = BoardFx.title(in, vote.result() ? RESULT : TITLE, window, null, null);
    Optional<String> photo =
        content.deputy(r.deputyId()).flatMap(d -> Optional.ofNullable(d.photo()));
    String initial = r.deputyName().substring(0, Math.min(1, r.deputyName().length()));
    VBox who = new VBox(wrapping("vote-name", r.deputyName() + " 代表"));
    if (!r.title().isBlank()) {
      who.getChildren().add(wrapping("vote-report-title", r.title()));
    }
    who.setMinWidth(0);
    HBox.setHgrow(who, Priority.ALWAYS);
    HBox person = new HBox(in.portraits().node(photo, initial, 2.6), who);
    person.getStyleClass().add("vote-person");
    person.setAlignment(Pos.CENTER_LEFT);
    Node count = count(vote.tally(), vote.result(), in.portrait());
    if (vote.result()) {
      return BoardFx.board(title, person, count);
    }
    VBox code = code(r.voteUrl());
    if (in.portrait()) {
      code.setMaxWidth(Double.MAX_VALUE);
      return BoardFx.board(title, person, code, count);
    }
    VBox left = new VBox(person, count);
    left.getStyleClass().add("vote-left");
    left.setMinWidth(0);
    HBox.setHgrow(left, Priority.ALWAYS);
    HBox both = new HBox(left, code);
    both.getStyleClass().add("vote-both");
    return BoardFx.board(title, both);
  }

  /** The ballot page's code with what to do beneath it. */
  private static VBox code(String url) {
    QrView qr = BoardFx.qr(url, QR_EM);
    VBox box = new VBox(qr, fixed("vote-scan", SCAN.zh()), fixed("vote-scan-en", SCAN.en()));
    box.getStyleClass().add("vote-code");
    box.setAlignment(Pos.TOP_CENTER);
    box.setMinWidth(Region.USE_PREF_SIZE);
    return box;
  }

  /** The three answers as bars and numbers, and the ballots counted; shares once it closed. */
  private static Node count(Optional<VoteTally> tally, boolean result, boolean portrait) {
    int[] counts =
        tally
            .map(t -> new int[] {t.satisfied(), t.basicallySatisfied(), t.dissatisfied()})
            .orElse(new int[3]);
    int ballots = counts[0] + counts[1] + counts[2];
    GridPane grid = new GridPane();
    grid.getStyleClass().add("vote-count");
    for (int i = 0; i < counts.length; i++) {
      // A portrait result: the English beneath, so the bar keeps a width beside the count and its
      // share (while ballots are taken the code needs the height, and the counts are short).
      Label zh = fixed("vote-answer", ANSWERS_ZH[i]);
      Label en = fixed("vote-answer-en", ANSWERS_EN[i]);
      Pane answer = portrait && result ? new VBox(zh, en) : new HBox(zh, en);
      if (answer instanceof HBox line) {
        line.setAlignment(Pos.BASELINE_LEFT);
      }
      answer.getStyleClass().add("vote-answer-line");
      grid.add(answer, 0, i);
      grid.add(bar(counts[i], ballots, STYLES[i]), 1, i);
      String figure = Integer.toString(counts[i]);
      if (result) {
        figure += "（" + (ballots == 0 ? "—" : Math.round(counts[i] * 100.0 / ballots) + "%") + "）";
      }
      grid.add(fixed("vote-figure", figure), 2, i);
    }
    javafx.scene.layout.ColumnConstraints bars = new javafx.scene.layout.ColumnConstraints();
    bars.setHgrow(Priority.ALWAYS);
    bars.setMinWidth(0);
    grid.getColumnConstraints()
        .addAll(
            new javafx.scene.layout.ColumnConstraints(),
            bars,
            new javafx.scene.layout.ColumnConstraints());
    String total =
        ballots == 0 && !result
            ? "尚未收到评议票 · No ballot yet"
            : "共 " + ballots + " 张评议票 · " + ballots + (ballots == 1 ? " ballot" : " ballots");
    VBox box = new VBox(grid, fixed("vote-total", total));
    box.getStyleClass().add("vote-count-box");
    return box;
  }

  private static Node bar(int count, int ballots, String style) {
    HBox track = new HBox();
    track.getStyleClass().add("rating-bar");
    track.setMinWidth(0);
    if (count > 0) {
      Region part = new Region();
      part.getStyleClass().add(style);
      part.setMinWidth(0);
      part.prefWidthProperty().bind(track.widthProperty().multiply(count / (double) ballots));
      track.getChildren().add(part);
    }
    return track;
  }
}
