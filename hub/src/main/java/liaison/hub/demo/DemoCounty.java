package liaison.hub.demo;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import liaison.hub.config.HubConfig;
import liaison.hub.db.Database;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.notice.Notice;
import liaison.hub.notice.NoticeRepository;
import liaison.hub.plan.Activity;
import liaison.hub.plan.ActivityKind;
import liaison.hub.plan.PlanRepository;
import liaison.hub.reception.AttendanceRepository;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionRule;
import liaison.hub.reception.ReceptionRuleRepository;
import liaison.hub.reception.ReceptionRuleService;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.PasswordHasher;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffAccountRepository;
import liaison.hub.signage.PlaylistRepository;
import liaison.hub.station.PublicTokens;
import liaison.hub.station.Station;
import liaison.hub.station.StationRepository;
import liaison.hub.station.StationsChanged;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A made-up county to try the system with: 青溪县 with two townships, three stations of different
 * kinds, twelve deputies across all five levels (several at two levels or two stations), a week of
 * receptions from today (one deputy already marked present today) and two notices. Loaded in one
 * transaction on first start (empty database), with {@code --demo} when missing, never with {@code
 * --no-demo}.
 */
@Context
public class DemoCounty {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCounty.class);
  public static final String COUNTY = "c-qingxi";
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final HubConfig config;
  private final Database database;
  private final StationRepository stations;
  private final DeputyRepository deputies;
  private final ReceptionRepository receptions;
  private final AttendanceRepository attendance;
  private final NoticeRepository notices;
  private final ApplicationEventPublisher<StationsChanged> stationsChanged;
  private final StaffAccountRepository accounts;
  private final PasswordHasher hasher;
  private final ReceptionRuleRepository rules;
  private final ReceptionRuleService ruleService;
  private final Clock clock;
  private final DemoCases demoCases;
  private final PlaylistRepository playlists;
  private final PlanRepository plans;
  private final DemoPoints points;
  private final DemoSuggestions demoSuggestions;
  private final DemoReports demoReports;
  private final DemoDutyRecord dutyRecord;
  private final DemoMedia media;
  private final DemoDecided decided;

  public DemoCounty(
      HubConfig config,
      Database database,
      StationRepository stations,
      DeputyRepository deputies,
      ReceptionRepository receptions,
      AttendanceRepository attendance,
      NoticeRepository notices,
      ApplicationEventPublisher<StationsChanged> stationsChanged,
      StaffAccountRepository accounts,
      PasswordHasher hasher,
      ReceptionRuleRepository rules,
      ReceptionRuleService ruleService,
      Clock clock,
      DemoCases demoCases,
      PlaylistRepository playlists,
      PlanRepository plans,
      DemoPoints points,
      DemoSuggestions demoSuggestions,
      DemoReports demoReports,
      DemoDutyRecord dutyRecord,
      DemoMedia media,
      DemoDecided decided) {
    this.media = media;
    this.decided = decided;
    this.plans = plans;
    this.points = points;
    this.demoSuggestions = demoSuggestions;
    this.demoReports = demoReports;
    this.dutyRecord = dutyRecord;
    this.demoCases = demoCases;
    this.playlists = playlists;
    this.rules = rules;
    this.ruleService = ruleService;
    this.config = config;
    this.database = database;
    this.stations = stations;
    this.deputies = deputies;
    this.receptions = receptions;
    this.attendance = attendance;
    this.notices = notices;
    this.stationsChanged = stationsChanged;
    this.accounts = accounts;
    this.hasher = hasher;
    this.clock = clock;
  }

  @PostConstruct
  void loadIfWanted() {
    boolean load =
        switch (config.demo()) {
          case "never" -> false;
          case "always" -> !stations.countyExists(COUNTY);
          case "first-start" -> stations.allIds().isEmpty();
          default ->
              throw new IllegalArgumentException(
                  "hub.demo must be first-start, always or never, was '" + config.demo() + "'");
        };
    if (load) {
      load();
      ruleService.extendAll();
      points.load();
      media.load("青溪县");
      LOG.info(
          "loaded the demo county 青溪县: 3 stations, 12 deputies, a week of receptions; accounts {}, departments' {} (password {})",
          ACCOUNTS.stream().map(DemoAccount::username).toList(),
          DemoCases.departmentAccounts().values(),
          PASSWORD);
      stationsChanged.publishEvent(new StationsChanged(stations.allIds()));
      demoReports.announce();
    }
  }

  /** The demo's password for every demo account (README). */
  public static final String PASSWORD = "demo-2026";

  /** One demo account per role. */
  public record DemoAccount(
      String id,
      String username,
      String name,
      Role role,
      @org.jspecify.annotations.Nullable String deputyId,
      List<String> stations) {}

  public static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("u-admin", "admin", "周建华", Role.COUNTY_ADMIN, null, List.of()),
          new DemoAccount(
              "u-chengguan",
              "chengguan",
              "林晓梅",
              Role.STATION_MANAGER,
              null,
              List.of("s-001", "s-003")),
          new DemoAccount(
              "u-baisha", "baisha", "韦国强", Role.STATION_MANAGER, null, List.of("s-002")),
          new DemoAccount("u-chenxl", "chenxl", "陈秀兰", Role.DEPUTY, "d-0001", List.of()));

  record Person(
      String id,
      String name,
      List<DeputyLevel> levels,
      String constituency,
      String occupation,
      String workUnit,
      List<String> specialties,
      String phone,
      boolean phonePublic) {}

  static final List<Person> PEOPLE =
      List.of(
          new Person(
              "d-0001",
              "陈秀兰",
              List.of(DeputyLevel.PROVINCIAL, DeputyLevel.COUNTY),
              "城关镇第一选区",
              "社区卫生服务中心主任",
              "青溪县城关镇社区卫生服务中心",
              List.of("医疗卫生", "养老服务"),
              "0771-5551234",
              true),
          new Person(
              "d-0002",
              "黄志强",
              List.of(DeputyLevel.TOWNSHIP),
              "城关镇第三选区",
              "律师",
              "青溪县明德律师事务所",
              List.of("矛盾纠纷", "法律咨询"),
              "13800001111",
              false),
          new Person(
              "d-0003",
              "李建国",
              List.of(DeputyLevel.NATIONAL),
              "江城市代表团",
              "农业合作社理事长",
              "青溪县桃源果蔬专业合作社",
              List.of("农业与乡村振兴", "就业招工"),
              null,
              false),
          new Person(
              "d-0004",
              "王美玲",
              List.of(DeputyLevel.MUNICIPAL),
              "青溪县选区",
              "中学教师",
              "江城市第三中学",
              List.of("教育"),
              null,
              false),
          new Person(
              "d-0005",
              "张德明",
              List.of(DeputyLevel.COUNTY),
              "城关镇第二选区",
              "社区党委书记",
              "城关镇人民路社区",
              List.of("城市更新与古城保护", "消防安全"),
              "0771-5552345",
              true),
          new Person(
              "d-0006",
              "刘桂芳",
              List.of(DeputyLevel.TOWNSHIP),
              "白沙镇桃源村选区",
              "村委会主任",
              "白沙镇桃源村村民委员会",
              List.of("农业与乡村振兴", "供水与基础设施"),
              "13900002222",
              true),
          new Person(
              "d-0007",
              "赵卫东",
              List.of(DeputyLevel.COUNTY, DeputyLevel.TOWNSHIP),
              "白沙镇第一选区",
              "个体工商户协会会长",
              "白沙镇个体劳动者协会",
              List.of("营商环境"),
              null,
              false),
          new Person(
              "d-0008",
              "周晓燕",
              List.of(DeputyLevel.MUNICIPAL),
              "青溪县选区",
              "护士长",
              "江城市人民医院",
              List.of("医疗卫生", "社会保障"),
              null,
              false),
          new Person(
              "d-0009",
              "吴海涛",
              List.of(DeputyLevel.COUNTY),
              "城关镇第四选区",
              "工程师",
              "青溪县公路养护中心",
              List.of("道路交通"),
              null,
              false),
          new Person(
              "d-0010",
              "孙丽娟",
              List.of(DeputyLevel.TOWNSHIP),
              "白沙镇第二选区",
              "小学校长",
              "白沙镇中心小学",
              List.of("教育"),
              null,
              false),
          new Person(
              "d-0011",
              "马振华",
              List.of(DeputyLevel.PROVINCIAL),
              "江城市选区",
              "企业总经理",
              "青溪电子科技有限公司",
              List.of("营商环境", "就业招工"),
              null,
              false),
          new Person(
              "d-0012",
              "胡志勇",
              List.of(DeputyLevel.COUNTY),
              "城关镇第五选区",
              "法官",
              "青溪县人民法院",
              List.of("矛盾纠纷", "法律咨询"),
              null,
              false));

  private void load() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = now.atZoneSameInstant(SHANGHAI).toLocalDate();
    database.useTransaction(
        h -> {
          stations.insertCounty(h, COUNTY, "青溪县");
          stations.insertTownship(h, "t-chengguan", COUNTY, "城关镇");
          stations.insertTownship(h, "t-baisha", COUNTY, "白沙镇");
          stations.insert(
              h,
              new Station(
                  "s-001",
                  "t-chengguan",
                  "城关镇人大代表之家",
                  StationKind.HOME,
                  "青溪县城关镇人民路18号镇政府一楼东侧",
                  "周一至周五 8:30—12:00，14:30—17:30",
                  "城关镇人大代表之家",
                  24.8141,
                  110.5523,
                  PublicTokens.next()));
          stations.insert(
              h,
              new Station(
                  "s-002",
                  "t-baisha",
                  "白沙镇桃源村人大代表工作站",
                  StationKind.WORKSTATION,
                  "青溪县白沙镇桃源村村委会二楼",
                  "每周二、周四 9:00—11:30；每月15日全天",
                  "桃源村人大代表工作站",
                  24.7702,
                  110.6118,
                  PublicTokens.next()));
          stations.insert(
              h,
              new Station(
                  "s-003",
                  "t-chengguan",
                  "青溪县政务服务中心人大代表联系点",
                  StationKind.CONTACT_POINT,
                  "青溪县城关镇新华路88号政务服务中心三楼",
                  "周一至周五 9:00—12:00，14:30—17:00",
                  "人大代表联系点",
                  24.8210,
                  110.5467,
                  PublicTokens.next()));
          for (Person p : PEOPLE) {
            deputies.insert(
                h,
                COUNTY,
                new Deputy(
                    p.id(),
                    p.name(),
                    p.levels(),
                    p.constituency(),
                    p.occupation(),
                    p.workUnit(),
                    p.specialties(),
                    null,
                    p.phone(),
                    p.phonePublic()));
          }
          assign(h, "s-001", "d-0001", "d-0002", "d-0003", "d-0004", "d-0005", "d-0012");
          assign(h, "s-002", "d-0003", "d-0006", "d-0007", "d-0010");
          assign(h, "s-003", "d-0001", "d-0008", "d-0009", "d-0011");

          int n = 0;
          for (int day = 0; day < 7; day++) {
            LocalDate date = today.plusDays(day);
            DayOfWeek dow = date.getDayOfWeek();
            ReceptionStatus status = day <= 3 ? ReceptionStatus.ANNOUNCED : ReceptionStatus.PLANNED;
            // Stations rest at weekends, but the demo always shows a reception today.
            if ((dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) && day != 0) {
              continue;
            }
            slot(
                h,
                ++n,
                "s-001",
                date,
                "09:00",
                "11:30",
                day % 2 == 0 ? "老旧小区加装电梯意见征集" : null,
                "代表之家一楼接待室",
                status,
                day % 2 == 0 ? List.of("d-0001", "d-0002") : List.of("d-0005", "d-0012"));
            if (dow == DayOfWeek.TUESDAY || dow == DayOfWeek.THURSDAY || day == 0) {
              slot(
                  h,
                  ++n,
                  "s-002",
                  date,
                  "09:00",
                  "11:30",
                  dow == DayOfWeek.THURSDAY ? "农村道路养护与供水" : null,
                  "桃源村村委会二楼会议室",
                  status,
                  List.of("d-0006", "d-0007"));
            }
            slot(
                h,
                ++n,
                "s-003",
                date,
                "14:30",
                "17:00",
                dow == DayOfWeek.WEDNESDAY ? "招工引才政策咨询" : null,
                "政务服务中心三楼联系点",
                status,
                day % 2 == 0 ? List.of("d-0008", "d-0011") : List.of("d-0009"));
          }
          slot(
              h,
              ++n,
              "s-001",
              today.plusDays(1),
              "19:00",
              "21:00",
              "古城消防安全夜谈会",
              "城关镇文化广场",
              ReceptionStatus.ANNOUNCED,
              List.of("d-0003", "d-0005"));
          // Today's first reception (r-0001 at s-001: 陈秀兰 and 黄志强): 陈秀兰 has arrived, 黄志强 is
          // still expected, so the calendar and the screen show both states.
          attendance.mark(h, "r-0001", "d-0001", "u-chengguan", now);
          // Tomorrow evening's fire-safety talk already has a booking of two, so the calendar, the
          // residents' page and the screen show "已约 2 / 20".
          h.createUpdate(
                  """
                  INSERT INTO reception_booking (id, slot_id, code, name, phone, party_size, topic, status, booked_at)
                  VALUES ('b-demo000001', :slot, 'B-DEMX-7Q4K', '王女士', '13800138000', 2, '老街电线私拉乱接', 'BOOKED', :at)
                  """)
              .bind("slot", String.format("r-%04d", n))
              .bind("at", liaison.hub.db.Sql.instant(now))
              .execute();

          for (DemoAccount a : ACCOUNTS) {
            accounts.insert(
                h,
                new Staff(
                    a.id(),
                    a.username(),
                    a.name(),
                    a.role(),
                    COUNTY,
                    a.deputyId(),
                    java.util.Set.copyOf(a.stations())),
                hasher.hash(PASSWORD));
          }

          // 白沙镇桃源村: "每月15日全天" from its opening hours, as a recurring rule.
          rules.insert(
              h,
              new ReceptionRule(
                  "rr-0001",
                  "s-002",
                  ReceptionRule.Kind.MONTHLY,
                  null,
                  15,
                  LocalTime.of(9, 0),
                  LocalTime.of(17, 0),
                  "每月15日全天接待",
                  "桃源村村委会二楼会议室",
                  today,
                  null,
                  List.of("d-0003", "d-0010"),
                  java.util.Set.of()));

          notices.insert(
              h,
              new Notice(
                  "n-0001",
                  "关于开展“代表接待日”活动的公告",
                  "为进一步密切人大代表同人民群众的联系，本县各代表之家、工作站和联系点每周固定开展代表接待日活动。"
                      + "欢迎居民群众届时到站反映意见建议，也可扫描屏幕上的二维码在线提交。",
                  NoticePriority.NORMAL,
                  now.minusDays(1),
                  now.plusDays(30),
                  Notice.Target.ALL,
                  null,
                  List.of(),
                  "青溪县人大常委会代表工作委员会",
                  COUNTY));
          notices.insert(
              h,
              new Notice(
                  "n-0002",
                  "桃源村工作站本周四接待改在村文化室",
                  "因村委会二楼会议室维修，本周四上午的代表接待改在桃源村文化室（村委会斜对面）进行，时间不变。",
                  NoticePriority.URGENT,
                  now.minusHours(2),
                  now.plusDays(5),
                  Notice.Target.STATIONS,
                  null,
                  List.of("s-002"),
                  "白沙镇人大主席团",
                  COUNTY));

          // s-001's wall screen shows the schedule more often before the station opens at 8:30;
          // s-002 and s-003 play the defaults.
          playlists.save(
              h,
              "s-001",
              Playlist.DEFAULT.withDaypart(
                  new Playlist.Daypart(
                      LocalTime.of(7, 30),
                      LocalTime.of(9, 0),
                      List.of(
                          Playlist.Entry.of(Board.WEEK, 15), Playlist.Entry.of(Board.TODAY, 10)))),
              "林晓梅",
              now);

          plan(h, today);
          demoReports.load(h, now);
          DemoLivelihood.load(h, now);

          // Departments and opinions at every stage of the loop (inbox, timeline, overdue list).
          demoCases.load(h, COUNTY, now);
          // 白沙镇's livelihood shortlist, published: its projects name the departments just made.
          DemoShortlist.load(h, now);
          // The county's round of this year, voted in January, its projects under way.
          decided.load(h, now);
          // 陈秀兰's duty record: the county's duty list, her meetings and training, staff's notes.
          dutyRecord.load(h, COUNTY, now);
          // Each department answers for itself on its own account (one hash: the same password).
          String departmentHash = hasher.hash(PASSWORD);
          for (String[] d : DemoCases.DEPARTMENTS) {
            accounts.insert(
                h,
                new Staff(
                    "u-" + d[4],
                    d[4],
                    d[1],
                    Role.DEPARTMENT,
                    COUNTY,
                    null,
                    java.util.Set.of(),
                    d[0]),
                departmentHash);
          }
          // 陈秀兰's suggestions at every stage, with promises on the county's ledger.
          demoSuggestions.load(h, COUNTY, now);
        });
  }

  /**
   * One activity of the demo's plans: a day of this year, or (month 0) {@code fromToday} days from
   * today.
   */
  private record Planned(
      String station,
      int month,
      int day,
      int fromToday,
      ActivityKind kind,
      String theme,
      String place,
      List<String> deputyIds,
      String notes) {
    Planned(
        String station,
        int month,
        int day,
        int fromToday,
        ActivityKind kind,
        String theme,
        String place,
        List<String> deputyIds) {
      this(station, month, day, fromToday, kind, theme, place, deputyIds, null);
    }
  }

  /**
   * Each station's plan for this year as a liaison station writes it in January: a reception day a
   * month or so, an inspection, a study, the deputies' report to their voters, a training; two of
   * them still to come whenever the demo starts (one of them today, so this year's screens always
   * have one to show).
   */
  private void plan(org.jdbi.v3.core.Handle h, LocalDate today) {
    List<Planned> planned =
        List.of(
            new Planned(
                "s-001",
                1,
                16,
                0,
                ActivityKind.RECEPTION_DAY,
                "春节前走访困难群众、听取意见",
                "代表之家一楼接待室",
                List.of("d-0001", "d-0002")),
            new Planned(
                "s-001",
                3,
                12,
                0,
                ActivityKind.TRAINING,
                "代表履职能力培训：如何提出高质量建议",
                "镇政府三楼会议室",
                List.of()),
            new Planned(
                "s-001",
                4,
                22,
                0,
                ActivityKind.INSPECTION,
                "老旧小区改造和加装电梯项目视察",
                "人民路、东门路小区",
                List.of("d-0001", "d-0003", "d-0005")),
            new Planned(
                "s-001",
                6,
                18,
                0,
                ActivityKind.RESEARCH,
                "城区停车难问题专题调研",
                "城关镇各社区",
                List.of("d-0002", "d-0012")),
            new Planned(
                "s-001",
                9,
                9,
                0,
                ActivityKind.RECEPTION_DAY,
                "教育惠民政策宣讲接待日",
                "代表之家一楼接待室",
                List.of("d-0004", "d-0005")),
            new Planned(
                "s-001",
                0,
                0,
                0,
                ActivityKind.REPORT,
                "县、镇人大代表向选民述职",
                "城关镇文化广场",
                List.of("d-0001", "d-0002", "d-0003"),
                "欢迎选民到场评议，也可在线提出意见建议"),
            new Planned(
                "s-001", 0, 0, 20, ActivityKind.OTHER, "年度活动总结暨来年计划征求意见会", "代表之家二楼会议室", List.of()),
            new Planned(
                "s-002",
                2,
                20,
                0,
                ActivityKind.RESEARCH,
                "春耕备耕和农资供应调研",
                "桃源村各村民小组",
                List.of("d-0006", "d-0007")),
            new Planned(
                "s-002",
                5,
                15,
                0,
                ActivityKind.RECEPTION_DAY,
                "农村饮水安全接待日",
                "桃源村村委会二楼会议室",
                List.of("d-0003", "d-0010")),
            new Planned(
                "s-002",
                7,
                8,
                0,
                ActivityKind.INSPECTION,
                "汛期地质灾害隐患点视察",
                "白沙镇沿河村组",
                List.of("d-0006", "d-0010")),
            new Planned(
                "s-002",
                0,
                0,
                10,
                ActivityKind.REPORT,
                "村级代表向选民述职",
                "桃源村文化室",
                List.of("d-0006", "d-0007")),
            new Planned(
                "s-003",
                3,
                6,
                0,
                ActivityKind.RECEPTION_DAY,
                "“三八”妇女权益保障咨询接待日",
                "政务服务中心三楼联系点",
                List.of("d-0001", "d-0009")),
            new Planned(
                "s-003",
                5,
                28,
                0,
                ActivityKind.RESEARCH,
                "营商环境和审批服务调研",
                "政务服务中心各窗口",
                List.of("d-0008", "d-0011")),
            new Planned(
                "s-003",
                10,
                16,
                0,
                ActivityKind.TRAINING,
                "代表联系群众工作经验交流",
                "政务服务中心三楼会议室",
                List.of()),
            new Planned(
                "s-003",
                0,
                0,
                6,
                ActivityKind.RECEPTION_DAY,
                "法律援助和矛盾纠纷化解接待日",
                "政务服务中心三楼联系点",
                List.of("d-0011")));
    int n = 0;
    for (Planned p : planned) {
      LocalDate date =
          p.month() == 0
              ? today.plusDays(p.fromToday())
              : LocalDate.of(today.getYear(), p.month(), p.day());
      plans.insert(
          h,
          new Activity(
              String.format("pa-%04d", ++n),
              p.station(),
              date,
              p.kind(),
              p.theme(),
              p.place(),
              p.deputyIds(),
              p.notes()));
    }
  }

  private void assign(org.jdbi.v3.core.Handle h, String station, String... deputyIds) {
    for (String deputy : deputyIds) {
      deputies.assign(h, station, deputy);
    }
  }

  private void slot(
      org.jdbi.v3.core.Handle h,
      int n,
      String station,
      LocalDate date,
      String start,
      String end,
      String theme,
      String location,
      ReceptionStatus status,
      List<String> deputyIds) {
    // Residents may book 20 places at the announced receptions of the home and the village
    // workstation; the contact point in the service centre takes walk-ins only.
    Integer capacity = status == ReceptionStatus.ANNOUNCED && !station.equals("s-003") ? 20 : null;
    receptions.insert(
        h,
        new ReceptionSlot(
            String.format("r-%04d", n),
            station,
            date,
            LocalTime.parse(start),
            LocalTime.parse(end),
            theme,
            location,
            status,
            deputyIds,
            capacity));
  }
}
