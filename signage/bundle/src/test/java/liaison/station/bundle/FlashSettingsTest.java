package liaison.station.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What keeps a station's writes off its SD card, as the Pi's bundle carries it: the journal in RAM
 * with a cap ({@code conf/journald.conf.d/liaison.conf}), the JVM options the launcher passes
 * ({@code conf/jvm.options}), and {@code bin/liaison-read-only-root}, which refuses off Raspberry
 * Pi OS without changing anything.
 */
class FlashSettingsTest {

  @TempDir Path unpacked;

  @BeforeEach
  void unpackThePisBundle() throws Exception {
    Path bundle =
        Path.of(System.getProperty("liaison.bundle.dir"))
            .resolve(
                "liaison-station-"
                    + System.getProperty("liaison.bundle.version")
                    + "-linux-aarch64.tar.gz");
    assertThat(run(List.of("tar", "-xzf", bundle.toString(), "-C", unpacked.toString()), Map.of()))
        .extracting(Run::status)
        .isEqualTo(0);
  }

  @Test
  void keepsTheJournalInRamWithACapAndNoCopyToSyslog() throws IOException {
    Map<String, Map<String, String>> sections =
        unitFile(unpacked.resolve("conf/journald.conf.d/liaison.conf"));

    assertThat(sections).containsOnlyKeys("Journal");
    Map<String, String> journal = sections.get("Journal");
    assertThat(journal)
        .containsEntry("Storage", "volatile")
        .containsEntry("ForwardToSyslog", "no")
        .containsKey("RuntimeMaxUse");
    assertThat(megabytes(journal.get("RuntimeMaxUse"))).isBetween(8L, 64L);
    assertThat(megabytes(journal.get("RuntimeMaxFileSize")))
        .isLessThanOrEqualTo(megabytes(journal.get("RuntimeMaxUse")));
  }

  @Test
  void launcherPassesTheJvmOptionsBeforeEverythingElse() throws Exception {
    List<String> options =
        Files.readAllLines(unpacked.resolve("conf/jvm.options")).stream()
            .map(line -> line.replaceAll("#.*", "").strip())
            .filter(line -> !line.isEmpty())
            .toList();
    assertThat(options).contains("-XX:-UsePerfData").allMatch(option -> option.startsWith("-"));
    // a java that prints what it was given, one argument a line
    Path java = unpacked.resolve("fake-java");
    Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();

    Run launched =
        run(
            List.of(unpacked.resolve("bin/liaison-station").toString()),
            Map.of("LIAISON_JAVA", java.toString(), "MODE", "signage"));

    assertThat(launched.status()).isZero();
    List<String> arguments = launched.output().lines().toList();
    assertThat(arguments.subList(0, options.size())).isEqualTo(options);
    assertThat(arguments).contains("liaison.signage.player.board.SignageMain");
  }

  @Test
  void readOnlyRootRefusesOffRaspberryPiOsAndChangesNothing() throws Exception {
    Path script = unpacked.resolve("bin/liaison-read-only-root");
    assertThat(script).isExecutable();
    Map<String, String> noRaspiConfig = Map.of("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");

    Run status = run(List.of(script.toString(), "status"), noRaspiConfig);
    assertThat(status.status()).isZero();
    assertThat(status.output()).contains("根文件系统", "root file system");

    String fstab = Files.readString(Path.of("/etc/fstab"));
    Run enable =
        run(List.of(script.toString(), "enable", "--data-partition=/dev/mmcblk0p3"), noRaspiConfig);
    assertThat(enable.status()).isEqualTo(3);
    assertThat(enable.output()).contains("未做任何更改", "nothing was changed");
    assertThat(Files.readString(Path.of("/etc/fstab"))).isEqualTo(fstab);

    Run wrong = run(List.of(script.toString(), "sideways"), noRaspiConfig);
    assertThat(wrong.status()).isEqualTo(2);
    assertThat(wrong.output()).contains("用法", "usage");
  }

  /** systemd's configuration format: [Section], Key=Value, '#' and ';' comments. */
  private static Map<String, Map<String, String>> unitFile(Path file) throws IOException {
    Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    Map<String, String> current = null;
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current =
            sections.computeIfAbsent(
                line.substring(1, line.length() - 1), s -> new LinkedHashMap<>());
        continue;
      }
      int eq = line.indexOf('=');
      assertThat(eq).as("a key=value line: %s", line).isPositive();
      assertThat(current).as("%s comes after a [section]", line).isNotNull();
      current.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return sections;
  }

  /** A journald size (K, M, G, 1024-based) in megabytes. */
  private static long megabytes(String size) {
    long number = Long.parseLong(size.substring(0, size.length() - 1));
    return switch (size.charAt(size.length() - 1)) {
      case 'K' -> number / 1024;
      case 'M' -> number;
      case 'G' -> number * 1024;
      default -> throw new AssertionError("not a journald size: " + size);
    };
  }

  private record Run(int status, String output) {}

  private static Run run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }
}
