package liaison.signage.player.board;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.media.Media;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;

/**
 * The screen's video players, kept between a slide's turns. A signage loop plays the same few
 * videos every few minutes for days; a new {@code MediaPlayer} each turn builds and tears down a
 * decoder pipeline each time, and the process's resident memory crept with every one (about 50 KiB
 * a turn after ten minutes, in {@code SignageVideoMemoryBenchmark}). So a video's player, when its
 * slide leaves, is stopped and kept for the file's next turn; at most {@link #KEPT} idle players
 * are kept (the least recently played is disposed beyond that), a player that failed is never kept,
 * and {@link #release} disposes them all when the loop leaves the screen for long (a visitor at the
 * kiosk, the window closing). Used on the FX thread only.
 */
final class VideoPlayers {
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
    MediaPlayer kept = idle.remove(uri);
    MediaPlayer player = kept != null ? kept : new MediaPlayer(new Media(uri));
    if (kept == null) {
      made++;
    }
    // A stopped player plays from its start time: from where an interrupt left it, or the top.
    player.setStartTime(start);
    return player;
  }

  /** The player's slide left the screen: stopped and kept for the file's next turn. */
  void keep(MediaPlayer player) {
    player.setOnError(null);
    player.getMedia().setOnError(null);
    if (player.getError() != null
        || player.getMedia().getError() != null
        || player.getStatus() == MediaPlayer.Status.HALTED
        || player.getStatus() == MediaPlayer.Status.DISPOSED) {
      player.dispose();
      return;
    }
    player.stop();
    idle.put(player.getMedia().getSource(), player);
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
