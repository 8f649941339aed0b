package liaison.hub.signage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.signage.PlaylistDraft.DaypartDraft;
import liaison.hub.signage.PlaylistDraft.EntryDraft;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.Playlist.Daypart;
import liaison.signage.protocol.Playlist.Entry;
import liaison.signage.protocol.PlaylistException;
import org.junit.jupiter.api.Test;

/** What staff type into the playlist editor or the API, and the reasons they get back. */
class PlaylistCheckTest {

  @Test
  void shouldTurnADraftIntoThePlaylistAStationPlays() {
    PlaylistDraft draft =
        new PlaylistDraft(
            List.of(row("TODAY", "20"), row("", ""), row(" WEEK ", " 15 ")),
            List.of(
                new DaypartDraft("7:30", "09:00", List.of(row("WEEK", "10"), row("TODAY", "10"))),
                new DaypartDraft("", "", List.of(row("", ""))),
                new DaypartDraft("22:00", "06:00", List.of(row("NOTICES", "30")))));

    Playlist playlist = PlaylistCheck.playlist(draft);

    assertThat(playlist.entries())
        .containsExactly(Entry.of(Board.TODAY, 20), Entry.of(Board.WEEK, 15));
    assertThat(playlist.dayparts())
        .containsExactly(
            new Daypart(
                LocalTime.of(7, 30),
                LocalTime.of(9, 0),
                List.of(Entry.of(Board.WEEK, 10), Entry.of(Board.TODAY, 10))),
            new Daypart(
                LocalTime.of(22, 0), LocalTime.of(6, 0), List.of(Entry.of(Board.NOTICES, 30))));
    assertThat(PlaylistCheck.playlist(PlaylistDraft.of(playlist))).isEqualTo(playlist);
  }

  @Test
  void shouldRefuseAnUnknownBoardWithTheReasonAStationWouldGive() {
    Map<String, FieldError> errors =
        refused(new PlaylistDraft(List.of(row("TODAY", "20"), row("CLOCK", "10")), null));

    assertThat(errors).containsOnlyKeys("entries[1].board");
    PlaylistException station = reason(() -> Board.named("CLOCK"));
    assertThat(errors.get("entries[1].board").zh())
        .isEqualTo(station.zh())
        .isEqualTo(
            "播放列表中的版面“CLOCK”不存在；可用的版面：TODAY、WEEK、ROSTER、NOTICES、RESULTS、PLAN、STARS、MEDIA、LIVELIHOOD、LIVELIHOOD_PROGRESS");
    assertThat(errors.get("entries[1].board").en()).isEqualTo(station.en());
  }

  @Test
  void shouldRefuseAZeroNegativeTooLongOrMissingDuration() {
    Map<String, FieldError> errors =
        refused(
            new PlaylistDraft(
                List.of(
                    row("TODAY", "0"),
                    row("WEEK", "-5"),
                    row("ROSTER", "601"),
                    row("NOTICES", "abc"),
                    row("RESULTS", "")),
                null));

    assertThat(errors.get("entries[0].seconds").zh()).isEqualTo("“今日接待”显示 0 秒不行：每个版面应显示 3 至 600 秒");
    assertThat(errors.get("entries[1].seconds").en())
        .isEqualTo("“This week” cannot show for -5 s: each board needs 3 to 600 s");
    assertThat(errors.get("entries[2].seconds").zh()).contains("601 秒");
    assertThat(errors.get("entries[3].seconds").zh()).isEqualTo("秒数应为整数，如 15（现为“abc”）");
    assertThat(errors.get("entries[4].seconds").zh()).isEqualTo("请填写显示多少秒（3–600）");
    assertThat(errors).hasSize(5);
  }

  @Test
  void shouldRefuseOverlappingDaypartsNamingBothWindows() {
    Map<String, FieldError> errors =
        refused(
            new PlaylistDraft(
                List.of(row("TODAY", "20")),
                List.of(
                    new DaypartDraft("07:30", "09:00", List.of(row("WEEK", "10"))),
                    new DaypartDraft("12:00", "13:00", List.of(row("ROSTER", "10"))),
                    new DaypartDraft("08:30", "10:00", List.of(row("TODAY", "10"))))));

    assertThat(errors).containsOnlyKeys("dayparts[2]");
    assertThat(errors.get("dayparts[2]").zh())
        .isEqualTo("时段 07:30—09:00 与 08:30—10:00 重叠；请调整其中一个，使时段互不重叠");
    assertThat(errors.get("dayparts[2]").en())
        .isEqualTo("dayparts 07:30—09:00 and 08:30—10:00 overlap; move one so that no two overlap");
  }

  @Test
  void shouldRefuseADaypartWithoutBoardsAndOneThatEndsWhenItStarts() {
    Map<String, FieldError> errors =
        refused(
            new PlaylistDraft(
                List.of(row("TODAY", "20")),
                List.of(
                    new DaypartDraft("07:30", "09:00", List.of(row("", ""))),
                    new DaypartDraft("18:00", "18:00", List.of(row("WEEK", "10"))))));

    assertThat(errors.get("dayparts[0].entries").zh()).isEqualTo("时段 07:30—09:00 没有版面；请至少加入一个版面");
    assertThat(errors.get("dayparts[1].until").en()).contains("starts and ends at the same time");
  }

  @Test
  void shouldRefuseMalformedOrMissingTimes() {
    Map<String, FieldError> errors =
        refused(
            new PlaylistDraft(
                List.of(row("TODAY", "20")),
                List.of(
                    new DaypartDraft("7点半", "25:00", List.of(row("WEEK", "10"))),
                    new DaypartDraft("", "09:00", List.of(row("WEEK", "10"))))));

    assertThat(errors.get("dayparts[0].from").zh()).isEqualTo("时间格式应为 07:30（现为“7点半”）");
    assertThat(errors.get("dayparts[0].until").en())
        .isEqualTo("Time must look like 07:30 (not '25:00')");
    assertThat(errors.get("dayparts[1].from").zh()).isEqualTo("请填写开始时间，如 07:30");
  }

  @Test
  void shouldRefuseAPlaylistWithoutBoardsAndReportEveryMistakeAtOnce() {
    Map<String, FieldError> errors =
        refused(
            new PlaylistDraft(
                List.of(row("", "")),
                List.of(new DaypartDraft("7:3", "09:00", List.of(row("WEATHER", "2"))))));

    assertThat(errors.get("entries").zh()).isEqualTo("播放列表没有版面；请至少加入一个版面");
    assertThat(errors)
        .containsOnlyKeys(
            "entries",
            "dayparts[0].from",
            "dayparts[0].entries[0].board",
            "dayparts[0].entries[0].seconds");
  }

  @Test
  void shouldRefuseMoreRowsThanAnyoneReadsOnAWall() {
    EntryDraft[] many = new EntryDraft[PlaylistCheck.MAX_ENTRIES + 1];
    Arrays.fill(many, row("TODAY", "5"));

    Map<String, FieldError> errors = refused(new PlaylistDraft(List.of(many), null));

    assertThat(errors.get("entries").zh()).isEqualTo("每个列表最多 20 个版面（现有 21 个）");
  }

  private static EntryDraft row(String board, String seconds) {
    return new EntryDraft(board, seconds);
  }

  private static Map<String, FieldError> refused(PlaylistDraft draft) {
    ValidationProblem problem =
        catchThrowableOfType(ValidationProblem.class, () -> PlaylistCheck.playlist(draft));
    assertThat(problem).as("refused").isNotNull();
    Map<String, FieldError> byField = new LinkedHashMap<>();
    problem.errors().forEach(e -> byField.putIfAbsent(e.field(), e));
    return byField;
  }

  private static PlaylistException reason(Runnable make) {
    return catchThrowableOfType(PlaylistException.class, make::run);
  }
}
