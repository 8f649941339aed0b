package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import liaison.hub.media.DocumentPages.Page;
import liaison.hub.problem.ValidationProblem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes are uploaded as a PDF, its pages come out within a 1080p screen or the upload is
 * refused on field {@code file}, never another exception and never pages left behind by a refusal:
 * small PDFs (one written by hand without its font, one written by PDFBox, the three-page notice)
 * cut short anywhere or with bytes changed at random.
 */
class DocumentPagesProperties {
  private static final List<byte[]> PDFS =
      List.of(TestPdfs.withoutItsFont(), TestPdfs.blankPages(1), TestPdfs.notice());

  private static Path dir;

  @BeforeContainer
  static void createFolder() throws IOException {
    dir = Files.createTempDirectory("document-pages-properties");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** What was done to which PDF, so a failure names both. */
  record Mangled(int pdf, String how, byte[] bytes) {
    @Override
    public String toString() {
      return "PDF " + pdf + " " + how;
    }
  }

  @Provide
  Arbitrary<Mangled> mangled() {
    Arbitrary<Integer> which = Arbitraries.integers().between(0, PDFS.size() - 1);
    Arbitrary<Mangled> truncated =
        Combinators.combine(which, Arbitraries.doubles().between(0, 1))
            .as(
                (pdf, fraction) -> {
                  byte[] whole = PDFS.get(pdf);
                  int length = (int) (whole.length * fraction);
                  return new Mangled(pdf, "cut at " + length, Arrays.copyOf(whole, length));
                });
    Arbitrary<Mangled> flipped =
        Combinators.combine(
                which,
                Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.integers().between(1, 255))
            .as(
                (pdf, places, xor) -> {
                  byte[] bytes = PDFS.get(pdf).clone();
                  StringBuilder how = new StringBuilder("xor ").append(xor).append(" at");
                  for (double place : places) {
                    int at = (int) (place * (bytes.length - 1));
                    bytes[at] ^= xor.byteValue();
                    how.append(' ').append(at);
                  }
                  return new Mangled(pdf, how.toString(), bytes);
                });
    return Arbitraries.oneOf(truncated, flipped);
  }

  @Property(tries = 120)
  void anyDamageIsRefusedOrRendersPagesThatFit(@ForAll("mangled") Mangled pdf) throws IOException {
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("rendered").percentage(p -> p > 10);
              c.check("refused").percentage(p -> p > 10);
            });
    Path file = Files.write(dir.resolve("doc.pdf"), pdf.bytes());
    Path out = dir.resolve("pages");
    List<Page> pages;
    try {
      pages = DocumentPages.render(file, out);
    } catch (ValidationProblem refused) {
      Statistics.label("outcome").collect("refused");
      assertThat(refused.errors()).hasSize(1);
      assertThat(refused.errors().getFirst().field()).isEqualTo("file");
      if (Files.isDirectory(out)) {
        try (Stream<Path> left = Files.list(out)) {
          assertThat(left).as("pages left by a refusal").isEmpty();
        }
      }
      return;
    }
    Statistics.label("outcome").collect("rendered");
    assertThat(pages).isNotEmpty().hasSizeLessThanOrEqualTo(DocumentPages.MAX_PAGES);
    for (Page page : pages) {
      assertThat(Math.max(page.width(), page.height())).isBetween(1, DocumentPages.LONG_SIDE);
      assertThat(Math.min(page.width(), page.height())).isBetween(1, DocumentPages.SHORT_SIDE);
      Files.delete(page.png());
    }
  }
}
