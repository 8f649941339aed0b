package liaison.hub.signage;

import io.micronaut.core.annotation.Introspected;
import java.util.List;
import liaison.hub.db.Sql;
import liaison.signage.protocol.Playlist;
import org.jspecify.annotations.Nullable;

/**
 * A playlist as typed in the editor or sent to the API, every value as text so that each mistake
 * comes back as a message beside its field; {@link PlaylistCheck} turns it into a {@link Playlist}.
 * The JSON has the snapshot's shape: {@code {"entries": [{"board": "TODAY", "seconds": 20}],
 * "dayparts": [{"from": "07:30", "until": "09:00", "entries": [...]}]}}.
 */
@Introspected
public record PlaylistDraft(
    @Nullable List<EntryDraft> entries, @Nullable List<DaypartDraft> dayparts) {

  /**
   * One board and its seconds; a row with neither is skipped (an empty row of the editor).
   *
   * @param board TODAY, WEEK, ROSTER, NOTICES, RESULTS, PLAN, STARS, MEDIA, LIVELIHOOD or
   *     LIVELIHOOD_PROGRESS
   * @param seconds 3 to 600
   */
  @Introspected
  public record EntryDraft(@Nullable String board, @Nullable String seconds) {
    public boolean unfilled() {
      return (board == null || board.isBlank()) && (seconds == null || seconds.isBlank());
    }
  }

  /**
   * A window of the day with its own entries.
   *
   * @param from {@code 07:30}, Beijing time
   * @param until {@code 09:00}; before {@code from} runs past midnight
   */
  @Introspected
  public record DaypartDraft(
      @Nullable String from, @Nullable String until, @Nullable List<EntryDraft> entries) {
    public boolean unfilled() {
      return (from == null || from.isBlank())
          && (until == null || until.isBlank())
          && (entries == null || entries.stream().allMatch(e -> e == null || e.unfilled()));
    }
  }

  public List<EntryDraft> entriesOrNone() {
    return entries == null ? List.of() : entries;
  }

  public List<DaypartDraft> daypartsOrNone() {
    return dayparts == null ? List.of() : dayparts;
  }

  /** The playlist as the editor shows it. */
  public static PlaylistDraft of(Playlist playlist) {
    return new PlaylistDraft(
        entries(playlist.entries()),
        playlist.dayparts().stream()
            .map(
                d ->
                    new DaypartDraft(Sql.time(d.from()), Sql.time(d.until()), entries(d.entries())))
            .toList());
  }

  private static List<EntryDraft> entries(List<Playlist.Entry> entries) {
    return entries.stream()
        .map(e -> new EntryDraft(e.board(), String.valueOf(e.seconds())))
        .toList();
  }
}
