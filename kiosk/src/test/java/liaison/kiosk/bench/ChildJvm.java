package liaison.kiosk.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import liaison.testkit.Benchmarks;

/**
 * A fresh JVM started the way a station starts the kiosk: the same java binary as this test, the
 * test class path, JavaFX's headless platform with the software renderer (the flags the build gives
 * the tests). Its lines {@code key=value} on standard output are the figures it reports.
 */
final class ChildJvm {
  static final String FIGURE_PREFIX = "figure.";

  private ChildJvm() {}

  /**
   * The command for {@code mainClass args…}, without the class path (it goes in the environment).
   */
  static List<String> command(Class<?> mainClass, List<String> jvmOptions, String... args) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElseThrow(() -> new IllegalStateException("cannot tell which java runs this test"));
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("--enable-native-access=ALL-UNNAMED");
    command.add("--sun-misc-unsafe-memory-access=allow");
    command.add("-Duser.timezone=Asia/Shanghai");
    command.add("-Dfile.encoding=UTF-8");
    // The same pipeline as the tests: headless glass, software Prism, T2K text (from the pom's
    // argLine).
    // java.io.tmpdir as the build sets it for tests (under target/): SQLite unpacks its library
    // there.
    // The smoke mode too, so that the child's counts are as small as the benchmark's.
    for (String property :
        List.of(
            "glass.platform",
            "prism.order",
            "prism.text",
            "java.awt.headless",
            "java.io.tmpdir",
            Benchmarks.SMOKE_PROPERTY)) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    if (Benchmarks.smoke()) {
      // Nothing is measured: the quick compiler alone starts a JVM on less of the two cores.
      command.add("-XX:TieredStopAtLevel=1");
    }
    command.addAll(jvmOptions);
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    return command;
  }

  static ProcessBuilder builder(
      Class<?> mainClass, Path workDir, List<String> jvmOptions, String... args) {
    return builder(testClassPath(), mainClass, workDir, jvmOptions, args);
  }

  static ProcessBuilder builder(
      String classPath, Class<?> mainClass, Path workDir, List<String> jvmOptions, String... args) {
    ProcessBuilder builder = new ProcessBuilder(command(mainClass, jvmOptions, args));
    builder.environment().put("CLASSPATH", classPath);
    builder.directory(workDir.toFile());
    builder.redirectErrorStream(true);
    return builder;
  }

  /** Surefire runs tests from a manifest-only jar; its full class path is in this property. */
  static String testClassPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /**
   * The test class path with each folder in it (this module's classes and test classes) packed into
   * a jar under {@code dir}, as a station's bundle has only jars: a JDK AOT cache refuses a class
   * path with a non-empty folder in it.
   */
  static String jarredTestClassPath(Path dir) {
    try {
      Files.createDirectories(dir);
      List<String> entries = new ArrayList<>();
      int n = 0;
      for (String entry : testClassPath().split(File.pathSeparator)) {
        Path path = Path.of(entry);
        if (Files.isDirectory(path)) {
          Path jar = dir.resolve((n++) + "-" + path.getFileName() + ".jar");
          jar(path, jar);
          entries.add(jar.toString());
        } else if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
      return String.join(File.pathSeparator, entries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void jar(Path folder, Path jar) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new JarEntry(folder.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
    }
  }

  /**
   * Runs the child to its end and returns the figures it printed; its other output is kept in
   * {@code log} so a failure can show it.
   */
  static Map<String, String> run(ProcessBuilder builder, int timeoutSeconds) {
    Map<String, String> figures = new LinkedHashMap<>();
    StringBuilder log = new StringBuilder();
    try {
      Process process = builder.start();
      Thread reader =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    try (BufferedReader in =
                        new BufferedReader(
                            new InputStreamReader(
                                process.getInputStream(), StandardCharsets.UTF_8))) {
                      String line;
                      while ((line = in.readLine()) != null) {
                        if (line.startsWith(FIGURE_PREFIX) && line.contains("=")) {
                          int eq = line.indexOf('=');
                          synchronized (figures) {
                            figures.put(
                                line.substring(FIGURE_PREFIX.length(), eq), line.substring(eq + 1));
                          }
                        } else {
                          synchronized (log) {
                            log.append(line).append('\n');
                          }
                        }
                      }
                    } catch (IOException e) {
                      // the child ended: what was read is what there is
                    }
                  });
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "child JVM "
                + builder.command()
                + " did not end within "
                + timeoutSeconds
                + " s; its output:\n"
                + log);
      }
      reader.join(5_000);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "child JVM "
                + builder.command()
                + " ended with "
                + process.exitValue()
                + "; its output:\n"
                + log);
      }
      synchronized (figures) {
        return Map.copyOf(figures);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A figure the child must have printed. */
  static long figure(Map<String, String> figures, String key) {
    String value = figures.get(key);
    if (value == null) {
      throw new IllegalStateException(
          "the child JVM printed no figure '" + key + "'; it printed " + figures);
    }
    return Long.parseLong(value);
  }
}
