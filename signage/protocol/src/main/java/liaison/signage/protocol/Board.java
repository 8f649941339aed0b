package liaison.signage.protocol;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a signage screen can show in its loop; each board carries the station's sign plate header.
 */
public enum Board {
  /** Today's reception: who, when, where. */
  TODAY,
  /** This week's reception schedule. */
  WEEK,
  /** The deputy roster, grouped by level. */
  ROSTER,
  /** Notices in force, one page per notice. */
  NOTICES,
  /** The station's opinion handling figures. */
  RESULTS,
  /**
   * The coming activities of the station's annual plan (年度活动计划). Added after the first stations:
   * one that does not know it skips it in its playlist ({@link Playlist#playable()}).
   */
  PLAN,
  /**
   * The county's 履职之星, this month's and this year's (issue 18). In the default playlist, which
   * skips it while the county has chosen none; an older station skips it like {@link #PLAN}.
   */
  STARS,
  /**
   * The managers' own media slides (issue 20), played where this entry stands in the playlist, for
   * up to the entry's seconds at each pass, each slide for its own time; the next pass goes on with
   * the slide after the last one played. A playlist without it plays every media slide after its
   * boards. Not a board of its own: a station that does not know it skips the entry and plays the
   * slides after its boards.
   */
  MEDIA,
  /**
   * 民生实事项目征集 (issue 21): the rounds collecting residents' proposals at the station, with the code
   * of its proposal form. In the default playlist, skipped while no round is collecting here; an
   * older station skips it like {@link #PLAN}.
   */
  LIVELIHOOD,
  /**
   * 民生实事项目进展 (issue 21): the elected projects being carried out, with their progress and next
   * milestone, as many pages as they take. In the default playlist, skipped while there are none.
   */
  LIVELIHOOD_PROGRESS;

  /** The board of that name, if there is one. */
  public static java.util.Optional<Board> find(String name) {
    for (Board b : values()) {
      if (b.name().equals(name == null ? null : name.strip())) {
        return java.util.Optional.of(b);
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The board a playlist names, as the hub stores it.
   *
   * @throws PlaylistException naming the boards there are, when there is no such board
   */
  public static Board named(String name) {
    java.util.Optional<Board> found = find(name);
    if (found.isPresent()) {
      return found.get();
    }
    String known = Arrays.stream(values()).map(Board::name).collect(Collectors.joining(", "));
    throw new PlaylistException(
        "播放列表中的版面“" + name + "”不存在；可用的版面：" + known.replace(", ", "、"),
        "the playlist names an unknown board '" + name + "'; use one of " + known);
  }
}
