package liaison.hub.dutyrecord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.browser.Poppler;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo deputy's duty record (陈秀兰, d-0001) through the real server: the PDF as staff and as the
 * deputy herself, checked by command as a reader's tools see it (pdftotext finds her name and every
 * aspect of this year's list, pdffonts shows the CJK font embedded, pdfinfo counts the pages the
 * footer names), with no resident's name or phone in it, and page 1 drawn by pdftoppm into {@code
 * target/screens/duty-record-pdf-1.png} to be looked at; the record as JSON; a bad year answered
 * 400 in both languages. Pages and their PDFs take a signed-in session; the API takes HTTP Basic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DutyRecordPdfTest {
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private Path dir;

  @BeforeAll
  void start(@TempDir Path dir) {
    this.dir = dir;
    hub = RunningHub.start(dir.resolve("hub"));
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldPrintTheRecordWithItsNameEveryAspectAndTheFontEmbedded() throws Exception {
    HttpResponse<byte[]> answer =
        StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD)
            .download("/admin/deputies/d-0001/record.pdf");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
    Path pdf = dir.resolve("record.pdf");
    Files.write(pdf, answer.body());

    String text = Poppler.run("pdftotext", "-layout", pdf.toString(), "-");
    assertThat(text).contains("陈秀兰", "青溪县", "代表履职档案", "城关镇人大代表之家");
    List<String> aspects = activeAspects();
    assertThat(aspects).hasSize(16);
    // pdftotext may break a long name at the end of a line: compared without the spaces.
    String joined = text.replaceAll("\\s+", "");
    for (String aspect : aspects) {
      assertThat(joined).as("the aspect %s", aspect).contains(aspect);
    }
    // What the demo wrote in her year: a meeting, a note of the staff's.
    assertThat(joined).contains("列席县人大常委会第二十三次会议", "所在单位支持每月参加一次进站接待");
    for (String resident : residentsContacts()) {
      assertThat(text).as("a resident's name or phone").doesNotContain(resident);
    }

    String fonts = Poppler.run("pdffonts", pdf.toString());
    List<String> faces = fonts.lines().skip(2).filter(l -> !l.isBlank()).toList();
    assertThat(faces).isNotEmpty();
    for (String face : faces) {
      // name, type, encoding, emb, sub, uni, object ID (two numbers): "emb" is fifth from the
      // right.
      String[] columns = face.trim().split("\\s+");
      assertThat(columns[columns.length - 5]).as("embedded: %s", face).isEqualTo("yes");
      assertThat(face).contains("CJK");
    }

    String info = Poppler.run("pdfinfo", pdf.toString());
    String pages =
        info.lines()
            .filter(l -> l.startsWith("Pages:"))
            .findFirst()
            .orElseThrow()
            .replaceAll("\\D", "");
    assertThat(Integer.parseInt(pages)).isGreaterThan(1);
    assertThat(joined).contains("第1页/共" + pages + "页", "第" + pages + "页/共" + pages + "页");

    Path screens = Path.of("target", "screens");
    Files.createDirectories(screens);
    Poppler.run(
        "pdftoppm",
        "-png",
        "-r",
        "80",
        "-f",
        "1",
        "-l",
        "2",
        pdf.toString(),
        screens.resolve("duty-record-pdf").toString());
    assertThat(screens.resolve("duty-record-pdf-1.png")).exists();
  }

  @Test
  void shouldGiveTheDeputyHerOwnRecordAndNoOneElses() throws Exception {
    StaffClient deputy = StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD);

    HttpResponse<byte[]> own = deputy.download("/me/record.pdf");
    assertThat(own.statusCode()).isEqualTo(200);
    Path pdf = dir.resolve("own.pdf");
    Files.write(pdf, own.body());
    assertThat(Poppler.run("pdftotext", pdf.toString(), "-")).contains("陈秀兰");

    assertThat(deputy.download("/admin/deputies/d-0002/record.pdf").statusCode())
        .as("a deputy at the same station")
        .isEqualTo(403);
    HttpResponse<String> json = deputy.api("GET", "/api/deputies/d-0001/record", null);
    assertThat(json.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldAnswerTheRecordAsJsonAndABadYearInBothLanguages() throws Exception {
    StaffClient api = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);

    HttpResponse<String> answer = api.api("GET", "/api/deputies/d-0001/record", null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode record = json.readTree(answer.body());
    assertThat(record.get("deputyName").asText()).isEqualTo("陈秀兰");
    assertThat(record.get("sections")).hasSize(16);
    JsonNode meetings = record.get("sections").get(0);
    assertThat(meetings.get("nameZh").asText()).isEqualTo("参加会议");
    assertThat(meetings.get("source").asText()).isEqualTo("MEETINGS");
    assertThat(meetings.get("lines").get(0).get("what").get("zh").asText())
        .isEqualTo("列席县人大常委会第二十三次会议（3 分）");
    assertThat(meetings.get("lines").get(0).get("what").get("en").asText())
        .isEqualTo("列席县人大常委会第二十三次会议 (points: 3)");

    HttpResponse<String> bad = api.api("GET", "/api/deputies/d-0001/record?year=20x6", null);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("年度「20x6」不对", "The year \\\"20x6\\\" is not valid");
  }

  private List<String> activeAspects() {
    return hub.bean(Database.class)
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT name_zh FROM duty_aspect WHERE county_id = :c"
                            + " AND retired_from IS NULL ORDER BY position")
                    .bind("c", DemoCounty.COUNTY)
                    .mapTo(String.class)
                    .list());
  }

  /** Every name and phone residents left with the demo's opinions and bookings. */
  private List<String> residentsContacts() {
    return hub.bean(Database.class)
        .withHandle(
            h ->
                h
                    .createQuery(
                        "SELECT name FROM case_contact UNION SELECT phone FROM case_contact"
                            + " UNION SELECT name FROM reception_booking"
                            + " UNION SELECT phone FROM reception_booking")
                    .mapTo(String.class)
                    .list()
                    .stream()
                    .filter(s -> s != null && s.length() >= 2)
                    .toList());
  }
}
