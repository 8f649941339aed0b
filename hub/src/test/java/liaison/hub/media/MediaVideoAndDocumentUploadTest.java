package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.problem.ValidationProblem;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.testkit.MediaSamples;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Videos and PDFs into the library on both stores, through {@link VideoProbe} and {@link
 * DocumentPages} (issue 20's "video and documents" part): an H.264 video kept byte for byte with
 * its facts and a drawn thumbnail, HEVC and 4K refused with nothing left, a PDF's pages as images.
 */
@OnBothStores
class MediaVideoAndDocumentUploadTest {
  @Parameter TestDatabases.Store store;

  @Test
  void shouldKeepAnH264VideoAsUploadedWithItsLengthAndPixels(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      byte[] video = MediaSamples.H264_VIDEO_ONLY.bytes();
      MediaItem item = c.upload(c.admin, video, "宣传片.mp4", null).item();

      assertThat(item.kind()).isEqualTo(MediaSlide.Kind.VIDEO);
      MediaFile file = item.first();
      assertThat(file.sha256()).as("the very bytes uploaded").isEqualTo(sha256(video));
      assertThat(c.stored(file.sha256())).isEqualTo(video);
      assertThat(file.contentType()).isEqualTo("video/mp4");
      assertThat(file.width()).isEqualTo(320);
      assertThat(file.height()).isEqualTo(180);
      assertThat(file.durationMillis()).isBetween(1900L, 2100L);
      assertThat(item.thumbnail().contentType()).isEqualTo("image/jpeg");
      assertThat(item.thumbnail().width()).isEqualTo(Thumbnails.SIDE);
      assertThat(c.moved)
          .as("the video's work file moved into the store, not copied a second time")
          .containsExactly(file.sha256());
      assertThat(c.copied).containsExactly(item.thumbnail().sha256());
      assertThat(c.filesOnDisk())
          .as("the store's two files, no work file left")
          .containsExactlyInAnyOrder(c.file(file.sha256()), c.file(item.thumbnail().sha256()));
    }
  }

  @Test
  void shouldRefuseHevcAndA4kVideoWithTheReasonAndLeaveNothing(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      for (MediaSamples sample : new MediaSamples[] {MediaSamples.HEVC, MediaSamples.H264_4K}) {
        assertThatThrownBy(() -> c.upload(c.admin, sample.bytes(), "video.mp4", null))
            .as(sample.name())
            .isInstanceOfSatisfying(
                ValidationProblem.class,
                e ->
                    assertThat(e.errors())
                        .allSatisfy(f -> assertThat(f.field()).isEqualTo("file")));
      }
      assertThat(c.badInput.count(MediaLibrary.SOURCE, "video")).isEqualTo(2);
      assertThat(c.rows("media_item") + c.rows("media_file")).isZero();
      assertThat(c.filesOnDisk()).isEmpty();
    }
  }

  @Test
  void shouldTurnAPdfsPagesIntoImagesInOrder(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      MediaItem item = c.upload(c.manager, pdf(3), "办事指南.pdf", "s-a").item();

      assertThat(item.kind()).isEqualTo(MediaSlide.Kind.DOCUMENT);
      assertThat(item.files())
          .hasSize(3)
          .allSatisfy(f -> assertThat(f.contentType()).isEqualTo("image/png"));
      assertThat(item.files().getFirst().height())
          .as("an A4 page standing: taller than wide")
          .isGreaterThan(item.files().getFirst().width());
      assertThat(c.rows("media_item_file")).isEqualTo(3);
    }
  }

  @Test
  void shouldRefuseADamagedPdfAndLeaveNothing(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      byte[] broken =
          "%PDF-1.7\n1 0 obj << /Type /Catalog"
              .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      assertThatThrownBy(() -> c.upload(c.admin, broken, "broken.pdf", null))
          .isInstanceOf(ValidationProblem.class);
      assertThat(c.rows("media_item") + c.rows("media_file")).isZero();
      assertThat(c.filesOnDisk()).isEmpty();
    }
  }

  /** An A4 document of {@code pages} pages, each with a rectangle. */
  static byte[] pdf(int pages) {
    try (PDDocument document = new PDDocument()) {
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.setNonStrokingColor(0.7f, 0.1f, 0.1f);
          content.addRect(50, 600 - i * 100, 400, 80);
          content.fill();
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
