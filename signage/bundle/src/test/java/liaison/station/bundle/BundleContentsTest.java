package liaison.station.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each bundle holds native code for its own processor only: a Raspberry Pi's bundle with x86-64
 * JavaFX would install cleanly and then show nothing. Reads the ELF header of every native library
 * the apps load (JavaFX's with its media, SQLite's in its jar and unpacked, the GPIO library's) in
 * the bundle as built.
 */
class BundleContentsTest {

  /** The processors a bundle is made for, with the ELF machine number of their code. */
  enum Processor {
    LINUX_X64("linux-x64", 62, "Linux/x86_64/", "lib/x86_64/"),
    LINUX_AARCH64("linux-aarch64", 183, "Linux/aarch64/", "lib/aarch64/");

    final String classifier;
    final int elfMachine;
    final String sqliteFolder;
    final String gpiodFolder;

    Processor(String classifier, int elfMachine, String sqliteFolder, String gpiodFolder) {
      this.classifier = classifier;
      this.elfMachine = elfMachine;
      this.sqliteFolder = sqliteFolder;
      this.gpiodFolder = gpiodFolder;
    }
  }

  @TempDir Path unpacked;

  @ParameterizedTest
  @EnumSource(Processor.class)
  void holdsTheLauncherTheVersionAndNativeCodeForItsProcessorOnly(Processor processor)
      throws Exception {
    unpack(bundle(processor));

    assertThat(Files.readString(unpacked.resolve("VERSION")).strip())
        .isEqualTo(System.getProperty("liaison.bundle.version"));
    assertThat(unpacked.resolve("bin/liaison-station")).isExecutable();

    List<Path> javafx = jars(unpacked.resolve("javafx"));
    assertThat(javafx)
        .extracting(p -> p.getFileName().toString())
        .allMatch(
            name -> name.endsWith(processor.classifier.replace("linux-x64", "linux") + ".jar"))
        .anyMatch(name -> name.startsWith("javafx-graphics-"));
    List<Integer> fxMachines = new ArrayList<>();
    for (Path jar : javafx) {
      fxMachines.addAll(machinesOf(jar, entry -> entry.endsWith(".so")));
    }
    assertThat(fxMachines).hasSizeGreaterThan(5).containsOnly(processor.elfMachine);
    // The managers' videos (issue 20): javafx-media's GStreamer and the plugin for Bookworm's
    // FFmpeg
    // 5.1 (libavcodec59, which the installer puts on the card), for this processor.
    Path media = only(unpacked.resolve("javafx"), "javafx-media-");
    for (String library :
        List.of("libgstreamer-lite.so", "libjfxmedia.so", "libavplugin-ffmpeg-59.so")) {
      assertThat(machinesOf(media, library::equals))
          .as(library)
          .containsExactly(processor.elfMachine);
    }

    assertThat(jars(unpacked.resolve("lib")))
        .noneMatch(p -> p.getFileName().toString().startsWith("javafx-"));
    Path sqlite = only(unpacked.resolve("lib"), "sqlite-jdbc-");
    assertThat(machinesOf(sqlite, e -> e.contains(processor.sqliteFolder) && e.endsWith(".so")))
        .containsExactly(processor.elfMachine);
    // The same library unpacked, which the launcher gives sqlite-jdbc (issue 22).
    byte[] header = Files.readAllBytes(unpacked.resolve("native/libsqlitejdbc.so"));
    assertThat(header).startsWith(0x7f, 'E', 'L', 'F');
    assertThat((header[18] & 0xff) | (header[19] & 0xff) << 8).isEqualTo(processor.elfMachine);
    if (processor == Processor.LINUX_AARCH64) {
      // The call button, the motion sensor and the LED go through libgpiod on a Pi.
      Path gpiod = only(unpacked.resolve("lib"), "pi4j-library-gpiod-");
      assertThat(machinesOf(gpiod, e -> e.startsWith(processor.gpiodFolder) && e.endsWith(".so")))
          .isNotEmpty()
          .containsOnly(processor.elfMachine);
    }
  }

  static Path bundle(Processor processor) {
    return Path.of(System.getProperty("liaison.bundle.dir"))
        .resolve(
            "liaison-station-"
                + System.getProperty("liaison.bundle.version")
                + "-"
                + processor.classifier
                + ".tar.gz");
  }

  private void unpack(Path bundle) throws IOException, InterruptedException {
    assertThat(bundle).exists();
    Process tar =
        new ProcessBuilder("tar", "-xzf", bundle.toString(), "-C", unpacked.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(tar.getInputStream().readAllBytes());
    assertThat(tar.waitFor()).as("tar: %s", output).isZero();
  }

  private static List<Path> jars(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }

  private static Path only(Path folder, String prefix) throws IOException {
    List<Path> matching =
        jars(folder).stream().filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    assertThat(matching).hasSize(1);
    return matching.getFirst();
  }

  /** The ELF machine number (e_machine, little-endian at byte 18) of each matching entry. */
  private static List<Integer> machinesOf(Path jar, java.util.function.Predicate<String> which)
      throws IOException {
    List<Integer> machines = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : zip.stream().filter(e -> which.test(e.getName())).toList()) {
        try (InputStream in = zip.getInputStream(entry)) {
          byte[] header = in.readNBytes(20);
          assertThat(header).as(entry.getName()).startsWith(0x7f, 'E', 'L', 'F');
          machines.add((header[18] & 0xff) | (header[19] & 0xff) << 8);
        }
      }
    }
    return machines;
  }
}
