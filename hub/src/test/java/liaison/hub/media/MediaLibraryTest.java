package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.problem.BusyProblem;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.testkit.MediaSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The media library's uploads of images on both stores: told by content and never by name, held to
 * their pixel limit before decoding, WebP converted, EXIF gone, the same upload once, a refusal
 * leaving nothing behind, the libraries' rights, and retiring and deleting with slides in the way.
 */
@OnBothStores
class MediaLibraryTest {
  @Parameter TestDatabases.Store store;

  @Test
  void shouldKeepAPngNamedMp4AsTheImageItIs(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      MediaItem item = c.upload(c.admin, poster(640, 360), "宣传海报.mp4", null).item();

      assertThat(item.kind()).isEqualTo(MediaSlide.Kind.IMAGE);
      assertThat(item.title()).isEqualTo("宣传海报");
      assertThat(item.fileName()).isEqualTo("宣传海报.mp4");
      assertThat(item.files()).singleElement().satisfies(f -> assertThat(f.width()).isEqualTo(640));
      assertThat(contentOf(c.stored(item.first().sha256())))
          .as("the stored file is what its type says")
          .isEqualTo(item.first().contentType());
      assertThat(item.thumbnail().contentType()).isEqualTo("image/jpeg");
      assertThat(Math.max(item.thumbnail().width(), item.thumbnail().height()))
          .isEqualTo(Thumbnails.SIDE);
      assertThat(item.isCounty()).isTrue();
      assertThat(item.uploaderName()).isEqualTo("县管理员");
    }
  }

  @Test
  void shouldRefuseAProgramNamedJpgCountItAndLeaveNoRowAndNoFile(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      byte[] program = new byte[4096];
      program[0] = 'M';
      program[1] = 'Z';

      assertThatThrownBy(() -> c.upload(c.admin, program, "poster.jpg", null))
          .isInstanceOf(ValidationProblem.class)
          .satisfies(
              e ->
                  assertThat(((ValidationProblem) e).errors())
                      .singleElement()
                      .satisfies(
                          f -> {
                            assertThat(f.field()).isEqualTo("file");
                            assertThat(f.zh()).startsWith("不是图片、视频或 PDF 文件");
                            assertThat(f.en()).startsWith("Not an image, a video or a PDF");
                          }));
      assertThat(c.badInput.count(MediaLibrary.SOURCE, "not-media")).isEqualTo(1);
      assertThat(c.rows("media_item") + c.rows("media_file") + c.rows("media_item_file")).isZero();
      assertThat(c.filesOnDisk()).as("no stray file, the upload's work folder included").isEmpty();
    }
  }

  @Test
  void shouldRefuseAPngClaimingTooManyPixelsFromItsHeaderAlone(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      byte[] bomb = pngHeaderOnly(30_000, 30_000);
      assertThat(bomb.length).as("a few bytes that would decode to 3.6 GB").isLessThan(100);

      assertThatThrownBy(() -> c.upload(c.admin, bomb, "bomb.png", null))
          .isInstanceOfSatisfying(
              ValidationProblem.class,
              e ->
                  assertThat(e.errors())
                      .extracting(FieldError::zh)
                      .containsExactly("图片像素太多（30000×30000）：最多 5000 万像素"));
      assertThat(c.rows("media_item")).isZero();
      assertThat(c.filesOnDisk()).isEmpty();
      assertThat(c.badInput.count(MediaLibrary.SOURCE, "image")).isEqualTo(1);
    }
  }

  @Test
  void shouldAnswerBusyAfterABoundedWaitWhileAnotherPictureIsPreparedAndKeepNothing(
      @TempDir Path dir) throws Exception {
    try (MediaCounty c = new MediaCounty(store, dir, Duration.ofMillis(300))) {
      // Another upload's large PDF is being rendered: the turn is taken.
      c.library.preparing.acquire();
      try {
        assertThatThrownBy(() -> c.upload(c.admin, poster(640, 360), "poster.png", null))
            .isInstanceOfSatisfying(
                BusyProblem.class,
                e -> {
                  assertThat(e.text().zh()).startsWith("系统正在处理另一张图片或另一个 PDF");
                  assertThat(e.text().en()).startsWith("The hub is preparing another picture");
                  assertThat(e.retryAfter()).isEqualTo(MediaLibrary.RETRY_AFTER);
                });
        assertThat(c.meters.counter(MediaLibrary.BUSY).count()).isEqualTo(1);
        assertThat(c.rows("media_item") + c.rows("media_file")).isZero();
        assertThat(c.filesOnDisk()).as("the upload's work folder removed").isEmpty();
      } finally {
        c.library.preparing.release();
      }

      assertThat(c.upload(c.admin, poster(640, 360), "poster.png", null).created())
          .as("its turn free, the same upload goes in")
          .isTrue();
      assertThat(c.library.preparing.availablePermits()).as("the turn given back").isEqualTo(1);
    }
  }

  @Test
  void shouldConvertAWebpPosterIntoWhatAStationDecodes(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      MediaItem item =
          c.upload(c.admin, MediaSamples.WEBP_POSTER.bytes(), "poster.webp", null).item();

      MediaFile file = item.first();
      assertThat(file.contentType()).isIn("image/jpeg", "image/png");
      assertThat(contentOf(c.stored(file.sha256()))).isEqualTo(file.contentType());
      assertThat(file.width()).isEqualTo(1200);
      assertThat(file.height()).isEqualTo(1600);
      assertThat(item.uploadSha256())
          .as("the upload's own hash, to know it again")
          .isNotEqualTo(file.sha256());
    }
  }

  @Test
  void shouldFitAWideImageWithin3840PixelsAsAJpegPhoto(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      MediaFile file =
          c.upload(c.admin, png(gradient(4800, 60)), "banner.png", null).item().first();

      assertThat(file.width()).isEqualTo(3840);
      assertThat(file.height()).isEqualTo(48);
      assertThat(file.contentType()).as("thousands of colours: a photo").isEqualTo("image/jpeg");
    }
  }

  @Test
  void shouldDropExifAndItsGpsButTurnThePhotoUprightAsTheCameraSaid(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      byte[] photo = withExif(jpeg(gradient(200, 100)), 6, "GPS:22.817N,108.366E");

      MediaFile file = c.upload(c.manager, photo, "IMG_0001.JPG", "s-a").item().first();

      byte[] stored = c.stored(file.sha256());
      String text = new String(stored, StandardCharsets.ISO_8859_1);
      assertThat(text).doesNotContain("Exif").doesNotContain("GPS:22.817N");
      assertThat(file.width()).as("turned a quarter: the camera was held upright").isEqualTo(100);
      assertThat(file.height()).isEqualTo(200);
    }
  }

  @Test
  void shouldAnswerTheSameEntryForTheSameUploadToTheSameLibrary(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      byte[] poster = poster(400, 300);
      MediaLibrary.Uploaded first = c.upload(c.admin, poster, "a.png", null);
      MediaLibrary.Uploaded again = c.upload(c.admin, poster, "b.png", null);

      assertThat(first.created()).isTrue();
      assertThat(again.created()).isFalse();
      assertThat(again.item().id()).isEqualTo(first.item().id());
      assertThat(c.rows("media_item")).isEqualTo(1);

      MediaLibrary.Uploaded station = c.upload(c.admin, poster, "a.png", "s-a");
      assertThat(station.created()).as("another library keeps its own entry").isTrue();
      assertThat(station.item().first()).isEqualTo(first.item().first());
      assertThat(c.rows("media_item")).isEqualTo(2);
      assertThat(c.rows("media_file")).as("the same files, kept once").isEqualTo(2);
    }
  }

  @Test
  void shouldMakeOneEntryOfTheSameUploadSentTwiceAtOnce(@TempDir Path dir) throws Exception {
    try (MediaCounty c = new MediaCounty(store, dir);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      // A double-clicked submit, several times over: both answers name one entry, no error.
      for (int round = 0; round < 6; round++) {
        byte[] poster = poster(300 + round, 200);
        String library = round % 2 == 0 ? null : "s-a";
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<MediaLibrary.Uploaded> send =
            () -> {
              together.await();
              return c.upload(c.admin, poster, "double.png", library);
            };
        var first = pool.submit(send);
        var second = pool.submit(send);
        MediaLibrary.Uploaded a = first.get();
        MediaLibrary.Uploaded b = second.get();

        assertThat(b.item().id()).isEqualTo(a.item().id());
        assertThat(java.util.List.of(a.created(), b.created()))
            .containsExactlyInAnyOrder(true, false);
      }
      assertThat(c.rows("media_item")).isEqualTo(6);
      assertThat(c.rows("media_file")).as("each poster and its thumbnail, once").isEqualTo(12);
    }
  }

  @Test
  void shouldNeverLeaveAnEntryWhoseFileAConcurrentDeleteRemoved(@TempDir Path dir)
      throws Exception {
    try (MediaCounty c = new MediaCounty(store, dir);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
      // The same poster deleted from the county's library just after a station's upload of it has
      // put its files (already there: not moved again) and before it records them.
      byte[] poster = poster(240, 120);
      String county = c.upload(c.admin, poster, "p.png", null).item().id();
      java.util.concurrent.CountDownLatch put = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.CountDownLatch deleted = new java.util.concurrent.CountDownLatch(1);
      c.afterPut =
          () -> {
            if (put.getCount() > 0) {
              put.countDown();
              // Give the delete its chance here; a library that makes it wait for this upload
              // to commit lets this wait run out instead.
              try {
                deleted.await(2, java.util.concurrent.TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          };
      var uploading = pool.submit(() -> c.upload(c.admin, poster, "p.png", "s-a").item());
      var deleting =
          pool.submit(
              () -> {
                put.await();
                c.library.delete(c.admin, county);
                deleted.countDown();
                return null;
              });
      MediaItem station = uploading.get();
      deleting.get();

      assertThat(c.filesOnDisk())
          .as("the station's entry keeps its files")
          .contains(c.file(station.first().sha256()), c.file(station.thumbnail().sha256()));
    }
  }

  @Test
  void shouldCloseTheBodyOfAnUploadRefusedBeforeItIsRead(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      java.util.List<Boolean> closed = new java.util.ArrayList<>();
      java.util.function.Supplier<java.io.InputStream> body =
          () ->
              new ByteArrayInputStream(poster(40, 30)) {
                @Override
                public void close() {
                  closed.add(true);
                }
              };

      assertThatThrownBy(
              () ->
                  c.library.upload(
                      c.manager, new MediaLibrary.Upload(body.get(), "a.png", null, null)))
          .as("a manager and the county's library")
          .isInstanceOf(ForbiddenProblem.class);
      assertThatThrownBy(
              () ->
                  c.library.upload(
                      c.admin, new MediaLibrary.Upload(body.get(), "a.png", "长".repeat(500), null)))
          .isInstanceOf(ValidationProblem.class);
      assertThat(closed).as("both bodies closed").hasSize(2);
    }
  }

  @Test
  void shouldKeepAFileNameOfAtMost200Characters(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      String name = "海".repeat(300) + ".png";

      MediaItem item = c.upload(c.admin, poster(64, 48), name, null).item();

      assertThat(item.fileName()).hasSize(MediaLibrary.MAX_FILE_NAME).startsWith("海海");
      assertThat(item.title()).hasSize(MediaLibrary.MAX_TITLE);
    }
  }

  @Test
  void shouldLetAManagerWriteOnlyToTheirStationsLibrary(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      byte[] poster = poster(300, 300);
      assertThatThrownBy(() -> c.upload(c.manager, poster, "p.png", null))
          .isInstanceOf(ForbiddenProblem.class);
      assertThatThrownBy(() -> c.upload(c.manager, poster, "p.png", "s-b"))
          .isInstanceOf(ForbiddenProblem.class);
      assertThat(c.rows("media_item")).isZero();

      MediaItem own = c.upload(c.manager, poster, "p.png", "s-a").item();
      MediaItem county = c.upload(c.admin, poster(320, 200), "county.png", null).item();
      MediaItem other = c.upload(c.admin, poster(200, 320), "other.png", "s-b").item();

      assertThat(c.library.list(c.manager, MediaLibrary.Filter.IN_USE))
          .extracting(MediaItem::id)
          .as("the county's library and their own station's, never another station's")
          .containsExactlyInAnyOrder(own.id(), county.id());
      assertThatThrownBy(() -> c.library.get(c.manager, other.id()))
          .isInstanceOf(ForbiddenProblem.class);
      assertThatThrownBy(() -> c.library.retire(c.manager, county.id()))
          .isInstanceOf(ForbiddenProblem.class);
      assertThatThrownBy(() -> c.library.delete(c.manager, county.id()))
          .isInstanceOf(ForbiddenProblem.class);
      assertThat(c.library.canChange(c.manager, own)).isTrue();
      assertThat(c.library.list(c.admin, MediaLibrary.Filter.IN_USE)).hasSize(3);
    }
  }

  @Test
  void shouldRetireAnEntryAndTellTheStationsItsSlidesReach(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      MediaItem item = c.upload(c.admin, poster(300, 200), "p.png", null).item();
      c.slide("ms-1", item.id(), "s-b");

      MediaItem retired = c.library.retire(c.admin, item.id());

      assertThat(retired.isRetired()).isTrue();
      assertThat(c.announced)
          .singleElement()
          .satisfies(e -> assertThat(e.stationIds()).containsExactly("s-b"));
      assertThat(c.library.list(c.admin, MediaLibrary.Filter.IN_USE)).isEmpty();
      assertThat(c.library.list(c.admin, new MediaLibrary.Filter(null, null, true)))
          .extracting(MediaItem::id)
          .containsExactly(item.id());
    }
  }

  @Test
  void shouldRefuseToDeleteWhileASlideUsesItThenRemoveItsFiles(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      MediaItem item = c.upload(c.admin, poster(300, 200), "p.png", null).item();
      c.slide("ms-1", item.id(), "s-a");

      assertThatThrownBy(() -> c.library.delete(c.admin, item.id()))
          .isInstanceOfSatisfying(
              ConflictProblem.class, e -> assertThat(e.zh()).startsWith("还有 1 个播放计划在用这个文件"));
      assertThat(c.rows("media_item")).isEqualTo(1);

      c.db.useHandle(h -> h.execute("DELETE FROM media_slide WHERE id = 'ms-1'"));
      c.library.delete(c.admin, item.id());

      assertThat(c.rows("media_item") + c.rows("media_file") + c.rows("media_item_file")).isZero();
      assertThat(c.filesOnDisk()).as("files no entry uses are gone from the disk").isEmpty();
    }
  }

  @Test
  void shouldKeepAFileAnotherEntryStillUsesWhenOneIsDeleted(@TempDir Path dir) {
    try (MediaCounty c = new MediaCounty(store, dir)) {
      byte[] poster = poster(300, 200);
      MediaItem county = c.upload(c.admin, poster, "p.png", null).item();
      MediaItem own = c.upload(c.admin, poster, "p.png", "s-a").item();

      c.library.delete(c.admin, county.id());

      assertThat(c.library.get(c.admin, own.id()).first()).isEqualTo(county.first());
      assertThat(c.filesOnDisk()).hasSize(2);
    }
  }

  // ---- pictures made here ----

  /** A poster of flat colour and a few shapes: few colours. */
  static byte[] poster(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xB7, 0x1C, 0x1C));
    g.fillRect(0, 0, width, height);
    g.setColor(Color.WHITE);
    g.fillRect(width / 8, height / 3, width * 3 / 4, height / 3);
    g.dispose();
    return png(image);
  }

  static BufferedImage gradient(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | (x + y) % 256);
      }
    }
    return image;
  }

  static byte[] png(BufferedImage image) {
    return encode(image, "png");
  }

  static byte[] jpeg(BufferedImage image) {
    return encode(image, "jpeg");
  }

  private static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A PNG's signature, its IHDR claiming the size, and its end: nothing to decode. */
  static byte[] pngHeaderOnly(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(13);
    ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0);
    ihdr.put((byte) 0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    chunk(out, "IHDR", ihdr.array());
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(name);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /**
   * The JPEG with an APP1 Exif segment after its JFIF header: IFD0 holding the orientation, and
   * some text after it standing for a phone's GPS block.
   */
  static byte[] withExif(byte[] jpeg, int orientation, String gps) {
    ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
    tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    tiff.putShort((short) 1);
    tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);
    tiff.putShort((short) orientation).putShort((short) 0);
    tiff.putInt(0);
    ByteArrayOutputStream app1 = new ByteArrayOutputStream();
    app1.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    app1.writeBytes(tiff.array());
    app1.writeBytes(gps.getBytes(StandardCharsets.US_ASCII));
    byte[] segment = app1.toByteArray();
    int app0End = 4 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, app0End);
    out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1});
    out.writeBytes(ByteBuffer.allocate(2).putShort((short) (segment.length + 2)).array());
    out.writeBytes(segment);
    out.write(jpeg, app0End, jpeg.length - app0End);
    return out.toByteArray();
  }

  /** The content type a stored file's first bytes say. */
  static String contentOf(byte[] stored) {
    return switch (MediaContent.of(stored).orElseThrow()) {
      case JPEG -> "image/jpeg";
      case PNG -> "image/png";
      default -> "something else";
    };
  }

  static ByteArrayInputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }
}
