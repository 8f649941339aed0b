package liaison.hub.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.BadInput;
import liaison.hub.station.StationRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may look at a resident's case. Guessing tracking codes is held back per address, while a
 * valid code keeps working from that same (shared, carrier) address and is limited per code; a
 * resident's photos come only with the case's code or to staff who may see the case, and never into
 * a shared cache; deputies' photos stay public for the screens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("security")
class TrackingAccessTest {
  private static final int FAILURES = 10;
  private static final int VIEWS = 12;

  private RunningHub hub;
  private String token;
  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  void start(@TempDir Path dir) {
    hub =
        RunningHub.start(
            dir,
            Map.of(
                "hub.opinions.client-ip-header",
                "X-Forwarded-For",
                "hub.opinions.per-token",
                1000,
                "hub.tracking.failures-per-address",
                FAILURES,
                "hub.tracking.views-per-code",
                VIEWS));
    token = hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private String submitted(String ip, String text, boolean withPhoto) {
    List<Field> fields =
        new ArrayList<>(List.of(Field.text("category", "TRANSPORT"), Field.text("text", text)));
    if (withPhoto) {
      fields.add(Field.file("photo1", "lamp.png", Resident.png(320, 240)));
    }
    return Resident.code(new Resident(hub, ip).submit(token, fields));
  }

  private HttpResponse<byte[]> fetch(String path, String ip) throws Exception {
    return http.send(
        HttpRequest.newBuilder(hub.url(path)).header("X-Forwarded-For", ip).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void shouldHoldBackAnAddressThatGuessesCodesButLetAValidCodeFromTheSameAddressThrough() {
    String shared = "100.64.0.1"; // one carrier address behind which many residents sit
    String code = submitted("10.1.0.1", "小区路灯不亮", false);
    Resident guesser = new Resident(hub, shared);
    long guessing = hub.bean(BadInput.class).count("tracking", "guessing");

    List<Integer> misses = new ArrayList<>();
    for (int i = 0; i < FAILURES; i++) {
      misses.add(guesser.get("/t?code=K7QX-M4PD-2H" + "WXYZABCDEF".charAt(i) + "P").statusCode());
    }
    HttpResponse<String> held = guesser.get("/t/K7QX-M4PD-2HWQ");

    assertThat(misses).containsOnly(404);
    assertThat(held.statusCode()).isEqualTo(429);
    assertThat(held.headers().firstValue("Retry-After").map(Long::parseLong).orElseThrow())
        .isBetween(1L, 600L);
    assertThat(held.body()).contains("查询码输错太多次", "正确的查询码不受影响", "So that nobody can guess");
    assertThat(hub.bean(BadInput.class).count("tracking", "guessing")).isGreaterThan(guessing);
    // Another resident behind the same address, with a real code: served.
    HttpResponse<String> own = new Resident(hub, shared).get("/t/" + code);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains(code, "小区路灯不亮");
    assertThat(new Resident(hub, shared).get("/t?code=" + code.toLowerCase()).statusCode())
        .as("typed in the form")
        .isEqualTo(303);
    // Elsewhere, a wrong code is just not found.
    assertThat(new Resident(hub, "10.1.0.2").get("/t/K7QX-M4PD-2HWQ").statusCode()).isEqualTo(404);
  }

  @Test
  void shouldLimitLookUpsOfOneValidCodeWhateverTheAddress() {
    String busy = submitted("10.2.0.1", "公交站牌看不清", false);
    String other = submitted("10.2.0.2", "人行道有坑", false);

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < VIEWS; i++) {
      statuses.add(new Resident(hub, "10.2.1." + i).get("/t/" + busy).statusCode());
    }
    HttpResponse<String> tooOften = new Resident(hub, "10.2.2.1").get("/t/" + busy);

    assertThat(statuses).containsOnly(200);
    assertThat(tooOften.statusCode()).isEqualTo(429);
    assertThat(tooOften.headers().firstValue("Retry-After")).isPresent();
    assertThat(tooOften.body()).contains("查看了太多次", "looked at too often");
    assertThat(new Resident(hub, "10.2.2.1").get("/t/" + other).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldServeAResidentsPhotoOnlyWithItsTrackingCodeOrToStaffWhoMaySeeTheCaseAndNeverPublicly()
      throws Exception {
    String code = submitted("10.3.0.1", "井盖松动", true);
    OpinionCase c = hub.bean(CaseRepository.class).findByCode(code).orElseThrow();
    String hash = hub.bean(CaseRepository.class).photos(c.id()).getFirst();
    String other = submitted("10.3.0.2", "没有照片的意见", false);

    HttpResponse<String> page = new Resident(hub, "10.3.0.1").get("/t/" + code);
    HttpResponse<byte[]> withCode = fetch("/t/" + code + "/photos/" + hash + ".jpg", "10.3.0.1");
    HttpResponse<byte[]> byHashAlone = fetch("/photos/" + hash + ".jpg", "10.3.0.9");
    HttpResponse<byte[]> withAnotherCode =
        fetch("/t/" + other + "/photos/" + hash + ".jpg", "10.3.0.2");
    HttpResponse<byte[]> manager =
        StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD)
            .download("/api/cases/" + c.id() + "/photos/" + hash + ".jpg");
    HttpResponse<byte[]> otherManager =
        StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD)
            .download("/api/cases/" + c.id() + "/photos/" + hash + ".jpg");
    HttpResponse<byte[]> anonymousApi =
        StaffClient.anonymous(hub).download("/api/cases/" + c.id() + "/photos/" + hash + ".jpg");

    assertThat(page.body())
        .contains("/t/" + code + "/photos/" + hash + ".jpg")
        .doesNotContain("\"/photos/" + hash);
    assertThat(withCode.statusCode()).isEqualTo(200);
    assertThat(withCode.body()).isEqualTo(hub.bean(PhotoStore.class).read(hash).orElseThrow());
    assertThat(withCode.headers().firstValue("Cache-Control")).hasValue("private, max-age=3600");
    assertThat(byHashAlone.statusCode()).isEqualTo(404);
    assertThat(withAnotherCode.statusCode()).isEqualTo(404);
    assertThat(manager.statusCode()).isEqualTo(200);
    assertThat(manager.headers().firstValue("Cache-Control").orElseThrow())
        .startsWith("private")
        .doesNotContain("public", "immutable");
    assertThat(otherManager.statusCode()).as("baisha manages s-002, not s-001").isIn(403, 404);
    assertThat(anonymousApi.statusCode()).isEqualTo(401);
  }

  @Test
  void shouldKeepDeputiesPhotosPublicForTheScreens() throws Exception {
    byte[] jpeg = Resident.png(300, 400);
    HttpResponse<String> set =
        StaffClient.basic(hub, "admin", DemoCounty.PASSWORD)
            .apiBytes("POST", "/api/deputies/d-0002/photo", "image/png", jpeg);
    String hash =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(set.body())
            .path("photo")
            .asText();

    HttpResponse<byte[]> served = fetch("/photos/" + hash + ".jpg", "10.4.0.1");

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Cache-Control"))
        .hasValue("public, max-age=31536000, immutable");
  }
}
