package liaison.station.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.station.bundle.BundleContentsTest.Processor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the installer and the units need from a bundle is in each one, as the tar.gz is built: the
 * install script and the commands executable, every program a unit runs provided by the bundle, and
 * station.sh's processor check taking its own bundle and refusing the other one (the container test
 * runs on x64 only; this is where the Pi's side of the check is proved).
 */
class StationInstallFilesTest {
  /** The lines of station.sh that accept a bundle for a processor: grep -q '^javafx/…$'. */
  private static final Pattern PROCESSOR_CHECK =
      Pattern.compile("grep -q '(\\^javafx/javafx-graphics-[^']*)' \"\\$work/contents\"");

  @ParameterizedTest
  @EnumSource(Processor.class)
  void holdsTheInstallerTheCommandsAndWhatEveryUnitRuns(Processor processor) throws Exception {
    Map<String, String> modes = entries(processor);

    assertThat(modes.get("install/station.sh")).startsWith("-rwx");
    assertThat(modes.get("bin/liaison-station")).startsWith("-rwx");
    assertThat(modes.get("bin/liaison-display")).startsWith("-rwx");
    assertThat(modes)
        .containsKeys("systemd/liaison-display.service", "systemd/liaison-station.service");

    for (String unit : List.of("liaison-display.service", "liaison-station.service")) {
      String text = read(processor, "systemd/" + unit);
      Matcher exec =
          Pattern.compile(
                  "(?m)^Exec\\w+=[-+!@]*(/opt/liaison/bin|/var/lib/liaison/current/bin)/(\\S+)")
              .matcher(text);
      int programs = 0;
      while (exec.find()) {
        programs++;
        assertThat(modes)
            .as("%s runs %s/%s", unit, exec.group(1), exec.group(2))
            .containsKey("bin/" + exec.group(2));
      }
      assertThat(programs).as(unit).isPositive();
    }
  }

  @Test
  void stationShAcceptsEachBundleOnItsOwnProcessorOnly() throws Exception {
    String script = read(Processor.LINUX_X64, "install/station.sh");
    Matcher checks = PROCESSOR_CHECK.matcher(script);
    assertThat(checks.find()).as("station.sh's aarch64 check").isTrue();
    Pattern aarch64 = Pattern.compile(checks.group(1));
    assertThat(checks.find()).as("station.sh's x64 check").isTrue();
    Pattern x64 = Pattern.compile(checks.group(1));

    Map<String, String> pi = entries(Processor.LINUX_AARCH64);
    Map<String, String> pc = entries(Processor.LINUX_X64);
    assertThat(pi.keySet()).anyMatch(e -> aarch64.matcher(e).matches());
    assertThat(pi.keySet()).noneMatch(e -> x64.matcher(e).matches());
    assertThat(pc.keySet()).anyMatch(e -> x64.matcher(e).matches());
    assertThat(pc.keySet()).noneMatch(e -> aarch64.matcher(e).matches());
  }

  /** Each entry's name and its mode as tar lists it ({@code -rwxr-xr-x}). */
  private static Map<String, String> entries(Processor processor)
      throws IOException, InterruptedException {
    Map<String, String> modes = new LinkedHashMap<>();
    for (String line : tar(processor, "-tzvf").split("\n")) {
      String[] fields = line.trim().split("\\s+");
      if (fields.length >= 6) {
        modes.put(fields[fields.length - 1], fields[0]);
      }
    }
    return modes;
  }

  private static String read(Processor processor, String entry)
      throws IOException, InterruptedException {
    return tar(processor, "-xzOf", entry);
  }

  private static String tar(Processor processor, String... arguments)
      throws IOException, InterruptedException {
    Path bundle = BundleContentsTest.bundle(processor);
    List<String> command = new ArrayList<>(List.of("tar"));
    command.addAll(List.of(arguments).subList(0, 1));
    command.add(bundle.toString());
    command.addAll(List.of(arguments).subList(1, arguments.length));
    Process tar =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor()).as("%s", command).isZero();
    return output;
  }
}
