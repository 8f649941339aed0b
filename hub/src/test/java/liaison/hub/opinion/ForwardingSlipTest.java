package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.demo.DemoCounty;
import liaison.hub.poster.PrintedCodes;
import liaison.hub.web.PublicLinks;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The forwarding slip (交办单) through the real server: fetched as staff, read back with PDFBox (its
 * words, and its QR code from page 1 drawn at 150 dpi), with no contact of the resident on it; a
 * department's day in one PDF; who may print; every print in the audit log. Pages are drawn to
 * {@code target/screens/slip-*.png} to be looked at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardingSlipTest {
  private static final String NAME = "王小明";
  private static final String PHONE = "13812341234";

  private RunningHub hub;

  /** Staff pages and their PDFs take a signed-in session; the API takes HTTP Basic. */
  private StaffClient manager;

  private StaffClient admin;
  private StaffClient api;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    manager = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    admin = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    api = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  /** A resident's opinion through the form's service, with their name and phone left. */
  private OpinionCase submitted(String station, String text) {
    return hub.bean(OpinionSubmissions.class)
        .submit(
            new OpinionSubmissions.Address(station, null),
            new OpinionDraft("TRANSPORT", text, List.of(), NAME, PHONE, true, true, false));
  }

  /** Registered with a summary and forwarded to 县交通运输局 through the staff's API. */
  private void forwarded(OpinionCase c, String summary, LocalDate deadline) {
    assertThat(
            api.api(
                    "POST",
                    "/api/cases/" + c.id() + "/register",
                    "{\"category\":\"TRANSPORT\",\"summary\":\"" + summary + "\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            api.api(
                    "POST",
                    "/api/cases/" + c.id() + "/forward",
                    "{\"departmentId\":\"dep-transport\",\"deadline\":\"" + deadline + "\"}")
                .statusCode())
        .isEqualTo(200);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  private static int pages(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }

  /** Each page at 150 dpi under target/screens; returns page 1. */
  private static BufferedImage drawn(byte[] pdf, String name) throws Exception {
    Path screens = Files.createDirectories(Path.of("target", "screens"));
    try (var stale = Files.newDirectoryStream(screens, name + "-p*.png")) {
      for (Path old : stale) {
        Files.delete(old);
      }
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFRenderer renderer = new PDFRenderer(document);
      BufferedImage first = null;
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        BufferedImage page = renderer.renderImageWithDPI(i, 150);
        ImageIO.write(page, "png", screens.resolve(name + "-p" + (i + 1) + ".png").toFile());
        first = first == null ? page : first;
      }
      return first;
    }
  }

  /** All of it, whatever the lines it was wrapped into. */
  private static String joined(String text) {
    return text.replaceAll("\\s+", "");
  }

  @Test
  void shouldPrintASlipTheDepartmentCanActOnWithNoContactOfTheResident() throws Exception {
    OpinionCase c =
        submitted("s-001", "新华路公交站没有遮雨棚，下雨天老人只能淋雨等车。我的电话是" + PHONE + "，我叫" + NAME + "。");
    LocalDate deadline = LocalDate.now().plusDays(20);
    forwarded(c, "新华路公交站缺遮雨棚，请研究增设", deadline);

    HttpResponse<byte[]> answer = manager.download("/admin/cases/" + c.id() + "/slip.pdf");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(answer.headers().firstValue("Content-Disposition"))
        .hasValue("inline; filename=\"slip-" + c.trackingCode() + ".pdf\"");
    byte[] pdf = answer.body();
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    System.out.printf("forwarding slip: %d bytes, %d page(s)%n", pdf.length, pages(pdf));
    assertThat(pdf.length).as("the font is embedded as a subset").isLessThan(600_000);
    assertThat(pages(pdf)).isEqualTo(1);

    String text = text(pdf);
    assertThat(text)
        .contains("人大代表联络站意见交办单")
        .contains("人大常委会代表工作委员会")
        .contains(c.trackingCode())
        .contains("县交通运输局")
        .contains(
            deadline.getYear()
                + "年"
                + deadline.getMonthValue()
                + "月"
                + deadline.getDayOfMonth()
                + "日前")
        .contains("新华路公交站缺遮雨棚")
        .contains("下雨天老人只能淋雨等车")
        .contains("承办单位签收")
        .contains("盖章");
    assertThat(text)
        .as("no contact of the resident, not even typed into their words, no internal id")
        .doesNotContain(PHONE)
        .doesNotContain(NAME)
        .doesNotContain("138****1234")
        .doesNotContain(c.id());
    assertThat(joined(text)).doesNotContain(PHONE);

    drawn(pdf, "slip-" + c.trackingCode());
    // Read at 300 dpi, as a phone's camera sees the printed slip: at the screenshots' 150 dpi a
    // random
    // case id's pattern now and then failed its checksum (a CI run on PostgreSQL).
    BufferedImage page;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      page = new PDFRenderer(document).renderImageWithDPI(0, 300);
    }
    assertThat(PrintedCodes.decode(page))
        .isEqualTo(hub.bean(PublicLinks.class).base() + "/dept/cases/" + c.id())
        .isEqualTo("https://hub.test/dept/cases/" + c.id());

    assertThat(
            hub.bean(AuditLog.class).latest(50, "case").stream()
                .filter(e -> e.action().equals("print-slip") && e.entityId().equals(c.id())))
        .hasSize(1);
  }

  @Test
  void shouldWrapAVeryLongProblemOntoTidyPagesLosingNothing() throws Exception {
    StringBuilder words = new StringBuilder();
    int n = 0;
    while (words.length() < OpinionSubmissions.MAX_TEXT - 40) {
      words.append("第").append(++n).append("处：村道路面坑洼积水，电动车夜里经过容易摔倒，希望尽快修补并加装路灯。");
    }
    String end = "以上共" + n + "处，恳请统筹解决。";
    words.append(end);
    OpinionCase c = submitted("s-001", words.toString());
    forwarded(c, "村道多处坑洼需修补", LocalDate.now().plusDays(15));

    byte[] pdf = manager.download("/admin/cases/" + c.id() + "/slip.pdf").body();

    System.out.printf(
        "forwarding slip, %d characters: %d bytes, %d page(s)%n",
        c.text().length(), pdf.length, pages(pdf));
    assertThat(pages(pdf)).isBetween(1, 2);
    // The words as printed, without the footers that fall between them at a page's end.
    String all = joined(text(pdf)).replaceAll("交办单[A-Z0-9-]+·第\\d+页", "");
    assertThat(all).contains(joined(words.toString())).contains(end).contains("承办单位签收");
    drawn(pdf, "slip-long");
  }

  @Test
  void shouldPrintADepartmentsWholeDayInOnePdfForTheStationsItsStaffLookAfter() throws Exception {
    OpinionCase first = submitted("s-001", "东门路路灯不亮。");
    OpinionCase second = submitted("s-003", "学校门口没有斑马线。");
    forwarded(first, "东门路路灯不亮", LocalDate.now().plusDays(10));
    forwarded(second, "学校门口缺斑马线", LocalDate.now().plusDays(10));

    HttpResponse<byte[]> answer =
        admin.download(
            "/admin/departments/dep-transport/slips.pdf?date=" + hub.bean(CaseInbox.class).today());

    assertThat(answer.statusCode()).isEqualTo(200);
    byte[] pdf = answer.body();
    assertThat(pages(pdf)).isGreaterThanOrEqualTo(2);
    assertThat(text(pdf)).contains(first.trackingCode()).contains(second.trackingCode());
    drawn(pdf, "slip-day");

    // Today when no date is given; another station's manager gets only their stations' cases.
    assertThat(text(manager.download("/admin/departments/dep-transport/slips.pdf").body()))
        .contains(first.trackingCode());
    HttpResponse<byte[]> theirs =
        StaffClient.loggedIn(hub, "baisha", DemoCounty.PASSWORD)
            .download("/admin/departments/dep-transport/slips.pdf");
    if (theirs.statusCode() == 200) {
      assertThat(text(theirs.body())).doesNotContain(first.trackingCode());
    } else {
      assertThat(theirs.statusCode()).isEqualTo(409);
    }
    assertThat(
            admin
                .download("/admin/departments/dep-transport/slips.pdf?date=2020-01-01")
                .statusCode())
        .as("a day with nothing forwarded")
        .isEqualTo(409);
    assertThat(
            admin.download("/admin/departments/dep-transport/slips.pdf?date=tomorrow").statusCode())
        .isEqualTo(400);
    assertThat(admin.download("/admin/departments/dep-nowhere/slips.pdf").statusCode())
        .isEqualTo(404);
  }

  @Test
  void shouldRefuseDeputiesOtherStationsAndCasesNotWithADepartment() {
    OpinionCase c = submitted("s-001", "健身器材坏了。");

    assertThat(manager.download("/admin/cases/" + c.id() + "/slip.pdf").statusCode())
        .as("not forwarded yet")
        .isEqualTo(409);
    forwarded(c, "健身器材损坏", LocalDate.now().plusDays(10));
    assertThat(
            StaffClient.loggedIn(hub, "baisha", DemoCounty.PASSWORD)
                .download("/admin/cases/" + c.id() + "/slip.pdf")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD)
                .download("/admin/cases/" + c.id() + "/slip.pdf")
                .statusCode())
        .isIn(403, 404);
    assertThat(
            StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD)
                .download("/admin/departments/dep-transport/slips.pdf")
                .statusCode())
        .isEqualTo(403);
    assertThat(manager.download("/admin/cases/" + c.id() + "/slip.pdf").statusCode())
        .isEqualTo(200);
    assertThat(manager.get("/admin/cases/" + c.id()).body())
        .contains("/admin/cases/" + c.id() + "/slip.pdf")
        .contains("/admin/departments/dep-transport/slips.pdf")
        .contains("打印交办单");
  }
}
