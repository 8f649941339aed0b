package liaison.signage.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Reception;
import org.junit.jupiter.api.Test;

class ReceptionCalendarTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final StationContent content = GoldenFiles.content();

  private static Clock at(String isoWithOffset) {
    return Clock.fixed(OffsetDateTime.parse(isoWithOffset).toInstant(), SHANGHAI);
  }

  @Test
  void shouldListTodaysReceptionAndItsDeputiesInShanghaiTime() {
    // 01:30 UTC on the 23rd is 09:30 in Shanghai: inside the 09:00–11:30 window.
    ReceptionCalendar calendar =
        new ReceptionCalendar(
            content,
            Clock.fixed(
                OffsetDateTime.parse("2026-11-23T01:30:00Z").toInstant(), ZoneId.of("UTC")));

    assertThat(calendar.todaysReceptions()).extracting(Reception::id).containsExactly("r-0101");
    assertThat(calendar.onDutyToday()).extracting(Deputy::name).containsExactly("陈秀兰", "黄志强");
    assertThat(calendar.inProgress(calendar.todaysReceptions().get(0))).isTrue();
    assertThat(calendar.upcoming(14)).extracting(Reception::id).containsExactly("r-0102");
  }

  @Test
  void shouldNotMarkTheReceptionInProgressAfterItEnds() {
    ReceptionCalendar calendar = new ReceptionCalendar(content, at("2026-11-23T11:30:00+08:00"));

    assertThat(calendar.inProgress(calendar.todaysReceptions().get(0))).isFalse();
  }

  @Test
  void shouldShowNothingAsTodayWhenTheClockIsEarlierThanTheSnapshot() {
    // A Pi without a real-time clock boots in 1970 until NTP answers.
    ReceptionCalendar calendar = new ReceptionCalendar(content, at("1970-01-01T08:00:00+08:00"));

    assertThat(calendar.clockPlausible()).isFalse();
    assertThat(calendar.todaysReceptions()).isEmpty();
    assertThat(calendar.onDutyToday()).isEmpty();
    assertThat(calendar.activeNotices())
        .as("notices are judged against the snapshot's time instead")
        .extracting(StationContent.Notice::id)
        .containsExactly("n-0007");
  }

  @Test
  void shouldToleratesAClockAFewMinutesBehindTheHub() {
    ReceptionCalendar calendar = new ReceptionCalendar(content, at("2026-11-23T07:25:00+08:00"));

    assertThat(calendar.clockPlausible()).isTrue();
  }

  @Test
  void shouldDropNoticesOutsideTheirValidityWindow() {
    ReceptionCalendar calendar = new ReceptionCalendar(content, at("2026-12-01T00:00:00+08:00"));

    assertThat(calendar.activeNotices()).isEmpty();
  }

  @Test
  void shouldLeaveOutUpcomingReceptionsBeyondTheHorizon() {
    ReceptionCalendar calendar = new ReceptionCalendar(content, at("2026-11-23T12:00:00+08:00"));

    assertThat(calendar.upcoming(1)).isEmpty();
    assertThat(calendar.upcoming(2)).extracting(Reception::id).containsExactly("r-0102");
  }
}
