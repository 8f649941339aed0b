package liaison.kiosk.pages;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import liaison.kiosk.pages.PageModels.AlertModel;
import liaison.kiosk.pages.PageModels.Day;
import liaison.kiosk.pages.PageModels.DeputiesModel;
import liaison.kiosk.pages.PageModels.DeputyCard;
import liaison.kiosk.pages.PageModels.DeputyModel;
import liaison.kiosk.pages.PageModels.Entry;
import liaison.kiosk.pages.PageModels.Figures;
import liaison.kiosk.pages.PageModels.LevelChip;
import liaison.kiosk.pages.PageModels.NoticeItem;
import liaison.kiosk.pages.PageModels.NoticeModel;
import liaison.kiosk.pages.PageModels.NoticesModel;
import liaison.kiosk.pages.PageModels.ResultsModel;
import liaison.kiosk.pages.PageModels.ScheduleModel;
import liaison.kiosk.pages.PageModels.Share;
import liaison.signage.player.text.Bilingual;
import liaison.signage.player.text.Dates;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Notice;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.protocol.StationContent.Results;
import liaison.signage.protocol.StationContent;
import liaison.signage.schedule.ReceptionCalendar;

/** Computes the pages beyond Home from the station's content and the time. */
public final class PagePresenter {

  /** The schedule page covers this many days from today. */
  public static final int SCHEDULE_DAYS = 14;

  /** A notice's preview line in the list. */
  static final int PREVIEW_CHARS = 80;

  private static final DateTimeFormatter DAY_ZH = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_ZH = DateTimeFormatter.ofPattern("yyyy年M月d日");
  private static final DateTimeFormatter DATE_EN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter WHEN_ZH = DateTimeFormatter.ofPattern("M月d日 HH:mm");
  private static final DateTimeFormatter WHEN_EN = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

  private final Clock clock;

  public PagePresenter(Clock clock) {
    this.clock = clock;
  }

  // --- deputies -------------------------------------------------------------------------------

  public DeputiesModel deputies(StationContent content, Optional<DeputyLevel> level) {
    Map<DeputyLevel, Integer> counts = new LinkedHashMap<>();
    for (DeputyLevel l : DeputyLevel.values()) {
      int n = (int) content.deputies().stream().filter(d -> d.levels().contains(l)).count();
      if (n > 0) {
        counts.put(l, n);
      }
    }
    List<LevelChip> chips =
        counts.entrySet().stream()
            .map(e -> new LevelChip(e.getKey(), levelShort(e.getKey()), e.getValue()))
            .toList();
    List<DeputyCard> cards =
        content.deputies().stream()
            .filter(d -> level.isEmpty() || d.levels().contains(level.get()))
            .sorted(Comparator.comparing(Deputy::highestLevel))
            .map(PagePresenter::card)
            .toList();
    return new DeputiesModel(chips, level.filter(counts::containsKey), cards);
  }

  public static DeputyCard card(Deputy d) {
    return new DeputyCard(
        d.id(),
        d.name(),
        level(d.highestLevel()),
        d.occupation(),
        initial(d.name()),
        Optional.ofNullable(d.photo()));
  }

  public static String initial(String name) {
    return name.isEmpty() ? "?" : name.substring(0, name.offsetByCodePoints(0, 1));
  }

  public Optional<DeputyModel> deputy(StationContent content, String deputyId) {
    return content
        .deputy(deputyId)
        .map(
            d -> {
              ReceptionCalendar calendar = new ReceptionCalendar(content, clock);
              List<Bilingual> duties =
                  calendar.clockPlausible()
                      ? content.receptions().stream()
                          .filter(r -> r.deputyIds().contains(d.id()))
                          .filter(r -> r.status() == ReceptionStatus.ANNOUNCED)
                          .filter(r -> !r.date().isBefore(calendar.today()))
                          .sorted(Comparator.comparing(Reception::date).thenComparing(Reception::start))
                          .map(r -> Bilingual.of(dayZh(r.date()) + " " + window(r), dayEn(r.date()) + " " + window(r)))
                          .toList()
                      : List.of();
              String url = d.messageUrl() != null ? d.messageUrl() : content.links().opinion();
              return new DeputyModel(
                  card(d),
                  d.levels().stream().map(PagePresenter::level).toList(),
                  d.constituency(),
                  d.occupation(),
                  d.workUnit(),
                  d.specialties(),
                  Optional.ofNullable(d.phone()),
                  duties,
                  url,
                  d.messageUrl() != null);
            });
  }

  // --- schedule -------------------------------------------------------------------------------

  public ScheduleModel schedule(StationContent content) {
    ReceptionCalendar calendar = new ReceptionCalendar(content, clock);
    boolean plausible = calendar.clockPlausible();
    // With a clock that cannot be trusted, list from the day the hub built the snapshot, mark no
    // day as today, and say why.
    LocalDate from =
        plausible
            ? calendar.today()
            : content.generatedAt().atZoneSameInstant(content.station().zone()).toLocalDate();
    LocalDate until = from.plusDays(SCHEDULE_DAYS - 1);
    Map<LocalDate, List<Reception>> byDay = new java.util.TreeMap<>();
    for (Reception r : content.receptions()) {
      boolean shown = r.status() == ReceptionStatus.ANNOUNCED || r.status() == ReceptionStatus.CANCELLED
          || r.status() == ReceptionStatus.HELD;
      if (shown && !r.date().isBefore(from) && !r.date().isAfter(until)) {
        byDay.computeIfAbsent(r.date(), k -> new ArrayList<>()).add(r);
      }
    }
    List<Day> days = new ArrayList<>();
    byDay.forEach(
        (date, receptions) ->
            days.add(
                new Day(
                    Bilingual.of(dayZh(date), dayEn(date)),
                    plausible && date.equals(calendar.today()),
                    receptions.stream()
                        .sorted(Comparator.comparing(Reception::start))
                        .map(r -> entry(calendar, r))
                        .toList())));
    Optional<Bilingual> note =
        plausible
            ? Optional.empty()
            : Optional.of(Bilingual.of("本机时钟未校准，以下按内容生成日期列出", "The clock needs setting; listed from the content's date"));
    return new ScheduleModel(days, note);
  }

  private static Entry entry(ReceptionCalendar calendar, Reception r) {
    String names = calendar.deputiesOf(r).stream().map(Deputy::name).collect(Collectors.joining("、"));
    Optional<Bilingual> status =
        switch (r.status()) {
          case CANCELLED -> Optional.of(Bilingual.of("已取消", "Cancelled"));
          case HELD -> Optional.of(Bilingual.of("已举行", "Held"));
          default -> calendar.inProgress(r) ? Optional.of(Bilingual.of("接待中", "Now")) : Optional.empty();
        };
    return new Entry(window(r), names, r.theme() == null ? "" : r.theme(), r.location(), status, booking(r));
  }

  // --- notices --------------------------------------------------------------------------------

  public NoticesModel notices(StationContent content) {
    return new NoticesModel(
        new ReceptionCalendar(content, clock).activeNotices().stream().map(PagePresenter::item).toList());
  }

  public Optional<NoticeModel> notice(StationContent content, String noticeId) {
    return new ReceptionCalendar(content, clock)
        .activeNotices().stream()
            .filter(n -> n.id().equals(noticeId))
            .findFirst()
            .map(n -> new NoticeModel(item(n), n.body()));
  }

  private static NoticeItem item(Notice n) {
    String flat = n.body().replaceAll("\\s+", " ").strip();
    String preview =
        flat.codePointCount(0, flat.length()) > PREVIEW_CHARS
            ? flat.substring(0, flat.offsetByCodePoints(0, PREVIEW_CHARS)) + "…"
            : flat;
    return new NoticeItem(
        n.id(),
        n.title(),
        Bilingual.of(n.priority().zh(), n.priority().en()),
        n.priority() != NoticePriority.NORMAL,
        period(n.validFrom(), n.validUntil()),
        preview);
  }

  private static Bilingual period(OffsetDateTime from, OffsetDateTime until) {
    ZonedDateTime f = from.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"));
    if (until == null) {
      return Bilingual.of(DAY_ZH.format(f) + " 起", "From " + DAY_EN.format(f));
    }
    ZonedDateTime u = until.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"));
    return Bilingual.of(DAY_ZH.format(f) + "—" + DAY_ZH.format(u), DAY_EN.format(f) + " – " + DAY_EN.format(u));
  }

  // --- results --------------------------------------------------------------------------------

  public ResultsModel results(StationContent content) {
    return new ResultsModel(content.resultsIfAny().map(PagePresenter::figures));
  }

  private static Figures figures(Results r) {
    int rated = r.rated();
    List<Share> shares =
        List.of(
            new Share(Bilingual.of("满意", "Satisfied"), r.satisfied(), percent(r.satisfied(), rated)),
            new Share(Bilingual.of("基本满意", "Fairly satisfied"), r.basicallySatisfied(), percent(r.basicallySatisfied(), rated)),
            new Share(Bilingual.of("不满意", "Dissatisfied"), r.dissatisfied(), percent(r.dissatisfied(), rated)));
    return new Figures(
        Bilingual.of(DATE_ZH.format(r.since()) + "以来", "Since " + DATE_EN.format(r.since())),
        r.received(),
        r.answered(),
        percent(r.answered(), r.received()),
        shares,
        rated);
  }

  static int percent(int part, int whole) {
    return whole == 0 ? 0 : (int) Math.round(100.0 * part / whole);
  }

  // --- alerts ---------------------------------------------------------------------------------

  /**
   * The alert to show now: the one on the station's alert topic while it is valid, else (offline,
   * or before the alert arrives) the most pressing urgent or emergency notice in the content.
   */
  public Optional<AlertModel> alert(Optional<StationAlert> fromHub, Optional<StationContent> content) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    Optional<AlertModel> live =
        fromHub
            .filter(a -> !now.isBefore(a.validFrom()) && (a.validUntil() == null || now.isBefore(a.validUntil())))
            .map(a -> alertModel(a.noticeId(), a.priority(), a.title(), a.body(), a.validUntil()));
    if (live.isPresent() || content.isEmpty()) {
      return live;
    }
    // (With a clock that cannot be trusted, notices are judged at the content's generation time.)
    return new ReceptionCalendar(content.get(), clock).activeNotices().stream()
        .filter(n -> n.priority().interrupts())
        .findFirst()
        .map(n -> alertModel(n.id(), n.priority(), n.title(), n.body(), n.validUntil()));
  }

  private static AlertModel alertModel(
      String id, NoticePriority priority, String title, String body, OffsetDateTime until) {
    Optional<Bilingual> untilText =
        Optional.ofNullable(until)
            .map(u -> u.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")))
            .map(u -> Bilingual.of("有效至 " + WHEN_ZH.format(u), "Until " + WHEN_EN.format(u)));
    return new AlertModel(
        id,
        priority == NoticePriority.EMERGENCY,
        Bilingual.of(priority.zh(), priority.en()),
        title,
        body,
        untilText);
  }

  // --- shared ---------------------------------------------------------------------------------

  /** "已约 7/20", "已约满": how many residents booked, when the reception takes bookings. */
  public static Optional<Bilingual> booking(Reception r) {
    if (r.capacity() == null || r.status() == ReceptionStatus.CANCELLED) {
      return Optional.empty();
    }
    if (r.freePlaces().orElse(0) == 0) {
      return Optional.of(Bilingual.of("已约满 " + r.booked() + "/" + r.capacity(), "Fully booked " + r.booked() + "/" + r.capacity()));
    }
    return Optional.of(Bilingual.of("已约 " + r.booked() + "/" + r.capacity(), "Booked " + r.booked() + "/" + r.capacity()));
  }

  static Bilingual level(DeputyLevel l) {
    return Bilingual.of(l.zh(), l.en() + " deputy");
  }

  /** Short labels for the filter chips: 全国 / 省 / 市 / 县 / 乡镇. */
  static Bilingual levelShort(DeputyLevel l) {
    return switch (l) {
      case NATIONAL -> Bilingual.of("全国", "National");
      case PROVINCIAL -> Bilingual.of("省级", "Provincial");
      case MUNICIPAL -> Bilingual.of("市级", "Municipal");
      case COUNTY -> Bilingual.of("县级", "County");
      case TOWNSHIP -> Bilingual.of("乡镇", "Township");
    };
  }

  static String dayZh(LocalDate date) {
    return DAY_ZH.format(date) + " " + Dates.weekdayZh(date.getDayOfWeek());
  }

  static String dayEn(LocalDate date) {
    return DAY_EN.format(date);
  }

  static String window(Reception r) {
    return HH_MM.format(r.start()) + "—" + HH_MM.format(r.end());
  }
}
