package liaison.signage.player.board;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.enrol.EnrolmentPresenter;
import liaison.signage.player.fx.FxThread;
import liaison.signage.player.loop.DisplayProofReporter;
import liaison.signage.player.loop.SignageLoop;
import liaison.signage.player.media.MediaFiles;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.StationContent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One station runtime playing its signage loop on a {@link SignageScreen}: the standalone signage
 * launcher keeps it playing, the kiosk resumes it after its idle timeout and suspends it on the
 * first touch. Content and alerts come from the runtime; each notice leaving the screen is reported
 * through the runtime's outbox ({@code notice.displayed}). Everything runs on the FX thread.
 */
public final class SignagePlayback implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SignagePlayback.class);

  private final StationRuntime runtime;
  private final SignageScreen screen;
  private final Clock clock;
  private final SignageLoop loop;
  private final EnrolmentPresenter enrolment;
  private final List<AutoCloseable> watches = new ArrayList<>();

  /** Starts suspended: call {@link #resume()} to put the loop on screen. */
  public SignagePlayback(StationRuntime runtime, SignageScreen screen, Clock clock) {
    this(runtime, screen, clock, runtime.media());
  }

  /**
   * As above, with the station's media files ready to play: the media slides whose files are in
   * {@code media} play after the boards.
   */
  public SignagePlayback(
      StationRuntime runtime, SignageScreen screen, Clock clock, MediaFiles media) {
    this.runtime = runtime;
    this.screen = screen;
    this.clock = clock;
    this.loop = new SignageLoop(Playlist.DEFAULT, clock);
    this.enrolment = new EnrolmentPresenter(clock);
    loop.suspend(clock.instant());
    DisplayProofReporter proofs =
        new DisplayProofReporter(runtime.events()::record, clock.getZone());
    loop.onProof(proofs);
    loop.onMediaProof(proofs::media);
    // The managers' media slides: the loop plays those whose files are ready, the screen draws
    // them.
    loop.media(media);
    screen.media(media, sha256 -> loop.mediaFailed(sha256, clock.instant()));
    loop.onChange(next -> screen.show(next, runtime.feed().content().get()));
    // A board with more than a screenful shows its pages in turn: the screen knows how many.
    loop.pages(screen::pagesOf);
    watches.add(runtime.feed().content().watch(c -> FxThread.run(() -> contentChanged(c))));
    watches.add(
        runtime.feed().alert().watch(a -> FxThread.run(() -> loop.alert(a, clock.instant()))));
    // A report to voters' live count: the loop puts the vote on screen and redraws each change.
    watches.add(
        runtime.feed().tally().watch(t -> FxThread.run(() -> loop.tally(t, clock.instant()))));
    // The deputies' vote on livelihood projects at the session hall, the same way.
    watches.add(
        runtime
            .feed()
            .projectTally()
            .watch(t -> FxThread.run(() -> loop.projectTally(t, clock.instant()))));
    watches.add(runtime.enrolment().watch(e -> FxThread.run(this::showEnrolment)));
    watches.add(
        runtime
            .enrolledName()
            .watch(
                n ->
                    FxThread.run(
                        () -> {
                          screen.knowStation(n);
                          showEnrolment();
                        })));
    watches.add(runtime.presence().link().watch(l -> FxThread.run(() -> screen.showLink(l))));
  }

  public SignageScreen screen() {
    return screen;
  }

  public SignageLoop loop() {
    return loop;
  }

  public boolean playing() {
    return !loop.suspended();
  }

  /** Puts the loop on screen, from the top of the playlist. */
  public void resume() {
    loop.resume(clock.instant());
    showCurrent();
  }

  /** Takes the loop off screen; the notice that was showing gets its proof of display. */
  public void suspend() {
    loop.suspend(clock.instant());
    screen.stopMedia();
  }

  /** Every second or so: interrupts start and end, boards advance, the clock moves. */
  public void tick() {
    if (playing()) {
      loop.tick(clock.instant());
      screen.tick();
    }
  }

  /** The enrolment band, naming the station once its ticket or its content has said its name. */
  private void showEnrolment() {
    screen.showEnrolment(
        enrolment.present(
            runtime.enrolment().get(),
            EnrolmentPresenter.nameOf(
                runtime.feed().content().get(), runtime.enrolledName().get())));
  }

  private void contentChanged(Optional<StationContent> content) {
    showEnrolment();
    loop.content(content, clock.instant());
    if (playing()) {
      // The same board with new content (a deputy added, a time moved) is drawn again.
      showCurrent();
    }
  }

  private void showCurrent() {
    Optional<StationContent> content = runtime.feed().content().get();
    screen.show(loop.screen(), content);
    content.ifPresent(c -> runtime.presence().displayed(c.version()));
  }

  @Override
  public void close() {
    for (AutoCloseable watch : watches) {
      try {
        watch.close();
      } catch (Exception e) {
        LOG.debug("closing a watch failed", e);
      }
    }
    if (playing()) {
      suspend();
    }
  }
}
