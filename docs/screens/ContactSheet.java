import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The stations' contact sheet: every board and page the screen tests drew, at every size, as one
 * downscaled, labelled JPEG (docs/screens/stations-contact-sheet.jpg), so a person sees them all
 * at a glance. Run after the screen tests (./mvnw -pl signage/player,kiosk test):
 *
 * <pre>./liaison contact-sheet</pre>
 *
 * A row a screen and case (the first page of a board of several), a column a size; the module's
 * own folders are read: signage/player/target/screens and kiosk/target/screens.
 */
public class ContactSheet {
  private static final List<String> SIZES =
      List.of("800x480", "1024x600", "1280x800", "1920x1080", "1080x1920");
  private static final Pattern NAME = Pattern.compile("(.+?)-(\\d+x\\d+)(?:-(.+))?\\.png");
  private static final Pattern LATER_PAGE = Pattern.compile(".*-p\\d+");
  private static final int CELL_W = 140;
  private static final int ROW_H = 84;
  private static final int LABEL_W = 250;
  private static final int GAP = 6;
  private static final long MAX_BYTES = 500_000;

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "docs/screens/stations-contact-sheet.jpg");
    Map<String, Map<String, Path>> rows = new LinkedHashMap<>();
    rows.putAll(read("signage", Path.of("signage/player/target/screens")));
    rows.putAll(read("kiosk", Path.of("kiosk/target/screens")));
    if (rows.isEmpty()) {
      System.err.println(
          "contact-sheet: no screens found; run ./mvnw -pl signage/player,kiosk test first");
      System.exit(1);
    }
    int width = LABEL_W + SIZES.size() * (CELL_W + GAP) + GAP;
    int height = 40 + rows.size() * (ROW_H + GAP) + GAP;
    BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0xf6f3ec));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(0x1d1b18));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    for (int c = 0; c < SIZES.size(); c++) {
      g.drawString(SIZES.get(c), LABEL_W + c * (CELL_W + GAP) + GAP, 26);
    }
    int y = 40;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    for (Map.Entry<String, Map<String, Path>> row : rows.entrySet()) {
      g.setColor(new Color(0x1d1b18));
      g.drawString(row.getKey(), GAP, y + ROW_H / 2 + 5);
      for (int c = 0; c < SIZES.size(); c++) {
        Path png = row.getValue().get(SIZES.get(c));
        if (png != null) {
          draw(g, ImageIO.read(png.toFile()), LABEL_W + c * (CELL_W + GAP) + GAP, y);
        }
      }
      y += ROW_H + GAP;
    }
    g.dispose();
    Files.createDirectories(out.toAbsolutePath().getParent());
    float quality = 0.75f;
    do {
      write(sheet, out, quality);
      quality -= 0.1f;
    } while (Files.size(out) > MAX_BYTES && quality > 0.3f);
    System.out.printf(
        "contact-sheet: %d rows, %d×%d px, %d KB → %s%n",
        rows.size(), width, height, Files.size(out) / 1024, out);
  }

  /** The first page of each screen and case in a folder, by size: "signage today 12-receptions". */
  private static Map<String, Map<String, Path>> read(String module, Path dir) throws IOException {
    Map<String, Map<String, Path>> rows = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return rows;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches() || !SIZES.contains(m.group(2))) {
          continue;
        }
        String kase = m.group(3) == null ? "" : m.group(3);
        if (LATER_PAGE.matcher("-" + kase).matches()) {
          continue;
        }
        String label = (module + " " + m.group(1) + " " + kase).strip();
        rows.computeIfAbsent(label, k -> new LinkedHashMap<>()).put(m.group(2), file);
      }
    }
    return rows;
  }

  /** The screen scaled into its cell, keeping its shape, with a thin frame. */
  private static void draw(Graphics2D g, BufferedImage screen, int x, int y) {
    double scale = Math.min((double) CELL_W / screen.getWidth(), (double) ROW_H / screen.getHeight());
    int w = (int) Math.round(screen.getWidth() * scale);
    int h = (int) Math.round(screen.getHeight() * scale);
    // Halved step by step, so the small copy keeps the text's shapes instead of aliasing them.
    BufferedImage step = screen;
    while (step.getWidth() / 2 >= w) {
      BufferedImage half =
          new BufferedImage(step.getWidth() / 2, step.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
      Graphics2D hg = half.createGraphics();
      hg.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      hg.drawImage(step, 0, 0, half.getWidth(), half.getHeight(), null);
      hg.dispose();
      step = half;
    }
    g.drawImage(step, x, y, w, h, null);
    g.setColor(new Color(0xa99a7b));
    g.drawRect(x, y, w - 1, h - 1);
  }

  private static void write(BufferedImage image, Path out, float quality) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(quality);
    Files.deleteIfExists(out);
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(out.toFile())) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
