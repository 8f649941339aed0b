package liaison.hub.software;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.signage.protocol.BundleSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundles over real HTTP: a county administrator uploads one, nobody else may; the installer and a
 * station download it (a cut download resumes with Range), its signature and the hub's key without
 * an account, and the install script comes from the newest bundle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoftwareApiTest {
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldTakeABundleFromAnAdministratorAndServeItSignedWithRangeToAnyone() throws Exception {
    byte[] file =
        TestBundles.bundle("0.4.0", "linux-x64").with("lib/big.jar", "x".repeat(300_000)).tarGz();
    StaffClient manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
    StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);

    HttpResponse<String> refused =
        manager.apiBytes("POST", "/api/software/bundles", "application/gzip", file);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    HttpResponse<String> notABundle =
        admin.apiBytes("POST", "/api/software/bundles", "application/gzip", "hello".getBytes());
    assertThat(notABundle.statusCode()).isEqualTo(422);
    assertThat(notABundle.body()).contains("不是站点软件包").contains("not a station bundle");

    HttpResponse<String> kept =
        admin.apiBytes("POST", "/api/software/bundles", "application/gzip", file);
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
    JsonNode bundle = json.readTree(kept.body());
    assertThat(bundle.path("version").asText()).isEqualTo("0.4.0");
    assertThat(bundle.path("arch").asText()).isEqualTo("linux-x64");
    assertThat(bundle.path("download").asText())
        .isEqualTo("/install/bundle?arch=linux-x64&version=0.4.0");
    JsonNode listed = json.readTree(admin.download("/api/software/bundles").body());
    assertThat(listed.size()).isEqualTo(1);
    assertThat(listed.get(0).path("signature").asText())
        .isEqualTo(bundle.path("signature").asText());

    HttpResponse<byte[]> whole = download("/install/bundle?arch=linux-x64", null);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(file);
    assertThat(whole.headers().firstValue("X-Liaison-Bundle-Version")).contains("0.4.0");
    int cut = file.length / 3;
    HttpResponse<byte[]> rest = download("/install/bundle?arch=linux-x64&version=0.4.0", cut);
    assertThat(rest.statusCode()).isEqualTo(206);
    assertThat(rest.headers().firstValue("Content-Range"))
        .contains("bytes " + cut + "-" + (file.length - 1) + "/" + file.length);
    assertThat(rest.body()).isEqualTo(Arrays.copyOfRange(file, cut, file.length));

    String signature = hub.get("/install/bundle.sig?arch=linux-x64").body().strip();
    String pem = hub.get("/install/hub-key.pub").body();
    byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(file);
    assertThat(
            BundleSignature.verifies(
                BundleSignature.publicKey(pem), "0.4.0", "linux-x64", sha256, signature))
        .isTrue();
    assertThat(hub.get("/install/bundle?arch=linux-aarch64").statusCode()).isEqualTo(404);
    assertThat(hub.get("/install/bundle.sig?arch=linux-x64&version=9.9").statusCode())
        .isEqualTo(404);
    assertThat(hub.get("/install/station.sh").body()).isEqualTo("#!/bin/bash\n# installs 0.4.0\n");
  }

  @Test
  void shouldStreamABundleLargerThanAnyBodyTheHubReadsIntoMemory() throws Exception {
    // 40 MB: above max-request-buffer-size (32 MB), which every other body stays within
    byte[] file =
        TestBundles.bundle("0.5.0", "linux-aarch64").withNoise("lib/big.jar", 40 << 20).tarGz();
    StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);

    HttpResponse<String> kept =
        admin.apiBytes("POST", "/api/software/bundles", "application/gzip", file);

    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
    assertThat(json.readTree(kept.body()).path("sizeBytes").asLong()).isEqualTo(file.length);
  }

  private HttpResponse<byte[]> download(String path, Integer from) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(hub.url(path)).GET();
    if (from != null) {
      request.header("Range", "bytes=" + from + "-");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
