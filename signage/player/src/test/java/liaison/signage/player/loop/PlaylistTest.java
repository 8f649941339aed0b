package liaison.signage.player.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import liaison.signage.player.loop.Playlist.Daypart;
import liaison.signage.player.loop.Playlist.Entry;
import org.junit.jupiter.api.Test;

class PlaylistTest {

  @Test
  void shouldRefuseAnUnknownBoardNamingTheBoardsThereAre() {
    assertThatThrownBy(() -> Entry.of("CLOCK", 10))
        .isInstanceOfSatisfying(
            PlaylistException.class,
            e -> {
              assertThat(e.zh()).isEqualTo("播放列表中的版面“CLOCK”不存在；可用的版面：TODAY、WEEK、ROSTER、NOTICES、RESULTS");
              assertThat(e.en()).isEqualTo("the playlist names an unknown board 'CLOCK'; use one of TODAY, WEEK, ROSTER, NOTICES, RESULTS");
              assertThat(e.getMessage()).contains(e.zh()).contains(e.en());
            });
  }

  @Test
  void shouldRefuseAZeroNegativeOrTooShortDuration() {
    assertThatThrownBy(() -> Entry.of("WEEK", 0))
        .isInstanceOfSatisfying(
            PlaylistException.class,
            e -> {
              assertThat(e.zh()).isEqualTo("版面 WEEK 的时长为 0 秒；每个版面至少 3 秒");
              assertThat(e.en()).isEqualTo("board WEEK is set to show for 0 s; each board needs at least 3 s");
            });
    assertThatThrownBy(() -> Entry.of(Board.TODAY, -5)).hasMessageContaining("-5 s");
    assertThatThrownBy(() -> new Entry(Board.TODAY, Duration.ofMillis(2500))).hasMessageContaining("2.5 s");
    assertThat(Entry.of("ROSTER", 3).duration()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void shouldRefuseOverlappingDaypartsIncludingOnesPastMidnight() {
    Daypart morning = new Daypart(LocalTime.of(7, 0), LocalTime.of(9, 0), List.of(Entry.of(Board.WEEK, 15)));
    Daypart late = new Daypart(LocalTime.of(8, 30), LocalTime.of(12, 0), List.of(Entry.of(Board.TODAY, 15)));

    assertThatThrownBy(() -> Playlist.DEFAULT.withDaypart(morning).withDaypart(late))
        .isInstanceOfSatisfying(
            PlaylistException.class,
            e -> {
              assertThat(e.zh()).isEqualTo("时段 07:00—09:00 与 08:30—12:00 重叠；请调整其中一个，使时段互不重叠");
              assertThat(e.en()).isEqualTo("dayparts 07:00—09:00 and 08:30—12:00 overlap; move one so that no two overlap");
            });

    Daypart night = new Daypart(LocalTime.of(22, 0), LocalTime.of(7, 30), List.of(Entry.of(Board.WEEK, 15)));
    assertThatThrownBy(() -> Playlist.DEFAULT.withDaypart(night).withDaypart(morning))
        .isInstanceOf(PlaylistException.class)
        .hasMessageContaining("22:00—07:30");

    // Touching windows do not overlap: the end is exclusive.
    Daypart after = new Daypart(LocalTime.of(9, 0), LocalTime.of(12, 0), List.of(Entry.of(Board.TODAY, 15)));
    assertThat(Playlist.DEFAULT.withDaypart(morning).withDaypart(after).dayparts()).hasSize(2);
  }

  @Test
  void shouldRefuseAPlaylistOrDaypartWithoutBoards() {
    assertThatThrownBy(Playlist::of).hasMessageContaining("has no boards");
    assertThatThrownBy(() -> new Daypart(LocalTime.of(7, 0), LocalTime.of(9, 0), List.of()))
        .isInstanceOfSatisfying(PlaylistException.class, e -> assertThat(e.zh()).isEqualTo("时段 07:00—09:00 没有版面；请至少加入一个版面"));
    assertThatThrownBy(() -> new Daypart(LocalTime.of(7, 0), LocalTime.of(7, 0), List.of(Entry.of(Board.WEEK, 5))))
        .hasMessageContaining("starts and ends at the same time");
  }

  @Test
  void shouldPlayTheDaypartsEntriesInsideItsWindowAndTheMainOnesOutside() {
    Daypart night = new Daypart(LocalTime.of(22, 0), LocalTime.of(7, 30), List.of(Entry.of(Board.WEEK, 15)));
    Playlist playlist = Playlist.DEFAULT.withDaypart(night);

    assertThat(playlist.entriesAt(LocalTime.of(23, 0))).containsExactly(Entry.of(Board.WEEK, 15));
    assertThat(playlist.entriesAt(LocalTime.of(7, 29, 59))).containsExactly(Entry.of(Board.WEEK, 15));
    assertThat(playlist.entriesAt(LocalTime.of(7, 30))).isEqualTo(Playlist.DEFAULT.entries());
  }
}
