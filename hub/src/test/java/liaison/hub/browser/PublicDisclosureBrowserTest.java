package liaison.hub.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.station.StationRepository;
import liaison.hub.text.Masks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public disclosure pages and their JSON, as anyone reads them without signing in: residents'
 * names, phones and words never in them (the demo county's cases and booking, and some seeded
 * here), the deputies' public details always; a phone and a laptop in Chromium with axe-core; the
 * station's page printed on A4 without the web's chrome; the public JSON as what reads it today
 * expects it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicDisclosureBrowserTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  /** What staff publish of the seeded opinion: the problem in general terms and the result. */
  private static final String SUMMARY = "反映小区楼下井盖松动，镇建设办已加固。";

  /** The demo script's way of reading the station's opinion link (liaison, demo). */
  private static final Pattern DEMO_SCRIPT_SED =
      Pattern.compile(".*\"opinionUrl\" *: *\"([^\"]*)\".*");

  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private Chromium chromium;
  private StaffClient anyone;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    hub =
        RunningHub.start(
            dir,
            Map.of(
                "hub.opinions.client-ip-header", "X-Forwarded-For",
                "hub.opinions.per-ip", 100,
                "hub.opinions.per-token", 100));
    chromium = Chromium.launch();
    anyone = StaffClient.anonymous(hub);
    seedResidentsAtS001();
    await().until(() -> json.readTree(get("/api/public/stations/s-001")).path("ready").asBoolean());
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  /** Opinions with names, phones and words, and a booking, at s-001: none of it is public. */
  private void seedResidentsAtS001() throws Exception {
    String token =
        hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
    Resident resident = new Resident(hub, "10.9.8.7");
    HttpResponse<String> sent =
        resident.submit(
            token,
            List.of(
                Field.text("category", "URBAN_RURAL"),
                Field.text("text", "我家楼下井盖松动，隔壁欧阳大爷昨晚差点摔倒"),
                Field.text("name", "欧阳娜娜"),
                Field.text("phone", "13912345678"),
                Field.text("consent", "yes")));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    // Staff answer it with a summary for the public: the one thing of the case a public page shows.
    String id =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM opinion_case WHERE text LIKE '%井盖松动%'")
                        .mapTo(String.class)
                        .one());
    StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    for (var step :
        List.of(
            Map.entry("register", Map.of("category", "URBAN_RURAL", "summary", "井盖松动")),
            Map.entry(
                "answer",
                Map.of("text", "您好，井盖已由镇建设办固定。", "publicSummary", SUMMARY, "publish", true)))) {
      HttpResponse<String> done =
          admin.api(
              "POST",
              "/api/cases/" + id + "/" + step.getKey(),
              json.writeValueAsString(step.getValue()));
      assertThat(done.statusCode()).as(done.body()).isBetween(200, 299);
    }
    String slot =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT id FROM reception_slot WHERE station_id = 's-001'"
                                + " AND capacity IS NOT NULL AND status = 'ANNOUNCED'"
                                + " AND slot_date > :today ORDER BY slot_date LIMIT 1")
                        .bind("today", TODAY.toString())
                        .mapTo(String.class)
                        .one());
    HttpResponse<String> booked =
        anyone.postForm(
            "/b/" + token,
            List.of(
                Map.entry("slotId", slot),
                Map.entry("name", "司马秀英"),
                Map.entry("phone", "13698765432"),
                Map.entry("partySize", "1"),
                Map.entry("topic", "想反映菜市场门口占道经营")));
    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(303);
  }

  /** Every resident's name, phone (whole and masked) and words the hub holds. */
  private List<String> personalData() {
    List<String> words = new ArrayList<>();
    hub.bean(Database.class)
        .useHandle(
            h -> {
              h.createQuery("SELECT name, phone FROM case_contact")
                  .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2)))
                  .forEach(p -> addPerson(words, p.get(0), p.get(1)));
              h.createQuery("SELECT name, phone, topic FROM reception_booking")
                  .map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                  .forEach(
                      b -> {
                        addPerson(words, b.get(0), b.get(1));
                        words.add(b.get(2));
                      });
              words.addAll(
                  h.createQuery("SELECT text FROM opinion_case").mapTo(String.class).list());
            });
    words.removeIf(w -> w == null || w.isBlank());
    assertThat(words)
        .as("the seeded residents are among them")
        .contains(
            "欧阳娜娜",
            "13912345678",
            "139****5678",
            "司马秀英",
            "136****5432",
            "想反映菜市场门口占道经营",
            "我家楼下井盖松动，隔壁欧阳大爷昨晚差点摔倒");
    return words;
  }

  private static void addPerson(List<String> words, String name, String phone) {
    words.add(name);
    words.add(phone);
    words.add(Masks.phone(phone));
  }

  @Test
  void shouldShowDeputiesPublicDetailsAndNoResidentsDataOnEitherPageOrInThePublicJson()
      throws Exception {
    List<String> pages =
        List.of(
            get("/public/stations/s-001"),
            get("/public"),
            get("/api/public/stations/s-001"),
            get("/api/public/stations"),
            get("/api/public/stations/s-001/plan"),
            get("/api/public/stations/s-001/results"),
            get(
                "/api/public/stations/s-001/results?category=URBAN_RURAL&month="
                    + TODAY.toString().substring(0, 7)));
    List<String> personal = personalData();
    for (String page : pages) {
      for (String word : personal) {
        assertThat(page).as("a resident's «%s» in a public answer", word).doesNotContain(word);
      }
    }
    String station = pages.getFirst();
    // 陈秀兰 made her phone public, 黄志强 did not.
    assertThat(station)
        .contains("陈秀兰", "省人大代表", "社区卫生服务中心主任", "城关镇第一选区", "0771-5551234")
        .contains("黄志强")
        .doesNotContain("13800001111", "138****1111");
    assertThat(station)
        .as("the basic information, the year's plan and the place kept for the results")
        .contains("城关镇人大代表之家", "青溪县城关镇人民路18号镇政府一楼东侧", "周一至周五 8:30—12:00，14:30—17:30")
        .contains(TODAY.getYear() + " 年度活动计划", "老旧小区改造和加装电梯项目视察", "视察")
        .as("the handling results with the published summary")
        .contains("意见办理情况", SUMMARY);
    JsonNode results = json.readTree(pages.get(5));
    assertThat(results.path("summaries").path(0).path("text").asText()).isEqualTo(SUMMARY);
    assertThat(results.path("summaries").path(0).path("categoryZh").asText()).isEqualTo("城乡建设");
    assertThat(results.path("month").path("answered").asInt())
        .as("this month's figures count the answered opinion")
        .isPositive();
    assertThat(results.path("summaries").path(0).has("caseId")).isFalse();
    assertThat(json.readTree(pages.get(6)).path("total").asInt()).isEqualTo(1);
    assertThat(
            json.readTree(get("/api/public/stations/s-001/results?category=TRANSPORT"))
                .path("total")
                .asInt())
        .as("another category's summaries")
        .isZero();
    assertThat(anyone.get("/api/public/stations/s-001/results?month=2026-13").statusCode())
        .isEqualTo(400);
    assertThat(pages.get(1))
        .contains("青溪县", "城关镇", "白沙镇", "href=\"/public/stations/s-002\"")
        .contains("意见办理情况", "合计", SUMMARY);
  }

  @Test
  void shouldKeepEveryFieldThePublicStationJsonHadAndAddTheDisclosure() throws Exception {
    String body = get("/api/public/stations/s-001");
    JsonNode station = json.readTree(body);
    String token =
        hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();

    assertThat(station.path("id").asText()).isEqualTo("s-001");
    assertThat(station.path("name").asText()).isEqualTo("城关镇人大代表之家");
    assertThat(station.path("opinionUrl").asText()).endsWith("/o/" + token);
    Matcher sed = DEMO_SCRIPT_SED.matcher(body);
    assertThat(sed.matches()).as("the demo script's sed finds the link in %s", body).isTrue();
    assertThat(sed.group(1)).isEqualTo(station.path("opinionUrl").asText());
    assertThat(station.path("kindZh").asText()).isEqualTo("人大代表之家");
    assertThat(station.path("publicUrl").asText()).endsWith("/public/stations/s-001");
    assertThat(station.path("deputies").findValuesAsText("name")).contains("陈秀兰", "黄志强");
    assertThat(station.path("receptions").size()).isPositive();

    JsonNode plan = json.readTree(get("/api/public/stations/s-001/plan?year=" + TODAY.getYear()));
    assertThat(plan.path("activities").findValuesAsText("theme")).contains("城区停车难问题专题调研");
    assertThat(plan.path("activities").findValuesAsText("kindZh")).contains("调研", "培训");
    assertThat(
            json.readTree(get("/api/public/stations/s-001/plan?year=" + (TODAY.getYear() - 5)))
                .path("activities")
                .size())
        .isZero();
    assertThat(json.readTree(get("/api/public/stations")).findValuesAsText("id"))
        .contains("s-001", "s-002", "s-003");
    assertThat(json.readTree(get("/api/public/stations?county=c-qingxi")).size()).isEqualTo(3);
  }

  @Test
  void shouldAnswerAnUnknownStationWithTheFriendlyNotFoundPageAndABadYearWithA400() {
    HttpResponse<String> page = anyone.get("/public/stations/s-999");
    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body())
        .contains("未找到该联络站", "This station does not exist")
        .doesNotContain("Exception", "s-999");
    assertThat(anyone.get("/api/public/stations/s-999").statusCode()).isEqualTo(404);
    assertThat(anyone.get("/api/public/stations?county=c-nowhere").statusCode()).isEqualTo(404);
    HttpResponse<String> badYear = anyone.get("/public/stations/s-001?year=twenty");
    assertThat(badYear.statusCode()).isEqualTo(400);
    assertThat(badYear.body()).contains("年份须为", "The year must be").doesNotContain("Exception");
  }

  @Test
  void shouldFitAPhoneAndALaptopWithoutAccessibilityViolations() {
    for (String path : List.of("/public/stations/s-001", "/public")) {
      String name = path.equals("/public") ? "public-county" : "public-station";
      Page phone = chromium.phone();
      Response answer = phone.navigate(hub.url(path).toString());
      assertThat(answer.status()).isEqualTo(200);
      Chromium.screenshot(phone, name + "-390x844");
      Screens.checkLayout(phone);
      assertThat(Axe.violations(phone)).as("axe-core on %s at 390×844", path).isEmpty();
      Page laptop = chromium.laptop();
      laptop.navigate(hub.url(path).toString());
      Chromium.screenshot(laptop, name + "-1366x768");
      assertThat(Axe.violations(laptop)).as("axe-core on %s at 1366×768", path).isEmpty();
    }
    // The station's QR page leads to its public page.
    Page phone = chromium.phone();
    String token =
        hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
    phone.navigate(hub.url("/o/" + token).toString());
    phone.locator("a[href='/public/stations/s-001']").click();
    phone.waitForURL(url -> url.endsWith("/public/stations/s-001"));
    assertThat(phone.locator("h1").innerText()).isEqualTo("城关镇人大代表之家");
  }

  @Test
  void shouldPrintTheStationPageOnA4WithoutTheWebsNavigation() throws Exception {
    Page page = chromium.laptop();
    page.navigate(hub.url("/public/stations/s-001").toString());
    Path pdf = Chromium.SCREENS.resolve("public-station-print.pdf");
    page.pdf(new Page.PdfOptions().setPath(pdf).setPreferCSSPageSize(true));

    String info = Poppler.run("pdfinfo", pdf.toString());
    assertThat(info).containsPattern("Page size:.*\\(A4\\)");
    String text = Poppler.run("pdftotext", "-layout", pdf.toString(), "-");
    assertThat(text).contains("城关镇人大代表之家", "陈秀兰", "年度活动计划", "近期接待安排");
    assertThat(text)
        .as("the language switch, the way back to all stations, the year switch and the links")
        .doesNotContain("English", "全部联络站", "选择年份", "在线提交意见建议", "预约代表接待");
  }

  private String get(String path) {
    HttpResponse<String> answer = anyone.get(path);
    assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(200);
    return answer.body();
  }
}
