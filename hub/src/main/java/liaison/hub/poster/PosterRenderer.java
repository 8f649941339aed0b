package liaison.hub.poster;

import com.google.zxing.common.BitMatrix;
import jakarta.inject.Singleton;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import liaison.hub.text.Text;

/**
 * Printable posters with a station's QR codes (A4) and cards with a deputy's own code (A6), as PNG
 * at 300 dpi: what a station pins on its wall and puts on its desk. Drawn with Java2D, headless.
 */
@Singleton
public class PosterRenderer {

  /** A4 portrait at 300 dpi. */
  public static final int A4_WIDTH = 2480;

  public static final int A4_HEIGHT = 3508;

  /** A6 landscape at 300 dpi. */
  public static final int A6_WIDTH = 1748;

  public static final int A6_HEIGHT = 1240;

  private static final Color RED = new Color(0xB5, 0x12, 0x1B);
  private static final Color GOLD = new Color(0xF3, 0xD2, 0x7A);
  private static final Color INK = new Color(0x1A, 0x1A, 0x1A);
  private static final Color MUTED = new Color(0x4A, 0x4A, 0x4A);
  private static final Color BLUE = new Color(0x1F, 0x4F, 0x8F);

  private final String serif;
  private final String sans;

  public PosterRenderer() {
    Set<String> families =
        Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames());
    this.sans =
        first(
            families,
            List.of("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"),
            Font.SANS_SERIF);
    this.serif = first(families, List.of("Noto Serif CJK SC", "Source Han Serif SC"), sans);
  }

  private static String first(Set<String> families, List<String> wanted, String fallback) {
    return wanted.stream().filter(families::contains).findFirst().orElse(fallback);
  }

  /** The station's A4 poster: sign plate, "扫码提意见" large, "扫码预约" beside it, address and hours. */
  public byte[] stationPoster(
      String signPlate,
      String countyAndTownship,
      String address,
      String openingHours,
      String opinionUrl,
      String bookingUrl) {
    BufferedImage image = new BufferedImage(A4_WIDTH, A4_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(image);

    // The plate: red band, gold serif name.
    g.setColor(RED);
    g.fillRect(0, 0, A4_WIDTH, 620);
    g.setColor(GOLD);
    g.fillRect(0, 620, A4_WIDTH, 24);
    fitCentered(
        g, signPlate, new Font(serif, Font.BOLD, 190), GOLD, A4_WIDTH / 2, 330, A4_WIDTH - 200);
    fitCentered(
        g,
        countyAndTownship,
        new Font(sans, Font.PLAIN, 72),
        Color.WHITE,
        A4_WIDTH / 2,
        500,
        A4_WIDTH - 200);

    // Each line in Chinese, large, with its English under it.
    Text slogan = Text.of("poster.slogan");
    fitCentered(
        g, slogan.zh(), new Font(sans, Font.BOLD, 110), RED, A4_WIDTH / 2, 860, A4_WIDTH - 200);
    fitCentered(
        g, slogan.en(), new Font(sans, Font.PLAIN, 60), MUTED, A4_WIDTH / 2, 960, A4_WIDTH - 200);

    // The opinion code, large; the booking code smaller beside it.
    int big = 1180;
    int small = 760;
    int top = 1080;
    int bigX = 170;
    int smallX = A4_WIDTH - 170 - small;
    drawCard(g, opinionUrl, bigX, top, big, RED);
    drawCard(g, bookingUrl, smallX, top, small, BLUE);
    Text opinion = Text.of("poster.scan-opinion");
    Text booking = Text.of("poster.scan-booking");
    fitCentered(
        g, opinion.zh(), new Font(sans, Font.BOLD, 120), RED, bigX + big / 2, top + big + 170, big);
    fitCentered(
        g,
        opinion.en(),
        new Font(sans, Font.PLAIN, 56),
        MUTED,
        bigX + big / 2,
        top + big + 260,
        big);
    fitCentered(
        g,
        booking.zh(),
        new Font(sans, Font.BOLD, 96),
        BLUE,
        smallX + small / 2,
        top + small + 150,
        small);
    fitCentered(
        g,
        booking.en(),
        new Font(sans, Font.PLAIN, 52),
        MUTED,
        smallX + small / 2,
        top + small + 235,
        small);

    // Where and when, then how it works.
    int y = 2760;
    g.setColor(new Color(0xEF, 0xE7, 0xD3));
    g.fillRoundRect(120, y - 110, A4_WIDTH - 240, 560, 40, 40);
    Text anonymous = Text.of("poster.anonymous");
    y =
        line(
            g,
            Text.of("poster.address", address).zh(),
            new Font(sans, Font.PLAIN, 66),
            INK,
            200,
            y,
            A4_WIDTH - 400);
    y =
        line(
            g,
            Text.of("poster.opening-hours", openingHours).zh(),
            new Font(sans, Font.PLAIN, 66),
            INK,
            200,
            y + 20,
            A4_WIDTH - 400);
    y = line(g, anonymous.zh(), new Font(sans, Font.PLAIN, 58), MUTED, 200, y + 40, A4_WIDTH - 400);
    line(g, anonymous.en(), new Font(sans, Font.PLAIN, 48), MUTED, 200, y + 10, A4_WIDTH - 400);

    g.setColor(RED);
    g.fillRect(0, A4_HEIGHT - 60, A4_WIDTH, 60);
    g.dispose();
    return png(image);
  }

  /** A deputy's A6 card: name, level, the station, and the code to leave them a message. */
  public byte[] deputyCard(String name, String levels, String stationName, String messageUrl) {
    BufferedImage image = new BufferedImage(A6_WIDTH, A6_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(image);
    g.setColor(RED);
    g.fillRect(0, 0, A6_WIDTH, 150);
    fitCentered(
        g, stationName, new Font(serif, Font.BOLD, 86), GOLD, A6_WIDTH / 2, 105, A6_WIDTH - 120);
    int qr = 760;
    int qrX = A6_WIDTH - 90 - qr;
    drawCard(g, messageUrl, qrX, 260, qr, RED);
    int textWidth = qrX - 160;
    fitLeft(g, name, new Font(sans, Font.BOLD, 170), INK, 100, 460, textWidth);
    int y = line(g, levels, new Font(sans, Font.PLAIN, 64), RED, 100, 580, textWidth);
    Text message = Text.of("poster.card.scan");
    y = line(g, message.zh(), new Font(sans, Font.BOLD, 80), RED, 100, y + 140, textWidth);
    line(g, message.en(), new Font(sans, Font.PLAIN, 48), MUTED, 100, y, textWidth);
    g.dispose();
    return png(image);
  }

  /** A screen's poster in landscape, for the media library's demo: 1600×900 pixels. */
  public static final int SCREEN_WIDTH = 1600;

  public static final int SCREEN_HEIGHT = 900;

  /**
   * A poster for the screens (a media slide, not print): the county's name on a red band, a
   * headline in both languages and a line under it, on white.
   */
  public byte[] screenPoster(String county, Text headline, String line) {
    BufferedImage image =
        new BufferedImage(SCREEN_WIDTH, SCREEN_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = start(image);
    g.setColor(RED);
    g.fillRect(0, 0, SCREEN_WIDTH, 200);
    fitCentered(
        g,
        county,
        new Font(serif, Font.BOLD, 120),
        GOLD,
        SCREEN_WIDTH / 2,
        145,
        SCREEN_WIDTH - 160);
    fitCentered(
        g,
        headline.zh(),
        new Font(sans, Font.BOLD, 130),
        RED,
        SCREEN_WIDTH / 2,
        440,
        SCREEN_WIDTH - 160);
    fitCentered(
        g,
        headline.en(),
        new Font(sans, Font.PLAIN, 64),
        MUTED,
        SCREEN_WIDTH / 2,
        540,
        SCREEN_WIDTH - 160);
    fitCentered(
        g, line, new Font(sans, Font.PLAIN, 72), INK, SCREEN_WIDTH / 2, 720, SCREEN_WIDTH - 160);
    g.setColor(GOLD);
    g.fillRect(0, SCREEN_HEIGHT - 40, SCREEN_WIDTH, 40);
    g.dispose();
    return png(image);
  }

  private static Graphics2D start(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    return g;
  }

  /** A white card with a coloured border and the code inside, whole pixels per module. */
  private static void drawCard(Graphics2D g, String url, int x, int y, int side, Color border) {
    g.setColor(Color.WHITE);
    g.fillRoundRect(x, y, side, side, 40, 40);
    g.setColor(border);
    g.setStroke(new BasicStroke(10));
    g.drawRoundRect(x, y, side, side, 40, 40);
    BitMatrix matrix = QrCodes.matrix(url);
    int modules = matrix.getWidth();
    int inner = side - 80;
    int scale = Math.max(1, inner / modules);
    int drawn = scale * modules;
    int ox = x + (side - drawn) / 2;
    int oy = y + (side - drawn) / 2;
    g.setColor(Color.BLACK);
    for (int my = 0; my < modules; my++) {
      for (int mx = 0; mx < modules; mx++) {
        if (matrix.get(mx, my)) {
          g.fillRect(ox + mx * scale, oy + my * scale, scale, scale);
        }
      }
    }
  }

  /** Draws text centred on x at baseline y, shrinking the font until it fits the width. */
  private static void fitCentered(
      Graphics2D g, String text, Font font, Color color, int x, int y, int width) {
    Font f = fit(g, text, font, width);
    g.setFont(f);
    g.setColor(color);
    g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
  }

  private static void fitLeft(
      Graphics2D g, String text, Font font, Color color, int x, int y, int width) {
    g.setFont(fit(g, text, font, width));
    g.setColor(color);
    g.drawString(text, x, y);
  }

  private static Font fit(Graphics2D g, String text, Font font, int width) {
    Font f = font;
    while (g.getFontMetrics(f).stringWidth(text) > width && f.getSize() > 24) {
      f = f.deriveFont((float) (f.getSize() - 4));
    }
    return f;
  }

  /** Draws text wrapped to the width, one CJK character at a time; returns the next baseline. */
  private static int line(
      Graphics2D g, String text, Font font, Color color, int x, int y, int width) {
    g.setFont(font);
    g.setColor(color);
    FontMetrics m = g.getFontMetrics();
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      if (m.stringWidth(current + ch) > width && !current.isEmpty()) {
        lines.add(current.toString());
        current.setLength(0);
      }
      current.append(ch);
      i += Character.charCount(cp);
    }
    if (!current.isEmpty()) {
      lines.add(current.toString());
    }
    int baseline = y;
    for (String l : lines) {
      g.drawString(l, x, baseline);
      baseline += (int) (m.getHeight() * 1.15);
    }
    return baseline;
  }

  private static byte[] png(BufferedImage image) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
