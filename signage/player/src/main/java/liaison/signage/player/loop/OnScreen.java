package liaison.signage.player.loop;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.ProjectTally;
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

  /**
   * A manager's own slide from the hub's media library, after the playlist's boards: a poster, a
   * video, or a page of a document ({@code page} counts from 0, each page for the slide's seconds).
   *
   * @param into how far into the page (a video's playing time) the screen starts: zero, or the time
   *     it had already played when an interrupt covered it, so a video goes on where it was
   */
  record MediaTurn(MediaSlide slide, int page, Duration into, Instant since, Instant until)
      implements OnScreen {

    /** The file on screen: the page of a document, the one file of an image or a video. */
    public MediaSlide.MediaFile file() {
      return slide.files().get(page);
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

  /**
   * The deputies' vote on livelihood projects at the session hall: each project's live count, or,
   * once the vote closed, its result. Over the loop, under an alert, after a report to voters.
   *
   * @param result the vote closed: the screen announces each project's result
   */
  record ProjectVote(ProjectTally tally, boolean result, Instant since) implements OnScreen {}
}
