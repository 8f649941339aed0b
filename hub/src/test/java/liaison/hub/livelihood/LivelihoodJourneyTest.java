package liaison.hub.livelihood;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.report.PrintedSlips;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.StationContent.LivelihoodProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * One county round of 民生实事 from start to end, on SQLite and on PostgreSQL, through the hub's HTTP
 * paths only, as the people do it: the county's staff open the round, a resident proposes at the
 * station's link, staff accept it and enter one more heard at a reception, close the collection,
 * merge two duplicates into a project, give the projects their department, cost and timetable,
 * leave one out with a reason and publish the shortlist; the vote is planned, its codes printed,
 * the county's deputies vote on their phones and the result follows the rule; the department
 * reports progress, the station's screen shows it; the year's ratings are opened, given and closed.
 * The later stages' own tests start from SQL fixtures; this one shows the real path joins up.
 */
@OnBothStores
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivelihoodJourneyTest {
  private static final Pattern FORM =
      Pattern.compile("name=\"form\"\\s+value=\"([A-Za-z0-9_-]{22})\"");

  @Parameter TestDatabases.Store store;

  private RunningHub hub;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeParameterizedClassInvocation
  void start(TestDatabases.Store store, @TempDir Path dir) {
    hub = RunningHub.start(dir, store, Map.of());
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void shouldCarryACountyRoundFromItsOpeningToTheYearsRatings() throws Exception {
    // The county's staff: through the JSON API (HTTP Basic), and at their desk's forms.
    StaffClient county = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    StaffClient desk = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    LivelihoodCalls staff = new LivelihoodCalls(county);
    StaffClient transport = StaffClient.loggedIn(hub, "jiaotong", DemoCounty.PASSWORD);
    StaffClient chenxl = StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD);
    StaffClient resident = StaffClient.anonymous(hub);
    LocalDate today = LocalDate.now(Sql.ZONE);
    // The demo's rounds are for next year: the journey's is the year after.
    int year = today.getYear() + 2;
    String title = year + "年度青溪县民生实事项目";

    // 征集: the county's staff open the round; a station's link offers it to residents.
    String round = staff.open("", year, title, List.of("TRANSPORT", "ELDERLY_CARE", "URBAN_RURAL"));
    String token =
        hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
    assertThat(resident.get("/l/" + token).body()).contains(title);

    HttpResponse<String> proposed =
        resident.multipart(
            "/l/" + token,
            "",
            Map.of(
                "roundId", round,
                "category", "TRANSPORT",
                "title", "茶园路硬化",
                "description", "雨天泥泞，村民去茶园不便，希望硬化 900 米。",
                "place", "路花村"),
            List.of());
    assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(303);
    String thanks = proposed.headers().firstValue("Location").orElseThrow();
    String sent = thanks.substring(thanks.indexOf("sent=") + 5);
    // Not public until staff accept it.
    assertThat(resident.get("/livelihood").body()).contains(title).doesNotContain("茶园路硬化");

    assertThat(
            staff
                .step(round, "/proposals/" + sent + "/decision", "{\"decision\":\"ACCEPT\"}")
                .path("status")
                .asText())
        .isEqualTo("ACCEPTED");
    String duplicate = staff.enter(round, "s-001", "TRANSPORT", "茶园道路太烂");
    String canteen = staff.enter(round, "s-001", "ELDERLY_CARE", "老年食堂");
    String square = staff.enter(round, "s-001", "URBAN_RURAL", "新建文化广场");
    assertThat(resident.get("/livelihood").body()).contains("茶园路硬化", "茶园道路太烂", "老年食堂");
    assertThat(staff.state(round)).isEqualTo("COLLECTING");
    staff.step(round, "/close", null);
    assertThat(staff.state(round)).isEqualTo("REVIEWING");

    // 初定 and 审议: the duplicates merged, each project given its department, cost, timetable.
    String road = staff.project(round, sent, duplicate);
    String hall = staff.project(round, canteen);
    String left = staff.project(round, square);
    staff.edit(round, road, "TRANSPORT", "路花村茶园路硬化", "dep-transport", "1200000", year);
    staff.edit(round, hall, "ELDERLY_CARE", "城南社区老年食堂", "dep-transport", "80000", year);
    staff.step(round, "/projects/" + left + "/leave-out", "{\"reason\":\"与县级项目重复，已并入县级征集\"}");
    assertThat(staff.step(round, "/publish", null).path("state").asText()).isEqualTo("SHORTLISTED");
    assertThat(resident.get("/livelihood").body())
        .contains("路花村茶园路硬化", "城南社区老年食堂", "120 万元", "新建文化广场", "与县级项目重复，已并入县级征集");

    // 票决: the vote planned, the slips printed, opened; the township's deputies vote on phones.
    JsonNode planned =
        staff.body(
            county.api(
                "POST",
                "/api/livelihood/rounds/" + round + "/vote",
                json.writeValueAsString(
                    Map.of(
                        "title", "青溪县第十八届人民代表大会第六次会议",
                        "heldOn", today.toString(),
                        "choices", "2",
                        "stationId", "s-001"))),
            201);
    String session = planned.path("id").asText();
    int deputies = planned.path("deputiesTotal").asInt();
    assertThat(deputies).as("a congress where half is not more than half").isGreaterThan(1);
    HttpResponse<byte[]> pdf =
        county.postForBytes("/api/livelihood/rounds/" + round + "/vote/codes");
    assertThat(pdf.statusCode()).isEqualTo(200);
    List<String> codes = PrintedSlips.read(pdf.body()).codes();
    assertThat(codes).hasSize(deputies);
    staff.step(round, "/vote/open", null);
    assertThat(staff.state(round)).isEqualTo("VOTING");
    // While the deputies vote, residents still read what was left out and why.
    assertThat(resident.get("/livelihood").body()).contains("与县级项目重复，已并入县级征集");

    // Every deputy votes: the road gets every FOR; the hall half of all deputies at most, which is
    // not more than half.
    int ballots = deputies;
    int hallFor = deputies / 2;
    for (int i = 0; i < ballots; i++) {
      HttpResponse<String> cast =
          ballot(
              resident,
              session,
              codes.get(i),
              Map.of(road, "FOR", hall, i < hallFor ? "FOR" : "AGAINST"));
      assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
      assertThat(cast.body()).contains("选票已计入");
    }
    JsonNode closed = staff.step(round, "/vote/close", null);
    assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
    Map<String, String> result = new java.util.HashMap<>();
    closed
        .path("projects")
        .forEach(p -> result.put(p.path("id").asText(), p.path("state").asText()));
    assertThat(result)
        .as("more than half of all deputies elects; half does not")
        .containsEntry(road, "ELECTED")
        .containsEntry(hall, "NOT_ELECTED");
    assertThat(staff.state(round)).isEqualTo("DECIDED");
    String decided = resident.get("/livelihood").body();
    assertThat(decided)
        .contains(
            title,
            "投票 " + ballots + " 张，全体代表 " + deputies + " 人",
            "赞成 " + ballots + " · 反对 0 · 弃权 0",
            "赞成 " + hallFor + " · 反对 " + (ballots - hallFor) + " · 弃权 0",
            "当选",
            "未当选");
    // What was left out stays public with its reason, below the round's result.
    assertThat(decided.indexOf("与县级项目重复，已并入县级征集"))
        .as("the left-out reason after the result")
        .isGreaterThan(decided.indexOf("未当选"));
    assertThat(decided).contains("<h4>新建文化广场</h4>");

    // 监督: 县交通运输局 reports progress at its desk; residents and the station's screen see it.
    assertThat(transport.get("/dept/livelihood").body()).contains("路花村茶园路硬化");
    HttpResponse<String> reported =
        transport.multipart(
            "/dept/livelihood/" + road + "/progress",
            transport.csrf("/dept"),
            Map.of("percent", "45", "text", "路基完成，开始铺设路面。", "milestoneId", ""),
            List.of());
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(303);
    assertThat(resident.get("/livelihood").body()).contains("进度 45%", "路基完成，开始铺设路面。");
    LivelihoodProject shown =
        LivelihoodCalls.published(
                hub,
                "s-001",
                c ->
                    c.livelihoodOrEmpty().projects().stream()
                        .anyMatch(p -> p.title().equals("路花村茶园路硬化") && p.percent() == 45))
            .livelihoodOrEmpty()
            .projects()
            .stream()
            .filter(p -> p.title().equals("路花村茶园路硬化"))
            .findFirst()
            .orElseThrow();
    assertThat(shown.percent()).isEqualTo(45);
    assertThat(shown.department()).isEqualTo("县交通运输局");
    assertThat(shown.level()).isEqualTo("青溪县");

    // 测评: the ratings opened, a deputy and a resident rate, closed; the round is evaluated.
    String base = "/admin/livelihood/" + round;
    assertThat(desk.submit(base + "/ratings/open", desk.csrf(), List.of()).statusCode())
        .isEqualTo(303);
    assertThat(chenxl.get("/me/supervise").body()).contains("路花村茶园路硬化");
    assertThat(
            chenxl
                .submit(
                    "/me/supervise/" + road + "/rating",
                    chenxl.csrf("/me"),
                    List.of(Map.entry("choice", "SATISFIED")))
                .statusCode())
        .isEqualTo(303);
    String rating = "/livelihood/projects/" + road + "/rating";
    assertThat(resident.get("/livelihood").body()).contains(rating);
    assertThat(
            resident
                .postForm(rating, List.of(Map.entry("choice", "BASICALLY_SATISFIED")))
                .statusCode())
        .isEqualTo(303);
    assertThat(desk.submit(base + "/ratings/close", desk.csrf(), List.of()).statusCode())
        .isEqualTo(303);
    assertThat(staff.state(round)).isEqualTo("EVALUATED");
    assertThat(resident.get("/livelihood").body())
        .contains(title, "已测评", "满意 1（100%） · 基本满意 0（0%） · 不满意 0（0%）")
        .contains("<h4>新建文化广场</h4>", "与县级项目重复，已并入县级征集")
        .contains("满意 0（0%） · 基本满意 1（100%） · 不满意 0（0%）")
        .doesNotContain(rating);
    assertThat(desk.get(base + "/supervise").body()).contains("满意 0 · 基本满意 1 · 不满意 0（共 1）");
  }

  private HttpResponse<String> ballot(
      StaffClient phone, String session, String code, Map<String, String> answers) {
    Matcher m = FORM.matcher(phone.get("/lv/" + session).body());
    assertThat(m.find()).as("a ballot form on the page").isTrue();
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    fields.add(Map.entry("form", m.group(1)));
    fields.add(Map.entry("code", code));
    answers.forEach((project, answer) -> fields.add(Map.entry("p-" + project, answer)));
    return phone.postForm("/lv/" + session, fields);
  }
}
