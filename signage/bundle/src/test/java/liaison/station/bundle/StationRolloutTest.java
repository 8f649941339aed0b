package liaison.station.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import liaison.hub.demo.DemoCounty;
import liaison.hub.fleet.FleetOverview;
import liaison.hub.software.SoftwareRollouts;
import liaison.hub.station.StationRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update end to end with built bundles: a real hub; bundle A (the x64 bundle this build made)
 * installed as the installer lays it out; the station started from {@code current/bin/
 * liaison-station} in signage mode (headless JavaFX) under a supervisor doing what systemd does
 * ({@code liaison-update-check start} before each start, a restart on any exit); enrolled with the
 * code it shows. B (A under another VERSION) rolled out: the station downloads, checks, switches,
 * restarts into B and confirms it, and the rollout is done. C (B whose launcher exits 1) rolled
 * out: the station switches, C fails three starts, liaison-update-check rolls back to B, B reports
 * the rollback and the hub halts the rollout with the reason.
 */
class StationRolloutTest {
  private static final String B = "9.0.0";
  private static final String C = "9.0.1";

  @TempDir Path work;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Integer> exits = new CopyOnWriteArrayList<>();
  private ApplicationContext hub;
  private Thread supervisor;
  private volatile Process app;
  private volatile boolean stopping;

  @AfterEach
  void stop() throws Exception {
    stopping = true;
    if (supervisor != null) {
      supervisor.interrupt();
      supervisor.join(10_000);
    }
    Process running = app;
    if (running != null) {
      running.destroyForcibly().waitFor();
    }
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void shouldUpdateToARolledOutBundleAndRollBackFromOneThatDoesNotStart() throws Exception {
    Path a = builtBundle();
    Path bundleB = repack(a, B, false);
    Path bundleC = repack(a, C, true);
    int mqttPort = freePort();
    hub = startHub(mqttPort);
    String hubUrl = "http://127.0.0.1:" + hub.getBean(EmbeddedServer.class).getPort();

    // A installed as station.sh lays it out: versions/A, current -> versions/A, the update check
    // in the installer's bin.
    Path home = Files.createDirectories(work.resolve("home"));
    String versionA =
        Files.readString(unpack(a, home.resolve("versions/a-tmp")).resolve("VERSION")).strip();
    Files.move(home.resolve("versions/a-tmp"), home.resolve("versions/" + versionA));
    Files.createSymbolicLink(home.resolve("current"), Path.of("versions/" + versionA));
    Path check = home.resolve("versions/" + versionA + "/bin/liaison-update-check");
    Path data = work.resolve("data");
    supervise(home, check, data, hubUrl, mqttPort);

    // Enrolled with the code the screen shows, as an administrator types it at the hub.
    Path codeFile = data.resolve("enrolment-code.txt");
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(codeFile));
    String code = Files.readString(codeFile).strip();
    HttpResponse<String> enrolled =
        api(hubUrl, "POST", "/api/stations/s-001/enrolment", "{\"code\":\"" + code + "\"}");
    assertThat(enrolled.statusCode()).as(enrolled.body()).isBetween(200, 299);
    await().atMost(Duration.ofSeconds(60)).until(() -> runs(versionA));

    // B rolled out to the station: it comes back as B, healthy, and the rollout is done.
    upload(hubUrl, bundleB);
    rollOut(hubUrl, B);
    await().atMost(Duration.ofSeconds(90)).until(() -> runs(B));
    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/" + B);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !Files.exists(home.resolve("update/pending")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              rollouts().moveRunning();
              return rollouts().list(admin()).getFirst().state() == SoftwareRollouts.State.DONE;
            });
    assertThat(exits).as("one restart into B (75)").contains(75);

    // C, whose launcher fails, rolled out: back to B by itself, the rollout halted with why.
    upload(hubUrl, bundleC);
    rollOut(hubUrl, C);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> rollouts().list(admin()).getFirst().state() == SoftwareRollouts.State.HALTED);
    SoftwareRollouts.Rollout halted = rollouts().list(admin()).getFirst();
    assertThat(halted.version()).isEqualTo(C);
    assertThat(halted.haltedStation()).isEqualTo("s-001");
    assertThat(halted.haltedReason()).as("liaison-update-check's reason").isEqualTo("starts");
    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/" + B);
    assertThat(Files.readString(home.resolve("update/failed"))).contains(C);
    await().atMost(Duration.ofSeconds(60)).until(() -> runs(B));
    assertThat(exits.stream().filter(s -> s == 1).count())
        .as("C's three failed starts")
        .isEqualTo(3);
  }

  /** The station's unit, as a loop: the update check before each start, a restart on any exit. */
  private void supervise(Path home, Path check, Path data, String hubUrl, int mqttPort) {
    Map<String, String> env = new HashMap<>();
    env.put("LIAISON_HOME", home.toString());
    // The check refuses root (a station runs it as liaison); the build may run as root.
    env.put("LIAISON_UPDATE_CHECK_AS_ROOT", "tests");
    env.put("MODE", "signage");
    env.put("LIAISON_STATION", "s-001");
    env.put("LIAISON_HUB", hubUrl);
    env.put("LIAISON_BROKER", "tcp://127.0.0.1:" + mqttPort);
    env.put("LIAISON_DATA_DIR", data.toString());
    env.put("LIAISON_SIZE", "640x360");
    env.put("LIAISON_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    env.put("JAVA_OPTS", "-Dglass.platform=Headless -Dprism.order=sw -Xmx256m");
    Path log = work.resolve("station.log");
    supervisor =
        Thread.ofPlatform()
            .name("station-supervisor")
            .daemon()
            .start(
                () -> {
                  try {
                    while (!stopping && exits.size() < 20) {
                      run(env, log, check.toString(), "start");
                      ProcessBuilder start =
                          new ProcessBuilder(home.resolve("current/bin/liaison-station").toString())
                              .redirectErrorStream(true)
                              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                      start.environment().putAll(env);
                      app = start.start();
                      exits.add(app.waitFor());
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
  }

  private static int run(Map<String, String> env, Path log, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().putAll(env);
    return pb.start().waitFor();
  }

  /** Whether the hub's fleet sees the station running this version (its heartbeat says so). */
  private boolean runs(String version) {
    return hub
        .getBean(FleetOverview.class)
        .rows(hub.getBean(StationRepository.class).all())
        .stream()
        .anyMatch(r -> r.place().id().equals("s-001") && version.equals(r.appVersion()));
  }

  private SoftwareRollouts rollouts() {
    return hub.getBean(SoftwareRollouts.class);
  }

  private static liaison.hub.security.Staff admin() {
    return new liaison.hub.security.Staff(
        "u-e2e",
        "admin",
        "管理员",
        liaison.hub.security.Role.COUNTY_ADMIN,
        DemoCounty.COUNTY,
        null,
        java.util.Set.of());
  }

  private void upload(String hubUrl, Path bundle) throws Exception {
    HttpResponse<String> kept =
        http.send(
            HttpRequest.newBuilder(URI.create(hubUrl + "/api/software/bundles"))
                .header("Authorization", basic())
                .header("Content-Type", "application/gzip")
                .POST(HttpRequest.BodyPublishers.ofFile(bundle))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(kept.statusCode()).as(kept.body()).isEqualTo(201);
  }

  private void rollOut(String hubUrl, String version) throws Exception {
    HttpResponse<String> started =
        api(
            hubUrl,
            "POST",
            "/api/software/rollouts",
            "{\"version\":\"" + version + "\",\"scope\":\"STATION\",\"scopeId\":\"s-001\"}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
  }

  private HttpResponse<String> api(String hubUrl, String method, String path, String json)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(hubUrl + path))
            .header("Authorization", basic())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(("admin:" + DemoCounty.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private ApplicationContext startHub(int mqttPort) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("hub.data-dir", work.resolve("hub").toString());
    properties.put("hub.http-port", -1);
    properties.put("hub.http-host", "127.0.0.1");
    properties.put("hub.public-url", "https://hub.test");
    properties.put("hub.mqtt.port", mqttPort);
    properties.put("hub.mqtt.broker.persistence", "in-memory");
    ApplicationContext context = ApplicationContext.run(properties);
    context.getBean(EmbeddedServer.class).start();
    return context;
  }

  private static Path builtBundle() {
    return Path.of(System.getProperty("liaison.bundle.dir"))
        .resolve(
            "liaison-station-"
                + System.getProperty("liaison.bundle.version")
                + "-linux-x64.tar.gz");
  }

  private Path unpack(Path bundle, Path into) throws Exception {
    Files.createDirectories(into);
    assertThat(
            run(
                Map.of(),
                work.resolve("tar.log"),
                "tar",
                "-xzf",
                bundle.toString(),
                "-C",
                into.toString()))
        .isZero();
    return into;
  }

  /**
   * The same bundle under another VERSION (as test-install.sh makes its upgrade); broken: its
   * launcher exits 1.
   */
  private Path repack(Path bundle, String version, boolean broken) throws Exception {
    Path dir = unpack(bundle, work.resolve("repack-" + version));
    Files.writeString(dir.resolve("VERSION"), version + "\n");
    if (broken) {
      Files.writeString(
          dir.resolve("bin/liaison-station"),
          "#!/bin/sh\necho 'this version does not start' >&2\nexit 1\n");
    }
    Path out = work.resolve("liaison-station-" + version + "-linux-x64.tar.gz");
    List<String> command =
        new ArrayList<>(List.of("tar", "-czf", out.toString(), "-C", dir.toString()));
    try (var entries = Files.list(dir)) {
      entries.map(p -> p.getFileName().toString()).sorted().forEach(command::add);
    }
    assertThat(run(Map.of(), work.resolve("tar.log"), command.toArray(String[]::new))).isZero();
    return out;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
