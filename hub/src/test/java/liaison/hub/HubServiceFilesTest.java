package liaison.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The county server's files in {@code hub/src/main/dist}: the units pass {@code systemd-analyze
 * verify} (Debian's, from systemd-container; it runs here although no systemd does, on a root made
 * for it: the system's own units, and the programs the units start), and the install script passes
 * {@code bash -n} and ShellCheck. Without those programs the checks are skipped, saying why, except
 * under {@code CI=true}.
 */
class HubServiceFilesTest {
  private static final Path DIST = Path.of("src/main/dist");
  private static final List<String> UNITS =
      List.of("liaison-hub.service", "liaison-hub-backup.service", "liaison-hub-backup.timer");

  /** A program's exit status and all it printed. */
  record Ran(int status, String output) {}

  static Ran run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Ran(p.waitFor(), output);
  }

  static void assumeProgram(String path) {
    if (!Files.isExecutable(Path.of(path)) && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort(path + " is not here (Debian: systemd-container, shellcheck)");
    }
  }

  /** A root with the system's units and stand-ins for the programs the hub's units start. */
  private static Path root(Path dir, List<Path> units) throws IOException {
    Path system = dir.resolve("usr/lib/systemd/system");
    Files.createDirectories(system);
    try (Stream<Path> own = Files.list(Path.of("/usr/lib/systemd/system"))) {
      for (Path unit : own.filter(Files::isRegularFile).toList()) {
        Files.copy(unit, system.resolve(unit.getFileName()));
      }
    }
    for (String program : List.of("opt/liaison-hub/jdk/bin/java", "usr/bin/find")) {
      Path stand = dir.resolve(program);
      Files.createDirectories(stand.getParent());
      Files.writeString(stand, "#!/bin/sh\n");
      Files.setPosixFilePermissions(stand, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path etc = Files.createDirectories(dir.resolve("etc/systemd/system"));
    for (Path unit : units) {
      Files.copy(unit, etc.resolve(unit.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    return dir;
  }

  private static Ran verify(Path root, List<String> names) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no", "--root=" + root));
    names.forEach(n -> command.add("/etc/systemd/system/" + n));
    return run(command);
  }

  @Test
  void shouldPassSystemdAnalyzeVerifyWithoutAWord(@TempDir Path dir) throws Exception {
    assumeProgram("/usr/bin/systemd-analyze");
    Path root = root(dir, UNITS.stream().map(DIST::resolve).toList());

    Ran verified = verify(root, UNITS);

    assertThat(verified.output()).as("systemd-analyze verify says nothing").isEmpty();
    assertThat(verified.status()).isZero();
  }

  @Test
  void shouldHearSystemdAnalyzeNameAMistakeInAUnit(@TempDir Path dir) throws Exception {
    assumeProgram("/usr/bin/systemd-analyze");
    Path bad = dir.resolve("bad.service");
    Files.writeString(
        bad,
        Files.readString(DIST.resolve("liaison-hub.service"))
            .replace("Restart=on-failure", "Restart=on-failur"));
    Path root = root(dir.resolve("root"), List.of(bad));

    Ran verified = verify(root, List.of("bad.service"));

    assertThat(verified.output()).as("the check above sees a wrong line").contains("on-failur");
  }

  @Test
  void shouldPassBashAndShellCheck() throws Exception {
    Path script = DIST.resolve("install-hub.sh");
    assertThat(Files.isExecutable(script)).as("install-hub.sh is executable").isTrue();
    Ran syntax = run(List.of("bash", "-n", script.toString()));
    assertThat(syntax.status()).as(syntax.output()).isZero();
    assumeProgram("/usr/bin/shellcheck");

    Ran checked = run(List.of("shellcheck", script.toString()));

    assertThat(checked.output()).as("ShellCheck says nothing").isEmpty();
    assertThat(checked.status()).isZero();
  }
}
