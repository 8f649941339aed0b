package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import liaison.hub.RunningHub;
import liaison.hub.dashboard.DashboardFigures;
import liaison.hub.dashboard.DashboardPeriod;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.problem.BadInput;
import liaison.hub.station.StationPlace;
import liaison.hub.station.StationRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The county dashboard in a real Chromium against the real hub: the demo county plus a year of
 * opinions across its three stations, so every chart has something to draw. Charts are counted in
 * their SVG, the CSV downloads are read back against the hub's own figures, the filters and a
 * station manager's narrower view change the figures as they should, and the page works with script
 * off (the tables).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final List<String> CATEGORIES =
      List.of("TRANSPORT", "URBAN_RURAL", "EDUCATION", "HEALTH", "ELDERLY_CARE", "ENVIRONMENT");
  private static final List<String> STATUSES =
      List.of("CLOSED", "CLOSED", "ANSWERED", "FORWARDED", "REGISTERED", "SUBMITTED", "CLOSED");
  private static final List<String> RATINGS =
      List.of("SATISFIED", "SATISFIED", "BASICALLY_SATISFIED", "SATISFIED", "DISSATISFIED");

  private RunningHub hub;
  private Chromium chromium;
  private DashboardFigures figures;
  private LocalDate today;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
    figures = hub.bean(DashboardFigures.class);
    today = LocalDate.now(BEIJING);
    aYearOfOpinions();
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  /** 96 opinions over the last twelve months, spread over stations, categories and states. */
  private void aYearOfOpinions() {
    Database db = hub.bean(Database.class);
    OffsetDateTime now = OffsetDateTime.now(BEIJING).withNano(0);
    List<String> stations = List.of("s-001", "s-001", "s-002", "s-003");
    db.useTransaction(
        h -> {
          for (int i = 0; i < 96; i++) {
            String status = STATUSES.get(i % STATUSES.size());
            OffsetDateTime at = now.minusDays(3 + (i * 37L) % 330).minusHours(i % 7);
            boolean closed = status.equals("CLOSED");
            h.createUpdate(
                    """
                    INSERT INTO opinion_case (id, tracking_code, station_id, category, text, status,
                                              submitted_at, updated_at, rating, rated_at, closed_at)
                    VALUES (:id, :code, :station, :category, '演示意见', :status, :at, :at,
                            :rating, :ratedAt, :closedAt)
                    """)
                .bind("id", "case-dash" + i)
                .bind("code", String.format("DASH-%04d-TEST", i))
                .bind("station", stations.get(i % stations.size()))
                .bind("category", CATEGORIES.get((i * 5 + i / 7) % CATEGORIES.size()))
                .bind("status", status)
                .bind("at", Sql.instant(at))
                .bind("rating", closed ? RATINGS.get(i % RATINGS.size()) : null)
                .bind("ratedAt", closed ? Sql.instant(at.plusDays(2)) : null)
                .bind("closedAt", closed ? Sql.instant(at.plusDays(2)) : null)
                .execute();
          }
        });
  }

  private Page signedIn(Page page, String username) {
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  private List<String> stationsOf(String township) {
    return hub.bean(StationRepository.class).all().stream()
        .filter(p -> township == null || p.station().townshipId().equals(township))
        .map(StationPlace::id)
        .toList();
  }

  private DashboardFigures.Figures expected(DashboardPeriod period, List<String> stations) {
    return figures.figures(stations, period);
  }

  /** A field of the filter, by its name (the charts' regions are named much like its labels). */
  private static Locator field(Page page, String name) {
    return page.locator("form.dash-filters [name=" + name + "]");
  }

  /** A key figure as the page shows it, by its label. */
  private static String tile(Page page, String label) {
    return page.locator(".dash-tile", new Page.LocatorOptions().setHasText(label))
        .locator(".dash-tile-value")
        .innerText()
        .strip();
  }

  /** A chart's table as label → count, in its order. */
  private static Map<String, Long> table(Page page, String chart) {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (Locator row : page.locator("#chart-" + chart + " tbody tr").all()) {
      rows.put(
          row.locator("th").textContent().strip(),
          Long.parseLong(row.locator("td").first().getAttribute("data-value")));
    }
    return rows;
  }

  /** The bars ECharts drew: paths filled with the design system's primary colour. */
  private static int bars(Page page, String chart) {
    return page.locator("#chart-" + chart + " svg path[fill='#1f4e79']").count();
  }

  private static void fitsThePhone(Page page) {
    Map<String, Object> widths = Axe.widths(page);
    assertThat(((Number) widths.get("scroll")).intValue()).isLessThanOrEqualTo(390);
    assertThat(((Number) widths.get("inner")).intValue()).isLessThanOrEqualTo(390);
  }

  @Test
  void shouldSendTheCountyAdministratorToTheDashboardAndDrawEveryChartAsSvg() {
    Page page = signedIn(chromium.laptop(), "admin");
    assertThat(page).hasURL(Pattern.compile(".*/admin/dashboard$"));
    DashboardFigures.Figures f = expected(DashboardPeriod.last12Months(today), stationsOf(null));

    assertThat(page.locator(".dash-chart.drawn svg")).hasCount(6);
    assertThat(tile(page, "收到意见")).isEqualTo(Long.toString(f.received()));
    assertThat(f.received()).as("the demo's and the seeded opinions").isGreaterThan(96);
    assertThat(bars(page, "category")).isEqualTo(f.byCategory().size()).isEqualTo(6 + 3);
    assertThat(bars(page, "status")).isEqualTo(f.byStatus().size());
    assertThat(bars(page, "station")).isEqualTo(3);
    assertThat(bars(page, "township")).isEqualTo(2);
    assertThat(bars(page, "month"))
        .as("a bar for every month with an opinion")
        .isEqualTo((int) f.byMonth().stream().filter(c -> c.count() > 0).count());
    assertThat(table(page, "category").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(f.received());
    // The tables stay for screen readers, out of sight until asked for.
    assertThat(page.locator("#chart-category table")).not().isInViewport();
    assertThat(Axe.violations(page)).as("axe-core on the dashboard").isEmpty();
    Chromium.screenshot(page, "dashboard-county-1366x768");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("显示数据表")).click();
    assertThat(page.locator("#chart-category table")).isVisible();
    assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("隐藏数据表")))
        .isVisible();
    assertThat(Axe.violations(page)).as("axe-core with the tables shown").isEmpty();
    Chromium.screenshot(page, "dashboard-county-tables-1366x768");
  }

  @Test
  void shouldFitAPhoneWithItsChartsDrawn() {
    Page page = signedIn(chromium.phone(), "admin");
    assertThat(page.locator(".dash-chart.drawn svg")).hasCount(6);
    fitsThePhone(page);
    assertThat(page.locator("#chart-category svg").boundingBox().width).isLessThanOrEqualTo(390);
    assertThat(Axe.violations(page)).as("axe-core on the phone").isEmpty();
    Chromium.screenshot(page, "dashboard-county-390x844");
  }

  @Test
  void shouldDownloadEachChartsTableAsCsvThatExcelReadsWithTheHubsFigures() throws IOException {
    Page page = signedIn(chromium.laptop(), "admin");
    DashboardFigures.Figures f = expected(DashboardPeriod.last12Months(today), stationsOf(null));

    List<CSVRecord> categories = download(page, "category");
    assertThat(categories.getFirst().values()).containsExactly("意见类别", "件数", "占比");
    assertThat(categories.subList(1, categories.size()))
        .extracting(r -> r.get(1))
        .containsExactlyElementsOf(
            f.byCategory().stream().map(c -> Long.toString(c.count())).toList());
    Map<String, Long> shown = table(page, "category");
    assertThat(categories.subList(1, categories.size()))
        .extracting(r -> r.get(0))
        .containsExactlyElementsOf(shown.keySet());

    List<CSVRecord> months = download(page, "month");
    assertThat(months).hasSize(1 + 12);
    assertThat(months.subList(1, months.size()))
        .extracting(r -> Long.parseLong(r.get(1)))
        .containsExactlyElementsOf(f.byMonth().stream().map(c -> c.count()).toList());
  }

  /** The chart's CSV as its link downloads it: UTF-8 with a byte-order mark, read as Excel does. */
  private List<CSVRecord> download(Page page, String chart) throws IOException {
    Download download =
        page.waitForDownload(() -> page.locator("#chart-" + chart + " .dash-csv a").click());
    byte[] bytes = Files.readAllBytes(download.path());
    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    assertThat(download.suggestedFilename()).endsWith(".csv");
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    return CSVFormat.EXCEL.parse(new StringReader(text)).getRecords();
  }

  @Test
  void shouldChangeTheFiguresWithTheTownshipAndThePeriodAsBookmarkableAddresses() {
    Page page = signedIn(chromium.laptop(), "admin");
    field(page, "township").selectOption("t-baisha");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查看")).click();
    assertThat(page).hasURL(Pattern.compile(".*township=t-baisha.*"));
    DashboardFigures.Figures baisha =
        expected(DashboardPeriod.last12Months(today), stationsOf("t-baisha"));
    assertThat(tile(page, "收到意见")).isEqualTo(Long.toString(baisha.received()));
    assertThat(table(page, "township")).containsOnlyKeys("白沙镇");
    assertThat(table(page, "station")).containsOnlyKeys("白沙镇桃源村人大代表工作站");

    String month = java.time.YearMonth.from(today).minusMonths(1).toString();
    page.navigate(hub.url("/admin/dashboard?period=month&month=" + month).toString());
    DashboardFigures.Figures last =
        expected(DashboardPeriod.of("month", month, null, null, null, today), stationsOf(null));
    assertThat(tile(page, "收到意见")).isEqualTo(Long.toString(last.received()));
    assertThat(table(page, "category").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(last.received());
    assertThat(field(page, "period")).hasValue("month");
    assertThat(field(page, "month")).hasValue(month);
    // The CSV link carries the same filter.
    assertThat(page.locator("#chart-category .dash-csv a"))
        .hasAttribute("href", "/admin/dashboard/csv/category?period=month&month=" + month);

    // A period that cannot be: refused in both languages, and counted as bad input.
    BadInput badInput = hub.bean(BadInput.class);
    long before = badInput.count("http.request", "dashboard-filter");
    Response refused =
        page.navigate(
            hub.url("/admin/dashboard?period=range&from=2026-03-31&to=2026-03-01").toString());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(page.locator("body")).containsText("结束日期不能早于开始日期");
    assertThat(page.locator("body")).containsText("The end cannot be before the start");
    assertThat(badInput.count("http.request", "dashboard-filter")).isEqualTo(before + 1);
  }

  @Test
  void shouldShowAStationManagerOnlyTheirStations() {
    Page page = signedIn(chromium.laptop(), "chengguan");
    assertThat(page).hasURL(Pattern.compile(".*/admin$"));
    page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("查看数据概览")).click();
    assertThat(page.locator(".dash-chart.drawn svg")).hasCount(6);
    DashboardFigures.Figures mine =
        expected(DashboardPeriod.last12Months(today), List.of("s-001", "s-003"));
    assertThat(tile(page, "收到意见")).isEqualTo(Long.toString(mine.received()));
    assertThat(table(page, "station")).containsOnlyKeys("城关镇人大代表之家", "青溪县政务服务中心人大代表联系点");
    assertThat(field(page, "township").locator("option")).hasCount(2);
    Chromium.screenshot(page, "dashboard-manager-1366x768");
  }

  @Test
  void shouldShowTheTablesWithoutAScript() {
    Page page = chromium.laptopWithoutScript();
    signedIn(page, "admin");
    assertThat(page.locator("svg")).hasCount(0);
    assertThat(page.locator("#chart-category table")).isVisible();
    assertThat(page.locator("#chart-month tbody tr")).hasCount(12);
    Chromium.screenshot(page, "dashboard-noscript-1366x768");
  }
}
