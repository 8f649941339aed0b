package liaison.hub.livelihood;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.photo.PhotoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * 初定 and 审议 over real HTTP on one hub with the demo county per store: staff make projects from
 * accepted proposals (duplicates merged), edit them (department, cost, timetable), order them,
 * leave one out with a reason, are refused publishing while something is missing (each thing named
 * in Chinese and English, nothing changed), publish, find the projects frozen, withdraw and cancel;
 * the public page shows the shortlist with its reasons and nothing of a cancelled round. A
 * collecting round's dates and categories change; a proposal's photos reach its staff only.
 */
@OnBothStores
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivelihoodShortlistTest {
  @Parameter TestDatabases.Store store;

  private RunningHub hub;
  private StaffClient admin;
  private StaffClient chengguan;
  private StaffClient baisha;
  private StaffClient deputy;
  private StaffClient anonymous;
  private final ObjectMapper json = new ObjectMapper();
  private int year;

  @BeforeParameterizedClassInvocation
  void start(TestDatabases.Store store, @TempDir Path dir) {
    hub = RunningHub.start(dir, store, Map.of());
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    chengguan = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
    baisha = StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD);
    deputy = StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD);
    anonymous = StaffClient.anonymous(hub);
    // The demo's rounds are for next year: the test's are the year after.
    year = LocalDate.now(Sql.ZONE).getYear() + 2;
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void shouldMergeEditLeaveOutAndPublishAShortlistResidentsReadThenWithdrawAndCancelIt()
      throws Exception {
    String round = open("t-chengguan", year + "年度城关镇民生实事（审议测试）");
    String road = propose(round, "TRANSPORT", "茶园路硬化");
    String road2 = propose(round, "TRANSPORT", "茶园道路太烂");
    String canteen = propose(round, "ELDERLY_CARE", "老年食堂");
    String square = propose(round, "URBAN_RURAL", "新建文化广场");

    // Two duplicates merged into one project; a proposal goes into one project at most.
    JsonNode merged = body(post(admin, round, "/projects", ids(road, road2)), 201);
    String first = merged.path("id").asText();
    assertThat(merged.path("title").asText()).isEqualTo("茶园路硬化");
    assertThat(merged.path("state").asText()).isEqualTo("DRAFT");
    assertThat(merged.path("proposals").findValuesAsText("title"))
        .containsExactlyInAnyOrder("茶园路硬化", "茶园道路太烂");
    HttpResponse<String> twice = post(admin, round, "/projects", ids(road2));
    assertThat(twice.statusCode()).isEqualTo(422);
    assertThat(twice.body()).contains("已经在另一个项目里", "is already in another project");
    String second = body(post(admin, round, "/projects", ids(canteen)), 201).path("id").asText();
    String third = body(post(admin, round, "/projects", ids(square)), 201).path("id").asText();
    assertThat(projects(round))
        .extracting(p -> p.path("id").asText())
        .containsExactly(first, second, third);
    // The manager of another township does not touch 城关镇's round.
    assertThat(post(baisha, round, "/projects", ids(canteen)).statusCode()).isEqualTo(403);

    // A bad edit is refused field by field, in Chinese then English, and nothing is saved.
    HttpResponse<String> bad =
        post(
            admin,
            round,
            "/projects/" + first,
            edit("EDUCATION", " ", "dep-nowhere", "-5", (year - 3) + "-01", "soon"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(bad))
        .containsOnlyKeys("category", "title", "departmentId", "costYuan", "startsOn", "endsOn");
    assertThat(StaffClient.fieldErrors(bad).get("costYuan"))
        .contains("估算投资请填 1 到 1,000,000,000 之间的整数");
    assertThat(bad.body()).contains("whole number of yuan from 1 to 1,000,000,000");
    HttpResponse<String> backwards =
        post(
            admin,
            round,
            "/projects/" + first,
            edit("TRANSPORT", "茶园路硬化", "dep-transport", "1200000", year + "-10", year + "-03"));
    assertThat(StaffClient.fieldErrors(backwards)).containsOnlyKeys("endsOn");
    assertThat(project(round, first).hasNonNull("departmentId")).isFalse();

    JsonNode edited =
        body(
            post(
                admin,
                round,
                "/projects/" + first,
                edit(
                    "TRANSPORT",
                    "茶产业园园路硬化",
                    "dep-transport",
                    "1,200,000",
                    year + "-03",
                    year + "-10")),
            200);
    assertThat(edited.path("departmentName").asText()).isEqualTo("县交通运输局");
    assertThat(edited.path("costYuan").asLong()).isEqualTo(1_200_000L);
    assertThat(edited.path("startsOn").asText()).isEqualTo(year + "-03");
    // The canteen goes first on the ballot; the others keep their order.
    assertThat(
            post(admin, round, "/projects/" + second + "/position", "{\"position\":\"9\"}")
                .statusCode())
        .isEqualTo(422);
    body(post(admin, round, "/projects/" + second + "/position", "{\"position\":\"1\"}"), 200);
    assertThat(projects(round))
        .extracting(p -> p.path("id").asText() + "@" + p.path("position").asInt())
        .containsExactly(second + "@1", first + "@2", third + "@3");

    // Not before the collection is closed.
    assertThat(post(admin, round, "/publish", null).statusCode()).isEqualTo(409);
    body(admin.api("POST", "/api/livelihood/rounds/" + round + "/close", null), 200);

    // Leaving out needs its reason.
    HttpResponse<String> noReason =
        post(admin, round, "/projects/" + third + "/leave-out", "{\"reason\":\"  \"}");
    assertThat(StaffClient.fieldErrors(noReason)).containsOnlyKeys("reason");
    assertThat(project(round, third).path("state").asText()).isEqualTo("DRAFT");

    // Refused naming each missing thing of each project; nothing changes.
    HttpResponse<String> refused = post(admin, round, "/publish", null);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(refused).get("projects"))
        .contains("“老年食堂”还没有承办单位", "“老年食堂”还没有估算投资", "“新建文化广场”还没有实施时间")
        .doesNotContain("茶产业园园路硬化");
    assertThat(refused.body())
        .contains("“老年食堂” has no responsible department yet", "“新建文化广场” has no timetable yet");
    assertThat(round(round)).isEqualTo("REVIEWING");
    assertThat(projects(round))
        .allSatisfy(p -> assertThat(p.path("state").asText()).isEqualTo("DRAFT"));

    body(
        post(
            admin,
            round,
            "/projects/" + second,
            edit("ELDERLY_CARE", "社区老年食堂", "dep-civil", "8000", year + "-05", year + "-06")),
        200);
    body(
        post(
            admin,
            round,
            "/projects/" + third + "/leave-out",
            "{\"reason\":\"与县级道路项目重复，已并入县级征集\"}"),
        200);
    JsonNode published = body(post(admin, round, "/publish", null), 200);
    assertThat(published.path("state").asText()).isEqualTo("SHORTLISTED");
    assertThat(projects(round))
        .extracting(p -> p.path("state").asText())
        .containsExactly("SHORTLISTED", "SHORTLISTED", "LEFT_OUT");

    // Frozen: no edit, no new project, no leaving out, saying why.
    HttpResponse<String> frozen =
        post(
            admin,
            round,
            "/projects/" + first,
            edit("TRANSPORT", "改名", "dep-transport", "1", year + "-03", year + "-10"));
    assertThat(frozen.statusCode()).isEqualTo(409);
    assertThat(frozen.body()).contains("候选项目已公布", "The shortlist is published");
    assertThat(post(admin, round, "/projects/" + third + "/take-back", null).statusCode())
        .isEqualTo(409);
    assertThat(project(round, first).path("title").asText()).isEqualTo("茶产业园园路硬化");

    // Residents read the shortlist with department, cost, timetable, its proposals, and reasons.
    String page = anonymous.get("/livelihood").body();
    assertThat(page)
        .contains(
            "1. 社区老年食堂",
            "2. 茶产业园园路硬化",
            "县交通运输局",
            "120 万元",
            "8,000 元",
            year + "-03 至 " + year + "-10",
            "茶园道路太烂",
            "新建文化广场",
            "与县级道路项目重复，已并入县级征集");
    // The demo's 白沙镇 shortlist is there too.
    assertThat(page).contains("白沙圩至那良村道路拓宽", "320 万元");
    StaffClient english = StaffClient.anonymous(hub);
    english.get("/lang/en?next=/livelihood");
    assertThat(english.get("/livelihood").body()).contains("CNY 1,200,000", "Projects left out");

    // Withdrawn before the vote: editable again, the shortlist gone from the public page.
    assertThat(body(post(admin, round, "/withdraw", null), 200).path("state").asText())
        .isEqualTo("REVIEWING");
    assertThat(post(admin, round, "/withdraw", null).statusCode()).isEqualTo(409);
    assertThat(project(round, first).path("state").asText()).isEqualTo("DRAFT");
    assertThat(anonymous.get("/livelihood").body())
        .doesNotContain("与县级道路项目重复")
        .contains(year + "年度城关镇民生实事（审议测试）");

    // Cancelled with a reason: nothing of the round is public any more.
    assertThat(StaffClient.fieldErrors(post(admin, round, "/cancel", "{\"reason\":\"\"}")))
        .containsOnlyKeys("reason");
    assertThat(round(round)).isEqualTo("REVIEWING");
    assertThat(
            body(post(admin, round, "/cancel", "{\"reason\":\"与县级项目重复，并入县级征集\"}"), 200)
                .path("state")
                .asText())
        .isEqualTo("CANCELLED");
    assertThat(post(admin, round, "/cancel", "{\"reason\":\"再取消\"}").statusCode()).isEqualTo(409);
    assertThat(anonymous.get("/livelihood").body())
        .doesNotContain(year + "年度城关镇民生实事（审议测试）", "茶园路硬化", "茶园道路太烂");
  }

  @Test
  void shouldRescheduleACollectingRoundAndServeAProposalsPhotosToItsStaffOnly() throws Exception {
    String round = open("t-baisha", year + "年度白沙镇民生实事（改期测试）");
    String proposal = propose(round, "TRANSPORT", "村道路灯");
    // A resident's photo, as the form would have kept it.
    String hash = hub.bean(PhotoStore.class).store(png());
    hub.bean(Database.class)
        .useTransaction(
            h ->
                h.createUpdate(
                        "INSERT INTO livelihood_proposal_photo (proposal_id, position, sha256)"
                            + " VALUES (:id, 1, :hash)")
                    .bind("id", proposal)
                    .bind("hash", hash)
                    .execute());

    LocalDate today = LocalDate.now(Sql.ZONE);
    HttpResponse<String> bad =
        post(
            baisha,
            round,
            "/schedule",
            "{\"opensOn\":\""
                + today.plusDays(5)
                + "\",\"closesOn\":\""
                + today
                + "\",\"categories\":[\"HEALTH\"]}");
    assertThat(StaffClient.fieldErrors(bad)).containsOnlyKeys("closesOn", "categories");
    assertThat(StaffClient.fieldErrors(bad).get("categories")).contains("已有建议属于“交通出行”类别，不能去掉");
    JsonNode moved =
        body(
            post(
                baisha,
                round,
                "/schedule",
                "{\"opensOn\":\""
                    + today
                    + "\",\"closesOn\":\""
                    + today.plusDays(40)
                    + "\",\"categories\":[\"TRANSPORT\",\"HEALTH\"]}"),
            200);
    assertThat(moved.path("closesOn").asText()).isEqualTo(today.plusDays(40).toString());
    assertThat(moved.path("categories").toString()).isEqualTo("[\"TRANSPORT\",\"HEALTH\"]");
    // 城关镇's manager reads no 白沙镇 round.
    assertThat(post(chengguan, round, "/schedule", "{}").statusCode()).isEqualTo(403);

    String photo =
        "/api/livelihood/rounds/" + round + "/proposals/" + proposal + "/photos/" + hash + ".jpg";
    HttpResponse<byte[]> served = baisha.download(photo);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(served.headers().firstValue("Cache-Control").orElse("")).contains("private");
    assertThat(admin.download(photo).statusCode()).isEqualTo(200);
    assertThat(anonymous.download(photo).statusCode()).isEqualTo(401);
    assertThat(chengguan.download(photo).statusCode()).isEqualTo(403);
    assertThat(deputy.download(photo).statusCode()).isEqualTo(403);
    assertThat(admin.download(photo.replace(hash, "0".repeat(64))).statusCode()).isEqualTo(404);
    // The photo of one proposal is not served as another's.
    String other = propose(round, "TRANSPORT", "村道护栏");
    assertThat(admin.download(photo.replace(proposal, other)).statusCode()).isEqualTo(404);
  }

  private String open(String township, String title) throws Exception {
    LocalDate today = LocalDate.now(Sql.ZONE);
    return body(
            admin.api(
                "POST",
                "/api/livelihood/rounds",
                json.writeValueAsString(
                    Map.of(
                        "townshipId", township,
                        "year", Integer.toString(year),
                        "title", title,
                        "opensOn", today.toString(),
                        "closesOn", today.plusDays(20).toString(),
                        "categories", List.of("TRANSPORT", "URBAN_RURAL", "ELDERLY_CARE")))),
            201)
        .path("id")
        .asText();
  }

  /** A proposal staff write down at a reception: accepted as entered. */
  private String propose(String round, String category, String title) throws Exception {
    String station = stationOf(round);
    return body(
            admin.api(
                "POST",
                "/api/livelihood/rounds/" + round + "/proposals",
                json.writeValueAsString(
                    Map.of(
                        "source",
                        "RECEPTION",
                        "stationId",
                        station,
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

  private String stationOf(String round) throws Exception {
    String township =
        body(admin.api("GET", "/api/livelihood/rounds/" + round, null), 200)
            .path("round")
            .path("townshipId")
            .asText();
    return township.equals("t-baisha") ? "s-002" : "s-001";
  }

  private HttpResponse<String> post(StaffClient who, String round, String path, String body) {
    return who.api("POST", "/api/livelihood/rounds/" + round + path, body);
  }

  private String ids(String... proposals) throws Exception {
    return json.writeValueAsString(Map.of("proposalIds", List.of(proposals)));
  }

  private String edit(
      String category, String title, String department, String cost, String starts, String ends)
      throws Exception {
    return json.writeValueAsString(
        Map.of(
            "category", category,
            "title", title,
            "description", "硬化 900 米、宽 4.5 米的园路。",
            "place", "路花村",
            "departmentId", department,
            "costYuan", cost,
            "startsOn", starts,
            "endsOn", ends));
  }

  private List<JsonNode> projects(String round) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    body(admin.api("GET", "/api/livelihood/rounds/" + round + "/projects", null), 200)
        .forEach(all::add);
    return all;
  }

  private JsonNode project(String round, String id) throws Exception {
    return projects(round).stream()
        .filter(p -> p.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private String round(String round) throws Exception {
    return body(admin.api("GET", "/api/livelihood/rounds/" + round, null), 200)
        .path("round")
        .path("state")
        .asText();
  }

  private JsonNode body(HttpResponse<String> answer, int status) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return json.readTree(answer.body());
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, Color.ORANGE.getRGB());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
