package liaison.hub.livelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import liaison.hub.publish.PublicationRepository;
import liaison.hub.report.PrintedSlips;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
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
    StaffClient transport = StaffClient.loggedIn(hub, "jiaotong", DemoCounty.PASSWORD);
    StaffClient chenxl = StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD);
    StaffClient resident = StaffClient.anonymous(hub);
    LocalDate today = LocalDate.now(Sql.ZONE);
    // The demo's rounds are for next year: the journey's is the year after.
    int year = today.getYear() + 2;
    String title = year + "年度青溪县民生实事项目";

    // 征集: the county's staff open the round; a station's link offers it to residents.
    String round =
        body(
                county.api(
                    "POST",
                    "/api/livelihood/rounds",
                    json.writeValueAsString(
                        Map.of(
                            "townshipId", "",
                            "year", Integer.toString(year),
                            "title", title,
                            "opensOn", today.toString(),
                            "closesOn", today.plusDays(20).toString(),
                            "categories", List.of("TRANSPORT", "ELDERLY_CARE", "URBAN_RURAL")))),
                201)
            .path("id")
            .asText();
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

    assertThat(decide(county, round, sent).path("status").asText()).isEqualTo("ACCEPTED");
    String duplicate = enter(county, round, "TRANSPORT", "茶园道路太烂");
    String canteen = enter(county, round, "ELDERLY_CARE", "老年食堂");
    String square = enter(county, round, "URBAN_RURAL", "新建文化广场");
    assertThat(resident.get("/livelihood").body()).contains("茶园路硬化", "茶园道路太烂", "老年食堂");
    assertThat(state(county, round)).isEqualTo("COLLECTING");
    body(county.api("POST", "/api/livelihood/rounds/" + round + "/close", null), 200);
    assertThat(state(county, round)).isEqualTo("REVIEWING");

    // 初定 and 审议: the duplicates merged, each project given its department, cost, timetable.
    String road = project(county, round, sent, duplicate);
    String hall = project(county, round, canteen);
    String left = project(county, round, square);
    edit(county, round, road, "TRANSPORT", "路花村茶园路硬化", "dep-transport", "1200000", year);
    edit(county, round, hall, "ELDERLY_CARE", "城南社区老年食堂", "dep-transport", "80000", year);
    body(
        county.api(
            "POST",
            "/api/livelihood/rounds/" + round + "/projects/" + left + "/leave-out",
            "{\"reason\":\"与县级项目重复，已并入县级征集\"}"),
        200);
    assertThat(
            body(county.api("POST", "/api/livelihood/rounds/" + round + "/publish", null), 200)
                .path("state")
                .asText())
        .isEqualTo("SHORTLISTED");
    assertThat(resident.get("/livelihood").body())
        .contains("路花村茶园路硬化", "城南社区老年食堂", "120 万元", "新建文化广场", "与县级项目重复，已并入县级征集");

    // 票决: the vote planned, the slips printed, opened; the township's deputies vote on phones.
    JsonNode planned =
        body(
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
    body(county.api("POST", "/api/livelihood/rounds/" + round + "/vote/open", null), 200);
    assertThat(state(county, round)).isEqualTo("VOTING");
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
    JsonNode closed =
        body(county.api("POST", "/api/livelihood/rounds/" + round + "/vote/close", null), 200);
    assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
    Map<String, String> result = new java.util.HashMap<>();
    closed
        .path("projects")
        .forEach(p -> result.put(p.path("id").asText(), p.path("state").asText()));
    assertThat(result)
        .as("more than half of all deputies elects; half does not")
        .containsEntry(road, "ELECTED")
        .containsEntry(hall, "NOT_ELECTED");
    assertThat(state(county, round)).isEqualTo("DECIDED");
    String decided = resident.get("/livelihood").body();
    assertThat(decided)
        .contains(
            title,
            "投票 " + ballots + " 张，全体代表 " + deputies + " 人",
            "赞成 " + ballots + " · 反对 0 · 弃权 0",
            "赞成 " + hallFor + " · 反对 " + (ballots - hallFor) + " · 弃权 0",
            "当选",
            "未当选");

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
        published("s-001").livelihoodOrEmpty().projects().stream()
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
    assertThat(state(county, round)).isEqualTo("EVALUATED");
    assertThat(resident.get("/livelihood").body())
        .contains(title, "已测评", "满意 1（100%） · 基本满意 0（0%） · 不满意 0（0%）")
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

  /** The snapshot last published to the station, once it carries the road at 45%. */
  private StationContent published(String stationId) {
    PublicationRepository publications = hub.bean(PublicationRepository.class);
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                publications
                    .current(stationId)
                    .map(
                        p ->
                            ProtocolCodec.decode(
                                p.payload().getBytes(StandardCharsets.UTF_8),
                                StationContent.class)),
            c ->
                c.isPresent()
                    && c.get().livelihoodOrEmpty().projects().stream()
                        .anyMatch(p -> p.title().equals("路花村茶园路硬化") && p.percent() == 45))
        .orElseThrow();
  }

  private JsonNode decide(StaffClient staff, String round, String proposal) throws Exception {
    return body(
        staff.api(
            "POST",
            "/api/livelihood/rounds/" + round + "/proposals/" + proposal + "/decision",
            "{\"decision\":\"ACCEPT\"}"),
        200);
  }

  /** A proposal staff write down at a reception: accepted as entered. */
  private String enter(StaffClient staff, String round, String category, String title)
      throws Exception {
    return body(
            staff.api(
                "POST",
                "/api/livelihood/rounds/" + round + "/proposals",
                json.writeValueAsString(
                    Map.of(
                        "source",
                        "RECEPTION",
                        "stationId",
                        "s-001",
                        "words",
                        Map.of(
                            "category",
                            category,
                            "title",
                            title,
                            "description",
                            title + "：群众在接待日反映，希望明年办理。",
                            "place",
                            "")))),
            201)
        .path("id")
        .asText();
  }

  private String project(StaffClient staff, String round, String... proposals) throws Exception {
    return body(
            staff.api(
                "POST",
                "/api/livelihood/rounds/" + round + "/projects",
                json.writeValueAsString(Map.of("proposalIds", List.of(proposals)))),
            201)
        .path("id")
        .asText();
  }

  private void edit(
      StaffClient staff,
      String round,
      String project,
      String category,
      String title,
      String department,
      String cost,
      int year)
      throws Exception {
    body(
        staff.api(
            "POST",
            "/api/livelihood/rounds/" + round + "/projects/" + project,
            json.writeValueAsString(
                Map.of(
                    "category",
                    category,
                    "title",
                    title,
                    "description",
                    title + "：经审议纳入候选。",
                    "place",
                    "路花村",
                    "departmentId",
                    department,
                    "costYuan",
                    cost,
                    "startsOn",
                    year + "-03",
                    "endsOn",
                    year + "-10"))),
        200);
  }

  private String state(StaffClient staff, String round) throws Exception {
    return body(staff.api("GET", "/api/livelihood/rounds/" + round, null), 200)
        .path("round")
        .path("state")
        .asText();
  }

  private JsonNode body(HttpResponse<String> answer, int status) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return json.readTree(answer.body());
  }
}
