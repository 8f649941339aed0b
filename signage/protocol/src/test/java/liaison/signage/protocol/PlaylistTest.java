package liaison.signage.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import liaison.signage.protocol.Playlist.Daypart;
import liaison.signage.protocol.Playlist.Entry;
import org.junit.jupiter.api.Test;

class PlaylistTest {

  @Test
  void shouldRefuseAnUnknownBoardNamingTheBoardsThereAre() {
    Playlist named =
        new Playlist(
            List.of(Entry.of(Board.TODAY, 10)),
            List.of(
                new Daypart(
                    LocalTime.of(7, 0), LocalTime.of(8, 0), List.of(Entry.of("CLOCK", 10)))));
    assertThatThrownBy(named::checked)
        .isInstanceOfSatisfying(
            PlaylistException.class,
            e -> {
              assertThat(e.zh())
                  .isEqualTo(
                      "播放列表中的版面“CLOCK”不存在；可用的版面：TODAY、WEEK、ROSTER、NOTICES、RESULTS、PLAN、STARS、MEDIA、LIVELIHOOD、LIVELIHOOD_PROGRESS");
              assertThat(e.en())
                  .isEqualTo(
                      "the playlist names an unknown board 'CLOCK'; use one of TODAY, WEEK, ROSTER, NOTICES, RESULTS, PLAN, STARS, MEDIA, LIVELIHOOD, LIVELIHOOD_PROGRESS");
              assertThat(e.getMessage()).contains(e.zh()).contains(e.en());
            });
  }

  @Test
  void shouldRefuseAZeroNegativeOrTooShortDuration() {
    assertThatThrownBy(() -> Entry.of("WEEK", 0))
        .isInstanceOfSatisfying(
            PlaylistException.class,
            e -> {
              assertThat(e.zh()).isEqualTo("版面 WEEK 的时长为 0 秒；每个版面应在 3 至 600 秒之间");
              assertThat(e.en())
                  .isEqualTo("board WEEK is set to show for 0 s; each board needs 3 to 600 s");
            });
    assertThatThrownBy(() -> Entry.of(Board.TODAY, -5)).hasMessageContaining("-5 s");
    assertThatThrownBy(() -> Entry.of(Board.TODAY, 2)).hasMessageContaining("2 s");
    assertThatThrownBy(() -> Entry.of(Board.TODAY, 601)).hasMessageContaining("601 s");
    assertThat(Entry.of("ROSTER", 3).duration()).isEqualTo(Duration.ofSeconds(3));
    assertThat(Entry.of("ROSTER", 600).duration()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shouldRefuseOverlappingDaypartsIncludingOnesPastMidnight() {
    Daypart morning =
        new Daypart(LocalTime.of(7, 0), LocalTime.of(9, 0), List.of(Entry.of(Board.WEEK, 15)));
    Daypart late =
        new Daypart(LocalTime.of(8, 30), LocalTime.of(12, 0), List.of(Entry.of(Board.TODAY, 15)));

    assertThatThrownBy(() -> Playlist.DEFAULT.withDaypart(morning).withDaypart(late))
        .isInstanceOfSatisfying(
            PlaylistException.class,
            e -> {
              assertThat(e.zh()).isEqualTo("时段 07:00—09:00 与 08:30—12:00 重叠；请调整其中一个，使时段互不重叠");
              assertThat(e.en())
                  .isEqualTo(
                      "dayparts 07:00—09:00 and 08:30—12:00 overlap; move one so that no two overlap");
            });

    Daypart night =
        new Daypart(LocalTime.of(22, 0), LocalTime.of(7, 30), List.of(Entry.of(Board.WEEK, 15)));
    assertThatThrownBy(() -> Playlist.DEFAULT.withDaypart(night).withDaypart(morning))
        .isInstanceOf(PlaylistException.class)
        .hasMessageContaining("22:00—07:30");

    // Touching windows do not overlap: the end is exclusive.
    Daypart after =
        new Daypart(LocalTime.of(9, 0), LocalTime.of(12, 0), List.of(Entry.of(Board.TODAY, 15)));
    assertThat(Playlist.DEFAULT.withDaypart(morning).withDaypart(after).dayparts()).hasSize(2);
  }

  @Test
  void shouldRefuseAPlaylistOrDaypartWithoutBoards() {
    assertThatThrownBy(Playlist::of).hasMessageContaining("has no boards");
    assertThatThrownBy(() -> new Daypart(LocalTime.of(7, 0), LocalTime.of(9, 0), List.of()))
        .isInstanceOfSatisfying(
            PlaylistException.class,
            e -> assertThat(e.zh()).isEqualTo("时段 07:00—09:00 没有版面；请至少加入一个版面"));
    assertThatThrownBy(
            () ->
                new Daypart(
                    LocalTime.of(7, 0), LocalTime.of(7, 0), List.of(Entry.of(Board.WEEK, 5))))
        .hasMessageContaining("starts and ends at the same time");
  }

  @Test
  void shouldPlayOnlyTheBoardsAStationKnowsAndFallBackToTheDefaults() {
    Playlist fromNewerHub =
        new Playlist(
            List.of(Entry.of("CLOCK", 10), Entry.of(Board.WEEK, 12)),
            List.of(
                new Daypart(
                    LocalTime.of(7, 0), LocalTime.of(8, 0), List.of(Entry.of("WEATHER", 10))),
                new Daypart(
                    LocalTime.of(8, 0),
                    LocalTime.of(9, 0),
                    List.of(Entry.of("CLOCK", 10), Entry.of(Board.TODAY, 8)))));

    Playlist playable = fromNewerHub.playable();

    assertThat(playable.entries()).containsExactly(Entry.of(Board.WEEK, 12));
    assertThat(playable.dayparts())
        .singleElement()
        .satisfies(d -> assertThat(d.entries()).containsExactly(Entry.of(Board.TODAY, 8)));
    assertThat(Playlist.of(Entry.of("CLOCK", 10)).playable().entries())
        .isEqualTo(Playlist.DEFAULT.entries());
    assertThat(playable.checked()).isEqualTo(playable);
  }

  @Test
  void shouldTravelInTheSnapshotAndComeBackEqual() {
    StationContent golden = GoldenFiles.content();
    assertThat(golden.playlistIfAny()).isPresent();
    StationContent again = ProtocolCodec.decode(ProtocolCodec.encode(golden), StationContent.class);
    assertThat(again.playlistIfAny()).isEqualTo(golden.playlistIfAny());
    assertThat(golden.playlistIfAny().orElseThrow().checked().dayparts()).isNotEmpty();
  }

  @Test
  void shouldPlayTheDaypartsEntriesInsideItsWindowAndTheMainOnesOutside() {
    Daypart night =
        new Daypart(LocalTime.of(22, 0), LocalTime.of(7, 30), List.of(Entry.of(Board.WEEK, 15)));
    Playlist playlist = Playlist.DEFAULT.withDaypart(night);

    assertThat(playlist.entriesAt(LocalTime.of(23, 0))).containsExactly(Entry.of(Board.WEEK, 15));
    assertThat(playlist.entriesAt(LocalTime.of(7, 29, 59)))
        .containsExactly(Entry.of(Board.WEEK, 15));
    assertThat(playlist.entriesAt(LocalTime.of(7, 30))).isEqualTo(Playlist.DEFAULT.entries());
  }
}
