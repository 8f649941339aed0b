package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.problem.BadInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * /api/media over real HTTP on the demo county's hub: an upload as the body and as a form, the same
 * file once, the entry and its files served to stations by hash, and an upload larger than what the
 * server reads into memory streamed to disk and judged by its content (422, not 413).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaApiTest {
  private final ObjectMapper json = new ObjectMapper();
  private Path dir;
  private RunningHub hub;
  private StaffClient admin;

  @BeforeAll
  void start(@TempDir Path dir) {
    this.dir = dir;
    // An upload waits a second for its turn to be prepared (30 s in the field): the busy answer's
    // test holds the turn that long, not half a minute.
    hub = RunningHub.start(dir, Map.of("hub.media.wait-for-turn", "1s"));
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldTakeAPosterOnceAndServeItsFilesByHash() throws IOException {
    byte[] poster = MediaLibraryTest.poster(800, 450);
    HttpResponse<String> made =
        admin.apiBytes(
            "POST", "/api/media?fileName=poster.png&title=%E6%B5%B7%E6%8A%A5", "image/png", poster);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    JsonNode entry = json.readTree(made.body());
    assertThat(entry.path("kind").asText()).isEqualTo("IMAGE");
    assertThat(entry.path("title").asText()).isEqualTo("海报");
    assertThat(entry.path("library").asText()).isEqualTo("county");
    assertThat(entry.path("putOnScreens").asText())
        .isEqualTo("/admin/media/slides/new?item=" + entry.path("id").asText());

    HttpResponse<String> again =
        admin.apiBytes("POST", "/api/media?fileName=again.png", "application/octet-stream", poster);
    assertThat(again.statusCode()).as("the same file again: the entry there").isEqualTo(200);
    assertThat(json.readTree(again.body()).path("id").asText())
        .isEqualTo(entry.path("id").asText());

    JsonNode listed =
        json.readTree(admin.api("GET", "/api/media?kind=IMAGE&library=county", null).body());
    assertThat(listed.findValuesAsText("id")).contains(entry.path("id").asText());

    HttpResponse<byte[]> file =
        StaffClient.anonymous(hub).download(entry.path("files").path(0).path("path").asText());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(file.body()).hasSize(entry.path("files").path(0).path("size").asInt());
    HttpResponse<byte[]> thumbnail =
        StaffClient.anonymous(hub).download(entry.path("thumbnail").asText());
    assertThat(thumbnail.headers().firstValue("Content-Type")).hasValue("image/jpeg");
  }

  @Test
  void shouldTakeTheSameFromAFormIntoAStationsOwnLibrary() throws IOException {
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    HttpResponse<String> made =
        manager.multipart(
            "/api/media",
            manager.csrf(),
            Map.of("title", "站点海报", "station", "s-001"),
            List.of(
                new StaffClient.FilePart(
                    "file", "p.png", "image/png", MediaLibraryTest.poster(500, 500))));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(json.readTree(made.body()).path("library").asText()).isEqualTo("s-001");
  }

  @Test
  void shouldStreamAnUploadLargerThanTheMemoryBufferAndJudgeItByItsContent() throws IOException {
    long before = hub.bean(BadInput.class).count(MediaLibrary.SOURCE, "not-media");
    byte[] big = new byte[40 * 1024 * 1024];
    big[0] = 'M';
    big[1] = 'Z';

    HttpResponse<String> raw =
        admin.apiBytes("POST", "/api/media?fileName=big.mp4", "video/mp4", big);
    StaffClient browser = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    HttpResponse<String> form =
        browser.multipart(
            "/api/media",
            browser.csrf(),
            Map.of(),
            List.of(new StaffClient.FilePart("file", "big.mp4", "video/mp4", big)));

    for (HttpResponse<String> answer : List.of(raw, form)) {
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
      assertThat(answer.body()).contains("不是图片、视频或 PDF 文件");
    }
    assertThat(hub.bean(BadInput.class).count(MediaLibrary.SOURCE, "not-media"))
        .isEqualTo(before + 2);
    try (Stream<Path> left = Files.walk(dir)) {
      assertThat(left.filter(p -> p.toString().contains("incoming") && Files.isRegularFile(p)))
          .as("the work files are gone")
          .isEmpty();
    }
  }

  @Test
  void shouldKeepEveryOtherRouteToItsOldBoundFromTheHeadersAlone() throws IOException {
    // A station bundle's upload streams its body (no memory buffer would stop it): 210 MB it is.
    String answer = headersOnly("/api/software/bundles", 300L * 1024 * 1024);

    assertThat(answer).startsWith("HTTP/1.1 413");
    assertThat(answer).contains("提交的内容太大");
  }

  @Test
  void shouldHoldAFormToItsRoutesBoundFromItsHeadersWhateverTheServersPartLimit()
      throws IOException {
    String token =
        hub.bean(liaison.hub.station.StationRepository.class)
            .find("s-001")
            .orElseThrow()
            .station()
            .publicToken();
    Path parts = hub.bean(MediaStore.class).parts();

    // Three photos of 8 MB and the words fit in 32 MB (as the refusal says); 40 MB does not.
    String resident = headersOnly("/o/" + token, "multipart/form-data; boundary=x", 40L << 20);
    // A 民生实事 proposal is the residents' other form, with the same photos.
    String proposal = headersOnly("/l/" + token, "multipart/form-data; boundary=x", 40L << 20);
    // Any other form: three files of 25 MB; the media library's takes the server's 500 MB parts.
    String other =
        headersOnly(
            "/admin/spreadsheets/deputies/check", "multipart/form-data; boundary=x", 80L << 20);

    assertThat(resident).startsWith("HTTP/1.1 413").contains("（上限 32 MB）");
    assertThat(proposal).startsWith("HTTP/1.1 413").contains("（上限 32 MB）");
    assertThat(other).startsWith("HTTP/1.1 413").contains("（上限 76 MB）");
    assertThat(parts).as("no part reached the disk").isEmptyDirectory();
  }

  @Test
  void shouldKeepFormPartsInTheDataFolderNotInTmp() {
    var multipart = hub.bean(io.micronaut.http.server.HttpServerConfiguration.class).getMultipart();

    assertThat(multipart.getLocation())
        .hasValueSatisfying(
            l ->
                assertThat(l.toPath().toAbsolutePath())
                    .isEqualTo(dir.resolve("media/uploads/hub-liaison-hub").toAbsolutePath()));
    assertThat(hub.bean(MediaStore.class).parts()).isDirectory();
  }

  @Test
  void shouldAnswerBusyWithRetryAfterWhileAnotherPictureTakesItsTurn() throws IOException {
    MediaLibrary library = hub.bean(MediaLibrary.class);
    library.preparing.acquireUninterruptibly();
    HttpResponse<String> answer;
    try {
      answer =
          admin.apiBytes(
              "POST",
              "/api/media?fileName=busy.png",
              "image/png",
              MediaLibraryTest.poster(320, 200));
    } finally {
      library.preparing.release();
    }

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("60");
    JsonNode problem = json.readTree(answer.body());
    assertThat(problem.toString())
        .contains("系统正在处理另一张图片或另一个 PDF")
        .contains("upload it again in a minute");
    assertThat(
            json.readTree(admin.api("GET", "/api/media", null).body()).findValuesAsText("fileName"))
        .as("nothing kept")
        .doesNotContain("busy.png");
  }

  @Test
  void shouldRefuseABodyOfNoLengthOutsideTheStreamedUploads() throws IOException {
    // Chunked, no length: the server's 510 MB would be its only bound on a residents' form.
    String resident = headersOnly("/o/any-token", "Transfer-Encoding: chunked");

    assertThat(resident).startsWith("HTTP/1.1 411");
    assertThat(resident).contains("请求须注明内容长度");
    assertThat(headersOnly("/api/media?fileName=a.png", "Transfer-Encoding: chunked"))
        .as("the library's upload streams: answered after its (missing) body, not refused")
        .doesNotStartWith("HTTP/1.1 411");
  }

  /**
   * Sends a POST's headers declaring a body of {@code length} bytes, and none of it: the hub must
   * answer from the headers. Returns what it answered.
   */
  private String headersOnly(String path, long length) throws IOException {
    return headersOnly(path, "application/gzip", length);
  }

  private String headersOnly(String path, String contentType, long length) throws IOException {
    return headersOnly(path, contentType, "Content-Length: " + length);
  }

  private String headersOnly(String path, String bodyHeader) throws IOException {
    return headersOnly(path, "application/gzip", bodyHeader);
  }

  /** Sends a POST's headers with the given body header, and no body (an empty one if chunked). */
  private String headersOnly(String path, String contentType, String bodyHeader)
      throws IOException {
    java.net.URI uri = hub.url(path);
    try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + path
                      + " HTTP/1.1\r\nHost: "
                      + uri.getHost()
                      + "\r\nContent-Type: "
                      + contentType
                      + "\r\nAccept: application/json\r\n"
                      + bodyHeader
                      + "\r\nConnection: close\r\n\r\n"
                      // a chunked body's end, at once: an empty body
                      + (bodyHeader.contains("chunked") ? "0\r\n\r\n" : ""))
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      byte[] head = new byte[4096];
      int n = socket.getInputStream().read(head);
      return new String(head, 0, Math.max(0, n), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void shouldRefuseAKindItDoesNotKnow() {
    HttpResponse<String> answer = admin.api("GET", "/api/media?kind=SOUND", null);
    assertThat(answer.statusCode()).isEqualTo(400);
  }
}
