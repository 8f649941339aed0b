package liaison.hub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import liaison.hub.RunningHub;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.notify.Notification;
import liaison.hub.notify.Outbox;
import liaison.hub.notify.SmsStops;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every page the hub renders, found in its router, not in a list someone must remember: each GET
 * route that answers HTML is opened with the demo county's records, as the county administrator
 * (the staff's pages), a department or a deputy on a laptop at 1366×768, on a phone at 390×844 and
 * on a phone at 390×844 in English; or as a resident (the public pages) on a phone in Chinese and
 * in English. One hub and one browser serve the whole sweep.
 *
 * <p>What is checked where. Every page at every size and language: its status, its {@code lang},
 * the hub's internal names in what a person reads ({@link InternalNames}, which reads the words, so
 * it runs in each language), and on a phone its width against the screen (the layout check over
 * every rendered page, in both languages since English words are longer). Those are cheap. The two
 * dear ones, which a repeat cannot make find more:
 *
 * <ul>
 *   <li><b>axe-core</b> (WCAG 2.1 A and AA) once per page per language, on two different layouts:
 *       the laptop in Chinese and the phone in English; a resident's page, which has no laptop run,
 *       on the phone in both. Most of its rules read the document, not the layout (names, labels,
 *       roles, {@code lang}, contrast of a text's colours), and those differ between the languages,
 *       not between a laptop and a phone showing the same language; the few that read the layout
 *       (an element shown or hidden by a media query, a scrollable region, a text's background
 *       where boxes overlap) see the phone's CSS in the English run. The Chinese phone's run
 *       repeated both halves and is left out: a fault only it could see would need the phone's CSS
 *       and the Chinese words at once, and the widths check, on that run too, holds what the words
 *       do to the phone's layout.
 *   <li><b>The screenshot</b> {@code target/screens/page-…-<laptop|phone|phone-en>.png}, for a
 *       person to judge by looking (a photograph finds nothing by itself): every page on the laptop
 *       and on the phone, every resident's page in English too, and a staff, department or deputy
 *       page in English once per kind ({@link #firstOfEachKind}: the list of a section stands for
 *       its record pages, which share its frame, menu and table styles). A wider English word on
 *       any page is the widths check's, which runs on all of them.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageBrowserTest {
  /** Pages a person sees before signing in, photographed signed out. */
  private static final List<String> SIGNED_OUT = List.of("/", "/login");

  private RunningHub hub;
  private Chromium chromium;
  private Page laptop;
  private Page phone;
  private Page residentPhone;
  private Page englishPhone;
  private Page englishResidentPhone;
  private Page departmentLaptop;
  private Page departmentPhone;
  private Page englishDepartmentPhone;
  private Page deputyLaptop;
  private Page deputyPhone;
  private Page englishDeputyPhone;
  private final Map<String, String> records = new LinkedHashMap<>();

  @BeforeAll
  void start(@TempDir Path dir) throws java.io.IOException {
    // The contact sheet tiles what this sweep photographs: an earlier sweep's English PNG of a page
    // no longer photographed in English would show there as if it were today's.
    if (java.nio.file.Files.isDirectory(Chromium.SCREENS)) {
      try (Stream<Path> old = java.nio.file.Files.list(Chromium.SCREENS)) {
        for (Path png : old.filter(p -> p.getFileName().toString().startsWith("page-")).toList()) {
          java.nio.file.Files.delete(png);
        }
      }
    }
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
    laptop = chromium.laptop();
    phone = chromium.phone();
    residentPhone = chromium.phone();
    logIn(laptop);
    logIn(phone);
    englishPhone = chromium.phone();
    logIn(englishPhone);
    english(englishPhone);
    englishResidentPhone = chromium.phone();
    english(englishResidentPhone);
    // 县交通运输局's account (承办单位) for the department's desk.
    departmentLaptop = chromium.laptop();
    logIn(departmentLaptop, DEPARTMENT);
    departmentPhone = chromium.phone();
    logIn(departmentPhone, DEPARTMENT);
    englishDepartmentPhone = chromium.phone();
    logIn(englishDepartmentPhone, DEPARTMENT);
    english(englishDepartmentPhone);
    // 陈秀兰's deputy account for her own pages (我的).
    deputyLaptop = chromium.laptop();
    logIn(deputyLaptop, DEPUTY);
    deputyPhone = chromium.phone();
    logIn(deputyPhone, DEPUTY);
    englishDeputyPhone = chromium.phone();
    logIn(englishDeputyPhone, DEPUTY);
    english(englishDeputyPhone);
    demoRecords();
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
    // The sweep's pages on one sheet; docs/screens/ keeps a copy (docs/SCREENS.md).
    long bytes =
        WebContactSheet.write(Chromium.SCREENS, Chromium.SCREENS.resolve("web-contact-sheet.jpg"));
    assertThat(bytes)
        .as("the web's contact sheet, in bytes")
        .isLessThan(WebContactSheet.budget(Chromium.SCREENS));
  }

  /** The department whose desk the sweep opens: 县交通运输局, with the demo's escalated case. */
  private static final String DEPARTMENT = "jiaotong";

  /**
   * The deputy whose own pages the sweep opens: 陈秀兰, with a message left through her QR link and
   * the demo's suggestions.
   */
  private static final String DEPUTY = "chenxl";

  private void logIn(Page page) {
    logIn(page, "admin");
  }

  private void logIn(Page page, String username) {
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    page.waitForURL(url -> !url.contains("/login"));
  }

  /** Chooses English as a person does, with the switch every page links to (a cookie). */
  private void english(Page page) {
    Response response = page.navigate(hub.url("/lang/en?next=/t").toString());
    assertThat(response.status()).as("the language switch").isEqualTo(200);
    assertThat(page.locator("html").getAttribute("lang"))
        .as("the page after the switch")
        .isEqualTo("en");
  }

  /** The demo county's records a page's address names, each with something to show. */
  private void demoRecords() {
    Database db = hub.bean(Database.class);
    records.put("station", "s-001");
    records.put("deputy", "d-0001");
    records.put("reception", "r-0001");
    records.put("rule", "rr-0001");
    records.put("notice", "n-0001");
    records.put("activity", "pa-0001");
    // A case that went the whole way: registered, forwarded, answered, rated.
    records.put("case", "case-demo0009");
    records.put("department", "dep-housing");
    // A station bundle, so 站点软件 shows its table.
    liaison.hub.security.Staff countyAdmin =
        new liaison.hub.security.Staff(
            "u-admin",
            "admin",
            "县管理员",
            liaison.hub.security.Role.COUNTY_ADMIN,
            DemoCounty.COUNTY,
            null,
            java.util.Set.of());
    // The county's shortlist put to the vote and open: the deputies' ballot page.
    liaison.hub.livelihood.ShortlistFixture.shortlisted(
        db,
        "lr-pages-vote",
        liaison.hub.demo.DemoCounty.COUNTY,
        null,
        "2028年度青溪县民生实事项目",
        List.of("县城老旧小区雨污分流改造", "白沙镇中心小学食堂改扩建及周边道路交通组织优化"));
    liaison.hub.livelihood.LivelihoodVote vote =
        hub.bean(liaison.hub.livelihood.LivelihoodVote.class);
    String voteSession =
        vote.plan(
                countyAdmin,
                "lr-pages-vote",
                new liaison.hub.livelihood.LivelihoodVote.Draft(
                    "青溪县第十八届人民代表大会第五次会议", "2027-01-10", "1", "", ""))
            .session()
            .id();
    vote.open(countyAdmin, voteSession);
    records.put("voteSession", voteSession);
    hub.bean(liaison.hub.software.StationBundles.class)
        .upload(
            countyAdmin,
            new java.io.ByteArrayInputStream(
                liaison.hub.software.TestBundles.bundle("0.2.0", "linux-aarch64").tarGz()));
    // Rolled out to the county, and rolled back at its first station: 站点软件 shows the stages,
    // the reason and the actions, 设备状态 the station's update.
    liaison.hub.software.SoftwareRollouts rollouts =
        hub.bean(liaison.hub.software.SoftwareRollouts.class);
    rollouts.start(
        countyAdmin,
        new liaison.hub.software.SoftwareRollouts.Draft(
            "0.2.0", liaison.hub.software.SoftwareRollouts.Scope.COUNTY, ""));
    liaison.hub.software.UpdateReportIngest reports =
        hub.bean(liaison.hub.software.UpdateReportIngest.class);
    try {
      var rolledBack =
          reports.read(
              "s-001",
              new liaison.signage.protocol.StationEvent(
                  java.util.UUID.randomUUID(),
                  liaison.hub.software.UpdateReportIngest.EVENT_TYPE,
                  java.time.OffsetDateTime.now(),
                  Map.of(
                      "version", "0.2.0",
                      "outcome", "rolled-back",
                      "reason", "starts")));
      db.useTransaction(h -> reports.store(h, List.of(rolledBack)));
    } catch (liaison.hub.ingest.EventProjection.RefusedEvent e) {
      throw new AssertionError(e);
    }
    // The outbox with a message about that case and one given up, so the case page's 通知记录, the
    // administrators' list with its 重新发送 button and the home page's warning are photographed.
    Outbox outbox = hub.bean(Outbox.class);
    db.useTransaction(
        h -> {
          outbox.enqueue(
              h,
              Notification.email(
                      DemoCounty.COUNTY,
                      "weijian@example.cn",
                      "case-forwarded",
                      "【交办】社区卫生服务站周末不开门",
                      "")
                  .aboutCase("case-demo0009"));
          outbox.enqueue(
              h,
              Notification.email(
                      DemoCounty.COUNTY, "old-address@example.cn", "case-overdue", "【已超期】", "")
                  .aboutCase("case-demo0009")
                  .once("sweep:given-up"));
          h.execute(
              "UPDATE notification SET status = 'GIVEN_UP', attempts = 6, last_error ="
                  + " '550 5.1.1 mailbox unavailable' WHERE once_key = 'sweep:given-up'");
        });
    // On 县交通运输局's desk: overdue and escalated (督办), so every mark of the inbox shows.
    records.put("departmentCase", liaison.hub.demo.DemoCases.ESCALATED_CASE);
    // A county round decided by the vote, supervision under way and its ratings open (issue 21):
    // the staff's supervise pages, the department's and the deputy's, the public page's progress.
    liaison.hub.livelihood.ElectedFixture.Decided elected =
        liaison.hub.livelihood.ElectedFixture.decided(
            db, "sweep", java.time.Year.now().getValue(), "");
    liaison.hub.livelihood.ElectedFixture.underway(db, elected, true);
    records.put("electedRound", elected.round());
    records.put("electedProject", elected.transport());
    records.put("bookingCode", "B-DEMX-7Q4K");
    records.put(
        "bookedReception",
        db.withHandle(
            h ->
                h.createQuery("SELECT slot_id FROM reception_booking WHERE id = 'b-demo000001'")
                    .mapTo(String.class)
                    .one()));
    records.put(
        "token",
        db.withHandle(
            h ->
                h.createQuery("SELECT public_token FROM station WHERE id = 's-001'")
                    .mapTo(String.class)
                    .one()));
    // A number's SMS stop link, as the first message to it makes one.
    records.put(
        "smsStop",
        db.inTransaction(h -> hub.bean(SmsStops.class).link(h, "13800001234"))
            .substring("n/".length()));
    records.put(
        "tracking",
        db.withHandle(
            h ->
                h.createQuery("SELECT tracking_code FROM opinion_case WHERE id = :id")
                    .bind("id", records.get("case"))
                    .mapTo(String.class)
                    .one()));
  }

  /** The router's GET routes that answer HTML, by their templates. */
  private List<String> htmlPages() {
    TreeSet<String> templates = new TreeSet<>();
    for (UriRouteInfo<?, ?> r : hub.bean(Router.class).uriRoutes().toList()) {
      if (r.getHttpMethodName().equals("GET")
          && r.getProduces().stream().anyMatch(MediaType.TEXT_HTML_TYPE::matches)) {
        templates.add(r.getUriMatchTemplate().toPathString());
      }
    }
    return List.copyOf(templates);
  }

  private static boolean staffPage(String template) {
    return template.startsWith("/admin") || SIGNED_OUT.contains(template);
  }

  /** A deputy's own pages (我的), opened as a deputy's account. */
  private static boolean deputyPage(String template) {
    return template.equals("/me") || template.startsWith("/me/");
  }

  /** A department's desk (承办单位), opened as a department's account. */
  private static boolean departmentPage(String template) {
    return template.equals("/dept") || template.startsWith("/dept/");
  }

  /** The address of a page: its variables filled with the demo's records, and any query needed. */
  private String address(String template) {
    Matcher m = Pattern.compile("([^/{}]+)/\\{([^}]+)}").matcher(template);
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      String value =
          switch (m.group(1) + "/" + m.group(2)) {
            case "stations/id", "stations/stationId", "fleet/id" -> records.get("station");
            case "deputies/id" -> records.get("deputy");
            case "receptions/id" ->
                template.endsWith("/bookings")
                    ? records.get("bookedReception")
                    : records.get("reception");
            case "rules/id" -> records.get("rule");
            case "notices/id" -> records.get("notice");
            case "slides/id" -> liaison.hub.demo.DemoMedia.POSTER_SLIDE;
            case "activities/id" -> records.get("activity");
            case "cases/id" ->
                template.startsWith("/dept") ? records.get("departmentCase") : records.get("case");
            case "departments/id" -> records.get("department");
            case "suggestions/id" ->
                template.startsWith("/dept")
                    ? liaison.hub.demo.DemoSuggestions.WAITING
                    : liaison.hub.demo.DemoSuggestions.REPLIED;
            case "o/token", "b/token", "l/token" -> records.get("token");
            case "livelihood/id" ->
                template.contains("/supervise")
                    ? records.get("electedRound")
                    // The county's vote under way: its facts, steps and live counts.
                    : template.endsWith("/vote")
                        ? "lr-pages-vote"
                        : liaison.hub.demo.DemoLivelihood.TOWNSHIP_ROUND;
            case "supervise/projectId", "livelihood/projectId" -> records.get("electedProject");
            case "projects/projectId" -> liaison.hub.demo.DemoShortlist.DRAFT_PROJECT;
            case "n/token" -> records.get("smsStop");
            case "t/code" -> records.get("tracking");
            case "booked/code" -> records.get("bookingCode");
            // The staff see last month's result with the voters' words; voters the vote under way.
            case "reports/id" -> "vr-demo000001";
            case "r/id" -> liaison.hub.demo.DemoReports.OPEN_REPORT;
            case "lv/id" -> records.get("voteSession");
            default ->
                throw new IllegalStateException(
                    "no demo record for {" + m.group(2) + "} in " + template + ": add one here");
          };
      m.appendReplacement(path, Matcher.quoteReplacement(m.group(1) + "/" + value));
    }
    m.appendTail(path);
    String query =
        switch (template) {
          case "/admin/receptions/new" -> "?station=s-001&date=" + today();
          case "/admin/rules/new" -> "?station=s-001";
          // From the library's link: the demo's poster chosen, its preview shown.
          case "/admin/media/slides/new" -> "?item=" + liaison.hub.demo.DemoMedia.POSTER_ITEM;
          // A scan with a code long expired: the refusal page, in words (422).
          case "/me/sign-in" -> "?r=" + records.get("reception") + "&c=expired000";
          default -> "";
        };
    return path + query;
  }

  private static String today() {
    return java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
  }

  @TestFactory
  Stream<DynamicTest> everyStaffPageOnALaptopAndAPhone() {
    List<String> pages = htmlPages().stream().filter(EveryPageBrowserTest::staffPage).toList();
    assertThat(pages).as("the staff's pages in the router").contains("/admin", "/login");
    Set<String> photographedInEnglish = firstOfEachKind(pages);
    List<DynamicTest> tests = new ArrayList<>();
    for (String template : pages) {
      boolean signedOut = SIGNED_OUT.contains(template);
      tests.add(
          DynamicTest.dynamicTest(
              template + " at 1366×768",
              () ->
                  check(
                      signedOut ? chromium.laptop() : laptop, template, LAPTOP, WITH_AXE, PHOTO)));
      tests.add(
          DynamicTest.dynamicTest(
              template + " at 390×844",
              () -> check(signedOut ? chromium.phone() : phone, template, PHONE, NO_AXE, PHOTO)));
      tests.add(
          DynamicTest.dynamicTest(
              template + " at 390×844 in English",
              () ->
                  check(
                      signedOut ? englishSignedOut() : englishPhone,
                      template,
                      ENGLISH_PHONE,
                      WITH_AXE,
                      photographedInEnglish.contains(template))));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyDepartmentPageOnALaptopAndAPhone() {
    List<String> pages = htmlPages().stream().filter(EveryPageBrowserTest::departmentPage).toList();
    assertThat(pages)
        .as("the department's desk in the router")
        .contains("/dept", "/dept/cases/{id}");
    return atEverySize(pages, departmentLaptop, departmentPhone, englishDepartmentPhone);
  }

  @TestFactory
  Stream<DynamicTest> everyDeputysPageOnALaptopAndAPhone() {
    List<String> pages = htmlPages().stream().filter(EveryPageBrowserTest::deputyPage).toList();
    assertThat(pages)
        .as("a deputy's own pages in the router")
        .contains("/me", "/me/sign-in", "/me/suggestions");
    return atEverySize(pages, deputyLaptop, deputyPhone, englishDeputyPhone);
  }

  /**
   * Each page as one account opens it at 1366×768, at 390×844 and at 390×844 in English; axe-core
   * on the laptop and in English, the English phone photographed once per kind of page.
   */
  private Stream<DynamicTest> atEverySize(
      List<String> pages, Page onLaptop, Page onPhone, Page onEnglishPhone) {
    Set<String> photographedInEnglish = firstOfEachKind(pages);
    return pages.stream()
        .flatMap(
            template ->
                Stream.of(
                    DynamicTest.dynamicTest(
                        template + " at 1366×768",
                        () -> check(onLaptop, template, LAPTOP, WITH_AXE, PHOTO)),
                    DynamicTest.dynamicTest(
                        template + " at 390×844",
                        () -> check(onPhone, template, PHONE, NO_AXE, PHOTO)),
                    DynamicTest.dynamicTest(
                        template + " at 390×844 in English",
                        () ->
                            check(
                                onEnglishPhone,
                                template,
                                ENGLISH_PHONE,
                                WITH_AXE,
                                photographedInEnglish.contains(template)))));
  }

  /**
   * The first page of each kind, by address: a kind is a page's first two steps ({@code
   * /admin/stations/{id}/week} is of {@code /admin/stations}), so the list of a section stands for
   * its record pages, which share its frame, menu and table styles.
   */
  private static Set<String> firstOfEachKind(List<String> templates) {
    Map<String, String> first = new LinkedHashMap<>();
    for (String template : templates) {
      String[] steps = template.split("/");
      first.putIfAbsent(steps.length <= 2 ? template : "/" + steps[1] + "/" + steps[2], template);
    }
    return Set.copyOf(first.values());
  }

  /** A fresh phone that has chosen English and signed in to nothing. */
  private Page englishSignedOut() {
    Page page = chromium.phone();
    english(page);
    return page;
  }

  @TestFactory
  Stream<DynamicTest> everyResidentsPageOnAPhone() {
    List<String> pages =
        htmlPages().stream()
            .filter(t -> !staffPage(t) && !departmentPage(t) && !deputyPage(t))
            .toList();
    assertThat(pages).as("the residents' pages in the router").contains("/o/{token}", "/t");
    return pages.stream()
        .flatMap(
            template ->
                Stream.of(
                    DynamicTest.dynamicTest(
                        template + " at 390×844",
                        () -> check(residentPhone, template, PHONE, WITH_AXE, PHOTO)),
                    DynamicTest.dynamicTest(
                        template + " at 390×844 in English",
                        () ->
                            check(
                                englishResidentPhone, template, ENGLISH_PHONE, WITH_AXE, PHOTO))));
  }

  /** A screen the sweep opens pages on: its name in the PNGs' names, a phone's or not, English. */
  private record Look(String name, boolean phone, boolean english) {}

  private static final Look LAPTOP = new Look("laptop", false, false);
  private static final Look PHONE = new Look("phone", true, false);
  private static final Look ENGLISH_PHONE = new Look("phone-en", true, true);
  private static final boolean WITH_AXE = true;
  private static final boolean NO_AXE = false;
  private static final boolean PHOTO = true;

  private void check(Page page, String template, Look look, boolean axe, boolean photo) {
    String address = address(template);
    String size = look.name();
    Response response = page.navigate(hub.url(address).toString());
    // The sign-in's refusal is a page too, answered 422.
    assertThat(response.status())
        .as("%s answers", address)
        .isEqualTo(template.equals("/me/sign-in") ? 422 : 200);
    // The language and the widths in one call into the page: each call is a round trip.
    @SuppressWarnings("unchecked")
    Map<String, Object> layout =
        (Map<String, Object>)
            page.evaluate(
                "() => ({ lang: document.documentElement.getAttribute('lang'),"
                    + " scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth })");
    assertThat(layout.get("lang"))
        .as("the language of %s at %s", address, size)
        .isEqualTo(look.english() ? "en" : "zh-CN");
    if (look.phone()) {
      // A phone's browser widens its layout viewport to a page wider than the screen (innerWidth
      // grows with it), so the page is held to the screen's own width, not to innerWidth.
      int screen = page.viewportSize().width;
      assertThat(((Number) layout.get("scroll")).intValue())
          .as("%s is wider than a %d px phone (sideways scrolling)", address, screen)
          .isLessThanOrEqualTo(screen);
      assertThat(((Number) layout.get("inner")).intValue())
          .as("%s widens the phone's layout viewport", address)
          .isLessThanOrEqualTo(screen);
    }
    if (photo) {
      Chromium.screenshot(page, "page" + slug(template) + "-" + size);
    }
    if (axe) {
      assertThat(Axe.violations(page)).as("axe-core on %s at %s", address, size).isEmpty();
    }
    assertThat(InternalNames.in(page))
        .as("internal names a person reads on %s at %s", address, size)
        .isEmpty();
  }

  /** The search for internal names finds what issue 15 found on the pages, and only that. */
  @Test
  void shouldFindTheHubsOwnNamesInWhatAPersonReadsAndNothingElse() {
    Page page = chromium.laptop();
    page.setContent(
        "<html lang=\"zh-CN\"><title>站点</title><body>"
            + "<p>版面 ROSTER</p><p>DISSATISFIED: 3</p><p>s-002 的屏幕</p>"
            + "<p>liaison.hub.notice.NoticeService</p><p>IllegalStateException</p>"
            + "<button aria-label=\"NOTICE_LONG\">看</button>"
            + "<p>导出 CSV、XLSX 或 PDF，照片 JPEG 或 PNG</p><p>查询码 XZQB-NMNE-CHSM</p>"
            + "<p>编号 <code data-station-id>s-001</code></p><p>Exception dates</p></body></html>");

    assertThat(InternalNames.in(page))
        .extracting(found -> found.replaceAll(" in .*", ""))
        .containsExactly(
            "p: «ROSTER»",
            "p: «DISSATISFIED»",
            "p: «s-002»",
            "p: «liaison.hub.notice.NoticeService»",
            "p: «IllegalStateException»",
            "button[aria-label]: «NOTICE_LONG»");
    page.context().close();
  }

  @Test
  void shouldPrintAWeeksReceptionScheduleAsOneA4PublicNoticeWithoutTheWebsChrome()
      throws Exception {
    String text = printed("/admin/stations/s-001/week", "print-week");
    assertThat(text).contains("接待安排公示", "城关镇人大代表之家", "制表日期");
  }

  @Test
  void shouldPrintANoticeAsOneA4PublicNoticeWithoutTheWebsChrome() throws Exception {
    String text = printed("/admin/notices/n-0001", "print-notice");
    assertThat(text).contains("公告", "城关镇人大代表之家", "青溪县人大常委会代表工作委员会").contains("为进一步密切人大代表同人民群众的联系");
  }

  @Test
  void shouldPrintAReceptionsRecordAsOneA4PageWithoutTheWebsChrome() throws Exception {
    String text = printed("/admin/receptions/r-0001/record", "print-reception-record");
    assertThat(text)
        .contains("接待记录表", "城关镇人大代表之家", "值班代表", "到岗签到", "来访人数", "代表签字", "制表日期")
        .contains("陈秀兰", "未填写");
  }

  @Test
  void shouldPrintTheDashboardAsAOnePageMonthlyReportWithoutTheWebsChrome() throws Exception {
    String month = java.time.YearMonth.parse(today().substring(0, 7)).toString();
    String text = printed("/admin/dashboard?period=month&month=" + month, "print-dashboard");
    assertThat(text)
        .contains("青溪县联络站工作情况", "按意见类别", "按月份", "群众评价", "答复率", "制表日期")
        .contains(Integer.parseInt(month.substring(5)) + "月");
  }

  @Test
  void shouldPreviewANoticeAsTheKioskWillShowItWithTitleAndText() {
    Page page = laptop;
    page.navigate(hub.url("/admin/notices/new").toString());
    page.getByLabel("标题").fill("明日上午停水");
    page.getByLabel("正文").fill("因管网检修，城关镇明日 8:00—12:00 停水，请提前储水。");
    page.getByLabel("级别").selectOption("URGENT");
    page.getByLabel("停止显示").fill(java.time.LocalDate.parse(today()).plusDays(1) + "T18:00");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("预览")).click();

    // An urgent notice: a banner under the plate with the title and the text, as the kiosk has it.
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
            page.locator(".screen-banner"))
        .containsText("明日上午停水：因管网检修");
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
            page.locator(".preview-full"))
        .containsText("请提前储水");
    assertThat(Axe.violations(page)).as("axe-core on the urgent preview").isEmpty();
    Chromium.screenshot(page, "page-admin-notices-preview-urgent-laptop");

    page.getByLabel("级别").selectOption("EMERGENCY");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("预览")).click();
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
            page.locator(".screen-emergency"))
        .containsText("明日上午停水");
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
            page.locator(".screen-emergency"))
        .containsText("请提前储水");
    com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
            page.locator(".screen-banner"))
        .hasCount(0);
    assertThat(Axe.violations(page)).as("axe-core on the emergency preview").isEmpty();
    Chromium.screenshot(page, "page-admin-notices-preview-emergency-laptop");
  }

  /**
   * The page as Chromium prints it (A4, the page's own print rules): the PDF into {@code
   * target/screens/NAME.pdf}, checked to be one page, and its text as pdftotext reads it, checked
   * to hold none of the words of the menu and the bar the page shows on screen.
   */
  private String printed(String address, String name) throws Exception {
    Page page = laptop;
    page.navigate(hub.url(address).toString());
    @SuppressWarnings("unchecked")
    List<String> chrome =
        (List<String>)
            page.evaluate(
                "() => [...document.querySelectorAll('.topbar a, .topbar button, nav.menu a, nav.menu h2, nav.menu summary, main .actions a, main .actions button, .weeknav a')]"
                    + ".map(e => e.textContent.trim()).filter(t => t.length > 0)");
    assertThat(chrome).as("the menu's and the bar's words on %s", address).contains("站点与屏幕", "退出");
    Path pdf = Chromium.SCREENS.resolve(name + ".pdf");
    page.pdf(new Page.PdfOptions().setPath(pdf).setFormat("A4").setPreferCSSPageSize(true));
    String info = Poppler.run("pdfinfo", pdf.toString());
    assertThat(info).as("pdfinfo of %s", address).containsPattern("Pages:\\s+1\\n");
    assertThat(info).as("pdfinfo of %s", address).containsPattern("Page size:.*\\(A4\\)");
    String text = Poppler.run("pdftotext", "-layout", pdf.toString(), "-");
    for (String word : chrome) {
      assertThat(text)
          .as("the printed %s holds the web's word «%s»", address, word)
          .doesNotContain(word);
    }
    return text;
  }

  /** "/admin/stations/{id}/week" → "-admin-stations-id-week". */
  private static String slug(String template) {
    String s = template.replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "-");
    return s.equals("-") ? "-root" : s.replaceAll("-$", "");
  }
}
