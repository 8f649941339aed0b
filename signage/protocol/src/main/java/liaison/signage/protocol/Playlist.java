package liaison.signage.protocol;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which boards a station's signage screen shows, for how long and in what order, with dayparts:
 * windows of the day, in the station's zone, that play their own entries (for example the schedule
 * more often before opening hours). Outside every daypart the main entries play.
 *
 * <p>Durations and dayparts are checked when a playlist is built, also when one is decoded. Board
 * names are not: a newer hub may name a board an older station does not have, and that must not
 * make the whole snapshot unreadable. The hub refuses unknown boards with {@link #checked()}; a
 * station plays what it knows with {@link #playable()}.
 */
public record Playlist(List<Entry> entries, List<Daypart> dayparts) {

  /** Shorter than this and a passer-by cannot read a board before it changes. */
  public static final int MIN_SECONDS = 3;

  /** Longer than this and the loop is no longer a loop; surely a slip of the keyboard. */
  public static final int MAX_SECONDS = 600;

  /** For a station whose playlist the hub has not set. */
  public static final Playlist DEFAULT =
      new Playlist(
          List.of(
              Entry.of(Board.TODAY, 20),
              Entry.of(Board.WEEK, 15),
              Entry.of(Board.ROSTER, 15),
              Entry.of(Board.NOTICES, 15),
              Entry.of(Board.RESULTS, 10),
              // Skipped while the county has no stars: the loop is then as it was before them.
              Entry.of(Board.STARS, 15),
              // Skipped while no round collects here and no elected project is under way.
              Entry.of(Board.LIVELIHOOD, 20),
              Entry.of(Board.LIVELIHOOD_PROGRESS, 15)),
          List.of());

  public Playlist(List<Entry> entries, @Nullable List<Daypart> dayparts) {
    this.entries = requireEntries(entries, "");
    this.dayparts = Checks.list(dayparts, "dayparts");
    for (int i = 0; i < this.dayparts.size(); i++) {
      for (int j = i + 1; j < this.dayparts.size(); j++) {
        Daypart a = this.dayparts.get(i);
        Daypart b = this.dayparts.get(j);
        if (a.overlaps(b)) {
          throw new PlaylistException(
              "时段 " + a.window() + " 与 " + b.window() + " 重叠；请调整其中一个，使时段互不重叠",
              "dayparts "
                  + a.window()
                  + " and "
                  + b.window()
                  + " overlap; move one so that no two overlap");
        }
      }
    }
  }

  /** A playlist without dayparts. */
  public static Playlist of(Entry... entries) {
    return new Playlist(List.of(entries), List.of());
  }

  public Playlist withDaypart(Daypart daypart) {
    List<Daypart> all = new ArrayList<>(dayparts);
    all.add(daypart);
    return new Playlist(entries, all);
  }

  /**
   * This playlist, when every board it names exists.
   *
   * @throws PlaylistException naming the first unknown board and the boards there are
   */
  public Playlist checked() {
    entries.forEach(Entry::kind);
    dayparts.forEach(d -> d.entries().forEach(Entry::kind));
    return this;
  }

  /**
   * What a station can play of this playlist: entries naming a board it does not know are left out,
   * a daypart left with none is dropped, and the defaults stand in when no main entry is left.
   */
  public Playlist playable() {
    List<Entry> main = known(entries);
    List<Daypart> parts = new ArrayList<>();
    for (Daypart d : dayparts) {
      List<Entry> e = known(d.entries());
      if (!e.isEmpty()) {
        parts.add(new Daypart(d.from(), d.until(), e));
      }
    }
    return new Playlist(main.isEmpty() ? DEFAULT.entries : main, parts);
  }

  private static List<Entry> known(List<Entry> entries) {
    return entries.stream().filter(e -> e.known().isPresent()).toList();
  }

  /** The entries in force at a time of day in the station's zone. */
  public List<Entry> entriesAt(LocalTime time) {
    return daypartAt(time).map(Daypart::entries).orElse(entries);
  }

  public Optional<Daypart> daypartAt(LocalTime time) {
    return dayparts.stream().filter(d -> d.contains(time)).findFirst();
  }

  private static List<Entry> requireEntries(@Nullable List<Entry> entries, String where) {
    List<Entry> list = Checks.list(entries, where.isEmpty() ? "entries" : "dayparts.entries");
    if (list.isEmpty()) {
      throw new PlaylistException(
          (where.isEmpty() ? "播放列表" : "时段 " + where + " ") + "没有版面；请至少加入一个版面",
          "the playlist"
              + (where.isEmpty() ? "" : " for daypart " + where)
              + " has no boards; add at least one");
    }
    return list;
  }

  /**
   * One board and how many seconds it stays on screen (for NOTICES: each notice's page).
   *
   * @param board a {@link Board}'s name
   */
  public record Entry(String board, int seconds) {
    public Entry {
      Checks.text(board, "board");
      board = board.strip();
      if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
        throw new PlaylistException(
            "版面 "
                + board
                + " 的时长为 "
                + seconds
                + " 秒；每个版面应在 "
                + MIN_SECONDS
                + " 至 "
                + MAX_SECONDS
                + " 秒之间",
            "board "
                + board
                + " is set to show for "
                + seconds
                + " s; each board needs "
                + MIN_SECONDS
                + " to "
                + MAX_SECONDS
                + " s");
      }
    }

    public static Entry of(Board board, int seconds) {
      return new Entry(board.name(), seconds);
    }

    public static Entry of(String board, int seconds) {
      return new Entry(board, seconds);
    }

    public Duration duration() {
      return Duration.ofSeconds(seconds);
    }

    /** The board, if this station knows it. */
    public Optional<Board> known() {
      return Board.find(board);
    }

    /**
     * The board.
     *
     * @throws PlaylistException naming the boards there are, when there is no such board
     */
    public Board kind() {
      return Board.named(board);
    }
  }

  /**
   * A window of the day, {@code from} inclusive and {@code until} exclusive, in the station's zone;
   * a window whose end is before its start runs past midnight.
   */
  public record Daypart(LocalTime from, LocalTime until, List<Entry> entries) {
    public Daypart {
      Checks.required(from, "from");
      Checks.required(until, "until");
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
