package liaison.signage.player.loop;

import java.time.Instant;
import java.util.Optional;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent.Report;
import liaison.signage.protocol.VoteTally;

/** What the signage screen shows now; the view renders it, the loop decides it. */
public sealed interface OnScreen {

  Instant since();

  /** No content yet: the sign plate and "内容同步中", never a blank screen. */
  record Syncing(Instant since) implements OnScreen {}

  /**
   * A board of the loop; on NOTICES, the notice whose page it is. A board with more than a
   * screenful shows it a page at a time: {@code page} counts from 0, each page for the board's
   * time.
   */
  record Slide(Board board, Optional<String> noticeId, int page, Instant since, Instant until)
      implements OnScreen {

    /** The first page of a board. */
    public Slide(Board board, Optional<String> noticeId, Instant since, Instant until) {
      this(board, noticeId, 0, since, until);
    }
  }

  /** An alert over the loop; {@code until} is empty while an emergency holds the screen. */
  record Interrupt(StationAlert alert, Instant since, Optional<Instant> until)
      implements OnScreen {}

  /**
   * A deputy's report to voters (述职评议) under way at the station: the vote's QR code and the live
   * count, or, once the vote closed, its result. Over the loop, under an alert.
   *
   * @param tally the count as last heard, for this report; empty before the first ballot
   * @param result the vote closed: the screen announces the result instead of taking ballots
   */
  record Vote(Report report, Optional<VoteTally> tally, boolean result, Instant since)
      implements OnScreen {

    /** Whether {@code other} shows the same thing (since when aside): no redraw needed. */
    public boolean sameAs(Vote other) {
      return report.equals(other.report) && tally.equals(other.tally) && result == other.result;
    }
  }
}
