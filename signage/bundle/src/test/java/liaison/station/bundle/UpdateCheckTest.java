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
 * starts, or from the timer past the deadline (then restarting the app through systemctl, here a
 * stand-in that writes down what it was asked).
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
  void shouldRollBackFromTheTimerPastTheDeadlineAndRestartTheApp() throws Exception {
    pending(Instant.now().getEpochSecond() + 600);
    assertThat(check("timer")).as("before the deadline").isZero();
    assertThat(home.resolve("update/pending")).exists();
    assertThat(work.resolve("systemctl.log")).doesNotExist();

    pending(Instant.now().getEpochSecond() - 1);
    assertThat(check("timer")).isZero();

    assertThat(Files.readSymbolicLink(home.resolve("current"))).hasToString("versions/0.1.0");
    assertThat(Files.readString(home.resolve("update/rolled-back"))).contains("REASON=deadline\n");
    assertThat(Files.readString(work.resolve("systemctl.log")))
        .isEqualTo("restart liaison-station.service\n");
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
        Map.of("LIAISON_HOME", home.toString(), "PATH", fakeBin + ":" + System.getenv("PATH")),
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
