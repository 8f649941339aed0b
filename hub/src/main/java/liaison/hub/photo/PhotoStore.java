package liaison.hub.photo;

import jakarta.inject.Singleton;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import liaison.hub.config.HubConfig;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;

/**
 * Photos under {@code <data-dir>/photos/<sha256>.jpg}. An upload must be a JPEG or PNG (by its
 * bytes, not its name) of at most 8 MB and 40 megapixels; it is decoded, shrunk to fit 600×800,
 * flattened onto white and written again as a JPEG, so nothing but pixels reaches the stations, and
 * named by the hash of what was written, so a station fetches each photo once.
 */
@Singleton
public class PhotoStore {
  public static final int MAX_BYTES = 8 * 1024 * 1024;
  static final int MAX_PIXELS = 40_000_000;
  static final int MAX_WIDTH = 600;
  static final int MAX_HEIGHT = 800;

  private final Path dir;

  public PhotoStore(HubConfig config) {
    this.dir = config.dataPath().resolve("photos");
  }

  /** An upload checked and re-encoded, not stored yet. */
  public record Prepared(String hash, byte[] jpeg) {}

  /** Checks, re-encodes and stores an upload; returns its hash. */
  public String store(byte[] upload) {
    return save(prepare(upload));
  }

  /**
   * Checks and re-encodes an upload without storing it, so a form can check all its fields before
   * anything is written.
   *
   * @throws ValidationProblem on field {@code photo} when it is not a usable JPEG or PNG
   */
  public Prepared prepare(byte[] upload) {
    byte[] jpeg = encode(shrink(decode(upload)));
    return new Prepared(sha256(jpeg), jpeg);
  }

  /**
   * A resident's form's photo fields, checked in order before anything is written: empty fields are
   * skipped; more than {@code max} fields, or a field that is no usable photo, adds its problem on
   * {@code photo1}…{@code photoN}. The opinion form and the livelihood proposal form share it.
   */
  public List<Prepared> prepareUploads(
      List<byte[]> uploads, int max, ValidationProblem.Collector errors) {
    List<Prepared> prepared = new ArrayList<>();
    if (uploads.size() > max) {
      errors.add("photo1", Text.of("problem.opinion.photos.too-many", max));
    }
    for (int i = 0; i < uploads.size() && i < max; i++) {
      byte[] upload = uploads.get(i);
      if (upload == null || upload.length == 0) {
        continue;
      }
      try {
        prepared.add(prepare(upload));
      } catch (ValidationProblem problem) {
        for (FieldError e : problem.errors()) {
          errors.add("photo" + (i + 1), Text.of("problem.opinion.photo", i + 1, e.text()));
        }
      }
    }
    return prepared;
  }

  /** Stores a prepared photo under its hash (once); returns the hash. */
  public String save(Prepared photo) {
    String hash = photo.hash();
    byte[] jpeg = photo.jpeg();
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(hash + ".jpg");
      if (!Files.exists(target)) {
        Path temp = Files.createTempFile(dir, "upload-", ".tmp");
        Files.write(temp, jpeg);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the photo into " + dir, e);
    }
    return hash;
  }

  public Optional<byte[]> read(String hash) {
    if (!hash.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    Path file = dir.resolve(hash + ".jpg");
    try {
      return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BufferedImage decode(byte[] upload) {
    if (upload.length == 0) {
      throw ValidationProblem.of("photo", Text.of("problem.photo.missing"));
    }
    if (upload.length > MAX_BYTES) {
      throw ValidationProblem.of("photo", Text.of("problem.photo.too-large"));
    }
    if (!isJpeg(upload) && !isPng(upload)) {
      throw ValidationProblem.of("photo", Text.of("problem.photo.format"));
    }
    try {
      var input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload));
      // The reader of the format the first bytes said, JPEG or PNG, chosen by its name: never
      // one of the plugins on the class path (WebP for the media library) that claims the bytes.
      var readers = ImageIO.getImageReadersByFormatName(isJpeg(upload) ? "jpeg" : "png");
      if (!readers.hasNext()) {
        throw ValidationProblem.of("photo", Text.of("problem.photo.unreadable"));
      }
      var reader = readers.next();
      reader.setInput(input);
      long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
      if (pixels > MAX_PIXELS) {
        throw ValidationProblem.of("photo", Text.of("problem.photo.too-many-pixels"));
      }
      BufferedImage image = reader.read(0);
      reader.dispose();
      return image;
    } catch (IOException | RuntimeException e) {
      if (e instanceof ValidationProblem problem) {
        throw problem;
      }
      throw ValidationProblem.of("photo", Text.of("problem.photo.damaged"));
    }
  }

  static BufferedImage shrink(BufferedImage image) {
    double scale =
        Math.min(
            1.0,
            Math.min(
                (double) MAX_WIDTH / image.getWidth(), (double) MAX_HEIGHT / image.getHeight()));
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  static byte[] encode(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.85f);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  private static boolean isJpeg(byte[] b) {
    return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
  }

  private static boolean isPng(byte[] b) {
    return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
