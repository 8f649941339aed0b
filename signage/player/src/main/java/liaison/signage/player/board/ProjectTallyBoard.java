package liaison.signage.player.board;

import static liaison.signage.player.board.BoardFx.fixed;
import static liaison.signage.player.board.BoardFx.wrapping;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import liaison.signage.player.loop.OnScreen.ProjectVote;
import liaison.signage.player.text.Bilingual;
import liaison.signage.protocol.ProjectTally;

/**
 * The deputies' vote on livelihood projects (民生实事项目票决) on the session hall's screen: each project's
 * FOR / AGAINST / ABSTAIN as they are counted, the ballots cast of all the congress's deputies;
 * once the vote closed, each project's result (当选 / 未当选) by the rule, more than half of all
 * deputies. Counts only: who voted how is not in the tally.
 */
final class ProjectTallyBoard {
  static final Bilingual TITLE = Bilingual.of("民生实事项目票决", "Livelihood projects vote");
  static final Bilingual RESULT = Bilingual.of("民生实事项目票决结果", "Livelihood projects: result");

  private ProjectTallyBoard() {}

  static Node build(ProjectVote vote, BoardInput in) {
    ProjectTally t = vote.tally();
    // The turnout beside the title: ballots of all the congress's deputies.
    Node title =
        BoardFx.title(
            in,
            vote.result() ? RESULT : TITLE,
            t.ballots() + " / " + t.deputiesTotal() + " 票",
            null,
            null);
    int needed = t.deputiesTotal() / 2 + 1;
    // One line for the words the numbers need: which is which, and the rule.
    VBox rows =
        new VBox(
            wrapping("vote-report-title", t.title()),
            wrapping(
                "vote-answer-en",
                "全体代表 "
                    + t.deputiesTotal()
                    + " 人，赞成 "
                    + needed
                    + " 票以上当选 · For / Against / Abstain; elected with "
                    + needed
                    + "+ for"));
    rows.getStyleClass().add("pt-rows");
    int n = 1;
    for (ProjectTally.Project p : t.projects()) {
      Label name = wrapping("vote-answer", n++ + ". " + p.title());
      name.setMinWidth(0);
      HBox.setHgrow(name, Priority.ALWAYS);
      name.setMaxWidth(Double.MAX_VALUE);
      HBox counts =
          new HBox(
              figure("赞成", p.votesFor(), "vote-figure"),
              figure("反对", p.votesAgainst(), "pt-figure"),
              figure("弃权", p.votesAbstain(), "pt-figure"));
      counts.getStyleClass().add("pt-project");
      counts.setAlignment(Pos.CENTER_LEFT);
      counts.setMinWidth(Region.USE_PREF_SIZE);
      if (p.elected() != null) {
        boolean elected = p.elected() == ProjectTally.Result.ELECTED;
        Label result = fixed(elected ? "pt-elected" : "pt-not-elected", elected ? "当选" : "未当选");
        result.setMinWidth(Region.USE_PREF_SIZE);
        counts.getChildren().add(result);
      }
      if (in.portrait()) {
        // A portrait screen has the height and not the width: the counts beneath the name.
        rows.getChildren().add(new VBox(name, counts));
      } else {
        HBox project = new HBox(name, counts);
        project.getStyleClass().add("pt-project");
        project.setAlignment(Pos.CENTER_LEFT);
        rows.getChildren().add(project);
      }
    }
    return BoardFx.board(title, rows);
  }

  /** One answer's count: its name small, the number large. */
  private static HBox figure(String zh, int count, String style) {
    HBox box = new HBox(fixed("vote-answer-en", zh), fixed(style, Integer.toString(count)));
    box.getStyleClass().add("pt-count");
    box.setAlignment(Pos.BASELINE_LEFT);
    box.setMinWidth(Region.USE_PREF_SIZE);
    return box;
  }
}
