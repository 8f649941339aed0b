package liaison.hub.dutyrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.audit.AuditLog;
import liaison.hub.config.SlipConfig;
import liaison.hub.db.Database;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.deputy.DeputyRepository;
import liaison.hub.poster.DutyRecordRenderer;
import liaison.hub.poster.PrintFont;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.PublicTokens;
import liaison.hub.station.Station;
import liaison.hub.station.StationRepository;
import liaison.hub.text.Text;
import liaison.signage.protocol.DeputyLevel;
import liaison.signage.protocol.StationKind;
import liaison.testkit.TestClock;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A deputy's duty record (履职档案) filled from a seeded year on SQLite and on PostgreSQL: each aspect
 * of the default duty list from its own table, the year's edges kept (last year's and cancelled
 * records left out), no resident's name or phone anywhere; who may read it and write notes; the
 * county's list edited (renamed, moved, retired, added to) without a past year's record losing its
 * aspects.
 */
@OnBothStores
class DutyRecordTest {
  private static final String NAME = "王小明";
  private static final String PHONE = "13812341234";

  @Parameter TestDatabases.Store store;

  private final TestClock clock = TestClock.at("2026-12-05T10:00:00+08:00");
  private TestStore opened;
  private Database database;
  private DutyList list;
  private DutyRecords records;

  private final Staff admin = staff("u-admin", Role.COUNTY_ADMIN, "c-1", null, Set.of());
  private final Staff manager = staff("u-m1", Role.STATION_MANAGER, "c-1", null, Set.of("s-001"));
  private final Staff otherManager =
      staff("u-m2", Role.STATION_MANAGER, "c-1", null, Set.of("s-002"));
  private final Staff deputy = staff("u-d1", Role.DEPUTY, "c-1", "d-1", Set.of("s-001"));
  private final Staff otherDeputy = staff("u-d2", Role.DEPUTY, "c-1", "d-2", Set.of("s-001"));
  private final Staff outsider = staff("u-out", Role.COUNTY_ADMIN, "c-2", null, Set.of());

  private static Staff staff(
      String id, Role role, String county, String deputyId, Set<String> stations) {
    return new Staff(id, id, "员工" + id, role, county, deputyId, stations);
  }

  @BeforeEach
  void open(@TempDir Path dir) {
    opened = TestStore.migrated(store, dir);
    database = opened.database();
    StationRepository stations = new StationRepository(database, clock);
    DeputyRepository deputies = new DeputyRepository(database, clock);
    Access access = new Access(stations);
    AuditLog audit = new AuditLog(database, clock);
    list = new DutyList(database, access, audit, clock);
    records =
        new DutyRecords(
            database,
            new DeputyDirectory(deputies, stations, access),
            list,
            new AspectSources(),
            access,
            audit,
            new DutyRecordRenderer(new PrintFont(new SlipConfig("", ""))),
            clock);
    database.useTransaction(
        h -> {
          stations.insertCounty(h, "c-1", "青溪县");
          stations.insertCounty(h, "c-2", "邻县");
          stations.insertTownship(h, "t-1", "c-1", "城关镇");
          for (String id : List.of("s-001", "s-002")) {
            stations.insert(
                h,
                new Station(
                    id,
                    "t-1",
                    id.equals("s-001") ? "城关镇人大代表之家" : "桃源村工作站",
                    StationKind.HOME,
                    "地址",
                    "周一至周五",
                    "站",
                    null,
                    null,
                    PublicTokens.next()));
          }
          for (String id : List.of("d-1", "d-2", "d-3")) {
            deputies.insert(
                h,
                "c-1",
                new Deputy(
                    id,
                    id.equals("d-1") ? "陈秀兰" : "代表" + id,
                    List.of(DeputyLevel.COUNTY, DeputyLevel.TOWNSHIP),
                    "第一选区",
                    "",
                    "",
                    List.of(),
                    null,
                    null,
                    false));
          }
          deputies.assign(h, "s-001", "d-1");
          deputies.assign(h, "s-001", "d-2");
          deputies.assign(h, "s-002", "d-3");
        });
  }

  @AfterEach
  void close() {
    opened.close();
  }

  // ---------------------------------------------------------------- a seeded year

  /** 陈秀兰's 2026, with a record of 2025 and a cancelled one on each side that must stay out. */
  private void aSeededYear() {
    database.useTransaction(
        h -> {
          reception(h, "r-1", "2026-03-02", "SCHEDULED", true);
          reception(h, "r-2", "2026-05-10", "SCHEDULED", false);
          reception(h, "r-3", "2026-12-20", "ANNOUNCED", false);
          reception(h, "r-4", "2025-11-01", "SCHEDULED", true);
          reception(h, "r-5", "2026-04-01", "CANCELLED", false);
          // Left for her through her link, closed; the resident left a name and a phone.
          opinion(h, "c-1", "QX01-AAAA-0001", "d-1", null, "CLOSED", "2026-02-01T09:00:00+08:00");
          h.execute(
              "INSERT INTO case_contact (case_id, name, phone, consent_at) VALUES (?, ?, ?, ?)",
              "c-1",
              NAME,
              PHONE,
              "2026-02-01T09:00:00+08:00");
          // Received at her reception; another deputy's; one of last year.
          opinion(
              h, "c-2", "QX01-AAAA-0002", null, "r-1", "REGISTERED", "2026-03-02T10:00:00+08:00");
          opinion(h, "c-3", "QX01-AAAA-0003", "d-2", null, "CLOSED", "2026-03-05T10:00:00+08:00");
          opinion(h, "c-4", "QX01-AAAA-0004", "d-1", null, "CLOSED", "2025-12-31T23:00:00+08:00");
          suggestion(h, "sg-1", "关于增设公交站点的建议", "REPLIED", "2026-03-10T09:00:00+08:00");
          suggestion(h, "sg-2", "关于夜市噪声的建议", "WITHDRAWN", "2026-04-10T09:00:00+08:00");
          suggestion(h, "sg-3", "去年的建议", "CLOSED", "2025-06-10T09:00:00+08:00");
          report(h, "vr-1", "2026-06-01T15:00:00+08:00", "CLOSED", 30, 8, 2);
          report(h, "vr-2", "2026-12-28T15:00:00+08:00", "SCHEDULED", 0, 0, 0);
          report(h, "vr-3", "2026-07-01T15:00:00+08:00", "CANCELLED", 0, 0, 0);
          point(h, "p-1", 2026, "MEETING", 3, "APPROVED", "HAND", "列席县人大常委会第二十三次会议");
          point(h, "p-2", 2026, "TRAINING", 2, "PENDING", "HAND", "培训（待审核）");
          point(h, "p-3", 2026, "RECEPTION_ATTENDED", 2, "APPROVED", "RECEPTION", "");
          point(h, "p-4", 2025, "MEETING", 3, "APPROVED", "HAND", "去年的会议");
          h.execute(
              "INSERT INTO duty_star (county_id, period_kind, period, deputy_id, points, chosen_at)"
                  + " VALUES ('c-1', 'MONTH', '2026-03', 'd-1', 12, '2026-04-01T09:00:00+08:00'),"
                  + " ('c-1', 'YEAR', '2025', 'd-1', 40, '2026-01-05T09:00:00+08:00')");
        });
  }

  @Test
  void shouldFillEveryAspectOfTheDefaultListFromTheYearsRecords() {
    aSeededYear();

    DutyRecord record = records.of(admin, "d-1", 2026);

    assertThat(record.cover().deputyName()).isEqualTo("陈秀兰");
    assertThat(record.cover().stations()).containsExactly("城关镇人大代表之家");
    assertThat(record.cover().countyName()).isEqualTo("青溪县");
    assertThat(record.sections())
        .extracting(s -> s.aspect().nameZh())
        .hasSize(16)
        .startsWith("参加会议", "联系群众", "进站接待")
        .contains("提出建议", "履职保障");
    assertThat(summary(record, AspectSource.RECEPTIONS))
        .isEqualTo("值班接待已举行 2 次，到岗签到 1 次；另有 1 次尚未举行。");
    assertThat(lines(record, AspectSource.RECEPTIONS))
        .containsExactly(
            "2026-03-02 城关镇人大代表之家 09:00–11:30，已签到",
            "2026-05-10 城关镇人大代表之家 09:00–11:30，未签到",
            "2026-12-20 城关镇人大代表之家 09:00–11:30，尚未举行");
    assertThat(lines(record, AspectSource.CONTACT)).containsExactly("2026-02-01 群众留言（交通出行）");
    assertThat(summary(record, AspectSource.OPINIONS)).isEqualTo("相关群众意见 2 条，已答复或办结 1 条。");
    assertThat(lines(record, AspectSource.OPINIONS))
        .containsExactly("2026-02-01 群众意见（交通出行）：已办结", "2026-03-02 群众意见（医疗卫生）：已登记");
    assertThat(lines(record, AspectSource.SUGGESTIONS))
        .containsExactly("2026-03-10 关于增设公交站点的建议：已答复", "2026-04-10 关于夜市噪声的建议：已撤回");
    assertThat(summary(record, AspectSource.SUGGESTION_HANDLING))
        .isEqualTo("建议 1 件（不含撤回），已答复 1 件，已办结 0 件。");
    assertThat(lines(record, AspectSource.REPORTS))
        .containsExactly("2026-06-01 城关镇人大代表之家「年中述职」：评议结束", "2026-12-28 城关镇人大代表之家「年中述职」：已安排");
    assertThat(summary(record, AspectSource.REPORT_RESULTS)).isEqualTo("测评 1 次，满意和基本满意合计占 95%。");
    assertThat(lines(record, AspectSource.MEETINGS))
        .containsExactly("2026-01-15 列席县人大常委会第二十三次会议（3 分）");
    assertThat(summary(record, AspectSource.TRAINING)).as("a pending entry").isEqualTo("本年度暂无记录。");
    assertThat(summary(record, AspectSource.POINTS)).isEqualTo("本年度经审核的履职积分合计 5 分。");
    assertThat(lines(record, AspectSource.STARS)).containsExactly("2026年3月履职之星（12 分）");
    assertThat(summary(record, AspectSource.MANUAL)).isEqualTo("由工作人员填写记录。");
    assertThat(everyWord(record)).doesNotContain(NAME, PHONE);
  }

  @Test
  void shouldLetTheDeputyAndTheirStationsStaffReadItButNoOtherDeputyOrCounty() {
    aSeededYear();

    assertThat(records.own(deputy, 2026).cover().deputyId()).isEqualTo("d-1");
    assertThat(records.of(manager, "d-1", 2026).sections()).hasSize(16);
    assertThatThrownBy(() -> records.of(otherDeputy, "d-1", 2026))
        .isInstanceOf(ForbiddenProblem.class);
    assertThatThrownBy(() -> records.of(otherManager, "d-1", 2026))
        .isInstanceOf(ForbiddenProblem.class);
    assertThatThrownBy(() -> records.of(outsider, "d-1", 2026)).isInstanceOf(NotFoundProblem.class);
    assertThatThrownBy(() -> records.own(admin, 2026)).isInstanceOf(ForbiddenProblem.class);
  }

  @Test
  void shouldKeepStaffsNotesUnderTheirAspectAndRefuseABadOneWhole() {
    DutyRecord.Note note =
        records.addNote(
            manager, "d-1", "2026", new DutyRecords.NoteDraft("asp-c-1-support", "单位支持每月进站一次"));

    DutyRecord.Section support = section(records.of(deputy, "d-1", 2026), "asp-c-1-support");
    assertThat(support.notes()).containsExactly(note);
    assertThat(note.by()).isEqualTo("员工u-m1");
    assertThat(section(records.of(admin, "d-1", 2025), "asp-c-1-support").notes())
        .as("another year's record")
        .isEmpty();

    assertThatThrownBy(
            () -> records.addNote(admin, "d-1", null, new DutyRecords.NoteDraft("asp-c-2-x", " ")))
        .isInstanceOfSatisfying(
            ValidationProblem.class,
            p ->
                assertThat(p.errors())
                    .extracting(FieldError::field)
                    .containsExactly("aspectId", "text"));
    assertThatThrownBy(
            () ->
                records.addNote(
                    deputy, "d-1", "20x6", new DutyRecords.NoteDraft("asp-c-1-support", "我自己写")))
        .as("the deputy reads their record, staff write it; refused before the year is read")
        .isInstanceOf(ForbiddenProblem.class);
    assertThat(count("duty_record_note")).isEqualTo(1);
  }

  @Test
  void shouldReadTheYearAsTypedAndRefuseAnythingElseInBothLanguages() {
    assertThat(records.year(null)).isEqualTo(2026);
    assertThat(records.year(" 2025 ")).isEqualTo(2025);
    assertThat(records.year("2027")).isEqualTo(2027);
    for (String bad : List.of("2028", "1999", "26", "二〇二六", "2026; DROP TABLE")) {
      assertThatThrownBy(() -> records.year(bad))
          .isInstanceOfSatisfying(
              BadRequestProblem.class,
              p -> {
                assertThat(p.zh()).contains("年度", "2000", "2027");
                assertThat(p.en()).contains("year", "2000", "2027");
              });
    }
  }

  // ---------------------------------------------------------------- editing the list

  @Test
  void shouldChangeTheListWithoutAPastYearsRecordLosingAnAspect() {
    assertThat(list.forEditing(admin)).hasSize(16);

    list.change(admin, "asp-c-1-support", new DutyList.Draft(" 履职保障情况 ", "Support", "经费、时间"));
    list.step(admin, "asp-c-1-contact", DutyList.Step.UP);
    list.step(admin, "asp-c-1-training", DutyList.Step.RETIRE);
    DutyAspect prizes = list.add(admin, new DutyList.Draft("获奖情况", "", ""));

    List<String> thisYear = names(records.of(admin, "d-1", 2026));
    assertThat(thisYear).startsWith("联系群众", "参加会议").contains("履职保障情况", "获奖情况");
    assertThat(thisYear).doesNotContain("学习培训").hasSize(16);
    assertThat(thisYear.getLast()).isEqualTo("获奖情况");
    List<String> lastYear = names(records.of(admin, "d-1", 2025));
    assertThat(lastYear).contains("学习培训").doesNotContain("获奖情况").hasSize(16);
    assertThat(prizes.source()).isEqualTo(AspectSource.MANUAL);
    assertThat(prizes.fromYear()).isEqualTo(2026);
    assertThatThrownBy(
            () ->
                records.addNote(
                    admin, "d-1", "2026", new DutyRecords.NoteDraft("asp-c-1-training", "培训")))
        .as("a note under an aspect retired this year")
        .isInstanceOf(ValidationProblem.class);

    list.step(admin, "asp-c-1-training", DutyList.Step.RESTORE);
    assertThat(names(records.of(admin, "d-1", 2026))).contains("学习培训").hasSize(17);
  }

  @Test
  void shouldRefuseABadAspectWholeAndLetOnlyTheCountysAdministratorEditIt() {
    list.forEditing(admin);

    assertThatThrownBy(() -> list.add(admin, new DutyList.Draft("  ", "", "说".repeat(501))))
        .isInstanceOfSatisfying(
            ValidationProblem.class,
            p ->
                assertThat(p.errors())
                    .extracting(FieldError::field)
                    .containsExactly("nameZh", "description"));
    assertThat(count("duty_aspect")).isEqualTo(16);
    assertThatThrownBy(() -> list.forEditing(manager)).isInstanceOf(ForbiddenProblem.class);
    assertThatThrownBy(() -> list.find(outsider, "asp-c-1-support"))
        .isInstanceOf(NotFoundProblem.class);
    assertThat(list.forEditing(outsider)).as("another county starts with its own list").hasSize(16);
    assertThat(count("duty_aspect")).isEqualTo(32);
  }

  // ---------------------------------------------------------------- helpers

  private static DutyRecord.Section section(DutyRecord record, String aspectId) {
    return record.sections().stream()
        .filter(s -> s.aspect().id().equals(aspectId))
        .findFirst()
        .orElseThrow();
  }

  private static DutyRecord.Section section(DutyRecord record, AspectSource source) {
    return record.sections().stream()
        .filter(s -> s.aspect().source() == source)
        .findFirst()
        .orElseThrow();
  }

  private static String summary(DutyRecord record, AspectSource source) {
    return section(record, source).summary().zh();
  }

  private static List<String> lines(DutyRecord record, AspectSource source) {
    return section(record, source).lines().stream()
        .map(l -> (l.date() == null ? "" : l.date() + " ") + l.what().zh())
        .toList();
  }

  private static List<String> names(DutyRecord record) {
    return record.sections().stream().map(s -> s.aspect().nameZh()).toList();
  }

  /** Every sentence of the record in both languages, and its notes. */
  private static String everyWord(DutyRecord record) {
    return record.sections().stream()
        .flatMap(
            s ->
                Stream.concat(
                    Stream.concat(
                        Stream.of(s.summary()), s.lines().stream().map(DutyRecord.Line::what)),
                    s.notes().stream().map(n -> Text.of("record.note", n.text()))))
        .map(t -> t.zh() + " " + t.en())
        .reduce("", String::concat);
  }

  private int count(String table) {
    return database.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
  }

  private static void reception(Handle h, String id, String date, String status, boolean signedIn) {
    h.execute(
        "INSERT INTO reception_slot (id, station_id, slot_date, start_time, end_time, status,"
            + " created_at, updated_at) VALUES (?, 's-001', ?, '09:00', '11:30', ?, ?, ?)",
        id,
        date,
        status,
        "2025-01-01T09:00:00+08:00",
        "2025-01-01T09:00:00+08:00");
    h.execute(
        "INSERT INTO reception_deputy (slot_id, deputy_id, position) VALUES (?, 'd-1', 0)", id);
    if (signedIn) {
      h.execute(
          "INSERT INTO reception_attendance (slot_id, deputy_id, marked_at, marked_by)"
              + " VALUES (?, 'd-1', ?, 'u-m1')",
          id,
          date + "T09:05:00+08:00");
    }
  }

  private static void opinion(
      Handle h,
      String id,
      String code,
      String deputyId,
      String receptionId,
      String status,
      String at) {
    h.execute(
        "INSERT INTO opinion_case (id, tracking_code, station_id, deputy_id, reception_id,"
            + " category, text, status, submitted_at, updated_at)"
            + " VALUES (?, ?, 's-001', ?, ?, ?, ?, ?, ?, ?)",
        id,
        code,
        deputyId,
        receptionId,
        id.equals("c-2") ? "HEALTH" : "TRANSPORT",
        "我是" + NAME + "，电话" + PHONE + "，路灯坏了",
        status,
        at,
        at);
  }

  private static void suggestion(Handle h, String id, String title, String status, String at) {
    h.execute(
        "INSERT INTO deputy_suggestion (id, deputy_id, county_id, title, body, status,"
            + " submitted_at) VALUES (?, 'd-1', 'c-1', ?, '正文', ?, ?)",
        id,
        title,
        status,
        at);
  }

  private static void report(
      Handle h, String id, String at, String status, int satisfied, int basically, int not) {
    h.execute(
        "INSERT INTO voter_report (id, deputy_id, station_id, starts_at, ends_at, title, status,"
            + " satisfied, basically_satisfied, dissatisfied, created_by, created_at)"
            + " VALUES (?, 'd-1', 's-001', ?, ?, '年中述职', ?, ?, ?, ?, 'u-admin', ?)",
        id,
        at,
        at,
        status,
        satisfied,
        basically,
        not,
        at);
  }

  private static void point(
      Handle h,
      String id,
      int year,
      String kind,
      int points,
      String status,
      String sourceKind,
      String note) {
    h.execute(
        "INSERT INTO duty_point (id, deputy_id, county_id, year, occurred_on, kind, points,"
            + " status, source_kind, source_id, note, recorded_at)"
            + " VALUES (?, 'd-1', 'c-1', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        year,
        year + "-01-15",
        kind,
        points,
        status,
        sourceKind,
        id,
        note,
        year + "-01-15T18:00:00+08:00");
  }
}
