package liaison.hub.command;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import javax.imageio.ImageIO;
import liaison.hub.config.HubConfig;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;

/**
 * Screenshots under {@code <data-dir>/screenshots/<sha256>.png}, kept as sent (the hub shows them
 * only to staff, and the bytes are checked to be a PNG that decodes): at most 3 MB and 16
 * megapixels (from the header, before decoding).
 */
@Singleton
public class ScreenshotStore {
  public static final int MAX_BYTES = 3 * 1024 * 1024;
  static final int MAX_PIXELS = 16_000_000;

  private final Path dir;

  public ScreenshotStore(HubConfig config) {
    this.dir = config.dataPath().resolve("screenshots");
  }

  /** A PNG that passed the checks, with its hash; not stored yet. */
  public record Checked(String hash, byte[] png, int width, int height) {}

  /**
   * @throws ValidationProblem on field {@code screenshot}, saying what is wrong
   */
  public Checked check(byte[] upload) {
    if (upload.length == 0) {
      throw ValidationProblem.of("screenshot", Text.of("problem.screenshot.empty"));
    }
    if (upload.length > MAX_BYTES) {
      throw ValidationProblem.of(
          "screenshot", Text.of("problem.screenshot.too-large", upload.length));
    }
    if (!isPng(upload)) {
      throw ValidationProblem.of("screenshot", Text.of("problem.screenshot.not-png"));
    }
    try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
      var readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        throw ValidationProblem.of("screenshot", Text.of("problem.screenshot.unreadable"));
      }
      var reader = readers.next();
      try {
        reader.setInput(input);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > MAX_PIXELS) {
          throw ValidationProblem.of("screenshot", Text.of("problem.screenshot.too-many-pixels"));
        }
        if (reader.read(0) == null) {
          throw new IOException("no image");
        }
        return new Checked(sha256(upload), upload, width, height);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ValidationProblem problem) {
        throw problem;
      }
      throw ValidationProblem.of("screenshot", Text.of("problem.screenshot.damaged"));
    }
  }

  /** Writes the PNG under its hash (once). */
  public void save(Checked shot) {
    try {
      Files.createDirectories(dir);
      Path target = dir.resolve(shot.hash() + ".png");
      if (!Files.exists(target)) {
        Path temp = Files.createTempFile(dir, "upload-", ".tmp");
        Files.write(temp, shot.png());
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the screenshot into " + dir, e);
    }
  }

  public Optional<byte[]> read(String hash) {
    if (!hash.matches("[0-9a-f]{64}")) {
      return Optional.empty();
    }
    Path file = dir.resolve(hash + ".png");
    try {
      return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isPng(byte[] b) {
    byte[] magic = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
    if (b.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (b[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
