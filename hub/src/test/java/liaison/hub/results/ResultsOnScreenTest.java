package liaison.hub.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.station.StationRepository;
import liaison.hub.web.Lang;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop's results reach the station within seconds, through the real broker: a case answered at
 * the hub with a public summary changes the station's retained snapshot (this month's figures and
 * the summary, never the resident's words), and a withdrawn summary leaves it again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsOnScreenTest {
  private static final String NAME = "赵秀英";
  private static final String PHONE = "13955556666";
  private static final String TEXT = "幸福里小区东门的斑马线已经完全磨没了，孩子们上学过马路很危险";
  private static final String SUMMARY = "反映某小区门口斑马线磨损，县交通运输局已重新施划。";

  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private TestClient screen;
  private StaffClient admin;
  private String topic;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    topic = Topic.stationContent("s-001").toString();
    screen = hub.observer("results-screen");
    screen.subscribe(topic);
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    screen.close();
    hub.close();
  }

  private Optional<StationContent> latest() {
    List<TestClient.Received> received = screen.receivedOn(topic);
    return received.isEmpty()
        ? Optional.empty()
        : Optional.of(ProtocolCodec.decode(received.getLast().payload(), StationContent.class));
  }

  private String newCase() throws Exception {
    String token =
        hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
    String code =
        Resident.code(
            new Resident(hub, "10.9.8.7")
                .submit(
                    token,
                    List.of(
                        Field.text("category", "TRANSPORT"),
                        Field.text("text", TEXT),
                        Field.text("name", NAME),
                        Field.text("phone", PHONE),
                        Field.text("consent", "yes"))));
    String id =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM opinion_case WHERE tracking_code = :code")
                        .bind("code", code)
                        .mapTo(String.class)
                        .one());
    ok(
        admin.api(
            "POST",
            "/api/cases/" + id + "/register",
            "{\"category\":\"TRANSPORT\",\"summary\":\"斑马线\"}"));
    return id;
  }

  private static void ok(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
  }

  @Test
  void shouldCarryTheNewFiguresAndSummaryToTheStationWithinSecondsAndDropItWhenWithdrawn()
      throws Exception {
    String id = newCase();
    await().atMost(Duration.ofSeconds(30)).until(() -> latest().isPresent());
    // The registration itself was announced: wait for the snapshot that counts it.
    await().atMost(Duration.ofSeconds(30)).until(() -> latest().orElseThrow().results() != null);
    int answeredBefore = latest().orElseThrow().results().month().answered();

    // A summary naming the resident is refused, and nothing is saved: the case is not answered.
    HttpResponse<String> refused =
        admin.api(
            "POST",
            "/api/cases/" + id + "/answer",
            json.writeValueAsString(
                Map.of("text", "已处理", "publicSummary", NAME + "反映斑马线磨损", "publish", true)));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(refused)).containsKey("publicSummary");
    HttpResponse<String> copied =
        admin.api(
            "POST",
            "/api/cases/" + id + "/answer",
            json.writeValueAsString(
                Map.of("text", "已处理", "publicSummary", "群众说：" + TEXT, "publish", true)));
    assertThat(StaffClient.fieldErrors(copied)).containsKey("publicSummary");
    JsonNode still = json.readTree(admin.api("GET", "/api/cases/" + id, null).body());
    assertThat(still.path("summary").path("status").asText()).isEqualTo("REGISTERED");

    ok(
        admin.api(
            "POST",
            "/api/cases/" + id + "/answer",
            json.writeValueAsString(
                Map.of("text", NAME + "您好，斑马线已重新施划。", "publicSummary", SUMMARY, "publish", true))));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                latest().orElseThrow().results().month().answered() == answeredBefore + 1
                    && latest().orElseThrow().results().summariesOrNone().stream()
                        .anyMatch(s -> s.text().equals(SUMMARY)));
    StationContent.Results results = latest().orElseThrow().results();
    StationContent.Summary shown =
        results.summariesOrNone().stream()
            .filter(s -> s.text().equals(SUMMARY))
            .findFirst()
            .orElseThrow();
    assertThat(shown.category()).isEqualTo("交通出行");
    assertThat(results.year().received()).isGreaterThanOrEqualTo(results.month().received());
    assertThat(results.received())
        .as("version 1's figures are the last 12 months'")
        .isEqualTo(results.last12Months().received());
    String payload =
        new String(screen.receivedOn(topic).getLast().payload(), StandardCharsets.UTF_8);
    assertThat(payload).doesNotContain(NAME, PHONE, TEXT.substring(0, 12), "您好");

    // The county administrator withdraws it on the case page: it leaves the screen.
    StaffClient page = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    HttpResponse<String> withdrawn =
        page.submit(
            "/admin/cases/" + id + "/withdraw-summary",
            page.csrf(),
            List.of(Map.entry("withdraw", "yes")));
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(303);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                latest().orElseThrow().results().summariesOrNone().stream()
                    .noneMatch(s -> s.text().equals(SUMMARY)));
    assertThat(page.get("/admin/cases/" + id).body()).contains(SUMMARY, "已撤回");
  }

  @Test
  void shouldRenderThePublicSectionWithTheFiguresAndSummariesAndNothingOfTheResident()
      throws Exception {
    String id = newCase();
    String summary = "反映某小区东门斑马线磨损，县交通运输局已重新施划并增设提示牌。";
    ok(
        admin.api(
            "POST",
            "/api/cases/" + id + "/answer",
            json.writeValueAsString(
                Map.of("text", NAME + "您好，已处理。", "publicSummary", summary, "publish", true))));
    String county = hub.bean(StationRepository.class).find("s-001").orElseThrow().countyId();
    PublicResults results = hub.bean(PublicResults.class);

    String county0 =
        render(results.section(Lang.ZH, "/public", county, null, null, null, 1), Lang.ZH);
    String march =
        render(
            results.section(
                Lang.ZH, "/public/stations/s-001", county, "s-001", "1999-01", "TRANSPORT", 1),
            Lang.ZH);
    String english =
        render(results.section(Lang.EN, "/public", county, null, null, null, 1), Lang.EN);

    assertThat(county0)
        .contains("意见办理情况", "合计", "收到", "按期答复", summary, "交通出行", "办理结果公示")
        .doesNotContain(NAME, PHONE, TEXT.substring(0, 12), "您好");
    assertThat(march)
        .as("a month outside the last 12 means this year; the category filter keeps the summary")
        .contains(summary, "value=\"TRANSPORT\" selected");
    assertThat(english).contains("Opinions handled", "Total", "Transport");
  }

  /**
   * The section rendered by the hub's own Thymeleaf renderer, through a test page that includes the
   * fragment as the public pages will, in the reader's language (the hub's cookie).
   */
  private String render(ResultsSection section, Lang lang) throws Exception {
    io.micronaut.http.simple.cookies.SimpleCookies cookies =
        new io.micronaut.http.simple.cookies.SimpleCookies(
            io.micronaut.core.convert.ConversionService.SHARED);
    cookies.put(Lang.COOKIE, io.micronaut.http.cookie.Cookie.of(Lang.COOKIE, lang.code()));
    io.micronaut.http.HttpRequest<?> request =
        new io.micronaut.http.HttpRequestWrapper<>(
            io.micronaut.http.HttpRequest.GET("/public")
                .header("Accept-Language", lang.locale().toLanguageTag())) {
          @Override
          public io.micronaut.http.cookie.Cookies getCookies() {
            return cookies;
          }
        };
    java.io.StringWriter out = new java.io.StringWriter();
    hub.bean(io.micronaut.views.thymeleaf.ThymeleafViewsRenderer.class)
        .render("results-section-test", Map.of("section", section), request)
        .writeTo(out);
    return out.toString();
  }
}
