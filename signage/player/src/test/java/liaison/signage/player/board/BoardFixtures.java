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
}
