package liaison.hub.poster;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CJK font a slip is printed with, embedded as a subset (only the characters used). Debian's
 * fonts-noto-cjk installs Noto Serif CJK (a 宋体 face, as official forms use) and Noto Sans CJK as
 * collections of several languages' faces; the simplified-Chinese face is picked by its name. The
 * media library draws a PDF's Chinese text that brings no font of its own with the same file
 * ({@link #find()}).
 */
public final class SlipFonts {
  static final String MISSING =
      "未找到中文字体，无法打印交办单：请安装 fonts-noto-cjk（sudo apt install fonts-noto-cjk），"
          + "或用 hub.slip.font 指定一个中文字体文件 / No CJK font to print the forwarding slip with: "
          + "install fonts-noto-cjk, or name a font file in hub.slip.font";

  private static final List<String> WANTED =
      List.of(
          "NotoSerifCJK-Regular.ttc",
          "NotoSerifCJKsc-Regular.otf",
          "NotoSansCJK-Regular.ttc",
          "NotoSansCJKsc-Regular.otf");

  private static final List<Path> DIRECTORIES =
      List.of(
          Path.of("/usr/share/fonts"),
          Path.of("/usr/local/share/fonts"),
          Path.of(System.getProperty("user.home"), ".local/share/fonts"),
          Path.of(System.getProperty("user.home"), ".fonts"));

  private SlipFonts() {}

  /** The configured font, else the first of {@link #WANTED} found; a clear error without one. */
  static BaseFont load(String configured) {
    Path file =
        configured.isBlank()
            ? find().orElseThrow(() -> new IllegalStateException(MISSING))
            : Path.of(configured);
    if (!Files.isReadable(file)) {
      throw new IllegalStateException(MISSING + " (" + file + ")");
    }
    try {
      String name = file.toString();
      if (name.toLowerCase(Locale.ROOT).endsWith(".ttc")) {
        name = name + "," + simplifiedChinese(BaseFont.enumerateTTCNames(name));
      }
      return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the font " + file, e);
    }
  }

  /** The face for simplified Chinese in a collection (…CJKsc-…), else its first. */
  private static int simplifiedChinese(String[] faces) {
    List<String> names = Arrays.asList(faces);
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).contains("CJKsc-") && !names.get(i).contains("Mono")) {
        return i;
      }
    }
    return 0;
  }

  /** The first of {@link #WANTED} installed on this machine, if any. */
  public static Optional<Path> find() {
    for (String wanted : WANTED) {
      for (Path dir : DIRECTORIES) {
        if (!Files.isDirectory(dir)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(dir, 4)) {
          Optional<Path> found =
              files.filter(f -> f.getFileName().toString().equals(wanted)).findFirst();
          if (found.isPresent()) {
            return found;
          }
        } catch (IOException | UncheckedIOException e) {
          // An unreadable folder of fonts: look in the next.
        }
      }
    }
    return Optional.empty();
  }
}
