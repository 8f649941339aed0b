package liaison.signage.player.loop;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * Which boards a station's screen shows, for how long and in what order, with dayparts: windows of
 * the day, in the station's zone, that play their own entries (for example the schedule more often
 * before opening hours). Outside every daypart the main entries play.
 */
public record Playlist(List<Entry> entries, List<Daypart> dayparts) {

  /** Shorter than this and a passer-by cannot read a board before it changes. */
  public static final Duration MIN_DURATION = Duration.ofSeconds(3);

  /** For a station whose playlist the hub has not set. */
  public static final Playlist DEFAULT =
      new Playlist(
          List.of(
              Entry.of(Board.TODAY, 20),
              Entry.of(Board.WEEK, 15),
              Entry.of(Board.ROSTER, 15),
              Entry.of(Board.NOTICES, 15),
              Entry.of(Board.RESULTS, 10)),
          List.of());

  public Playlist {
    entries = requireEntries(entries, "");
    dayparts = List.copyOf(Objects.requireNonNull(dayparts, "dayparts"));
    for (int i = 0; i < dayparts.size(); i++) {
      for (int j = i + 1; j < dayparts.size(); j++) {
        Daypart a = dayparts.get(i);
        Daypart b = dayparts.get(j);
        if (a.overlaps(b)) {
          throw new PlaylistException(
              "时段 " + a.window() + " 与 " + b.window() + " 重叠；请调整其中一个，使时段互不重叠",
              "dayparts " + a.window() + " and " + b.window() + " overlap; move one so that no two overlap");
        }
      }
    }
  }

  /** A playlist without dayparts. */
  public static Playlist of(Entry... entries) {
    return new Playlist(List.of(entries), List.of());
  }

  public Playlist withDaypart(Daypart daypart) {
    List<Daypart> all = new java.util.ArrayList<>(dayparts);
    all.add(daypart);
    return new Playlist(entries, all);
  }

  /** The entries in force at a time of day in the station's zone. */
  public List<Entry> entriesAt(LocalTime time) {
    return daypartAt(time).map(Daypart::entries).orElse(entries);
  }

  public java.util.Optional<Daypart> daypartAt(LocalTime time) {
    return dayparts.stream().filter(d -> d.contains(time)).findFirst();
  }

  private static List<Entry> requireEntries(List<Entry> entries, String where) {
    Objects.requireNonNull(entries, "entries");
    if (entries.isEmpty()) {
      throw new PlaylistException(
          (where.isEmpty() ? "播放列表" : "时段 " + where + " ") + "没有版面；请至少加入一个版面",
          "the playlist" + (where.isEmpty() ? "" : " for daypart " + where) + " has no boards; add at least one");
    }
    return List.copyOf(entries);
  }

  /** One board and how long it stays on screen (for NOTICES: each notice page). */
  public record Entry(Board board, Duration duration) {
    public Entry {
      Objects.requireNonNull(board, "board");
      Objects.requireNonNull(duration, "duration");
      if (duration.compareTo(MIN_DURATION) < 0) {
        throw new PlaylistException(
            "版面 " + board + " 的时长为 " + seconds(duration) + " 秒；每个版面至少 " + MIN_DURATION.toSeconds() + " 秒",
            "board " + board + " is set to show for " + seconds(duration) + " s; each board needs at least "
                + MIN_DURATION.toSeconds() + " s");
      }
    }

    public static Entry of(Board board, long seconds) {
      return new Entry(board, Duration.ofSeconds(seconds));
    }

    /** An entry as the hub stores it: a board's name and seconds. */
    public static Entry of(String boardName, long seconds) {
      return new Entry(Board.named(boardName), Duration.ofSeconds(seconds));
    }

    private static String seconds(Duration d) {
      return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }
  }

  /**
   * A window of the day, {@code from} inclusive and {@code until} exclusive, in the station's zone;
   * a window whose end is before its start runs past midnight.
   */
  public record Daypart(LocalTime from, LocalTime until, List<Entry> entries) {
    public Daypart {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(until, "until");
      if (from.equals(until)) {
        throw new PlaylistException(
            "时段 " + from + "—" + until + " 的开始与结束相同；请给出结束时间",
            "daypart " + from + "–" + until + " starts and ends at the same time; give it an end");
      }
      entries = requireEntries(entries, from + "—" + until);
    }

    public boolean contains(LocalTime time) {
      return from.isBefore(until)
          ? !time.isBefore(from) && time.isBefore(until)
          : !time.isBefore(from) || time.isBefore(until);
    }

    // Two windows on the clock face overlap exactly when one starts inside the other.
    boolean overlaps(Daypart other) {
      return contains(other.from) || other.contains(from);
    }

    String window() {
      return from + "—" + until;
    }
  }
}
