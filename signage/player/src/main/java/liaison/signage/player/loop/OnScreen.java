package liaison.signage.player.loop;

import java.time.Instant;
import java.util.Optional;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.StationAlert;

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
}
