package liaison.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No file of the repository keeps a merge's conflict markers. A properties file or a stylesheet
 * with them still loads (the marker becomes a key, or a rule the browser skips), so nothing else
 * would notice: a bundle once shipped with them.
 */
class MergeLeftoversTest {
  private static final Pattern MARKER =
      Pattern.compile("^(<<<<<<< |>>>>>>> |\\|\\|\\|\\|\\|\\|\\| )");
  private static final List<String> TEXT =
      List.of(".java", ".properties", ".html", ".css", ".js", ".sql", ".yml", ".xml", ".md");

  @Test
  void shouldFindNoConflictMarkerInAnySourceOrDocument() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> found = new ArrayList<>();
    for (String dir : List.of("hub/src", "signage", "kiosk/src", "docs", "README.md", "pom.xml")) {
      Path start = root.resolve(dir);
      if (!Files.exists(start)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(start)) {
        files
            .filter(Files::isRegularFile)
            .filter(f -> !f.toString().contains("/target/"))
            .filter(f -> TEXT.stream().anyMatch(f.toString()::endsWith))
            .forEach(f -> found.addAll(markers(root, f)));
      }
    }
    assertThat(found).as("lines a merge left behind").isEmpty();
  }

  private static List<String> markers(Path root, Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        if (MARKER.matcher(lines.get(i)).find()) {
          out.add(root.relativize(file) + ":" + (i + 1));
        }
      }
      return out;
    } catch (java.nio.charset.MalformedInputException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
