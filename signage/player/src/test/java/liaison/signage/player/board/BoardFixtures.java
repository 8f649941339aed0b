package liaison.signage.player.board;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.NoticePriority;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationContent.Activity;
import liaison.signage.protocol.StationContent.Deputy;
import liaison.signage.protocol.StationContent.Notice;
import liaison.signage.protocol.StationContent.Reception;
import liaison.signage.protocol.StationKind;

/** A station as a county would fill it in: deputies at every level, a busy week, three notices. */
final class BoardFixtures {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

  private BoardFixtures() {}

  static List<Deputy> deputies(int count) {
    String[] names = {
      "陈秀兰", "黄志强", "李建国", "王海燕", "张伟", "刘春梅", "赵德明", "孙丽娟", "周文斌", "吴桂英", "郑国华", "冯晓燕"
    };
    String[] jobs = {"社区党委书记", "个体工商户", "中学教师", "卫生院医生", "村委会主任", "企业职工"};
    DeputyLevel[] levels = DeputyLevel.values();
    List<Deputy> deputies = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = i < names.length ? names[i] : names[i % names.length] + (i / names.length);
      deputies.add(
          new Deputy(
              "d-" + (100 + i),
              name,
              List.of(levels[i % levels.length]),
              "城关镇第" + (i % 6 + 1) + "选区",
              jobs[i % jobs.length],
              "",
              List.of("民生"),
              null,
              null));
    }
    return deputies;
  }

  static Reception reception(
      String id,
      LocalDate date,
      int fromHour,
      int untilHour,
      List<String> deputies,
      String theme,
      ReceptionStatus status) {
    return new Reception(
        id,
        date,
        LocalTime.of(fromHour, 0),
        LocalTime.of(untilHour, 30),
        deputies,
        theme,
        "代表之家一楼接待室",
        status);
  }

  static Notice notice(String id, String title, String body, NoticePriority priority) {
    return new Notice(
        id,
        title,
        body,
        priority,
        OffsetDateTime.parse("2026-11-20T00:00:00+08:00"),
        OffsetDateTime.parse("2026-12-31T18:00:00+08:00"));
  }

  static StationContent content() {
    return content(deputies(9), receptions(), notices(), true);
  }

  static List<Reception> receptions() {
    return List.of(
        reception(
            "r-1",
            TODAY,
            9,
            11,
            List.of("d-100", "d-101", "d-102"),
            "老旧小区加装电梯意见征集",
            ReceptionStatus.ANNOUNCED),
        reception(
            "r-2",
            TODAY,
            14,
            16,
            List.of("d-103", "d-104"),
            "农村医保缴费政策解读",
            ReceptionStatus.ANNOUNCED),
        reception(
            "r-3",
            TODAY.plusDays(1),
            9,
            11,
            List.of("d-105"),
            "学校周边交通安全",
            ReceptionStatus.ANNOUNCED),
        reception(
            "r-4",
            TODAY.plusDays(2),
            14,
            16,
            List.of("d-106", "d-107"),
            null,
            ReceptionStatus.ANNOUNCED),
        reception(
            "r-5",
            TODAY.plusDays(3),
            9,
            11,
            List.of("d-108"),
            "垃圾分类与环境整治",
            ReceptionStatus.ANNOUNCED),
        reception(
            "r-6",
            TODAY.plusDays(5),
            9,
            11,
            List.of("d-100", "d-105"),
            "养老服务",
            ReceptionStatus.ANNOUNCED),
        reception(
            "r-7",
            TODAY.plusDays(6),
            14,
            16,
            List.of("d-101"),
            "就业创业帮扶",
            ReceptionStatus.ANNOUNCED));
  }

  static List<Notice> notices() {
    return List.of(
        notice(
            "n-1",
            "11月代表集中接待日安排",
            "本月代表接待日为每周二、周四上午，欢迎居民群众前来反映意见建议。接待地点：代表之家一楼接待室。",
            NoticePriority.NORMAL),
        notice(
            "n-2",
            "关于征集2027年民生实事项目的公告",
            "为广泛听取群众意见，县人大常委会面向全县征集2027年民生实事项目建议。".repeat(12),
            NoticePriority.NORMAL),
        notice("n-3", "冬季供暖报修电话", "供暖期间如遇暖气不热，请拨打 0571-88886666，24小时有人值守。", NoticePriority.NORMAL));
  }

  static StationContent content(
      List<Deputy> deputies, List<Reception> receptions, List<Notice> notices, boolean results) {
    return new StationContent(
        "s-001",
        12,
        OffsetDateTime.parse("2026-11-24T07:00:00+08:00"),
        new StationContent.Station(
            "s-001",
            "城关镇人大代表之家",
            StationKind.HOME,
            "城关镇",
            "青溪县",
            "青溪县城关镇人民路18号",
            "周一至周五 8:30—17:30",
            "青溪县城关镇人大代表之家",
            SHANGHAI),
        deputies,
        receptions,
        notices,
        new StationContent.Links(
            "https://hub.example.cn/o/x",
            "https://hub.example.cn/b/x",
            "https://hub.example.cn/photos/"),
        results ? new StationContent.Results(LocalDate.of(2026, 1, 1), 128, 117, 86, 21, 4) : null);
  }

  /** The content with the coming activities of the station's plan. */
  static StationContent withPlan(StationContent c, List<Activity> plan) {
    return c.withPlan(plan);
  }

  static Activity activity(
      String id, LocalDate date, String kind, String kindZh, String theme, List<String> deputies) {
    return new Activity(id, date, kind, kindZh, kind, theme, "代表之家一楼接待室", deputies, null);
  }

  /** What is left of the year's plan on 24 November: five activities in two months. */
  static List<Activity> plan() {
    return List.of(
        activity(
            "pa-1",
            TODAY.plusDays(2),
            "RECEPTION_DAY",
            "接待日",
            "教育惠民政策宣讲接待日",
            List.of("d-100", "d-101")),
        activity(
            "pa-2", TODAY.plusDays(4), "INSPECTION", "视察", "老旧小区改造和加装电梯项目视察", List.of("d-102")),
        activity("pa-3", TODAY.plusDays(9), "RESEARCH", "调研", "城区停车难问题专题调研", List.of()),
        activity(
            "pa-4",
            TODAY.plusDays(16),
            "REPORT",
            "述职",
            "县、镇人大代表向选民述职",
            List.of("d-100", "d-103", "d-104")),
        activity("pa-5", TODAY.plusDays(30), "TRAINING", "培训", "代表履职能力培训", List.of()));
  }

  /** An 80-character theme, the longest the hub takes. */
  static final String LONG_THEME =
      "关于老旧小区加装电梯、停车位改造、背街小巷环境整治和农贸市场周边交通秩序的专题调研，听取沿街商户、居民和学校家长的意见建议，形成报告后提交县人大常委会并跟踪落实";

  /**
   * As many activities as a snapshot carries (60) in the five weeks left of the year, every third
   * with an 80-character theme and six deputies.
   */
  static List<Activity> longPlan(List<Deputy> deputies) {
    List<Activity> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      List<String> who = new ArrayList<>();
      for (int k = 0; k < (i % 3 == 0 ? 6 : 1); k++) {
        who.add(deputies.get((i + k * 7) % deputies.size()).id());
      }
      out.add(
          activity(
              "pa-long-" + i,
              TODAY.plusDays(i * 37 / 60),
              "RESEARCH",
              "调研",
              i % 3 == 0 ? LONG_THEME : "第" + (i + 1) + "项：" + LONG_TOPIC,
              who));
    }
    return out;
  }

  /** Nothing at all yet: no deputy, no reception, no notice, no figures. */
  static StationContent empty() {
    return content(List.of(), List.of(), List.of(), false);
  }

  /**
   * Deputies with names of 20 characters, the longest a county types (a Uyghur name with its
   * father's and grandfather's), every fifth one; the rest as {@link #deputies}.
   */
  static List<Deputy> longNamed(int count) {
    String[] long20 = {"阿卜杜热合曼·买买提艾力·吐尔逊托合提江", "热依拉·阿不都热合曼·买买提明·艾则孜丽", "欧阳司马慕容上官诸葛东方皇甫尉迟公羊澹台"};
    List<Deputy> out = new ArrayList<>();
    for (Deputy d : deputies(count)) {
      int i = out.size();
      out.add(
          i % 5 == 0
              ? new Deputy(
                  d.id(),
                  long20[(i / 5) % long20.length],
                  d.levels(),
                  d.constituency(),
                  d.occupation(),
                  d.workUnit(),
                  d.specialties(),
                  d.photo(),
                  d.phone())
              : d);
    }
    return out;
  }

  /** A topic of 20 characters. */
  static final String LONG_TOPIC = "关于老旧小区加装电梯与停车位改造意见征集";

  /**
   * A busy day: twelve receptions today, every half hour from 08:00, with two or three deputies
   * each (long names among them), 20-character topics, and more through the week.
   */
  static StationContent busyDay() {
    List<Deputy> deputies = longNamed(40);
    List<Reception> receptions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      int minutes = 8 * 60 + i * 50;
      List<String> who = new ArrayList<>();
      // The sixth has six deputies: more than a card holds.
      for (int k = 0; k < (i == 5 ? 6 : 2 + i % 2); k++) {
        who.add(deputies.get((i * 3 + k) % deputies.size()).id());
      }
      receptions.add(
          new Reception(
              "r-busy-" + i,
              TODAY,
              LocalTime.of(minutes / 60, minutes % 60),
              LocalTime.of((minutes + 45) / 60, (minutes + 45) % 60),
              who,
              i % 3 == 0 ? LONG_TOPIC : "第" + (i + 1) + "场：" + LONG_TOPIC.substring(0, 10),
              i % 4 == 0 ? "城关镇人民路18号镇政府一楼东侧代表之家接待室" : "代表之家一楼接待室",
              ReceptionStatus.ANNOUNCED));
    }
    for (int day = 1; day <= 6; day++) {
      for (int k = 0; k < 2; k++) {
        receptions.add(
            reception(
                "r-week-" + day + "-" + k,
                TODAY.plusDays(day),
                9 + k * 5,
                11 + k * 5,
                List.of(deputies.get(day * 2 + k).id(), deputies.get((day * 5) % 40).id()),
                LONG_TOPIC,
                ReceptionStatus.ANNOUNCED));
      }
    }
    return content(deputies, receptions, notices(), true);
  }

  /** A notice of 5,000 characters, in paragraphs, as a county pastes a regulation in. */
  static Notice longNotice() {
    String paragraph =
        "为进一步密切人大代表同人民群众的联系，充分发挥代表联络站的作用，县人大常委会决定在全县各代表之家、代表工作站和联系点"
            + "开展集中接待活动。请各位代表按照安排到站接待，认真听取和记录群众的意见建议，及时整理上报。";
    StringBuilder body = new StringBuilder();
    int n = 1;
    while (body.length() < 5000) {
      body.append("第").append(n++).append("条 ").append(paragraph).append("\n\n");
    }
    return notice(
        "n-5000", "关于开展全县人大代表集中接待活动的通知", body.substring(0, 5000).strip(), NoticePriority.NORMAL);
  }

  static StationAlert alert(NoticePriority priority) {
    return new StationAlert(
        "n-9",
        priority == NoticePriority.EMERGENCY ? "寒潮蓝色预警：今晚停止户外接待" : "明日上午代表接待改在镇政府三楼会议室",
        priority == NoticePriority.EMERGENCY
            ? "受寒潮影响，今晚至明晨气温骤降，请居民减少外出。原定今晚的代表接待暂停，另行通知。"
            : "因一楼接待室维修，11月25日上午的代表接待改在镇政府三楼会议室进行，时间不变。",
        priority,
        OffsetDateTime.parse("2026-11-24T08:00:00+08:00"),
        OffsetDateTime.parse("2026-11-25T12:00:00+08:00"));
  }

  // --- the deputies' side (issue 18) -------------------------------------------------------------

  /** The key of the station's sign-in codes in these fixtures. */
  static final StationContent.SignIn SIGN_IN =
      new StationContent.SignIn(
          "https://hub.example.cn/me/sign-in", "c2lnbi1pbi1rZXktb2YtdGhlLXN0YXRpb24tZm9yLXRlc3Rz");

  /** October's stars and last year's, as the county chose them; one at a far station. */
  static List<StationContent.Star> stars() {
    StationContent.StarPeriod month = StationContent.StarPeriod.MONTH;
    StationContent.StarPeriod year = StationContent.StarPeriod.YEAR;
    return List.of(
        new StationContent.Star(month, "2026-10", "d-100", "陈秀兰", null, "青溪县城关镇人大代表之家", 128),
        new StationContent.Star(month, "2026-10", "d-101", "黄志强", null, "青溪县城关镇人大代表之家", 117),
        new StationContent.Star(
            month, "2026-10", "d-900", "欧阳晓东", null, "青溪县政务服务中心人大代表联系点（城关镇）", 96),
        new StationContent.Star(year, "2025", "d-102", "李建国", null, "青溪县城关镇人大代表之家", 1260),
        new StationContent.Star(year, "2025", "d-901", "王海燕", null, "青溪县石桥镇人大代表联络站", 1175),
        new StationContent.Star(year, "2025", "d-902", "张伟", null, "", 1102));
  }

  /** A deputy's report to voters at the station, today from {@code from} to {@code to} o'clock. */
  static StationContent.Report report(String id, int from, int to) {
    return new StationContent.Report(
        id,
        "d-101",
        "黄志强",
        TODAY.atTime(from, 0).atZone(SHANGHAI).toOffsetDateTime(),
        TODAY.atTime(to, 0).atZone(SHANGHAI).toOffsetDateTime(),
        "2026年度履职情况报告",
        "",
        "https://hub.example.cn/r/" + id);
  }

  /**
   * The normal station with 民生实事: the township's round and the county's collecting, the elected
   * projects of both under way (one done, one not started, one with a long title).
   */
  static StationContent withLivelihood(StationContent c) {
    List<StationContent.LivelihoodRound> rounds =
        List.of(
            new StationContent.LivelihoodRound(
                "lr-2",
                "城关镇",
                2027,
                "城关镇2027年民生实事项目征集",
                TODAY.minusDays(23),
                TODAY.plusDays(6),
                List.of("城乡建设", "交通出行", "养老服务", "教育", "医疗卫生"),
                7,
                List.of("人民路南段加装路灯", "老街农贸市场改造提升", "城南社区增设老年人日间照料中心", "第二小学门前道路拓宽")),
            new StationContent.LivelihoodRound(
                "lr-1",
                "青溪县",
                2027,
                "青溪县2027年民生实事项目征集",
                TODAY.minusDays(14),
                TODAY.plusDays(16),
                List.of("环境保护"),
                0,
                List.of()));
    List<StationContent.LivelihoodProject> projects =
        List.of(
            project("lp-1", "城关镇", "老旧小区加装电梯（一期）", "城关镇规划建设办", 60, "12台电梯安装完成", 26, false),
            project("lp-2", "城关镇", "城关镇中心幼儿园扩建", "城关镇社会事务办", 100, "投入使用", -30, true),
            project(
                "lp-3",
                "城关镇",
                "人民路至解放路段雨污分流改造及沿街立面整治提升工程（含三处积水点治理）",
                "城关镇规划建设办",
                35,
                "管网铺设完成",
                40,
                false),
            project("lp-4", "青溪县", "县城区公厕提升改造", "青溪县城市管理局", 80, "全部投入使用", 10, false),
            project("lp-5", "青溪县", "乡村道路安全防护工程", "青溪县交通运输局", 0, "完成招标", 20, false),
            project("lp-6", "青溪县", "城乡居民免费健康体检", "", 45, "", 0, false));
    return c.withLinks(
            new StationContent.Links(
                c.links().opinion(),
                c.links().booking(),
                c.links().photoBase(),
                "https://hub.example.cn/l/Xq7fK2mPw9"))
        .withLivelihood(new StationContent.Livelihood(rounds, projects));
  }

  private static StationContent.LivelihoodProject project(
      String id,
      String level,
      String title,
      String department,
      int percent,
      String milestone,
      int inDays,
      boolean done) {
    String[] state =
        percent >= 100
            ? new String[] {"已完成", "Completed"}
            : percent == 0
                ? new String[] {"未开始", "Not started"}
                : new String[] {"进行中", "Under way"};
    return new StationContent.LivelihoodProject(
        id,
        level,
        2026,
        title,
        department,
        percent,
        state[0],
        state[1],
        milestone.isEmpty()
            ? null
            : new StationContent.Milestone(
                milestone, TODAY.plusDays(inDays), done ? TODAY.plusDays(inDays - 2) : null));
  }

  /** The normal station with the county's stars, a report today and one in two days, sign-in. */
  static StationContent withDuty(StationContent c) {
    StationContent.Report later =
        new StationContent.Report(
            "vr-2",
            "d-104",
            "刘春梅",
            TODAY.plusDays(2).atTime(15, 0).atZone(SHANGHAI).toOffsetDateTime(),
            TODAY.plusDays(2).atTime(16, 0).atZone(SHANGHAI).toOffsetDateTime(),
            "",
            "",
            "https://hub.example.cn/r/vr-2");
    return c.withDuty(
        new StationContent.Duty(stars(), List.of(report("vr-1", 16, 17), later), SIGN_IN));
  }

  static StationContent.Duty starsOnly(List<StationContent.Star> stars) {
    return new StationContent.Duty(stars, List.of(), null);
  }

  static liaison.signage.protocol.VoteTally tally(
      String reportId, liaison.signage.protocol.VoteTally.State state, int a, int b, int c) {
    return new liaison.signage.protocol.VoteTally(
        reportId, 7, state, a, b, c, TODAY.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime());
  }
}
