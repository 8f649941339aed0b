package liaison.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BenchmarksTest {
  private static final Path FIGURES = Path.of("target", "benchmarks");
  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(Benchmarks.SMOKE_PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(Benchmarks.SMOKE_PROPERTY);
    } else {
      System.setProperty(Benchmarks.SMOKE_PROPERTY, before);
    }
  }

  @Test
  void aSmokeRunTakesTheSmallCountsAndAFullRunTheFullOnes() {
    System.setProperty(Benchmarks.SMOKE_PROPERTY, "true");
    assertThat(Benchmarks.smoke()).isTrue();
    assertThat(Benchmarks.count(1_000, 3)).isEqualTo(3);
    assertThat(Benchmarks.choose(List.of(100, 1_000), List.of(1, 3))).containsExactly(1, 3);

    System.setProperty(Benchmarks.SMOKE_PROPERTY, "false");
    assertThat(Benchmarks.smoke()).isFalse();
    assertThat(Benchmarks.count(1_000, 3)).isEqualTo(1_000);
    assertThat(Benchmarks.choose(List.of(100, 1_000), List.of(1, 3))).containsExactly(100, 1_000);

    System.clearProperty(Benchmarks.SMOKE_PROPERTY);
    assertThat(Benchmarks.count(1_000, 3))
        .as("without the property: ./liaison bench, or a run from an IDE")
        .isEqualTo(1_000);
  }

  @Test
  void aSmokeRunNeverOverwritesAFullRunsFigures() throws IOException {
    System.setProperty(Benchmarks.SMOKE_PROPERTY, "false");
    Benchmarks.record("benchmarks-test", "| full run | 1.00 |\n");
    System.setProperty(Benchmarks.SMOKE_PROPERTY, "true");
    Benchmarks.record("benchmarks-test", "| smoke run | 9.00 |\n");

    assertThat(Files.readString(FIGURES.resolve("benchmarks-test.txt")))
        .contains("| full run | 1.00 |")
        .doesNotContain("smoke");
    assertThat(Files.readString(FIGURES.resolve("benchmarks-test-smoke.txt")))
        .startsWith("# benchmarks-test-smoke · smoke run: tiny counts, these figures mean nothing")
        .contains("| smoke run | 9.00 |");
  }
}
