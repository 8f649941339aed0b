package liaison.station.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The station's launcher ({@code bin/liaison-station}) on a bundle laid out as installed, with a
 * stand-in java that writes down how it was called: it gives sqlite-jdbc the bundle's unpacked
 * library, trains the kiosk's AOT cache at the first start of a version and uses it after, and a
 * training run that fails never keeps the kiosk from starting (issue 22).
 */
class StationLauncherTest {
  private static final Path LAUNCHER = Path.of("src/main/bundle/bin/liaison-station");

  @TempDir Path dir;

  @Test
  void shouldTrainTheAotCacheOnceAndStartWithItAndTheUnpackedSqliteLibrary() throws Exception {
    Path bundle = bundle(true);

    Ran first = launch(bundle, Map.of());
    Ran second = launch(bundle, Map.of());

    List<String> calls = calls();
    assertThat(first.status()).as(first.output()).isZero();
    assertThat(second.status()).as(second.output()).isZero();
    assertThat(calls).hasSize(3);
    // The training run: the cache written at exit, the app told to end after its first frame.
    assertThat(calls.get(0))
        .contains("-XX:AOTCacheOutput=" + bundle.resolve("aot/kiosk.aot.new"))
        .contains("-Dliaison.aotTraining=true")
        .doesNotContain("-XX:AOTCache=");
    // Then the kiosk itself, with the cache; the next start uses it without training again.
    for (String start : calls.subList(1, 3)) {
      assertThat(start)
          .contains("-XX:AOTCache=" + bundle.resolve("aot/kiosk.aot"))
          .doesNotContain("AOTCacheOutput")
          .doesNotContain("aotTraining")
          .contains("-Dorg.sqlite.lib.path=" + bundle.resolve("native"))
          .contains("-Dorg.sqlite.lib.name=libsqlitejdbc.so")
          .endsWith("liaison.kiosk.app.KioskMain");
    }
    assertThat(bundle.resolve("aot/kiosk.aot")).hasContent("cache");
  }

  @Test
  void shouldTrainAgainWhenAJarIsNewerThanTheCache() throws Exception {
    Path bundle = bundle(true);
    launch(bundle, Map.of());
    Path jar = Files.createDirectories(bundle.resolve("lib")).resolve("liaison-kiosk.jar");
    Files.writeString(jar, "changed");
    Files.setLastModifiedTime(
        jar,
        FileTime.fromMillis(
            Files.getLastModifiedTime(bundle.resolve("aot/kiosk.aot")).toMillis() + 60_000));

    launch(bundle, Map.of());

    // Java 25 would load the old jar's classes from the cache: the launcher makes a new one.
    assertThat(calls()).hasSize(4);
    assertThat(calls().get(2)).contains("-XX:AOTCacheOutput=");
    assertThat(calls().get(3)).contains("-XX:AOTCache=");
  }

  @Test
  void shouldStartWithoutACacheWhenTheTrainingFailsAndNotTrainAgain() throws Exception {
    Path bundle = bundle(false);

    Ran first = launch(bundle, Map.of("FAIL_TRAINING", "1"));
    Ran second = launch(bundle, Map.of("FAIL_TRAINING", "1"));

    List<String> calls = calls();
    assertThat(first.status()).as(first.output()).isZero();
    assertThat(first.output()).contains("the AOT training failed; starting without a cache");
    assertThat(second.status()).as(second.output()).isZero();
    assertThat(calls).hasSize(3);
    assertThat(calls.get(0)).contains("-XX:AOTCacheOutput=");
    for (String start : calls.subList(1, 3)) {
      // No cache, and a bundle without an unpacked library: sqlite-jdbc unpacks its own.
      assertThat(start).doesNotContain("AOTCache").doesNotContain("org.sqlite.lib");
    }
    assertThat(bundle.resolve("aot/kiosk.aot.new")).doesNotExist();
  }

  @Test
  void shouldNotTrainWhileAnUpdateWaitsToBeConfirmedHealthy() throws Exception {
    Path bundle = bundle(true);
    Path home = Files.createDirectories(dir.resolve("home/update"));
    Files.writeString(home.resolve("pending"), "VERSION=1.2.3\n");

    Ran started = launch(bundle, Map.of("LIAISON_HOME", dir.resolve("home").toString()));

    assertThat(started.status()).as(started.output()).isZero();
    assertThat(calls()).singleElement().asString().doesNotContain("AOTCache");
  }

  @Test
  void shouldNeitherTrainNorUseACacheForSignageOrWhenTurnedOff() throws Exception {
    Path bundle = bundle(true);

    launch(bundle, Map.of("MODE", "signage"));
    launch(bundle, Map.of("LIAISON_AOT", "off"));

    assertThat(calls())
        .hasSize(2)
        .allSatisfy(call -> assertThat(call).doesNotContain("AOTCache"))
        .allSatisfy(call -> assertThat(call).contains("-Dorg.sqlite.lib.path="));
  }

  @Test
  void passesShellCheck() throws Exception {
    if (!Files.isExecutable(Path.of("/usr/bin/shellcheck"))
        && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort("/usr/bin/shellcheck is not here (Debian: shellcheck)");
    }
    Ran checked = run(List.of("shellcheck", LAUNCHER.toString()), Map.of());

    assertThat(checked.output()).as("ShellCheck says nothing").isEmpty();
    assertThat(checked.status()).isZero();
  }

  /** An installed bundle's folder: the launcher, its VERSION and options, and a stand-in java. */
  private Path bundle(boolean unpackedSqlite) throws IOException {
    Path bundle = Files.createDirectories(dir.resolve("versions/1.2.3"));
    Files.createDirectories(bundle.resolve("bin"));
    Files.createDirectories(bundle.resolve("conf"));
    Files.copy(LAUNCHER, bundle.resolve("bin/liaison-station"));
    executable(bundle.resolve("bin/liaison-station"));
    Files.writeString(bundle.resolve("VERSION"), "1.2.3\n");
    Files.writeString(bundle.resolve("conf/jvm.options"), "# a comment\n-XX:-UsePerfData\n");
    if (unpackedSqlite) {
      Files.createDirectories(bundle.resolve("native"));
      Files.writeString(bundle.resolve("native/libsqlitejdbc.so"), "ELF");
    }
    Path java = dir.resolve("jdk/bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(
        java,
        """
        #!/bin/sh
        echo "$*" >>"$CALLS"
        for arg; do
          case $arg in
            -XX:AOTCacheOutput=*)
              [ "${FAIL_TRAINING:-}" = 1 ] && exit 3
              echo cache >"${arg#*=}" ;;
          esac
        done
        exit 0
        """);
    executable(java);
    return bundle;
  }

  private Ran launch(Path bundle, Map<String, String> env) throws Exception {
    Map<String, String> all = new java.util.HashMap<>();
    all.put("LIAISON_HOME", dir.resolve("home").toString());
    all.putAll(env);
    all.put("LIAISON_JAVA", dir.resolve("jdk/bin/java").toString());
    all.put("CALLS", dir.resolve("calls").toString());
    return run(List.of(bundle.resolve("bin/liaison-station").toString()), all);
  }

  private List<String> calls() throws IOException {
    return Files.readAllLines(dir.resolve("calls"));
  }

  private static void executable(Path file) throws IOException {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private record Ran(int status, String output) {}

  private static Ran run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("MODE");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Ran(process.exitValue(), output);
  }
}
