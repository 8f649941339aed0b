package liaison.hub.livelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.poster.PrintedCodes;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.report.PrintedSlips;
import liaison.signage.protocol.ProjectTally;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.signage.protocol.VoteTally;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * The deputies' vote on livelihood projects (票决) over real HTTP on a hub with the demo county, on
 * SQLite and on PostgreSQL, with a real broker: codes issued only to the deputies of the congress
 * that decides, each counted once (a reused code, a made-up one, another session's refused), at
 * most the set number of FOR, nothing after the close, a restart in the middle of the vote, the
 * result by the rule (exactly half of all deputies is not enough), the tally on the hall's screen
 * topic and nothing kept that links a ballot to its code or deputy; every code regenerated before
 * the vote opens (never after), the ballot's QR on the staff page and the open vote on a deputy's
 * /me.
 */
@OnBothStores
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivelihoodVoteTest {
  private static final Pattern FORM =
      Pattern.compile("name=\"form\"\\s+value=\"([A-Za-z0-9_-]{22})\"");
  private static final String COUNTY = DemoCounty.COUNTY;

  @Parameter TestDatabases.Store store;

  private Path dir;
  private RunningHub hub;
  private StaffClient admin;
  private StaffClient phone;
  private final ObjectMapper json = new ObjectMapper();
  // The demo's rounds are for next year: the test's are the year after.
  private final int year = LocalDate.now(Sql.ZONE).getYear() + 2;
  private String county;

  @BeforeParameterizedClassInvocation
  void start(TestDatabases.Store store, @TempDir Path dir) {
    this.dir = dir;
    hub = RunningHub.start(dir, store, Map.of());
    clients();
  }

  private void clients() {
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    phone = StaffClient.anonymous(hub);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void shouldIssueATownshipsCodesOnlyToItsOwnDeputies() throws Exception {
    String cg =
        shortlisted("t-chengguan", year + "年度城关镇民生实事项目", List.of("城关镇菜市场改造", "城关镇中学门口增设公交站台"))
            .round();
    Set<String> township =
        Set.copyOf(
            strings(
                """
                SELECT DISTINCT d.id FROM deputy d
                  JOIN deputy_level l ON l.deputy_id = d.id AND l.level = 'TOWNSHIP'
                  JOIN station_deputy sd ON sd.deputy_id = d.id
                  JOIN station s ON s.id = sd.station_id AND s.township_id = 't-chengguan'
                """));
    assertThat(township).as("the demo has township deputies at 城关镇").isNotEmpty();

    JsonNode session = plan(cg, "城关镇第十八届人民代表大会第七次会议", "1", "");
    assertThat(session.path("deputiesTotal").asInt()).isEqualTo(township.size());

    List<String> codes = codes(cg);
    assertThat(codes).hasSize(township.size()).doesNotHaveDuplicates();
    assertThat(
            Set.copyOf(
                strings(
                    "SELECT deputy_id FROM livelihood_vote_voter WHERE session_id = '"
                        + session.path("id").asText()
                        + "'")))
        .as("who received a code: the township's deputies, no county-only deputy")
        .isEqualTo(township)
        .doesNotContain("d-0005");
    assertThat(admin.postForBytes("/api/livelihood/rounds/" + cg + "/vote/codes").statusCode())
        .as("every deputy has a code: none issued twice")
        .isEqualTo(409);
    assertThat(
            strings(
                "SELECT code_hash FROM livelihood_vote_code WHERE session_id = '"
                    + session.path("id").asText()
                    + "'"))
        .as("only hashes are kept")
        .hasSize(township.size())
        .noneMatch(h -> codes.stream().anyMatch(c -> h.contains(c.replace("-", ""))));
  }

  @Test
  void shouldCountEachDeputyOnceAcrossARestartAndDecideByMoreThanHalfOfAllDeputies()
      throws Exception {
    // An even congress, so that exactly half can be tried: one county deputy more if need be.
    if (strings(countyDeputies()).size() % 2 == 1) {
      database()
          .useTransaction(
              h -> {
                h.execute(
                    "INSERT INTO deputy (id, name, county_id, created_at, updated_at) VALUES"
                        + " ('d-lv-extra', '周立新', '"
                        + COUNTY
                        + "', '2026-01-01T00:00:00+08:00', '2026-01-01T00:00:00+08:00')");
                h.execute(
                    "INSERT INTO deputy_level (deputy_id, level) VALUES ('d-lv-extra', 'COUNTY')");
              });
    }
    int deputies = strings(countyDeputies()).size();
    Shortlist shortlist =
        shortlisted("", year + "年度青溪县民生实事项目", List.of("县城老旧小区雨污分流改造", "白沙镇中心小学食堂改扩建", "县医院停车场扩建"));
    county = shortlist.round();
    List<String> projects = shortlist.projects();
    String a = projects.get(0);
    String b = projects.get(1);
    String c = projects.get(2);

    // Refused whole, every field named in both languages, nothing saved.
    HttpResponse<String> refused =
        admin.api(
            "POST",
            "/api/livelihood/rounds/" + county + "/vote",
            "{\"title\":\" \",\"heldOn\":\"明天\",\"choices\":\"9\",\"stationId\":\"s-nowhere\"}");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(refused))
        .containsKeys("title", "heldOn", "choices", "stationId");
    assertThat(refused.body()).contains("请填写会议名称", "Give the session's title");
    assertThat(admin.api("GET", "/api/livelihood/rounds/" + county + "/vote", null).statusCode())
        .isEqualTo(404);

    JsonNode planned = plan(county, "青溪县第十八届人民代表大会第五次会议", "2", "s-001");
    String session = planned.path("id").asText();
    assertThat(planned.path("deputiesTotal").asInt()).isEqualTo(deputies);
    assertThat(planned.path("state").asText()).isEqualTo("PLANNED");

    byte[] pdf = admin.postForBytes("/api/livelihood/rounds/" + county + "/vote/codes").body();
    PrintedSlips.Read slips = PrintedSlips.read(pdf);
    List<String> codes = slips.codes();
    assertThat(codes).hasSize(deputies).doesNotHaveDuplicates();
    assertThat(slips.text()).contains("陈秀兰代表", "青溪县第十八届人民代表大会第五次会议");

    // Another session's code: a township's congress, not this one.
    String baisha = shortlisted("t-baisha", year + "年度白沙镇民生实事项目", List.of("白沙镇渡口改造")).round();
    plan(baisha, "白沙镇第十八届人民代表大会第六次会议", "1", "");
    String otherSessionsCode = codes(baisha).get(0);

    assertRefused(
        cast(session, codes.get(0), Map.of(a, "FOR", b, "FOR", c, "AGAINST")),
        "票决还没有开始",
        "has not opened yet");
    assertThat(phone.get("/lv/" + session).body()).contains("票决还没有开始");

    assertThat(post("/open").path("state").asText()).isEqualTo("OPEN");
    assertThat(round(county)).isEqualTo("VOTING");

    try (TestClient screen = hub.observer("lv-screen-1")) {
      screen.subscribe(Topic.stationProjectTally("s-001").toString());

      String form = formToken(session);
      HttpResponse<String> first =
          send(session, form, codes.get(0), Map.of(a, "FOR", b, "FOR", c, "AGAINST"));
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).contains("选票已计入");
      HttpResponse<String> again =
          send(session, form, codes.get(0), Map.of(a, "FOR", b, "FOR", c, "AGAINST"));
      assertThat(again.body()).as("the same form sent twice").contains("这张选票已经计入");

      assertRefused(
          cast(session, codes.get(0), Map.of(a, "FOR", b, "AGAINST", c, "ABSTAIN")),
          "这个票决码已经用过了",
          "has already been used");
      assertRefused(
          cast(session, "ABCD-EFGH", Map.of(a, "FOR", b, "AGAINST", c, "ABSTAIN")),
          "不是本次会议发出的",
          "only this congress's deputies vote");
      assertRefused(
          cast(session, otherSessionsCode, Map.of(a, "FOR", b, "AGAINST", c, "ABSTAIN")),
          "不是本次会议发出的",
          "was not issued for this session");
      assertRefused(
          cast(session, codes.get(1), Map.of(a, "FOR", b, "FOR", c, "FOR")),
          "最多只能对 2 个项目投赞成票，现在选了 3 个",
          "At most 2 projects");
      assertRefused(
          cast(session, codes.get(1), Map.of(a, "FOR", b, "FOR")),
          "请对“县医院停车场扩建”选择赞成、反对或弃权",
          "Choose for, against or abstain");

      assertThat(counts()).as("only the first ballot counted").containsExactly(1, 1, 0);
      await().until(() -> shown(screen).map(ProjectTally::ballots).orElse(-1) == 1);
      ProjectTally live = shown(screen).orElseThrow();
      assertThat(live.state()).isEqualTo(VoteTally.State.OPEN);
      assertThat(live.deputiesTotal()).isEqualTo(deputies);
      assertThat(live.projects().get(0).votesFor()).isEqualTo(1);
      assertThat(live.projects().get(2).votesAgainst()).isEqualTo(1);
      assertThat(live.projects().get(0).elected()).isNull();
    }

    // A restart in the middle of the vote: the used code stays used, the counts stay.
    hub.close();
    hub = RunningHub.start(dir, store, Map.of());
    clients();
    assertRefused(
        cast(session, codes.get(0), Map.of(a, "FOR", b, "FOR", c, "ABSTAIN")),
        "这个票决码已经用过了",
        "has already been used");
    assertThat(counts()).containsExactly(1, 1, 0);

    // The rest vote on: A gets exactly half of all deputies, B one more.
    int half = deputies / 2;
    for (int i = 1; i <= half; i++) {
      Map<String, String> answers =
          i < half
              ? Map.of(a, "FOR", b, "FOR", c, "ABSTAIN")
              : Map.of(a, "AGAINST", b, "FOR", c, "FOR");
      assertThat(cast(session, codes.get(i), answers).body()).contains("选票已计入");
    }
    // Ballots so far: 1 + half; A: half FOR, B: half + 1 FOR, C: 1 FOR.
    assertThat(counts()).containsExactly(half, half + 1, 1);
    try (TestClient screen = hub.observer("lv-screen-2")) {
      screen.subscribe(Topic.stationProjectTally("s-001").toString());
      await().until(() -> shown(screen).map(ProjectTally::ballots).orElse(-1) == half + 1);
    }

    JsonNode closed = post("/close");
    assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("ballots").asInt()).isEqualTo(half + 1);
    Map<String, String> result = new java.util.HashMap<>();
    closed
        .path("projects")
        .forEach(p -> result.put(p.path("id").asText(), p.path("state").asText()));
    assertThat(result)
        .as("exactly half of all deputies is not more than half")
        .containsEntry(a, "NOT_ELECTED")
        .containsEntry(b, "ELECTED")
        .containsEntry(c, "NOT_ELECTED");
    assertThat(round(county)).isEqualTo("DECIDED");

    assertRefused(
        cast(session, codes.get(deputies - 1), Map.of(a, "FOR", b, "AGAINST", c, "ABSTAIN")),
        "票决已经结束",
        "The vote has closed");
    assertThat(counts()).as("nothing counted after the close").containsExactly(half, half + 1, 1);

    try (TestClient screen = hub.observer("lv-screen-3")) {
      screen.subscribe(Topic.stationProjectTally("s-001").toString());
      await()
          .until(() -> shown(screen).map(t -> t.state() == VoteTally.State.CLOSED).orElse(false));
      ProjectTally end = shown(screen).orElseThrow();
      assertThat(end.projects().stream().map(ProjectTally.Project::elected))
          .containsExactly(
              ProjectTally.Result.NOT_ELECTED,
              ProjectTally.Result.ELECTED,
              ProjectTally.Result.NOT_ELECTED);
    }

    // Unlinkable: no value of the ballot tables is a code's hash, a deputy or a code.
    Set<String> kept = new HashSet<>();
    kept.addAll(strings("SELECT id FROM livelihood_ballot"));
    kept.addAll(strings("SELECT session_id FROM livelihood_ballot"));
    kept.addAll(strings("SELECT cast_at FROM livelihood_ballot"));
    kept.addAll(strings("SELECT ballot_id FROM livelihood_ballot_choice"));
    kept.addAll(strings("SELECT project_id FROM livelihood_ballot_choice"));
    kept.addAll(strings("SELECT choice FROM livelihood_ballot_choice"));
    assertThat(kept)
        .doesNotContainAnyElementsOf(strings("SELECT code_hash FROM livelihood_vote_code"))
        .doesNotContainAnyElementsOf(strings("SELECT deputy_id FROM livelihood_vote_voter"))
        .doesNotContainAnyElementsOf(codes);
    assertThat(columns("livelihood_ballot"))
        .containsExactlyInAnyOrder("id", "session_id", "cast_at");
    assertThat(columns("livelihood_ballot_choice"))
        .containsExactlyInAnyOrder("ballot_id", "project_id", "choice");

    // Published: each project's counts and result, the turnout; never who voted.
    String page = phone.get("/livelihood").body();
    assertThat(page)
        .contains(
            year + "年度青溪县民生实事项目",
            "投票 " + (half + 1) + " 张，全体代表 " + deputies + " 人",
            "赞成 " + (half + 1) + " · 反对 0 · 弃权 0",
            "当选",
            "未当选")
        .doesNotContain("陈秀兰");
  }

  /** A round's id and its projects' ids in ballot order. */
  private record Shortlist(String round, List<String> projects) {}

  /**
   * A round of the county (township empty) or a township whose shortlist staff published through
   * the shortlist's API: one proposal entered per title, made a project with its department, cost
   * and timetable; the collection closed, the shortlist published.
   */
  private Shortlist shortlisted(String townshipId, String title, List<String> titles) {
    LivelihoodCalls staff = new LivelihoodCalls(admin);
    String round = staff.open(townshipId, year, title, List.of("TRANSPORT"));
    String station = townshipId.equals("t-baisha") ? "s-002" : "s-001";
    List<String> projects = new ArrayList<>();
    for (String name : titles) {
      String project = staff.project(round, staff.enter(round, station, "TRANSPORT", name));
      staff.edit(round, project, "TRANSPORT", name, "dep-transport", "1000000", year);
      projects.add(project);
    }
    staff.step(round, "/close", null);
    staff.step(round, "/publish", null);
    return new Shortlist(round, projects);
  }

  private void assertRefused(HttpResponse<String> answer, String zh, String en) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
    assertThat(answer.body()).contains(zh).contains(en.replace("'", "&#39;"));
  }

  @Test
  void shouldPlanOpenAndCloseTheVoteThroughTheStaffPageAndShowTheElectedOnTheStations()
      throws Exception {
    List<String> projects =
        ShortlistFixture.shortlisted(
            database(),
            "lr-vote-page",
            COUNTY,
            "t-baisha",
            "2028年度白沙镇民生实事项目（会上票决）",
            List.of("白沙镇农贸市场加装雨棚", "白沙镇卫生院开设夜间门诊"));
    String page = "/admin/livelihood/lr-vote-page/vote";
    StaffClient staff = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    assertThat(staff.get("/admin/livelihood/lr-vote-page").body())
        .as("the round's page leads to its vote")
        .contains("href=\"" + page + "\"");
    String csrf = staff.csrf(page);

    // Every field's problem on the form, nothing saved.
    HttpResponse<String> refused =
        staff.submit(
            page,
            csrf,
            List.of(
                Map.entry("title", " "),
                Map.entry("heldOn", "明天"),
                Map.entry("choices", "3"),
                Map.entry("elects", "0"),
                Map.entry("stationId", "s-001")));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains(
            "请填写会议名称",
            "每位代表可投赞成票的项目数应在 1 到 2 之间",
            "最多当选的项目数应在 1 到 2 之间",
            "请选择本轮所在地区的联络站",
            "value=\"明天\"");
    assertThat(admin.api("GET", "/api/livelihood/rounds/lr-vote-page/vote", null).statusCode())
        .isEqualTo(404);

    HttpResponse<String> planned =
        staff.submit(
            page,
            csrf,
            List.of(
                Map.entry("title", "白沙镇第十八届人民代表大会第七次会议"),
                Map.entry("heldOn", "2027-01-12"),
                Map.entry("choices", "1"),
                Map.entry("elects", ""),
                Map.entry("stationId", "s-002")));
    assertThat(planned.statusCode()).isEqualTo(303);
    assertThat(planned.headers().firstValue("Location")).hasValue(page + "?done=planned");
    String session =
        strings("SELECT id FROM livelihood_vote_session WHERE round_id = 'lr-vote-page'").get(0);
    assertThat(staff.get(page).body())
        .contains("白沙镇第十八届人民代表大会第七次会议", "白沙镇桃源村人大代表工作站", "/lv/" + session, "发放票决码（下载 PDF）");

    HttpResponse<byte[]> pdf =
        staff.postForBytes(
            page + "/codes?_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8));
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    List<String> codes = PrintedSlips.read(pdf.body()).codes();
    assertThat(codes).isNotEmpty();
    assertThat(staff.get(page).body())
        .as("every deputy has a code: the button goes")
        .contains("所有代表都已领取票决码")
        .doesNotContain("发放票决码（下载 PDF）");

    // Not ticked: refused with the box named, the vote not opened.
    HttpResponse<String> unticked = staff.submit(page + "/open", csrf, List.of());
    assertThat(unticked.statusCode()).isEqualTo(422);
    assertThat(unticked.body()).contains("请先勾选确认");
    assertThat(round("lr-vote-page")).isEqualTo("SHORTLISTED");
    assertThat(
            staff.submit(page + "/open", csrf, List.of(Map.entry("confirm", "yes"))).statusCode())
        .isEqualTo(303);
    assertThat(round("lr-vote-page")).isEqualTo("VOTING");

    // More than half of all the township's deputies for the first project.
    int elect = codes.size() / 2 + 1;
    for (String code : codes.subList(0, elect)) {
      assertThat(
              cast(session, code, Map.of(projects.get(0), "FOR", projects.get(1), "AGAINST"))
                  .statusCode())
          .isEqualTo(200);
    }
    assertThat(staff.get(page).body()).contains(elect + " / " + codes.size() + " 位代表");

    assertThat(
            staff.submit(page + "/close", csrf, List.of(Map.entry("confirm", "yes"))).statusCode())
        .isEqualTo(303);
    assertThat(round("lr-vote-page")).isEqualTo("DECIDED");
    assertThat(staff.get(page).body())
        .as("the result: the first project elected, the second not")
        .containsSubsequence("票决结果", "白沙镇农贸市场加装雨棚", ">当选</span>", "白沙镇卫生院开设夜间门诊", ">未当选</span>");

    // The township's station shows the elected project's progress board.
    PublicationRepository publications = hub.bean(PublicationRepository.class);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                publications
                    .current("s-002")
                    .map(
                        p ->
                            ProtocolCodec.decode(
                                p.payload().getBytes(StandardCharsets.UTF_8), StationContent.class))
                    .map(
                        c ->
                            c.livelihoodOrEmpty().projects().stream()
                                .map(StationContent.LivelihoodProject::title)
                                .toList())
                    .orElse(List.of()),
            titles -> titles.contains("白沙镇农贸市场加装雨棚") && !titles.contains("白沙镇卫生院开设夜间门诊"));
  }

  @Test
  void shouldRegenerateEveryCodeOnlyBeforeTheVoteOpensThenShowTheBallotAsQrAndOnTheCongresssMe()
      throws Exception {
    List<String> projects =
        ShortlistFixture.shortlisted(
            database(),
            "lr-codes",
            COUNTY,
            "t-baisha",
            "白沙镇民生实事项目（票决码重新生成）",
            List.of("白沙镇渡口加装护栏", "白沙镇老街路灯改造"));
    Map<String, String> answers = Map.of(projects.get(0), "FOR", projects.get(1), "AGAINST");
    String page = "/admin/livelihood/lr-codes/vote";
    StaffClient staff = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    String csrf = staff.csrf(page);
    assertThat(
            staff
                .submit(
                    page,
                    csrf,
                    List.of(
                        Map.entry("title", "白沙镇第十八届人民代表大会第八次会议"),
                        Map.entry("heldOn", "2027-01-15"),
                        Map.entry("choices", "1"),
                        Map.entry("elects", ""),
                        Map.entry("stationId", "")))
                .statusCode())
        .isEqualTo(303);
    String session =
        strings("SELECT id FROM livelihood_vote_session WHERE round_id = 'lr-codes'").get(0);
    List<String> first =
        PrintedSlips.read(
                staff
                    .postForBytes(
                        page
                            + "/codes?_csrf="
                            + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8))
                    .body())
            .codes();
    String hashes =
        "SELECT code_hash FROM livelihood_vote_code WHERE session_id = '" + session + "'";
    List<String> firstHashes = strings(hashes);
    assertThat(staff.get(page).body()).contains("重新生成投票码并重印").doesNotContain("扫码投票");

    // Given a lost slip before the vote opens: the box not ticked changes nothing.
    HttpResponse<String> unticked = staff.submit(page + "/renew", csrf, List.of());
    assertThat(unticked.statusCode()).isEqualTo(422);
    assertThat(unticked.body()).contains("请先勾选确认");
    assertThat(strings(hashes)).containsExactlyInAnyOrderElementsOf(firstHashes);

    // When staff regenerate: every deputy gets a new code on a new PDF, the old ones are gone.
    HttpResponse<byte[]> renewed =
        staff.submitForBytes(page + "/renew", csrf, List.of(Map.entry("confirm", "yes")));
    assertThat(renewed.statusCode()).isEqualTo(200);
    assertThat(renewed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    PrintedSlips.Read reprinted = PrintedSlips.read(renewed.body());
    List<String> codes = reprinted.codes();
    assertThat(codes).hasSameSizeAs(first).doesNotContainAnyElementsOf(first);
    assertThat(reprinted.text()).contains("刘桂芳代表");
    List<String> renewedHashes = strings(hashes);
    assertThat(renewedHashes).hasSameSizeAs(first).doesNotContainAnyElementsOf(firstHashes);
    assertThat(
            strings(
                "SELECT actor_id FROM audit_entry WHERE action = 'renew-codes' AND entity_id = '"
                    + session
                    + "'"))
        .as("who regenerated, in the log")
        .containsExactly("u-admin");
    assertThat(staff.get(page).body()).contains("重新生成记录", "重新生成了全部票决码");

    assertThat(
            staff.submit(page + "/open", csrf, List.of(Map.entry("confirm", "yes"))).statusCode())
        .isEqualTo(303);
    assertRefused(
        cast(session, first.get(0), answers), "不是本次会议发出的", "was not issued for this session");
    assertThat(cast(session, codes.get(0), answers).body()).contains("选票已计入");

    // Once open: refused, nothing changed, and the page says what happens to a lost slip.
    HttpResponse<String> late =
        staff.submit(page + "/renew", csrf, List.of(Map.entry("confirm", "yes")));
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("不能再重新生成票决码");
    assertThat(strings(hashes)).containsExactlyInAnyOrderElementsOf(renewedHashes);
    assertThat(strings(hashes + " AND used = TRUE")).hasSize(1);
    assertThat(cast(session, codes.get(1), answers).body())
        .as("the codes printed before the refusal still count")
        .contains("选票已计入");
    String open = staff.get(page).body();
    assertThat(open).contains("纸质选票", "由计票人计入").doesNotContain("重新生成投票码并重印");

    // The ballot's address as a QR for the hall, with the address beside it.
    String ballot = hub.bean(LivelihoodVote.class).ballotUrl(session);
    assertThat(open).contains("扫码投票", ">" + ballot + "<");
    assertThat(PrintedCodes.decode(qrIn(open))).isEqualTo(ballot);

    // A deputy of the township's congress finds it on /me, with no code; a county deputy does not.
    hub.addSecondDeputyAccount();
    String liugf = StaffClient.loggedIn(hub, "liugf", DemoCounty.PASSWORD).get("/me").body();
    assertThat(liugf)
        .contains("白沙镇第十八届人民代表大会第八次会议", "href=\"" + ballot + "\"", "请使用会上发放的投票码")
        .doesNotContain(codes.get(2));
    assertThat(StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD).get("/me").body())
        .doesNotContain("白沙镇第十八届人民代表大会第八次会议");
  }

  /** The page's QR code, drawn from its SVG's modules (one unit each) as a phone would see it. */
  private static BufferedImage qrIn(String page) {
    Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) \\d+\"").matcher(page);
    assertThat(box.find()).as("an SVG QR code on the page").isTrue();
    int modules = Integer.parseInt(box.group(1));
    int scale = 8;
    BufferedImage image =
        new BufferedImage(modules * scale, modules * scale, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    Matcher module = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(page);
    while (module.find()) {
      g.fillRect(
          Integer.parseInt(module.group(1)) * scale,
          Integer.parseInt(module.group(2)) * scale,
          scale,
          scale);
    }
    g.dispose();
    return image;
  }

  private JsonNode plan(String roundId, String title, String choices, String stationId)
      throws Exception {
    HttpResponse<String> made =
        admin.api(
            "POST",
            "/api/livelihood/rounds/" + roundId + "/vote",
            json.writeValueAsString(
                Map.of(
                    "title", title,
                    "heldOn", "2027-01-10",
                    "choices", choices,
                    "stationId", stationId)));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    return json.readTree(made.body());
  }

  private JsonNode post(String step) throws Exception {
    HttpResponse<String> answer =
        admin.api("POST", "/api/livelihood/rounds/" + county + "/vote" + step, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private List<String> codes(String roundId) {
    HttpResponse<byte[]> pdf =
        admin.postForBytes("/api/livelihood/rounds/" + roundId + "/vote/codes");
    assertThat(pdf.statusCode()).isEqualTo(200);
    return PrintedSlips.read(pdf.body()).codes();
  }

  private String formToken(String session) {
    Matcher m = FORM.matcher(phone.get("/lv/" + session).body());
    assertThat(m.find()).as("a ballot form on the page").isTrue();
    return m.group(1);
  }

  private HttpResponse<String> cast(String session, String code, Map<String, String> answers) {
    String page = phone.get("/lv/" + session).body();
    Matcher m = FORM.matcher(page);
    // Not open: no form on the page; a form's token is made up as a stale page would send it.
    String form = m.find() ? m.group(1) : "AAAAAAAAAAAAAAAAAAAAAA";
    return send(session, form, code, answers);
  }

  private HttpResponse<String> send(
      String session, String form, String code, Map<String, String> answers) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("form", form));
    fields.add(Map.entry("code", code));
    answers.forEach((project, answer) -> fields.add(Map.entry("p-" + project, answer)));
    return phone.postForm("/lv/" + session, fields);
  }

  /** The FOR counts of the county round's projects, in ballot order. */
  private List<Integer> counts() {
    return database()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT votes_for FROM livelihood_project WHERE round_id = ?"
                            + " ORDER BY position")
                    .bind(0, county)
                    .mapTo(Integer.class)
                    .list());
  }

  private Optional<ProjectTally> shown(TestClient screen) {
    List<TestClient.Received> got =
        screen.receivedOn(Topic.stationProjectTally("s-001").toString());
    return got.stream()
        .filter(r -> r.payload().length > 0)
        .map(r -> ProtocolCodec.decode(r.payload(), ProjectTally.class))
        .reduce((x, y) -> y.supersedes(x) ? y : x);
  }

  private String round(String id) {
    return strings("SELECT state FROM livelihood_round WHERE id = '" + id + "'").get(0);
  }

  private static String countyDeputies() {
    return "SELECT d.id FROM deputy d JOIN deputy_level l ON l.deputy_id = d.id"
        + " AND l.level = 'COUNTY' WHERE d.county_id = '"
        + COUNTY
        + "'";
  }

  private List<String> columns(String table) {
    return database()
        .withHandle(
            h ->
                h.createQuery("SELECT * FROM " + table + " WHERE 1 = 0")
                    .scanResultSet(
                        (rs, ctx) -> {
                          var meta = rs.get().getMetaData();
                          List<String> names = new ArrayList<>();
                          for (int i = 1; i <= meta.getColumnCount(); i++) {
                            names.add(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
                          }
                          return names;
                        }));
  }

  private List<String> strings(String sql) {
    return database().withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
  }

  private Database database() {
    return hub.bean(Database.class);
  }
}
