package liaison.signage.player.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import liaison.signage.protocol.BundleSignature;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import liaison.testkit.TestClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A station's update on the installer's layout, and as the apps run it ({@link SoftwareUpdates}:
 * from the snapshot's target to the restart, each step reported), from a real HTTP server that
 * answers Range as the hub does: a checked bundle is unpacked and switched to with {@code
 * update/pending} written; a cut download resumes where it stopped; a bundle whose bytes or
 * signature are not the hub's is refused and nothing is switched.
 */
class StationUpdateTest {
  private final TestClock clock = TestClock.at("2026-12-05T10:00:00+08:00");
  private final KeyPair hub = keys();
  private final List<String> ranges = new ArrayList<>();
  private final AtomicInteger cutsLeft = new AtomicInteger();
  @TempDir Path dir;
  private Path home;
  private byte[] served;
  private HttpServer server;

  @BeforeEach
  void station() throws Exception {
    home = dir.resolve("home");
    Files.createDirectories(home.resolve("versions/0.1.0/bin"));
    Files.createSymbolicLink(home.resolve("current"), Path.of("versions/0.1.0"));
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/install/bundle", this::serve);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void shouldUnpackACheckedBundleAndSwitchToItLeavingPendingForTheNextStart() throws Exception {
    served = bundle("0.2.0");
    BundleTarget target = target("0.2.0", served, sign("0.2.0", served));
    StationUpdate update = update();

    Path file = update.download(target);
    update.switchTo(target, file, Duration.ofMinutes(10));

    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.2.0");
    assertThat(Files.readSymbolicLink(home.resolve("previous"))).hasToString("versions/0.1.0");
    assertThat(home.resolve("versions/0.2.0/VERSION")).hasContent("0.2.0");
    assertThat(home.resolve("versions/0.2.0.tmp")).doesNotExist();
    long deadline = clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond();
    assertThat(home.resolve("update/pending"))
        .hasContent("VERSION=0.2.0\nPREVIOUS=0.1.0\nDEADLINE=" + deadline + "\nSTARTS=0");
  }

  @Test
  void shouldResumeADownloadCutHalfWay() throws Exception {
    served = bundle("0.2.0");
    BundleTarget target = target("0.2.0", served, sign("0.2.0", served));
    StationUpdate update = update();
    cutsLeft.set(1);

    assertThatThrownBy(() -> update.download(target)).isInstanceOf(IOException.class);
    Path part = home.resolve("update/downloads/" + target.sha256() + ".part");
    long had = Files.size(part);
    assertThat(had).isPositive().isLessThan(served.length);
    Path file = update.download(target);

    assertThat(ranges).containsExactly("", "bytes=" + had + "-");
    assertThat(Files.readAllBytes(file)).isEqualTo(served);
  }

  @Test
  void shouldRefuseABundleWhoseBytesOrSignatureAreNotTheHubsAndSwitchNothing() throws Exception {
    byte[] genuine = bundle("0.2.0");
    String signature = sign("0.2.0", genuine);
    StationUpdate update = update();

    served = bundle("0.2.0-evil");
    assertThatThrownBy(() -> update.download(target("0.2.0", genuine, signature)))
        .as("other bytes than the hub named")
        .isInstanceOf(StationUpdate.Refused.class)
        .hasMessageContaining("SHA-256");
    served = genuine;
    assertThatThrownBy(() -> update.download(target("0.2.1", genuine, signature)))
        .as("the signature of another version")
        .isInstanceOf(StationUpdate.Refused.class)
        .hasMessageContaining("signature");
    KeyPair other = keys();
    String foreign = sign(other, "0.2.0", genuine);
    assertThatThrownBy(() -> update.download(target("0.2.0", genuine, foreign)))
        .as("signed with another key")
        .isInstanceOf(StationUpdate.Refused.class);

    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.1.0");
    assertThat(home.resolve("versions/0.2.0")).doesNotExist();
    assertThat(home.resolve("update/pending")).doesNotExist();
    try (var left = Files.list(home.resolve("update/downloads"))) {
      assertThat(left).as("a refused file is not kept").isEmpty();
    }
  }

  @Test
  void shouldTakeUpdatesOnlyWhereTheInstallerLaidTheStationOut() throws Exception {
    assertThat(StationUpdate.installedHome(null)).isEmpty();
    assertThat(StationUpdate.installedHome(dir.resolve("nowhere").toString())).isEmpty();
    assertThat(StationUpdate.installedHome(home.toString())).contains(home);
  }

  @Test
  void shouldSwitchToTheVersionTheSnapshotNamesReportEachStepAndRestart() throws Exception {
    served = bundle("0.2.0");
    SoftwareUpdates updates = updates(home);

    updates.offered(offering("0.2.0", served, sign("0.2.0", served)));

    Awaitility.await().untilTrue(restarted);
    assertThat(reported).containsExactly("0.2.0 downloading", "0.2.0 verified", "0.2.0 switched");
    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.2.0");
    assertThat(home.resolve("update/pending")).exists();

    reported.clear();
    updates.offered(GoldenFiles.content());
    updates(home).offered(offering("0.1.0", served, sign("0.1.0", served)));
    assertThat(reported).as("no target, or the version it runs: nothing to do").isEmpty();
  }

  @Test
  void shouldReportARefusedBundleAndNotRestart() throws Exception {
    served = bundle("0.2.0");
    SoftwareUpdates updates = updates(home);

    updates.offered(offering("0.2.0", served, sign(keys(), "0.2.0", served)));

    Awaitility.await().until(() -> reported.size() == 2);
    assertThat(reported.getLast()).isEqualTo("0.2.0 refused signature");
    assertThat(restarted).isFalse();
    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.1.0");
  }

  @Test
  void shouldReportARollbackOnceAndNeverTryThatVersionAgain() throws Exception {
    Files.createDirectories(home.resolve("update"));
    Files.writeString(
        home.resolve("update/rolled-back"),
        "VERSION=0.2.0\nPREVIOUS=0.1.0\nREASON=deadline\nAT=1796000000\n");
    served = bundle("0.2.0");
    SoftwareUpdates updates = updates(home);

    updates.started();
    updates.started();
    updates.offered(offering("0.2.0", served, sign("0.2.0", served)));

    assertThat(reported).containsExactly("0.2.0 rolled-back deadline");
    assertThat(ranges).as("the failed version is not downloaded again").isEmpty();
  }

  @Test
  void shouldConfirmItsPendingUpdateOnceHealthyAndSayWhenItWasNotInstalledToUpdate()
      throws Exception {
    Files.createDirectories(home.resolve("update"));
    Files.writeString(
        home.resolve("update/pending"), "VERSION=0.1.0\nPREVIOUS=0.0.9\nDEADLINE=1\nSTARTS=1\n");
    SoftwareUpdates updates = updates(home);

    updates.healthy();
    updates.healthy();

    assertThat(home.resolve("update/pending")).doesNotExist();
    assertThat(reported).containsExactly("0.1.0 healthy");

    reported.clear();
    served = bundle("0.2.0");
    SoftwareUpdates notInstalled = updates(null);
    notInstalled.offered(offering("0.2.0", served, sign("0.2.0", served)));
    notInstalled.offered(offering("0.2.0", served, sign("0.2.0", served)));
    assertThat(reported).containsExactly("0.2.0 not-installed");
  }

  private final List<String> reported = new CopyOnWriteArrayList<>();
  private final AtomicBoolean restarted = new AtomicBoolean();

  /** The station running 0.1.0, reporting into {@link #reported}, restarting into a flag. */
  private SoftwareUpdates updates(Path installed) {
    return new SoftwareUpdates(
        installed,
        "0.1.0",
        "linux-x64",
        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
        () -> Optional.of(BundleSignature.pem(hub.getPublic())),
        (type, body) ->
            reported.add(
                (body.get("version")
                        + " "
                        + body.get("outcome")
                        + " "
                        + body.getOrDefault("reason", ""))
                    .strip()),
        () -> restarted.set(true),
        Duration.ofMinutes(5),
        clock);
  }

  /** The golden snapshot naming this version, with its linux-x64 bundle. */
  private StationContent offering(String version, byte[] bytes, String signature) throws Exception {
    BundleTarget t = target(version, bytes, signature);
    return GoldenFiles.content()
        .withSoftware(
            new StationContent.Software(
                version,
                List.of(
                    new StationContent.Bundle(
                        "linux-x64",
                        t.sha256(),
                        bytes.length,
                        signature,
                        "/install/bundle?arch=linux-x64&version=" + version))));
  }

  private StationUpdate update() {
    return new StationUpdate(home, hub.getPublic(), HttpClient.newHttpClient(), clock);
  }

  private BundleTarget target(String version, byte[] bytes, String signature) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    return new BundleTarget(
        version,
        "linux-x64",
        sha,
        bytes.length,
        signature,
        URI.create(
            "http://127.0.0.1:"
                + server.getAddress().getPort()
                + "/install/bundle?arch=linux-x64&version="
                + version));
  }

  /** Answers the bundle, or from the Range asked for; a cut sends half and drops the line. */
  private void serve(HttpExchange exchange) throws IOException {
    String range = exchange.getRequestHeaders().getFirst("Range");
    ranges.add(range == null ? "" : range);
    int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
    if (from > 0) {
      exchange
          .getResponseHeaders()
          .add("Content-Range", "bytes " + from + "-" + (served.length - 1) + "/" + served.length);
    }
    exchange.sendResponseHeaders(from > 0 ? 206 : 200, served.length - from);
    if (cutsLeft.getAndDecrement() > 0) {
      exchange.getResponseBody().write(served, from, (served.length - from) / 2);
      exchange.getResponseBody().flush();
      // fewer bytes than announced: the server drops the connection
      exchange.close();
      return;
    }
    exchange.getResponseBody().write(served, from, served.length - from);
    exchange.close();
  }

  /** A tar.gz with a VERSION and a launcher, made by tar as a bundle is unpacked by it. */
  private byte[] bundle(String version) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src-" + version + "/bin"));
    Files.writeString(src.resolveSibling("VERSION"), version, StandardCharsets.UTF_8);
    Files.writeString(src.resolve("liaison-station"), "#!/bin/sh\n");
    Path out = dir.resolve(version + ".tar.gz");
    Process tar =
        new ProcessBuilder(
                "tar", "-czf", out.toString(), "-C", src.getParent().toString(), "VERSION", "bin")
            .redirectErrorStream(true)
            .start();
    assertThat(tar.waitFor()).as(new String(tar.getInputStream().readAllBytes())).isZero();
    return Files.readAllBytes(out);
  }

  private String sign(String version, byte[] bytes) throws Exception {
    return sign(hub, version, bytes);
  }

  private static String sign(KeyPair pair, String version, byte[] bytes) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    Signature signer = Signature.getInstance(BundleSignature.ALGORITHM);
    signer.initSign(pair.getPrivate());
    signer.update(BundleSignature.statement(version, "linux-x64", sha));
    return Base64.getEncoder().encodeToString(signer.sign());
  }

  private static KeyPair keys() {
    try {
      return KeyPairGenerator.getInstance(BundleSignature.ALGORITHM).generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
