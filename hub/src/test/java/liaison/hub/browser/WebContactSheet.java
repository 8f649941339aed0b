package liaison.hub.browser;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * One picture of the whole web, for a reader of docs/SCREENS.md who has not run the tests: the
 * first screenful of every page {@link EveryPageBrowserTest} photographed, small, side by side —
 * the laptop's pages, then the phone's in Chinese, then in English — each under its file's name.
 * Written by the sweep into {@code target/screens/web-contact-sheet.jpg}; the copy in {@code
 * docs/screens/} is that file, committed when the pages change.
 */
final class WebContactSheet {
  /** The sheet's width in pixels, and how many tiles of each kind share a row. */
  static final int WIDTH = 1280;

  private static final int LAPTOP_COLUMNS = 7;
  private static final int PHONE_COLUMNS = 16;
  private static final int GAP = 6;
  private static final int LABEL = 12;
  private static final float QUALITY = 0.55f;

  /**
   * The docs keep a copy: it stays under this many bytes per page shot on it, at a lower JPEG
   * quality when the sweep has more pages, down to a floor where text is still readable. A budget
   * per tile rather than one size for the sheet, so that new pages (the deputies' side of issue 18
   * brought forty) do not each time raise a limit by hand; at the floor a tile takes about 2.2 KB.
   */
  static final long MAX_BYTES_PER_TILE = 2_500;

  /** The most bytes the sheet of the sweep's PNGs in {@code screens} may take. */
  static long budget(Path screens) {
    long tiles = 0;
    for (Kind kind : KINDS) {
      tiles += pages(screens, kind).size();
    }
    return Math.max(1, tiles) * MAX_BYTES_PER_TILE;
  }

  private static final float LOWEST_QUALITY = 0.3f;

  /** A kind of tile: its files' suffix, the part of the screenshot shown (in its pixels). */
  private record Kind(String title, String suffix, int columns, int cropWidth, int cropHeight) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("1366x768", "-laptop.png", LAPTOP_COLUMNS, 1366, 768),
          // The phone's screenshots are at device scale 2: 390x844 CSS pixels are 780x1688.
          new Kind("390x844 zh-CN", "-phone.png", PHONE_COLUMNS, 780, 1688),
          new Kind("390x844 en", "-phone-en.png", PHONE_COLUMNS, 780, 1688));

  private WebContactSheet() {}

  /** Tiles the sweep's PNGs in {@code screens} into {@code sheet}; its size in bytes. */
  static long write(Path screens, Path sheet) {
    int height = GAP;
    for (Kind kind : KINDS) {
      height += LABEL + GAP + rows(pages(screens, kind), kind) * (tileHeight(kind) + LABEL + GAP);
    }
    BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, height);
    int y = GAP;
    for (Kind kind : KINDS) {
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, LABEL - 1));
      g.drawString(kind.title(), GAP, y + LABEL - 2);
      y += LABEL + GAP;
      List<Path> pages = pages(screens, kind);
      int w = tileWidth(kind);
      int h = tileHeight(kind);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
      for (int i = 0; i < pages.size(); i++) {
        int x = GAP + (i % kind.columns()) * (w + GAP);
        int top = y + (i / kind.columns()) * (h + LABEL + GAP);
        BufferedImage shot = read(pages.get(i));
        int cropHeight = Math.min(shot.getHeight(), kind.cropHeight());
        int cropWidth = Math.min(shot.getWidth(), kind.cropWidth());
        g.drawImage(
            shot,
            x,
            top,
            x + w,
            top + h * cropHeight / kind.cropHeight(),
            0,
            0,
            cropWidth,
            cropHeight,
            null);
        g.setColor(Color.GRAY);
        g.drawRect(x, top, w, h);
        g.setColor(Color.DARK_GRAY);
        g.drawString(name(pages.get(i), kind, w), x, top + h + LABEL - 3);
      }
      y += rows(pages, kind) * (h + LABEL + GAP);
    }
    g.dispose();
    return jpeg(image, sheet, budget(screens));
  }

  private static int tileWidth(Kind kind) {
    return (WIDTH - GAP) / kind.columns() - GAP;
  }

  private static int tileHeight(Kind kind) {
    return tileWidth(kind) * kind.cropHeight() / kind.cropWidth();
  }

  private static int rows(List<Path> pages, Kind kind) {
    return (pages.size() + kind.columns() - 1) / kind.columns();
  }

  /** The page's name as it fits under its tile: "admin-stations-id-week". */
  private static String name(Path page, Kind kind, int width) {
    String file = page.getFileName().toString();
    String name = file.substring("page-".length(), file.length() - kind.suffix().length());
    int fits = width / 5;
    return name.length() > fits ? name.substring(name.length() - fits) : name;
  }

  private static List<Path> pages(Path screens, Kind kind) {
    try (Stream<Path> files = Files.list(screens)) {
      return files
          .filter(
              p -> {
                String f = p.getFileName().toString();
                return f.startsWith("page-")
                    && f.endsWith(kind.suffix())
                    // "-phone.png" must not take the English "-phone-en.png", nor a preview.
                    && !f.contains("-preview-");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage read(Path png) {
    try {
      return ImageIO.read(png.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long jpeg(BufferedImage image, Path sheet, long budget) {
    long bytes = 0;
    for (float quality = QUALITY; quality >= LOWEST_QUALITY - 1e-3; quality -= 0.05f) {
      bytes = jpeg(image, sheet, quality);
      if (bytes < budget) {
        return bytes;
      }
    }
    return bytes;
  }

  private static long jpeg(BufferedImage image, Path sheet, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    try {
      Files.createDirectories(sheet.toAbsolutePath().getParent());
      Files.deleteIfExists(sheet);
      try (ImageOutputStream out = ImageIO.createImageOutputStream(sheet.toFile())) {
        writer.setOutput(out);
        writer.write(null, new IIOImage(image, null, null), param);
      } finally {
        writer.dispose();
      }
      return Files.size(sheet);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the sheet from a sweep's screenshots: {@code main(hub/target/screens, out.jpg)}. */
  public static void main(String[] args) {
    Path screens = Path.of(args.length > 0 ? args[0] : "target/screens");
    Path sheet = Path.of(args.length > 1 ? args[1] : "target/screens/web-contact-sheet.jpg");
    System.out.println(sheet + ": " + write(screens, sheet) / 1024 + " KB");
  }
}
