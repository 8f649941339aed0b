package liaison.station.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle's {@code bin/liaison-update-check}, as built, on a station's directory laid out as
 * docs/FIELD.md says: it counts the starts of a pending update and rolls back after three failed
 * starts, or from the timer past the deadline (then exiting with status 3, on which its unit
 * restarts the app). It runs as the station's user, never as root; the tests here run as whoever
 * runs the build (root on CI), so they set {@code LIAISON_UPDATE_CHECK_AS_ROOT}.
 */
class UpdateCheckTest {
  @TempDir Path work;
  private Path home;
  private Path script;

  @BeforeEach
  void station() throws Exception {
    Path bundle =
        Path.of(System.getProperty("liaison.bundle.dir"))
            .resolve(
                "liaison-station-"
                    + System.getProperty("liaison.bundle.version")
                    + "-linux-x64.tar.gz");
    Path unpacked = Files.createDirectories(work.resolve("bundle"));
    run(Map.of(), "tar", "-xzf", bundle.toString(), "-C", unpacked.toString(), "bin");
    script = unpacked.resolve("bin/liaison-update-check");
    assertThat(script).isExecutable();

    home = Files.createDirectories(work.resolve("home"));
    Files.createDirectories(home.resolve("versions/0.1.0"));
    Files.createDirectories(home.resolve("versions/0.2.0"));
    Files.createDirectories(home.resolve("update"));
    Files.createSymbolicLink(home.resolve("current"), Path.of("versions/0.2.0"));
    Files.createSymbolicLink(home.resolve("previous"), Path.of("versions/0.1.0"));
  }

  @Test
  void shouldLetAHealthyOrNoUpdateStartAsItIs() throws Exception {
    assertThat(check("start")).isZero();
    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.2.0");
    assertThat(home.resolve("update/rolled-back")).doesNotExist();
  }

  @Test
  void shouldCountStartsAndRollBackBeforeTheFourthStart() throws Exception {
    pending(Instant.now().getEpochSecond() + 600);

    for (int start = 1; start <= 3; start++) {
      assertThat(check("start")).isZero();
      assertThat(Files.readString(home.resolve("update/pending"))).contains("STARTS=" + start);
      assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.2.0");
    }
    assertThat(check("start")).isZero();

    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.1.0");
    assertThat(home.resolve("update/pending")).doesNotExist();
    assertThat(Files.readString(home.resolve("update/rolled-back")))
        .contains("VERSION=0.2.0\n", "PREVIOUS=0.1.0\n", "REASON=starts\n", "AT=");
  }

  @Test
  void shouldRollBackFromTheTimerPastTheDeadlineAndAskItsUnitToRestartTheApp() throws Exception {
    pending(Instant.now().getEpochSecond() + 600);
    assertThat(check("timer")).as("before the deadline").isZero();
    assertThat(home.resolve("update/pending")).exists();

    pending(Instant.now().getEpochSecond() - 1);
    assertThat(check("timer"))
        .as("rolled back: the unit restarts the app on status 3")
        .isEqualTo(3);

    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.1.0");
    assertThat(Files.readString(home.resolve("update/rolled-back"))).contains("REASON=deadline\n");
    assertThat(work.resolve("systemctl.log")).as("never systemctl itself").doesNotExist();
  }

  @Test
  void shouldDropAPendingUpdateOfAVersionThatIsNoLongerCurrent() throws Exception {
    // The installer put another version in place after an update was left pending.
    Files.createDirectories(home.resolve("versions/0.3.0"));
    Files.delete(home.resolve("current"));
    Files.createSymbolicLink(home.resolve("current"), Path.of("versions/0.3.0"));
    pending(Instant.now().getEpochSecond() - 1);

    assertThat(check("timer")).isZero();
    assertThat(check("start")).isZero();

    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.3.0");
    assertThat(home.resolve("update/pending")).doesNotExist();
    assertThat(home.resolve("update/rolled-back")).doesNotExist();
  }

  @Test
  void shouldRefuseToRunAsRootUnlessTold() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "only root can be refused as root");
    pending(Instant.now().getEpochSecond() - 1);
    assertThat(run(Map.of("LIAISON_HOME", home.toString()), script.toString(), "timer"))
        .isEqualTo(2);
    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.2.0");
  }

  @Test
  void shouldRefuseAPreviousVersionThatIsNotAFolderOfVersions() throws Exception {
    Files.writeString(
        home.resolve("update/pending"),
        "VERSION=0.2.0\nPREVIOUS=../../etc\nDEADLINE=0\nSTARTS=0\n");

    assertThat(check("start")).isNotZero();
    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.2.0");
  }

  private void pending(long deadline) throws IOException {
    Files.writeString(
        home.resolve("update/pending"),
        "VERSION=0.2.0\nPREVIOUS=0.1.0\nDEADLINE=" + deadline + "\nSTARTS=0\n");
  }

  /** Runs the script with a systemctl stand-in first on the PATH; answers its exit status. */
  private int check(String mode) throws Exception {
    Path fakeBin = Files.createDirectories(work.resolve("fake-bin"));
    Path systemctl = fakeBin.resolve("systemctl");
    Files.writeString(
        systemctl, "#!/bin/sh\necho \"$*\" >> '" + work.resolve("systemctl.log") + "'\n");
    Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    return run(
        Map.of(
            "LIAISON_HOME",
            home.toString(),
            "PATH",
            fakeBin + ":" + System.getenv("PATH"),
            "LIAISON_UPDATE_CHECK_AS_ROOT",
            "tests"),
        script.toString(),
        mode);
  }

  private static int run(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    int status = process.waitFor();
    System.out.println(String.join(" ", command) + " -> " + status + "\n" + output);
    return status;
  }
}
