package liaison.kiosk.home;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.kiosk.home.HomeScreen.Attendance;
import liaison.kiosk.home.HomeScreen.DeputyLine;
import liaison.kiosk.home.HomeScreen.NoticeLine;
import liaison.kiosk.home.HomeScreen.Slot;
import liaison.kiosk.home.HomeScreen.SlotState;
import liaison.kiosk.home.HomeScreen.Upcoming;
import liaison.kiosk.text.DeputyText;
import liaison.kiosk.text.ReceptionText;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.enrol.StationName;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.protocol.StationContent.SignIn;
import liaison.signage.schedule.ReceptionCalendar;

/** Turns the station's content, its link status and the time into what the home screen shows. */
public final class HomePresenter {

  /** Coming receptions listed under today's. */
  static final int UPCOMING_DAYS = 14;

  static final int UPCOMING_MAX = 4;

  /**
   * The notice line moves on by a line every so many seconds: long enough for an elderly reader to
   * read a line of 30 to 45 characters.
   */
  static final long TICKER_SECONDS = 8;

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter DATE_EN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  private final Clock clock;

  public HomePresenter(Clock clock) {
    this.clock = clock;
  }

  /** The plate before the station's content says its name: no internal id on screen. */
  static final String GENERIC_PLATE = "人大代表联络站";

  /**
   * @param stationId this station's id, for the logs only: people in front of the screen are shown
   *     its name once the content brings it, never the id
   */
  public HomeScreen present(Optional<StationContent> content, LinkStatus link, String stationId) {
    return present(content, link, stationId, Optional.empty());
  }

  /**
   * @param enrolled the station's name as its enrolment ticket said it: the screen waiting for its
   *     first content names its station with it
   */
  public HomeScreen present(
      Optional<StationContent> content,
      LinkStatus link,
      String stationId,
      Optional<StationName> enrolled) {
    if (content.isEmpty()) {
      ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(SHANGHAI);
      return new HomeScreen(
          enrolled.map(StationName::shown).orElse(""),
          GENERIC_PLATE,
          DATE_ZH.format(now) + " " + weekdayZh(now.getDayOfWeek()),
          DATE_EN.format(now),
          HH_MM.format(now),
          true,
          Optional.empty(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty(),
          offlineBadge(link, now),
          Optional.empty(),
          tickerStep(now));
    }
    StationContent c = content.get();
    ReceptionCalendar calendar = new ReceptionCalendar(c, clock);
    ZonedDateTime now = calendar.now();
    boolean plausible = calendar.clockPlausible();
    return new HomeScreen(
        c.station().name(),
        c.station().signPlate(),
        plausible ? DATE_ZH.format(now) + " " + weekdayZh(now.getDayOfWeek()) : "",
        plausible ? DATE_EN.format(now) : "",
        plausible ? HH_MM.format(now) : "--:--",
        false,
        plausible
            ? Optional.empty()
            : Optional.of(
                new Bilingual("本机时钟未校准，请设置日期和时间", "The clock on this screen needs setting")),
        calendar.todaysReceptions().stream()
            .map(r -> slot(calendar, r, c.dutyOrEmpty().signInIfAny()))
            .toList(),
        plausible ? upcoming(calendar) : List.of(),
        calendar.activeNotices().stream()
            .map(
                n ->
                    new NoticeLine(
                        n.id(),
                        n.title(),
                        n.body(),
                        new Bilingual(n.priority().zh(), n.priority().en()),
                        n.priority() != NoticePriority.NORMAL))
            .toList(),
        Optional.of(c.links().opinion()),
        Optional.of(c.links().booking()),
        offlineBadge(link, now),
        Optional.of(contentAge(c.generatedAt(), now)),
        tickerStep(now));
  }

  /** The notice line's step: one more every {@link #TICKER_SECONDS}, from the station's clock. */
  static long tickerStep(ZonedDateTime now) {
    return now.toEpochSecond() / TICKER_SECONDS;
  }

  private static Slot slot(ReceptionCalendar calendar, Reception r, Optional<SignIn> signIn) {
    SlotState state;
    if (r.status() == ReceptionStatus.CANCELLED) {
      state = SlotState.CANCELLED;
    } else if (calendar.inProgress(r)) {
      state = SlotState.IN_PROGRESS;
    } else if (calendar.now().toLocalTime().isBefore(r.start())) {
      state = SlotState.COMING;
    } else {
      state = SlotState.OVER;
    }
    return new Slot(
        window(r),
        switch (state) {
          case COMING -> new Bilingual("待接待", "Later");
          case IN_PROGRESS -> new Bilingual("接待中", "Now");
          case OVER -> new Bilingual("已结束", "Over");
          case CANCELLED -> new Bilingual("已取消", "Cancelled");
        },
        state,
        r.theme() == null ? "" : r.theme(),
        r.location(),
        calendar.deputiesOf(r).stream()
            .map(
                d ->
                    deputyLine(
                        d,
                        state == SlotState.CANCELLED
                            ? Optional.empty()
                            : Optional.of(
                                r.isPresent(d.id()) ? Attendance.PRESENT : Attendance.EXPECTED)))
            .toList(),
        ReceptionText.booking(r),
        state == SlotState.IN_PROGRESS
            ? signIn.map(key -> key.addressFor(r.id(), calendar.now().toInstant()))
            : Optional.empty());
  }

  static DeputyLine deputyLine(Deputy d, Optional<Attendance> attendance) {
    return new DeputyLine(
        d.id(),
        d.name(),
        new Bilingual(d.highestLevel().zh(), d.highestLevel().en() + " deputy"),
        d.occupation(),
        DeputyText.initial(d.name()),
        Optional.ofNullable(d.photo()),
        attendance);
  }

  private static List<Upcoming> upcoming(ReceptionCalendar calendar) {
    return calendar.upcoming(UPCOMING_DAYS).stream()
        .limit(UPCOMING_MAX)
        .map(
            r ->
                new Upcoming(
                    DAY_ZH.format(r.date()) + " " + weekdayZh(r.date().getDayOfWeek()),
                    window(r),
                    calendar.deputiesOf(r).stream()
                        .map(Deputy::name)
                        .collect(Collectors.joining("、")),
                    r.theme() == null ? "" : r.theme(),
                    ReceptionText.booking(r)))
        .toList();
  }

  private static String window(Reception r) {
    return HH_MM.format(r.start()) + "—" + HH_MM.format(r.end());
  }

  private static Optional<Bilingual> offlineBadge(LinkStatus link, ZonedDateTime now) {
    if (!link.isOffline()) {
      return Optional.empty();
    }
    ZonedDateTime since = link.since().atZoneSameInstant(SHANGHAI);
    boolean sameDay = since.toLocalDate().equals(now.toLocalDate());
    String when = sameDay ? HH_MM.format(since) : DAY_ZH.format(since) + " " + HH_MM.format(since);
    String whenEn =
        sameDay
            ? HH_MM.format(since)
            : DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).format(since);
    return Optional.of(new Bilingual("离线 · " + when + " 起", "Offline since " + whenEn));
  }

  private static Bilingual contentAge(OffsetDateTime generatedAt, ZonedDateTime now) {
    ZonedDateTime at = generatedAt.atZoneSameInstant(SHANGHAI);
    LocalDate day = at.toLocalDate();
    String zh =
        day.equals(now.toLocalDate())
            ? "今天 " + HH_MM.format(at)
            : DAY_ZH.format(at) + " " + HH_MM.format(at);
    String en =
        day.equals(now.toLocalDate())
            ? "today " + HH_MM.format(at)
            : DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).format(at);
    return new Bilingual("内容更新于 " + zh, "Content of " + en);
  }

  private static String weekdayZh(DayOfWeek day) {
    return Dates.weekdayZh(day);
  }
}
