package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.publish.SnapshotBuilder;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.StationContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The residents' side over HTTP: submit, track, rate, the contact API, bad input and the limits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpinionApiTest {
  private static final AtomicInteger NEXT_IP = new AtomicInteger(10);
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private String token;

  @BeforeAll
  void start(@TempDir Path dir) {
    // Each test is its own resident (address); the per-link limit is tested in RateLimiterTest.
    // The per-address limit is held small here to test how it answers; the defaults' sizes are
    // FairLimitsTest's.
    hub =
        RunningHub.start(
            dir,
            Map.of(
                "hub.opinions.client-ip-header",
                "X-Forwarded-For",
                "hub.opinions.per-ip",
                5,
                "hub.opinions.per-ip-window",
                "10m",
                "hub.opinions.per-token",
                1000));
    token = hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private Resident resident() {
    return new Resident(hub, "10.0.0." + NEXT_IP.incrementAndGet());
  }

  private static List<Field> valid(String text) {
    return new ArrayList<>(List.of(Field.text("category", "TRANSPORT"), Field.text("text", text)));
  }

  @Test
  void shouldSubmitTrackAndReopenOnDissatisfiedRating() {
    Resident phone = resident();
    List<Field> fields = valid("小区门口的路灯坏了一个月 💡🙏，晚上很黑");
    fields.add(Field.file("photo1", "lamp.png", Resident.png(320, 240)));
    fields.add(Field.text("name", "王女士"));
    fields.add(Field.text("phone", "13812341234"));
    fields.add(Field.text("consent", "yes"));

    HttpResponse<String> sent = phone.submit(token, fields);

    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    String code = Resident.code(sent);
    OpinionCase c = hub.bean(CaseRepository.class).findByCode(code).orElseThrow();
    assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
    assertThat(c.text()).isEqualTo("小区门口的路灯坏了一个月 💡🙏，晚上很黑");
    assertThat(c.contactToDepartment()).isFalse();
    assertThat(hub.bean(CaseRepository.class).photos(c.id())).hasSize(1);
    assertThat(hub.bean(CaseRepository.class).contact(c.id()).orElseThrow().maskedPhone())
        .isEqualTo("138****1234");

    HttpResponse<String> page = phone.get("/t/" + code + "?new=1");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(code, "已收到您的意见", "💡").doesNotContain("13812341234");

    Cases cases = hub.bean(Cases.class);
    cases.transition(c.id(), CaseStatus.REGISTERED, "chengguan", "路灯");
    cases.transition(c.id(), CaseStatus.FORWARDED, "chengguan", "城管局");
    cases.transition(c.id(), CaseStatus.DEPARTMENT_REPLIED, "chengguan", "已派人");
    hub.bean(liaison.hub.db.Database.class)
        .useHandle(
            h -> h.execute("UPDATE opinion_case SET answer = ? WHERE id = ?", "路灯已于周三修好。", c.id()));
    cases.transition(c.id(), CaseStatus.ANSWERED, "chengguan", "");

    String answered = phone.get("/t/" + code).body();
    assertThat(answered)
        .contains("路灯已于周三修好。", "已转交承办单位办理", "name=\"rating\"")
        .doesNotContain("chengguan", "林晓梅", "城管局");

    HttpResponse<String> rated = phone.rate(code, "DISSATISFIED", "修好两天又坏了");

    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(303);
    OpinionCase after = hub.bean(CaseRepository.class).find(c.id()).orElseThrow();
    assertThat(after.status()).isEqualTo(CaseStatus.REOPENED);
    assertThat(after.ratingComment()).isEqualTo("修好两天又坏了");
    assertThat(hub.bean(CaseRepository.class).events(c.id()))
        .extracting(CaseEvent::action)
        .containsExactly(
            "submit",
            "registered",
            "forwarded",
            "department_replied",
            "answered",
            "rate",
            "reopened");
    assertThat(phone.get("/t/" + code).body()).contains("重新办理").doesNotContain("name=\"rating\"");
    // Rating again before a new answer is refused, and changes nothing.
    assertThat(phone.rate(code, "SATISFIED", "").statusCode()).isEqualTo(409);
    assertThat(hub.bean(CaseRepository.class).find(c.id()).orElseThrow().status())
        .isEqualTo(CaseStatus.REOPENED);
  }

  @Test
  void shouldCloseOnSatisfiedRating() {
    Resident phone = resident();
    String code = Resident.code(phone.submit(token, valid("公交站没有遮雨棚")));
    String id = hub.bean(CaseRepository.class).findByCode(code).orElseThrow().id();
    Cases cases = hub.bean(Cases.class);
    cases.transition(id, CaseStatus.REGISTERED, "chengguan", "");
    cases.transition(id, CaseStatus.ANSWERED, "chengguan", "");

    assertThat(phone.rate(code, "BASICALLY_SATISFIED", "").statusCode()).isEqualTo(303);

    assertThat(hub.bean(CaseRepository.class).find(id).orElseThrow().status())
        .isEqualTo(CaseStatus.CLOSED);
    assertThat(phone.get("/t/" + code).body()).contains("您的评价：基本满意");
  }

  @Test
  void shouldAnswerUnknownAndMalformedCodesAlike() {
    Resident phone = resident();
    HttpResponse<String> unknown = phone.get("/t?code=2222-3333-4444");
    HttpResponse<String> malformed = phone.get("/t?code=hello");
    HttpResponse<String> direct = phone.get("/t/2222-3333-4444");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(malformed.statusCode()).isEqualTo(404);
    assertThat(direct.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("查询码不正确");
    assertThat(malformed.body()).contains("查询码不正确");
    // A typed code in lower case with spaces finds the case.
    String code = Resident.code(phone.submit(token, valid("测试查询")));
    HttpResponse<String> typed = phone.get("/t?code=" + code.toLowerCase().replace("-", "+"));
    assertThat(typed.statusCode()).isEqualTo(303);
    assertThat(typed.headers().firstValue("Location")).contains("/t/" + code);
  }

  @Test
  void shouldRefuseBadInputWithChineseMessagesKeepTheValuesAndSaveNothing() {
    int before = count();
    String script = "<script>alert('x')</script>路灯";

    HttpResponse<String> empty =
        resident()
            .submit(
                token,
                List.of(Field.text("category", "TRANSPORT"), Field.text("text", "  \u0007 ")));
    HttpResponse<String> tooLong = resident().submit(token, valid("长".repeat(2001) + script));
    HttpResponse<String> broken =
        resident()
            .submit(
                token,
                List.of(
                    Field.text("category", "OTHER"),
                    Field.raw("text", new byte[] {'a', (byte) 0xC3, (byte) 0x28, 'b'})));
    List<Field> notImage = valid(script);
    notImage.add(
        Field.file(
            "photo2", "virus.png", "MZ this is not an image".getBytes(StandardCharsets.UTF_8)));
    HttpResponse<String> notAnImage = resident().submit(token, notImage);
    List<Field> noConsent = valid("有电话没同意");
    noConsent.add(Field.text("phone", "13812341234"));
    HttpResponse<String> withoutConsent = resident().submit(token, noConsent);
    HttpResponse<String> noCategory = resident().submit(token, List.of(Field.text("text", "没选类别")));

    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("请写下您的意见建议");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(tooLong.body())
        .contains("最多 2000 字")
        .contains("&lt;script&gt;")
        .doesNotContain("<script>alert");
    assertThat(broken.statusCode()).isEqualTo(422);
    assertThat(broken.body()).contains("编码错误");
    assertThat(notAnImage.statusCode()).isEqualTo(422);
    assertThat(notAnImage.body())
        .contains("第 2 张照片：只接受 JPEG 或 PNG 照片")
        .contains("&lt;script&gt;alert");
    assertThat(withoutConsent.statusCode()).isEqualTo(422);
    assertThat(withoutConsent.body()).contains("请阅读并勾选").contains("value=\"13812341234\"");
    assertThat(noCategory.statusCode()).isEqualTo(422);
    assertThat(noCategory.body()).contains("请选择意见类别").contains("没选类别");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  void shouldTakeThePlainFormBodyWithTheSameChecksAnswersAndLimitsAsTheMultipartOne() {
    int before = count();
    String script = "<script>alert('x')</script>路灯";
    List<List<Field>> bad =
        List.of(
            List.of(Field.text("category", "TRANSPORT"), Field.text("text", "  \u0007 ")),
            valid("长".repeat(2001) + script),
            List.of(
                Field.text("category", "OTHER"),
                Field.raw("text", new byte[] {'a', (byte) 0xC3, (byte) 0x28, 'b'})),
            List.of(
                Field.text("category", "TRANSPORT"),
                Field.text("text", "有电话没同意"),
                Field.text("phone", "13812341234")),
            List.of(Field.text("text", "没选类别")));

    // Each bad form is answered to the plain body exactly as to the multipart one, saving nothing
    for (List<Field> fields : bad) {
      HttpResponse<String> multipart = resident().submit(token, fields);
      HttpResponse<String> plain = resident().submitPlain(token, fields);
      assertThat(plain.statusCode()).isEqualTo(422).isEqualTo(multipart.statusCode());
      assertThat(plain.body()).isEqualTo(multipart.body());
    }
    // A body no browser sends (a cut-off escape) is refused in both languages
    HttpResponse<String> malformed = resident().submitPlain(token, "category=TRANSPORT&text=%zz");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("提交的表单无法读取").contains("the form sent cannot be read");
    assertThat(count()).isEqualTo(before);

    // A good one is stored with its contact and choices, and answered with the tracking page
    Resident phone = resident();
    List<Field> good = valid("路灯坏了，没有照片");
    good.addAll(
        List.of(
            Field.text("name", "王阿姨"),
            Field.text("phone", "13812341234"),
            Field.text("consent", "yes"),
            Field.text("notifySms", "yes")));
    String code = Resident.code(phone.submitPlain(token, good));
    OpinionCase saved = hub.bean(CaseRepository.class).findByCode(code).orElseThrow();
    assertThat(saved.text()).isEqualTo("路灯坏了，没有照片");
    assertThat(saved.category()).isEqualTo(Category.TRANSPORT);
    assertThat(hub.bean(CaseRepository.class).photos(saved.id())).isEmpty();
    assertThat(hub.bean(CaseRepository.class).contact(saved.id()))
        .hasValueSatisfying(c -> assertThat(c.phone()).isEqualTo("13812341234"));

    // And it counts against the same per-address limit: four more, then the sixth is refused
    for (int i = 0; i < 4; i++) {
      assertThat(phone.submitPlain(token, valid("第" + i + "条")).statusCode()).isEqualTo(303);
    }
    HttpResponse<String> sixth = phone.submitPlain(token, valid("第6条"));
    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
    assertThat(sixth.body()).contains("操作太频繁");
  }

  @Test
  void shouldStripControlCharactersAndEscapeScriptsOnOutput() {
    Resident phone = resident();
    String code =
        Resident.code(phone.submit(token, valid("路灯\u0000坏了\u001b[31m<script>alert(1)</script>")));
    OpinionCase c = hub.bean(CaseRepository.class).findByCode(code).orElseThrow();

    assertThat(c.text()).isEqualTo("路灯坏了[31m<script>alert(1)</script>");
    String page = phone.get("/t/" + code).body();
    assertThat(page)
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert");
    assertThat(phone.get("/t/" + code).headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
  }

  @Test
  @Tag("security")
  void shouldRefuseA20MegabytePhotoBesideTheFieldAndKeepTheText() {
    Resident phone = resident();
    int before = count();
    byte[] big = new byte[20 * 1024 * 1024];
    byte[] png = Resident.png(10, 10);
    System.arraycopy(png, 0, big, 0, png.length);
    List<Field> fields = valid("照片太大的意见");
    fields.add(Field.file("photo1", "big.png", big));

    HttpResponse<String> answer = phone.submit(token, fields);

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body()).contains("第 1 张照片：照片不能超过 8 MB").contains("照片太大的意见");
    assertThat(count()).isEqualTo(before);
  }

  @Test
  @Tag("security")
  void shouldAnswerABodyAboveTheServersLimitWithAClearPage() throws Exception {
    String answer =
        postTooLarge("/o/" + token, "multipart/form-data; boundary=x", 33 * 1024 * 1024);
    String plain =
        postTooLarge("/o/" + token, "application/x-www-form-urlencoded", 33 * 1024 * 1024);

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("超过了 32 MB 的上限");
    // The plain form body (the page's script sends it when no photo is chosen) is held alike
    assertThat(plain).startsWith("HTTP/1.1 413");
    assertThat(plain).contains("超过了 32 MB 的上限");
  }

  /**
   * Posts a body of {@code size} bytes the way a phone's browser does: the answer is read while the
   * body is still being written, since the hub answers 413 from the headers and closes the
   * connection under the rest (java.net.http then saw only a broken pipe, now and then).
   */
  private String postTooLarge(String path, String contentType, int size) throws Exception {
    java.net.URI uri = hub.url(path);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
      Thread reader =
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      socket.getInputStream().transferTo(read);
                    } catch (java.io.IOException e) {
                      // closed under the reader: what arrived before is kept
                    }
                  });
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: "
              + uri.getHost()
              + ":"
              + uri.getPort()
              + "\r\nContent-Type: "
              + contentType
              + "\r\nContent-Length: "
              + size
              + "\r\nX-Forwarded-For: 10.9.9.9\r\nConnection: close\r\n\r\n";
      try {
        java.io.OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[64 * 1024];
        for (int sent = 0; sent < size; sent += chunk.length) {
          out.write(chunk, 0, Math.min(chunk.length, size - sent));
        }
        out.flush();
        socket.shutdownOutput();
      } catch (java.io.IOException e) {
        // the hub closed the connection under the body, as it may once it has answered
      }
      reader.join(java.time.Duration.ofSeconds(30));
      return read.toString(StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldAnswerUnknownTokensWithAChinesePage() {
    Resident phone = resident();
    assertThat(phone.get("/o/nosuchtoken").statusCode()).isEqualTo(404);
    HttpResponse<String> post = phone.submit("nosuchtoken", valid("测试"));
    assertThat(post.statusCode()).isEqualTo(404);
    assertThat(post.body()).contains("二维码无效");
  }

  @Test
  @Tag("security")
  void shouldLimitSubmissionsPerAddressWith429AndRetryAfter() {
    Resident phone = resident();
    for (int i = 0; i < 5; i++) {
      assertThat(phone.submit(token, valid("第" + i + "条")).statusCode()).isEqualTo(303);
    }

    HttpResponse<String> sixth = phone.submit(token, valid("第6条"));

    assertThat(sixth.statusCode()).isEqualTo(429);
    assertThat(sixth.headers().firstValue("Retry-After"))
        .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 600L));
    assertThat(sixth.body()).contains("操作太频繁");
    // Another resident is not affected.
    assertThat(resident().submit(token, valid("别人的意见")).statusCode()).isEqualTo(303);
  }

  @Test
  void shouldOpenADeputysOwnLinkAndAddressTheOpinionToThem() {
    String deputyToken = hub.bean(DeputyLinks.class).token("s-001", "d-0001");
    StationContent content =
        hub.bean(SnapshotBuilder.class)
            .build("s-001", 1, java.time.OffsetDateTime.now())
            .orElseThrow();
    StationContent.Deputy chen =
        content.deputies().stream().filter(d -> d.id().equals("d-0001")).findFirst().orElseThrow();
    assertThat(chen.messageUrl())
        .isEqualTo("https://hub.test/o/" + deputyToken)
        .doesNotContain("?deputy=");

    Resident phone = resident();
    assertThat(phone.get("/o/" + deputyToken).body()).contains("写给 陈秀兰 代表");
    String code = Resident.code(phone.submit(deputyToken, valid("给陈代表的建议")));

    OpinionCase c = hub.bean(CaseRepository.class).findByCode(code).orElseThrow();
    assertThat(c.deputyId()).isEqualTo("d-0001");
    assertThat(c.stationId()).isEqualTo("s-001");

    // Another hub withdraws the link (the deputy left the station): this hub remembers where the
    // token led, and the case's insert checks it again, so the opinion is not stored.
    hub.bean(Database.class)
        .useHandle(h -> h.execute("DELETE FROM deputy_link WHERE token = ?", deputyToken));
    int cases = cases();
    HttpResponse<String> late = phone.submit(deputyToken, valid("链接撤回之后"));
    assertThat(late.statusCode()).as("a link withdrawn on another hub").isEqualTo(404);
    assertThat(cases()).as("nothing stored").isEqualTo(cases);
  }

  private int cases() {
    return hub.bean(Database.class)
        .withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM opinion_case").mapTo(Integer.class).one());
  }

  @Test
  void shouldShowTheContactOnlyToTheStationsStaffAndCountyAdmins() throws Exception {
    Resident phone = resident();
    List<Field> fields = valid("请联系我");
    fields.add(Field.text("name", "李先生"));
    fields.add(Field.text("phone", "13900001111"));
    fields.add(Field.text("consent", "yes"));
    fields.add(Field.text("toDepartment", "yes"));
    String id =
        hub.bean(CaseRepository.class)
            .findByCode(Resident.code(phone.submit(token, fields)))
            .orElseThrow()
            .id();
    String path = "/api/cases/" + id + "/contact";

    HttpResponse<String> manager =
        StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD).api("GET", path, null);
    HttpResponse<String> admin =
        StaffClient.basic(hub, "admin", DemoCounty.PASSWORD).api("GET", path, null);
    HttpResponse<String> other =
        StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD).api("GET", path, null);
    HttpResponse<String> deputy =
        StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD).api("GET", path, null);
    HttpResponse<String> nobody = StaffClient.anonymous(hub).api("GET", path, null);

    assertThat(manager.statusCode()).as(manager.body()).isEqualTo(200);
    JsonNode body = json.readTree(manager.body());
    assertThat(body.path("phone").asText()).isEqualTo("13900001111");
    assertThat(body.path("maskedPhone").asText()).isEqualTo("139****1111");
    assertThat(body.path("contactToDepartment").asBoolean()).isTrue();
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(deputy.statusCode()).isEqualTo(403);
    assertThat(nobody.statusCode()).isEqualTo(401);
    assertThat(hub.bean(CaseRepository.class).events(id))
        .filteredOn(e -> e.action().equals("contact-viewed"))
        .extracting(CaseEvent::actor)
        .containsExactly("chengguan", "admin");
  }

  @Test
  @Tag("security")
  void shouldKeepCsrfOnStaffPostsWhileThePublicFormNeedsNone() {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    HttpResponse<String> withoutToken =
        manager.postForm("/admin/notices", List.of(Map.entry("title", "x")));
    assertThat(withoutToken.statusCode()).isEqualTo(403);
    assertThat(resident().submit(token, valid("不需要令牌")).statusCode()).isEqualTo(303);
  }

  private int count() {
    return hub.bean(liaison.hub.db.Database.class)
        .withHandle(
            h -> h.createQuery("SELECT COUNT(*) FROM opinion_case").mapTo(Integer.class).one());
  }
}
