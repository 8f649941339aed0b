package liaison.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.problem.BadInput;
import liaison.signage.protocol.DeputyLevel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A request the hub cannot read is a 400 that says what is wrong in Chinese and English and names
 * no Java class: an unknown value of a choice in a query (with the allowed values), a form that is
 * not URL-encoded, an upload that is not multipart, an address or route that does not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class BadRequestTest {
  private static final List<String> INTERNALS =
      List.of("com.fasterxml", "java.", "liaison.", "Exception", "io.micronaut", "io.netty");

  private RunningHub hub;
  private StaffClient api;
  private StaffClient browser;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir, Map.of());
    api = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    browser = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/api/deputies?level=FOO, level, NATIONAL",
    "/api/stations?kind=FOO, kind, CONTACT_POINT",
    "/api/cases?status=FOO, status, FORWARDED",
    "/api/cases?category=FOO, category, TRANSPORT",
  })
  void shouldAnswerAnUnknownChoiceInAnApiQueryWith400AndTheAllowedValues(
      String path, String parameter, String oneAllowed) {
    long before = hub.bean(BadInput.class).count("http.request", "unknown-choice");

    HttpResponse<String> answer = api.api("GET", path, null);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body())
        .contains(
            "参数 " + parameter + " 的值“FOO”无效，可选：",
            "unknown value 'FOO' for " + parameter + "; allowed: ",
            oneAllowed)
        .doesNotContain(INTERNALS);
    assertThat(hub.bean(BadInput.class).count("http.request", "unknown-choice"))
        .isEqualTo(before + 1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "/admin/deputies?level=FOO, NATIONAL",
    "/admin/stations?kind=FOO, CONTACT_POINT",
    "/admin/cases?status=FOO, FORWARDED",
    "/admin/cases?category=FOO, TRANSPORT",
    "/admin/notices?priority=FOO, EMERGENCY",
    "/admin/notices?state=FOO, upcoming",
    "/admin/audit?entity=FOO, notice",
    "/admin/ledger/export?format=FOO, xlsx",
    "/lang/FOO, en",
  })
  void shouldAnswerAnUnknownChoiceOnAPageWith400AndTheAllowedValues(
      String path, String oneAllowed) {
    HttpResponse<String> answer = browser.get(path);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body())
        .contains("“FOO”无效", "unknown value &#39;FOO&#39;", oneAllowed)
        .doesNotContain(INTERNALS);
  }

  @Test
  void shouldExplainAQueryOrPathValueThatDoesNotConvertWithoutNamingItsType() {
    ErrorAnswers.Refusal level =
        ErrorAnswers.parameter(Argument.of(DeputyLevel.class, "level"), "FOO");
    ErrorAnswers.Refusal limit = ErrorAnswers.parameter(Argument.of(int.class, "limit"), "abc");
    ErrorAnswers.Refusal day =
        ErrorAnswers.parameter(Argument.of(java.time.LocalDate.class, "date"), "tomorrow");

    assertThat(level.status().getCode()).isEqualTo(400);
    assertThat(level.zh()).contains("参数 level", "NATIONAL", "TOWNSHIP");
    assertThat(level.en()).contains("allowed: NATIONAL");
    assertThat(limit.zh()).contains("参数 limit", "整数");
    assertThat(limit.en()).contains("a whole number");
    assertThat(day.en()).contains("a date or time");
    for (ErrorAnswers.Refusal refusal : List.of(level, limit, day)) {
      assertThat(refusal.zh() + refusal.en())
          .doesNotContain(INTERNALS)
          .doesNotContain("int ", "LocalDate", "DeputyLevel");
    }
  }

  @Test
  void shouldStillFilterByAKnownChoiceWrittenInChinese() {
    HttpResponse<String> answer =
        api.api(
            "GET",
            "/api/stations?kind=" + java.net.URLEncoder.encode("人大代表联系点", StandardCharsets.UTF_8),
            null);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(answer.body()).contains("\"id\":\"s-003\"").doesNotContain("\"id\":\"s-001\"");
  }

  @Test
  void shouldRefuseAFormThatIsNotUrlEncodedWith400AndKeepNothing() throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(hub.url("/b/cancel"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("code=%zz&phone=12")));

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body())
        .contains("表单无法读取")
        .contains("form sent cannot be read")
        .doesNotContain(INTERNALS);
    assertThat(hub.bean(BadInput.class).count("http.request", "malformed-form")).isPositive();
  }

  @Test
  void shouldRefuseAJsonBodyThatIsNotUtf8EvenWhereJacksonWouldReadItAndChangeNothing()
      throws Exception {
    String before =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(api.api("GET", "/api/stations/s-001", null).body())
            .path("name")
            .asText();
    // C0 85 is an overlong form of U+0005: not UTF-8, yet Jackson's own reader takes it.
    byte[] overlong = {
      '{',
      '"',
      'n',
      'a',
      'm',
      'e',
      '"',
      ':',
      '"',
      'a',
      (byte) 0xC0,
      (byte) 0x85,
      '"',
      ',',
      '"',
      'k',
      'i',
      'n',
      'd',
      '"',
      ':',
      '"',
      'H',
      'O',
      'M',
      'E',
      '"',
      '}'
    };

    HttpResponse<String> answer =
        api.apiBytes("PUT", "/api/stations/s-001", "application/json", overlong);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).doesNotContain(INTERNALS);
    String after =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(api.api("GET", "/api/stations/s-001", null).body())
            .path("name")
            .asText();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void shouldRefuseAnUploadThatIsNotMultipartWith400() throws Exception {
    String opinionUrl =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(hub.get("/api/public/stations/s-001").body())
            .path("opinionUrl")
            .asText();
    String token = opinionUrl.substring(opinionUrl.lastIndexOf('/') + 1);

    HttpResponse<String> cutShort =
        send(
            HttpRequest.newBuilder(hub.url("/o/" + token))
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "--xyz\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n路灯")));
    HttpResponse<String> noBoundary =
        send(
            HttpRequest.newBuilder(hub.url("/o/" + token))
                .header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofString("garbage")));
    HttpResponse<String> apiUpload =
        api.apiBytes(
            "POST",
            "/api/deputies/d-0001/photo",
            "multipart/form-data; boundary=xyz",
            "--xyz\r\nnonsense".getBytes(StandardCharsets.UTF_8));

    for (HttpResponse<String> answer : List.of(cutShort, noBoundary, apiUpload)) {
      assertThat(answer.statusCode()).as(answer.body()).isBetween(400, 499);
      assertThat(answer.body()).doesNotContain(INTERNALS);
    }
    assertThat(apiUpload.body()).contains("photo").contains("缺少");
  }

  @Test
  void shouldAnswerAnUnknownAddressOrMethodInBothLanguagesWithoutInternals() throws Exception {
    HttpResponse<String> unknown = api.api("GET", "/api/nothing-here", null);
    HttpResponse<String> method = api.api("DELETE", "/api/public/enrolments", null);
    HttpResponse<String> mediaType =
        api.apiBytes(
            "POST", "/api/stations", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
    // Percent-escapes that decode to no UTF-8 text.
    HttpResponse<String> badEscape =
        send(HttpRequest.newBuilder(URI.create(hub.url("/t/").toString() + "%E0%A4%FF")).GET());

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("没有这个页面", "no such page");
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(method.body()).contains("不接受 DELETE", "does not take DELETE");
    assertThat(mediaType.statusCode()).isEqualTo(415);
    assertThat(mediaType.body()).contains("内容类型", "kind of content");
    assertThat(badEscape.statusCode()).isBetween(400, 499);
    for (HttpResponse<String> answer : List.of(unknown, method, mediaType, badEscape)) {
      assertThat(answer.body()).doesNotContain(INTERNALS);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
