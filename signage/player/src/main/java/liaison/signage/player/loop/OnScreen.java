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

  /** A board of the loop; on NOTICES, the notice whose page it is. */
  record Slide(Board board, Optional<String> noticeId, Instant since, Instant until)
      implements OnScreen {}

  /** An alert over the loop; {@code until} is empty while an emergency holds the screen. */
  record Interrupt(StationAlert alert, Instant since, Optional<Instant> until)
      implements OnScreen {}
}
