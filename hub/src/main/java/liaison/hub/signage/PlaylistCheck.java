package liaison.hub.signage;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.signage.PlaylistDraft.DaypartDraft;
import liaison.hub.signage.PlaylistDraft.EntryDraft;
import liaison.hub.text.Text;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.Playlist.Daypart;
import liaison.signage.protocol.Playlist.Entry;
import liaison.signage.protocol.PlaylistException;
import org.jspecify.annotations.Nullable;

/**
 * Turns a draft into the playlist a station will play, or reports every mistake in it at once, each
 * beside its field ({@code entries[1].seconds}, {@code dayparts[0].from}, {@code dayparts[1]} for
 * an overlap). Whatever the protocol's {@link Playlist} refuses is reported with its own reason
 * ({@link PlaylistException}), so the hub tells staff exactly what a station would say.
 */
public final class PlaylistCheck {
  /** More rows than this in one list is not a playlist anyone reads on a wall. */
  public static final int MAX_ENTRIES = 20;

  public static final int MAX_DAYPARTS = 12;

  private static final DateTimeFormatter TYPED_TIME = DateTimeFormatter.ofPattern("H:mm");
  private static final Entry ANY = Entry.of(Board.TODAY, Playlist.MIN_SECONDS);

  private PlaylistCheck() {}

  /**
   * The playlist, checked as a station would check it and with every board known.
   *
   * @throws ValidationProblem with every mistake found; nothing is to be saved then
   */
  public static Playlist playlist(PlaylistDraft draft) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    Rows main = entries(draft.entriesOrNone(), "entries", problems);
    if (main.entries().isEmpty() && !main.hadErrors()) {
      reason(Playlist::of).ifPresent(e -> problems.add("entries", said(e)));
    }

    List<DaypartDraft> drafts = draft.daypartsOrNone();
    if (drafts.size() > MAX_DAYPARTS) {
      problems.add(
          "dayparts", Text.of("problem.playlist.dayparts.too-many", MAX_DAYPARTS, drafts.size()));
    }
    List<Daypart> dayparts = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      DaypartDraft d = drafts.get(i);
      if (d == null || d.unfilled()) {
        continue;
      }
      String at = "dayparts[" + i + "]";
      LocalTime from = time(d.from(), at + ".from", true, problems);
      LocalTime until = time(d.until(), at + ".until", false, problems);
      Rows rows = entries(d.entries() == null ? List.of() : d.entries(), at + ".entries", problems);
      if (from == null || until == null || rows.hadErrors()) {
        continue;
      }
      try {
        dayparts.add(new Daypart(from, until, rows.entries()));
        positions.add(i);
      } catch (PlaylistException e) {
        problems.add(at + (from.equals(until) ? ".until" : ".entries"), said(e));
      }
    }
    // Each daypart that overlaps an earlier one is marked, with the protocol's reason naming both.
    for (int j = 1; j < dayparts.size(); j++) {
      for (int i = 0; i < j; i++) {
        List<Daypart> pair = List.of(dayparts.get(i), dayparts.get(j));
        var overlap = reason(() -> new Playlist(List.of(ANY), pair));
        if (overlap.isPresent()) {
          problems.add("dayparts[" + positions.get(j) + "]", said(overlap.get()));
          break;
        }
      }
    }
    problems.throwIfAny();
    try {
      return new Playlist(main.entries(), dayparts).checked();
    } catch (PlaylistException e) {
      throw ValidationProblem.of("entries", said(e));
    }
  }

  /** The entries of one list that are right; each wrong row is reported at its position. */
  private record Rows(List<Entry> entries, boolean hadErrors) {}

  private static Rows entries(
      List<EntryDraft> rows, String at, ValidationProblem.Collector problems) {
    List<Entry> entries = new ArrayList<>();
    boolean errors = false;
    if (rows.size() > MAX_ENTRIES) {
      problems.add(at, Text.of("problem.playlist.entries.too-many", MAX_ENTRIES, rows.size()));
      return new Rows(List.of(), true);
    }
    for (int j = 0; j < rows.size(); j++) {
      EntryDraft row = rows.get(j);
      if (row == null || row.unfilled()) {
        continue;
      }
      String field = at + "[" + j + "]";
      String board = row.board() == null ? "" : row.board().strip();
      boolean known = false;
      if (board.isEmpty()) {
        problems.add(field + ".board", Text.of("problem.playlist.board.missing"));
      } else {
        var unknown = reason(() -> Board.named(board));
        unknown.ifPresent(e -> problems.add(field + ".board", said(e)));
        known = unknown.isEmpty();
      }
      Integer seconds = seconds(row.seconds(), field + ".seconds", problems);
      if (seconds != null) {
        var wrong = reason(() -> Entry.of(board.isEmpty() ? "?" : board, seconds));
        // The station's rule, in the page's words: a known board by its name (代表名录), not by
        // the protocol's (ROSTER).
        Object named = known ? Text.of("board." + Board.named(board).name()) : board;
        wrong.ifPresent(
            e ->
                problems.add(
                    field + ".seconds",
                    Text.of(
                        "problem.playlist.seconds.range",
                        named,
                        seconds,
                        Playlist.MIN_SECONDS,
                        Playlist.MAX_SECONDS)));
        if (known && wrong.isEmpty()) {
          entries.add(Entry.of(board, seconds));
          continue;
        }
      }
      errors = true;
    }
    return new Rows(entries, errors);
  }

  private static @Nullable Integer seconds(
      @Nullable String typed, String field, ValidationProblem.Collector problems) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      problems.add(
          field,
          Text.of("problem.playlist.seconds.missing", Playlist.MIN_SECONDS, Playlist.MAX_SECONDS));
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      problems.add(field, Text.of("problem.playlist.seconds.invalid", text));
      return null;
    }
  }

  private static @Nullable LocalTime time(
      @Nullable String typed, String field, boolean start, ValidationProblem.Collector problems) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      problems.add(
          field,
          start
              ? Text.of("problem.playlist.from.missing")
              : Text.of("problem.playlist.until.missing"));
      return null;
    }
    try {
      return LocalTime.parse(text, TYPED_TIME);
    } catch (DateTimeParseException notShort) {
      try {
        return LocalTime.parse(text).truncatedTo(ChronoUnit.MINUTES);
      } catch (DateTimeParseException e) {
        problems.add(field, Text.of("problem.playlist.time.invalid", text));
        return null;
      }
    }
  }

  /** The protocol's own words for what it refuses, in both languages: the stations say the same. */
  private static Text said(PlaylistException e) {
    return Text.of("problem.playlist.protocol", e.zh(), e.en());
  }

  /** Why the protocol refuses what {@code make} builds, if it does. */
  private static java.util.Optional<PlaylistException> reason(Supplier<?> make) {
    try {
      make.get();
      return java.util.Optional.empty();
    } catch (PlaylistException e) {
      return java.util.Optional.of(e);
    }
  }
}
