package liaison.hub.demo;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.hub.db.Sql;
import liaison.hub.livelihood.LivelihoodRepository;
import liaison.hub.livelihood.RoundState;
import liaison.hub.livelihood.SupervisionRepository;
import liaison.hub.livelihood.VoteChoice;
import liaison.hub.livelihood.VoteRepository;
import liaison.hub.livelihood.VoteSession;
import liaison.hub.livelihood.VoteState;
import liaison.hub.report.BallotCodes;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * The county's livelihood round of this year, decided (docs/LIVELIHOOD.md, "The vote" and
 * "Supervise and evaluate"): five projects on the ballot of the county congress's session early in
 * the year and one left out; the county's deputies voted (four elected, one not); the departments
 * have reported progress against milestones through the year, and deputies supervise, 陈秀兰 among
 * them with her notes. So {@code /livelihood} shows a result and progress, the stations play
 * 民生实事项目进展, {@code /dept/livelihood} (jiaotong) and {@code /me/supervise} (陈秀兰) have projects.
 *
 * <p>The vote goes through the vote's own writes ({@link VoteRepository}: plan, open, codes issued
 * to each deputy of the congress, each ballot counted with a used code and a noted form, close,
 * decide), so its counts, codes and ballots agree as a real one's do; its codes are drawn and
 * forgotten, as the printed slips would be. Milestones, reports and notes dated later than today
 * are left out, so the demo started on any day of the year shows only what has happened.
 */
@Singleton
public class DemoDecided {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** The county's round of this year, decided. */
  public static final String ROUND = "lr-demo000004";

  /** Its vote. */
  public static final String SESSION = "lvs-demo000001";

  /** The elected project 县交通运输局 (jiaotong) reports on. */
  public static final String ROAD_PROJECT = "lj-demo000012";

  private static final String[] ANSWERS = {
    // one ballot a row, one answer per project on the ballot: F for, G against, A abstain;
    // at most four FOR each (the session's choices)
    "FFFFG", "FFFFA", "FFAFF", "FGFFF", "FFFAA"
  };

  private final VoteRepository votes;
  private final SupervisionRepository supervision;
  private final LivelihoodRepository rounds;

  public DemoDecided(
      VoteRepository votes, SupervisionRepository supervision, LivelihoodRepository rounds) {
    this.votes = votes;
    this.supervision = supervision;
    this.rounds = rounds;
  }

  /** A milestone: its title, the day due, the day done (null: not yet, whatever the demo's day). */
  private record Step(String title, String due, @Nullable String done) {}

  /** A department's report: the day, percent and words. */
  private record Report(String on, int percent, String text) {}

  /** A deputy's note: the day, the deputy, the words. */
  private record Note(String on, String deputy, String text) {}

  private record Planned(
      String id,
      String category,
      String title,
      String description,
      String place,
      String department,
      String account,
      long cost,
      String starts,
      String ends,
      List<String> supervisors,
      List<Step> steps,
      List<Report> reports,
      List<Note> notes) {}

  // Month and day of this year; the year is the demo's.
  private static final List<Planned> ELECTED =
      List.of(
          new Planned(
              "lj-demo000011",
              "URBAN_RURAL",
              "城区背街小巷排水管网改造",
              "改造人民路、新华路片区背街小巷和 12 个老旧小区的雨水、污水管网约 6.8 公里，解决雨天积水、污水外溢。",
              "城关镇人民路、新华路片区",
              "dep-housing",
              "u-zhujian",
              8_600_000L,
              "03-01",
              "11-30",
              List.of("d-0005"),
              List.of(
                  new Step("完成施工图设计和招标", "03-31", "03-28"),
                  new Step("人民路片区管网主体完工", "08-31", "08-26"),
                  new Step("新华路片区完工、路面恢复并验收", "11-30", null)),
              List.of(
                  new Report("04-10", 20, "完成设计和招标，4月8日进场施工。"),
                  new Report("07-15", 55, "人民路片区已敷设雨水管 3.2 公里、污水管 2.6 公里。"),
                  new Report("10-20", 80, "人民路片区管网已通水，新华路片区因地下电缆迁改滞后约三周，正在加紧施工。")),
              List.of(new Note("10-28", "d-0005", "新华路段施工围挡占道，早晚高峰拥堵，建议错峰施工并增派交通协管员。"))),
          new Planned(
              ROAD_PROJECT,
              "TRANSPORT",
              "农村公路安全生命防护工程",
              "在白沙镇、城关镇 46 公里临水临崖县乡道加装波形护栏、警示标志和减速带。",
              "白沙镇、城关镇县乡道",
              "dep-transport",
              "u-jiaotong",
              6_200_000L,
              "03-01",
              "10-31",
              List.of("d-0009", "d-0007"),
              List.of(
                  new Step("完成隐患路段排查和设计", "03-15", "03-12"),
                  new Step("护栏和标志安装过半", "07-31", "07-25"),
                  new Step("全部完工并交工验收", "10-31", "10-28")),
              List.of(
                  new Report("03-20", 15, "排查出临水临崖隐患路段 31 处，设计已批复。"),
                  new Report("07-28", 60, "已安装波形护栏 19 公里、警示标志 140 块。"),
                  new Report("10-30", 100, "46 公里护栏、警示标志和减速带全部安装完毕，已通过交工验收。")),
              List.of(new Note("08-05", "d-0009", "白沙圩至那良村段急弯处护栏已装，夜间反光不足，建议加装轮廓标。"))),
          new Planned(
              "lj-demo000013",
              "HEALTH",
              "乡镇卫生院远程会诊中心",
              "在城关镇、白沙镇卫生院建远程会诊室，与县人民医院联通，群众在家门口看县里专家。",
              "城关镇卫生院、白沙镇卫生院",
              "dep-health",
              "u-weijian",
              2_400_000L,
              "04-01",
              "12-20",
              List.of("d-0001", "d-0012"),
              List.of(
                  new Step("会诊设备招标采购", "05-31", "05-20"),
                  new Step("两所卫生院会诊室建成", "09-30", "09-26"),
                  new Step("与县人民医院联通试运行", "12-20", null)),
              List.of(
                  new Report("05-25", 30, "会诊设备完成招标，6月到货。"),
                  new Report("09-28", 70, "两所卫生院会诊室装修和设备安装完成。"),
                  new Report("11-15", 85, "城关镇卫生院已与县人民医院试连线 6 次，白沙镇卫生院待网络专线开通。")),
              List.of(
                  new Note("11-20", "d-0001", "白沙镇卫生院会诊室已建成，网络专线还没开通，建议县卫健局协调电信部门 12 月上旬前接通。"))),
          new Planned(
              "lj-demo000014",
              "ELDERLY_CARE",
              "社区居家养老服务中心",
              "在人民路社区、新华路社区各建一个居家养老服务中心，提供助餐、日间照料和上门服务。",
              "城关镇人民路社区、新华路社区",
              "dep-civil",
              "u-minzheng",
              3_000_000L,
              "04-01",
              "12-31",
              List.of("d-0001"),
              List.of(
                  new Step("选址和改造设计", "04-30", "04-25"),
                  new Step("两个中心装修完工", "09-30", "10-10"),
                  new Step("开业运营", "12-31", null)),
              List.of(
                  new Report("05-05", 25, "两处选址确定，利用社区闲置用房约 900 平方米。"),
                  new Report("10-15", 75, "装修完工，助餐点 10 月 12 日起试运行，每天供餐约 120 份。")),
              List.of(new Note("10-25", "d-0001", "人民路社区助餐点试运行，老人反映菜品偏咸，已当场转告民政局。"))));

  void load(Handle h, OffsetDateTime now) {
    LocalDate today = now.atZoneSameInstant(SHANGHAI).toLocalDate();
    int year = today.getYear();
    // The county's congress meets in mid-January; a demo started before then had it yesterday.
    LocalDate held = LocalDate.of(year, 1, 16);
    if (!held.isBefore(today)) {
      held = today.minusDays(1);
    }
    OffsetDateTime opened = at(held, 10, 0);
    OffsetDateTime closed = opened.plusMinutes(35);
    OffsetDateTime collected = at(LocalDate.of(year - 1, 9, 1), 9, 0);

    h.createUpdate(
            """
            INSERT INTO livelihood_round (id, county_id, township_id, year, title, opens_on,
              closes_on, state, created_by, created_at, updated_at)
            VALUES (:id, :county, NULL, :year, :title, :opens, :closes, 'SHORTLISTED',
              'u-admin', :at, :at)
            """)
        .bind("id", ROUND)
        .bind("county", DemoCounty.COUNTY)
        .bind("year", year)
        .bind("title", year + "年度青溪县民生实事项目")
        .bind("opens", Sql.date(collected.toLocalDate()))
        .bind("closes", Sql.date(LocalDate.of(year - 1, 10, 31)))
        .bind("at", Sql.instant(collected))
        .execute();
    String[] categories = {"URBAN_RURAL", "TRANSPORT", "HEALTH", "ELDERLY_CARE"};
    for (int i = 0; i < categories.length; i++) {
      h.createUpdate(
              "INSERT INTO livelihood_round_category (round_id, position, category)"
                  + " VALUES (:id, :position, :category)")
          .bind("id", ROUND)
          .bind("position", i + 1)
          .bind("category", categories[i])
          .execute();
    }

    // The shortlist as published in December: each project from a proposal of the autumn.
    OffsetDateTime shortlisted = at(LocalDate.of(year - 1, 12, 10), 10, 0);
    String[] sources = {"RESIDENT", "DEPUTY", "RECEPTION", "RESIDENT", "RESIDENT", "RESIDENT"};
    String[] stations = {"s-001", null, "s-003", "s-001", "s-003", "s-001"};
    List<String> ballot = new ArrayList<>();
    int position = 0;
    for (Planned p : ELECTED) {
      ballot.add(p.id());
      shortlistedProject(
          h,
          ++position,
          p.id(),
          p.category(),
          p.title(),
          p.description(),
          p.place(),
          p.department(),
          p.cost(),
          year + "-" + p.starts(),
          year + "-" + p.ends(),
          "",
          sources[position - 1],
          stations[position - 1],
          collected,
          shortlisted);
    }
    String parking = "lj-demo000015";
    ballot.add(parking);
    shortlistedProject(
        h,
        ++position,
        parking,
        "TRANSPORT",
        "新华路公共停车场",
        "在新华路政务服务中心旁建地面停车场，设车位 260 个。",
        "城关镇新华路",
        "dep-housing",
        15_000_000L,
        year + "-05-01",
        year + "-12-31",
        "",
        sources[position - 1],
        stations[position - 1],
        collected,
        shortlisted);
    shortlistedProject(
        h,
        ++position,
        "lj-demo000016",
        "URBAN_RURAL",
        "县城体育公园",
        "在城北新建体育公园，含足球场、塑胶跑道和健身步道。",
        "城关镇城北片区",
        null,
        null,
        null,
        null,
        "选址涉及基本农田调整，用地手续年内无法办结，已转入县项目储备库，待用地落实后再提请票决。",
        sources[position - 1],
        stations[position - 1],
        collected,
        shortlisted);

    vote(h, year, held, opened, closed, ballot);

    for (Planned p : ELECTED) {
      supervise(h, p, year, today);
    }
  }

  /** The session, planned and codes issued the day before, opened, voted, closed, decided. */
  private void vote(
      Handle h,
      int year,
      LocalDate held,
      OffsetDateTime opened,
      OffsetDateTime closed,
      List<String> ballot) {
    List<VoteRepository.Voter> congress = votes.congress(h, DemoCounty.COUNTY, null);
    OffsetDateTime planned = opened.minusDays(1);
    votes.insertSession(
        h,
        new VoteSession(
            SESSION,
            ROUND,
            "青溪县第十八届人民代表大会第五次会议",
            held,
            4,
            VoteSession.MORE_THAN_HALF_OF_ALL,
            congress.size(),
            null,
            null,
            VoteState.PLANNED,
            null,
            null,
            0,
            0,
            0,
            "u-admin",
            planned));
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < congress.size(); i++) {
      codes.add(BallotCodes.hash(SESSION, BallotCodes.normalize(BallotCodes.next()).orElseThrow()));
    }
    if (!votes.issue(
        h,
        SESSION,
        codes,
        congress.stream().map(VoteRepository.Voter::deputyId).toList(),
        planned)) {
      // Two codes drawn alike (as likely as a collision of SHA-256): a vote would draw again.
      throw new IllegalStateException("the demo's vote drew one code twice; start the demo again");
    }
    votes.open(h, SESSION, opened);
    rounds.move(h, ROUND, RoundState.SHORTLISTED, RoundState.VOTING, fixed(opened));
    for (int b = 0; b < ANSWERS.length && b < codes.size(); b++) {
      Map<String, VoteChoice> choices = new LinkedHashMap<>();
      for (int i = 0; i < ballot.size(); i++) {
        choices.put(
            ballot.get(i),
            switch (ANSWERS[b].charAt(i)) {
              case 'F' -> VoteChoice.FOR;
              case 'G' -> VoteChoice.AGAINST;
              default -> VoteChoice.ABSTAIN;
            });
      }
      votes.count(h, SESSION, choices);
      votes.rememberForm(h, SESSION, BallotCodes.formToken());
      // Deputies came in any order: which code went with which ballot is not known here either.
      votes.useCode(h, SESSION, codes.get(b));
      votes.insertBallot(
          h, UUID.randomUUID().toString(), SESSION, opened.plusMinutes(10 + b / 2), choices);
    }
    votes.close(h, SESSION, closed);
    VoteSession session = votes.find(h, SESSION).orElseThrow();
    for (var p : votes.ballotProjects(h, ROUND)) {
      votes.decide(h, p.id(), session.meetsRule(p.votesFor()), closed);
    }
    rounds.move(h, ROUND, RoundState.VOTING, RoundState.DECIDED, fixed(closed));
  }

  /** Milestones, reports and notes of a project until yesterday. */
  private void supervise(Handle h, Planned p, int year, LocalDate today) {
    for (String deputy : p.supervisors()) {
      supervision.assign(h, p.id(), deputy);
    }
    int n = 0;
    for (Step s : p.steps()) {
      String id = p.id().replace("lj-", "lm-") + "-" + ++n;
      supervision.insertMilestone(h, p.id(), id, s.title(), day(year, s.due()));
      if (s.done() != null && day(year, s.done()).isBefore(today)) {
        supervision.markDone(h, p.id(), id, day(year, s.done()));
      }
    }
    n = 0;
    for (Report r : p.reports()) {
      n++;
      if (day(year, r.on()).isBefore(today)) {
        supervision.insertReport(
            h,
            p.id(),
            p.id().replace("lj-", "lpg-") + "-" + n,
            r.percent(),
            r.text(),
            p.account(),
            at(day(year, r.on()), 16, 0),
            List.of());
      }
    }
    n = 0;
    for (Note note : p.notes()) {
      n++;
      if (day(year, note.on()).isBefore(today)) {
        supervision.insertNote(
            h,
            p.id().replace("lj-", "ln-") + "-" + n,
            p.id(),
            note.deputy(),
            note.text(),
            at(day(year, note.on()), 11, 0));
      }
    }
  }

  private static void shortlistedProject(
      Handle h,
      int position,
      String id,
      String category,
      String title,
      String description,
      String place,
      @Nullable String department,
      @Nullable Long cost,
      @Nullable String starts,
      @Nullable String ends,
      String leftOutReason,
      String source,
      @Nullable String station,
      OffsetDateTime collected,
      OffsetDateTime shortlisted) {
    String proposal = id.replace("lj-", "lp-");
    DemoLivelihood.proposal(
        h,
        proposal,
        ROUND,
        source,
        station,
        "DEPUTY".equals(source) ? "d-0009" : null,
        category,
        title,
        description,
        place,
        "ACCEPTED",
        "RESIDENT".equals(source) ? null : "u-admin",
        collected.plusDays(3L * position));
    DemoShortlist.project(
        h,
        id,
        ROUND,
        position,
        category,
        title,
        description,
        place,
        department,
        cost,
        starts,
        ends,
        leftOutReason.isEmpty() ? "SHORTLISTED" : "LEFT_OUT",
        leftOutReason,
        shortlisted,
        proposal);
  }

  private static LocalDate day(int year, String monthDay) {
    return LocalDate.parse(year + "-" + monthDay);
  }

  private static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(SHANGHAI).toOffsetDateTime();
  }

  private static Clock fixed(OffsetDateTime at) {
    return Clock.fixed(at.toInstant(), SHANGHAI);
  }
}
