package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import liaison.hub.media.DocumentPages.Page;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.testkit.MediaSamples;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PDF's pages as a station's slides: each page a PNG within 1920×1080 on its side or 1080×1920
 * upright, at the page's proportions, white where the page is empty and drawn where its text is,
 * Chinese text too when the PDF does not carry its font. Refused on field {@code file} in both
 * languages, leaving no page behind: not a PDF, a password to open it, no pages, too many, cut
 * short. The notice's pages are copied to {@code target/screens/media-pdf-page-N.png} to be looked
 * at.
 */
class DocumentPagesTest {
  @TempDir Path dir;

  @Test
  void everyPageFitsAFullHdScreenTheWayUpItIsDrawn() throws IOException {
    List<Page> pages = render(TestPdfs.notice());

    // A4 is 595×842 points: upright it is 1080 wide and 1080 × 842 / 595 high, on its side the
    // same turned.
    assertThat(pages)
        .extracting(Page::width, Page::height)
        .containsExactly(tuple(1080, 1528), tuple(1080, 1528), tuple(1528, 1080));
    Path screens = Files.createDirectories(Path.of("target", "screens"));
    for (int i = 0; i < pages.size(); i++) {
      Page page = pages.get(i);
      BufferedImage image = ImageIO.read(page.png().toFile());
      assertThat(image.getWidth()).isEqualTo(page.width());
      assertThat(image.getHeight()).isEqualTo(page.height());
      // The heading at the top is drawn; the bottom quarter of the page is white paper.
      assertThat(darkPixels(image, 0, image.getHeight() / 6))
          .as("page %d's heading", i + 1)
          .isGreaterThan(2000);
      assertThat(darkPixels(image, image.getHeight() * 3 / 4, image.getHeight())).isZero();
      assertThat(image.getRGB(image.getWidth() - 1, image.getHeight() - 1) & 0xFFFFFF)
          .isEqualTo(0xFFFFFF);
      Files.copy(
          page.png(),
          screens.resolve("media-pdf-page-" + (i + 1) + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void aPageTurnedByItsRotationIsRenderedOnItsSide() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      page.setRotation(90);
      document.addPage(page);
      Path pdf = dir.resolve("turned.pdf");
      document.save(pdf.toFile());

      // PDFBox's A4 is 595.27×841.89 points: 1080 × 841.89 / 595.27 = 1527.4 pixels wide.
      assertThat(DocumentPages.render(pdf, dir.resolve("pages")))
          .extracting(Page::width, Page::height)
          .containsExactly(tuple(1527, 1080));
    }
  }

  @Test
  void chineseTextWithoutItsFontIsDrawnInNotoCjk() throws IOException {
    List<Page> pages = render(TestPdfs.withoutItsFont());

    BufferedImage image = ImageIO.read(pages.getFirst().png().toFile());
    // PDFBox alone would draw it in a Latin font without these characters: an empty page.
    assertThat(darkPixels(image, 0, image.getHeight() / 5)).isGreaterThan(5000);
    Files.copy(
        pages.getFirst().png(),
        Files.createDirectories(Path.of("target", "screens")).resolve("media-pdf-without-font.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aPageThatCannotBeDrawnIsNamedAndThePagesBeforeItAreRemoved() throws IOException {
    assertThat(refusal(TestPdfs.secondPageOfNoSize()).en())
        .isEqualTo(
            "Page 2 of the PDF cannot be drawn, the file may be damaged; export it again and upload"
                + " it again");
    try (Stream<Path> left = Files.list(dir.resolve("pages"))) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aScanWhoseImagesTheHubCannotDrawIsRefusedRatherThanShownBlank() {
    assertThat(refusal(TestPdfs.scannedAsJpeg2000()).en())
        .startsWith("The images on page 1 of the PDF are JPEG 2000 (as scanners write them)");
  }

  @Test
  void aPasswordToOpenItIsRefusedButOneOnlyAgainstChangesIsNot() {
    assertThat(refusal(TestPdfs.protectedPdf("secret")).en())
        .isEqualTo(
            "The PDF needs a password to open, so stations cannot show it; remove the password and upload it again");

    assertThat(render(TestPdfs.protectedPdf(""))).hasSize(1);
  }

  @Test
  void aStreamThatInflatesToGigabytesIsRefusedBeforePdfBoxDecodesItIntoMemory() {
    byte[] bomb = TestPdfs.inflatingTo(1024);
    assertThat(bomb.length).as("a gigabyte of drawing in a small file").isLessThan(2 << 20);
    FieldError refused = refusal(bomb);
    assertThat(refused.zh()).startsWith("PDF 里有一部分解压后超过 64 MB");
    assertThat(refused.en()).startsWith("Part of the PDF unpacks to more than 64 MB");

    assertThat(render(TestPdfs.inflatingTo(8)))
        .as("eight megabytes of drawing is a page like any other")
        .hasSize(1);
  }

  @Test
  void anObjectStreamThatInflatesPastTheBoundIsNotDecodedWhileTheFileLoads() throws IOException {
    byte[] bomb = TestPdfs.objectStreamInflatingTo(70);
    assertThat(bomb.length).as("70 MB of catalogue in 70 KB").isLessThan(100 << 10);
    refusedAsItLoads(
        bomb,
        "PDFBox alone decodes the 70 MB into memory to find the catalogue",
        loaded ->
            assertThat(loaded.getDocumentCatalog().getPages().getCount())
                .as("the catalogue's object stream is not decoded")
                .isZero());

    assertThat(render(TestPdfs.objectStreamInflatingTo(1)))
        .as("a catalogue in an object stream of a megabyte is a PDF like any other")
        .hasSize(1);
  }

  @Test
  void aCrossReferenceStreamThatInflatesPastTheBoundIsNotDecodedWhileTheFileLoads()
      throws IOException {
    byte[] bomb = TestPdfs.crossReferenceInflatingTo(70);
    assertThat(bomb.length).as("70 MB of cross-reference in 70 KB").isLessThan(100 << 10);
    // Once the stream is refused PDFBox may find the objects by scanning the file: still refused.
    refusedAsItLoads(
        bomb, "PDFBox alone decodes the 70 MB into memory to find the objects", loaded -> {});

    assertThat(render(TestPdfs.crossReferenceInflatingTo(1)))
        .as("a cross-reference stream of a megabyte is a PDF like any other")
        .hasSize(1);
  }

  /**
   * A PDF with a part that inflates past the bound which PDFBox decodes while it loads the file:
   * PDFBox alone loads it (having decoded the part whole), the hub's parser says it inflates too
   * far ({@code loaded} checks what the parser gave, if it gave a document), and it is refused.
   */
  private void refusedAsItLoads(
      byte[] bomb, String pdfBoxAlone, java.util.function.Consumer<PDDocument> loaded)
      throws IOException {
    Path file = Files.write(dir.resolve("bomb.pdf"), bomb);
    try (PDDocument alone = Loader.loadPDF(file.toFile())) {
      assertThat(alone.getNumberOfPages()).as(pdfBoxAlone).isEqualTo(1);
    }

    DocumentPages.BoundedParser parser = new DocumentPages.BoundedParser(file);
    try (PDDocument bounded = parser.parse()) {
      loaded.accept(bounded);
    } catch (IOException | RuntimeException e) {
      // PDFBox may give up on a file whose part it cannot read: as good
    }
    assertThat(parser.inflatesTooFar).isTrue();
    FieldError refused = refusal(bomb);
    assertThat(refused.zh()).startsWith("PDF 里有一部分解压后超过 64 MB");
    assertThat(refused.en()).startsWith("Part of the PDF unpacks to more than 64 MB");
  }

  @Test
  void fiftyPagesAreShownAndFiftyOneAreTooMany() {
    assertThat(render(TestPdfs.blankPages(50)))
        .hasSize(50)
        .allSatisfy(
            page ->
                assertThat(page).extracting(Page::width, Page::height).containsExactly(1920, 20));

    FieldError tooMany = refusal(TestPdfs.blankPages(51));
    assertThat(tooMany.zh()).startsWith("PDF 有 51 页；最多 50 页");
    assertThat(tooMany.en()).startsWith("The PDF has 51 pages; at most 50");

    assertThat(refusal(TestPdfs.blankPages(0)).en()).isEqualTo("The PDF has no pages");
  }

  @Test
  void notAPdfOrCutShortIsRefusedAndLeavesNothing() throws IOException {
    assertThat(refusal(MediaSamples.WEBP_POSTER.bytes()).en()).isEqualTo("This is not a PDF file");
    assertThat(refusal(new byte[0]).en()).isEqualTo("This is not a PDF file");

    byte[] notice = TestPdfs.notice();
    assertThat(refusal(Arrays.copyOf(notice, notice.length / 2)).en())
        .isEqualTo(
            "The PDF is incomplete or damaged and cannot be read; export it again and upload it again");
    assertThat(refusal(Arrays.copyOf(notice, 200)).zh()).isEqualTo("PDF 文件不完整或已损坏，无法读取；请重新导出后再上传");
    try (Stream<Path> left = Files.list(dir.resolve("pages"))) {
      assertThat(left).isEmpty();
    }
  }

  private List<Page> render(byte[] pdf) {
    try {
      return DocumentPages.render(
          Files.write(Files.createTempFile(dir, "doc", ".pdf"), pdf), dir.resolve("pages"));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The one refusal, on field {@code file}, in both languages. */
  private FieldError refusal(byte[] pdf) {
    Throwable thrown = catchThrowable(() -> render(pdf));
    assertThat(thrown).isInstanceOf(ValidationProblem.class);
    List<FieldError> errors = ((ValidationProblem) thrown).errors();
    assertThat(errors).hasSize(1);
    assertThat(errors.getFirst().field()).isEqualTo("file");
    assertThat(errors.getFirst().zh()).doesNotContain("problem.");
    return errors.getFirst();
  }

  /** Pixels darker than light grey in a band of rows. */
  static long darkPixels(BufferedImage image, int fromRow, int toRow) {
    long dark = 0;
    for (int y = fromRow; y < toRow; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int luma = ((rgb >> 16 & 0xFF) * 3 + (rgb >> 8 & 0xFF) * 6 + (rgb & 0xFF)) / 10;
        if (luma < 160) {
          dark++;
        }
      }
    }
    return dark;
  }
}
