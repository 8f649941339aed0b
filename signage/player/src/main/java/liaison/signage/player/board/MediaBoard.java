package liaison.signage.player.board;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javafx.util.Duration;
import liaison.signage.player.loop.OnScreen.MediaTurn;
import liaison.signage.protocol.MediaSlide;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A manager's own slide on the signage screen, under the station's sign plate like every board: the
 * poster, the document's page or the video fitted into the board's area whole, letterboxed on the
 * board's background, never stretched or cut. An image is decoded at the screen's size, so a
 * 3840-pixel poster costs the screen's pixels in memory, not its own. A video plays through JavaFX
 * media, muted at volume 0 (the default), from where an interrupt left it; a file the machine
 * cannot play is said once in the log and handed back so the loop skips it. The player is stopped
 * and kept for the file's next turn when the slide leaves ({@link #close}, {@link Players}).
 */
final class MediaBoard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MediaBoard.class);

  /** Files whose failure the log has already told: a loop plays every few minutes, for days. */
  private static final Set<String> FAILURES_SAID = ConcurrentHashMap.newKeySet();

  private final MediaTurn turn;
  private final StackPane frame = new StackPane();
  private final double loadedWidth;
  private final double loadedHeight;
  private final Players players;
  private @Nullable MediaPlayer player;

  private MediaBoard(MediaTurn turn, double width, double height, Players players) {
    this.turn = turn;
    this.players = players;
    this.loadedWidth = width;
    this.loadedHeight = height;
    frame.getStyleClass().add("media-frame");
    // The frame takes the board's area, whatever the picture's size; the picture fits inside it.
    frame.setMinSize(0, 0);
    frame.setPrefSize(0, 0);
  }

  /**
   * The turn's file drawn at a screen of {@code width}×{@code height} pixels; an empty frame when
   * the file is not on disk (the loop asked the cache a moment ago, so it should be). {@code
   * failed} hears the file's hash when it cannot be played, on the FX thread, later.
   */
  static MediaBoard build(
      MediaTurn turn,
      Optional<Path> file,
      double width,
      double height,
      int volume,
      Players players,
      Consumer<String> failed) {
    MediaBoard board = new MediaBoard(turn, width, height, players);
    file.ifPresent(
        path -> {
          if (turn.slide().known().orElse(null) == MediaSlide.Kind.VIDEO) {
            board.video(path, volume, failed);
          } else {
            board.image(path, failed);
          }
        });
    return board;
  }

  MediaTurn turn() {
    return turn;
  }

  Node node() {
    return frame;
  }

  /** The video's player while it plays; for the screen's tests and the memory benchmark. */
  Optional<MediaPlayer> player() {
    return Optional.ofNullable(player);
  }

  /**
   * Whether drawing {@code next} on a screen of this size can keep this board: the same turn, and a
   * video (which goes on playing) or an image already decoded for this size.
   */
  boolean keeps(MediaTurn next, double width, double height) {
    return turn.equals(next)
        && (player != null || (width == loadedWidth && height == loadedHeight));
  }

  private void image(Path path, Consumer<String> failed) {
    // Decoded at the screen's size (never larger than the file), smoothly, keeping its shape.
    Image image =
        new Image(
            path.toUri().toString(),
            Math.max(1, loadedWidth),
            Math.max(1, loadedHeight),
            true,
            true);
    if (image.isError()) {
      fail(turn.file().sha256(), String.valueOf(image.getException()), failed);
      return;
    }
    ImageView view = new ImageView(image);
    view.getStyleClass().add("media-picture");
    view.setPreserveRatio(true);
    view.setSmooth(true);
    fit(view.fitWidthProperty(), view.fitHeightProperty());
    frame.getChildren().add(view);
  }

  private void video(Path path, int volume, Consumer<String> failed) {
    String sha256 = turn.file().sha256();
    SilentSound.ifNoSoundCard();
    try {
      // Back from an interrupt: on from where it was, not from the start.
      MediaPlayer p = players.take(path, Duration.millis(Math.max(0, turn.into().toMillis())));
      Media media = p.getMedia();
      media.setOnError(() -> fail(sha256, String.valueOf(media.getError()), failed));
      p.setOnError(() -> fail(sha256, String.valueOf(p.getError()), failed));
      p.setMute(volume == 0);
      p.setVolume(volume / 100.0);
      p.play();
      MediaView view = new MediaView(p);
      view.getStyleClass().add("media-video");
      view.setPreserveRatio(true);
      view.setSmooth(true);
      fit(view.fitWidthProperty(), view.fitHeightProperty());
      frame.getChildren().add(view);
      player = p;
    } catch (MediaException | UnsupportedOperationException e) {
      // Not playable here (javafx-media without its native libraries, a codec it lacks).
      fail(sha256, String.valueOf(e), failed);
    }
  }

  private void fit(
      javafx.beans.property.DoubleProperty width, javafx.beans.property.DoubleProperty height) {
    width.bind(frame.widthProperty());
    height.bind(frame.heightProperty());
  }

  private void fail(String sha256, String why, Consumer<String> failed) {
    if (FAILURES_SAID.add(sha256)) {
      LOG.warn(
          "media slide {} ('{}'): its file {} cannot be played on this station ({}); skipped",
          turn.slide().id(),
          turn.slide().title(),
          sha256,
          why);
    }
    // Later, never while the screen is still drawing this board.
    Platform.runLater(() -> failed.accept(sha256));
  }

  /**
   * The slide leaves the screen: a video's player stops and is kept for the file's next turn
   * ({@link Players}), its view let go.
   */
  @Override
  public void close() {
    letGo().ifPresent(players::keep);
  }

  /**
   * The slide leaves the screen and the loop with it (a visitor, the window closing): a video's
   * player is disposed at once, not stopped first (a stop's state change, delivered after the
   * dispose, would name a disposed player stopped).
   */
  void discard() {
    letGo().ifPresent(MediaPlayer::dispose);
  }

  private Optional<MediaPlayer> letGo() {
    MediaPlayer p = player;
    player = null;
    if (p == null) {
      return Optional.empty();
    }
    frame
        .getChildren()
        .forEach(
            n -> {
              if (n instanceof MediaView view) {
                view.setMediaPlayer(null);
              }
            });
    p.setOnError(null);
    p.getMedia().setOnError(null);
    return Optional.of(p);
  }

  /**
   * The screen's video players, kept between a slide's turns. A signage loop plays the same few
   * videos every few minutes for days; a new {@code MediaPlayer} each turn builds and tears down a
   * decoder pipeline each time, and the process's resident memory crept with every one (about 50
   * KiB a turn after ten minutes, in {@code SignageVideoMemoryBenchmark}). So a video's player,
   * when its slide leaves, is stopped and kept for the file's next turn; at most {@link #KEPT} idle
   * players are kept (the least recently played is disposed beyond that), a player that failed is
   * never kept, and {@link #release} disposes them all when the loop leaves the screen for long (a
   * visitor at the kiosk, the window closing). Used on the FX thread only.
   */
  static final class Players {
    /** Idle players kept beside the one on screen: a station's rotation holds a few videos. */
    static final int KEPT = 2;

    /** Idle players by their file's URI, least recently played first. */
    private final Map<String, MediaPlayer> idle = new LinkedHashMap<>();

    private int made;

    /**
     * A stopped player for the file, ready to play from {@code start}: the one kept from the file's
     * last turn, else a new one.
     *
     * @throws javafx.scene.media.MediaException when a new player cannot be made for the file
     */
    MediaPlayer take(Path file, Duration start) {
      String uri = file.toUri().toString();
      // A kept player plays from the top: a stopped player's start time, changed, does not always
      // move where it plays from, so a turn back from an interrupt gets a player of its own.
      if (start.lessThanOrEqualTo(Duration.ZERO)) {
        MediaPlayer kept = idle.remove(uri);
        if (kept != null) {
          return kept;
        }
      }
      MediaPlayer player = new MediaPlayer(new Media(uri));
      made++;
      player.setStartTime(start);
      return player;
    }

    /**
     * The player's slide left the screen: stopped and kept for the file's next turn; disposed
     * instead when it failed or plays from elsewhere than the top.
     */
    void keep(MediaPlayer player) {
      if (player.getError() != null
          || player.getMedia().getError() != null
          || player.getStatus() == MediaPlayer.Status.HALTED
          || player.getStatus() == MediaPlayer.Status.DISPOSED
          || player.getStartTime().greaterThan(Duration.ZERO)) {
        player.dispose();
        return;
      }
      player.stop();
      MediaPlayer before = idle.put(player.getMedia().getSource(), player);
      if (before != null && before != player) {
        before.dispose();
      }
      Iterator<MediaPlayer> oldest = idle.values().iterator();
      while (idle.size() > KEPT) {
        oldest.next().dispose();
        oldest.remove();
      }
    }

    /** Disposes every idle player: their decoders' memory goes back to the system. */
    void release() {
      idle.values().forEach(MediaPlayer::dispose);
      idle.clear();
    }

    /** How many players were made so far; for the screen's tests and the memory benchmark. */
    int made() {
      return made;
    }

    /** How many idle players are kept now. */
    int idle() {
      return idle.size();
    }
  }
}
