package liaison.signage.player.fx;

import java.util.List;

/**
 * A physical screen a station's view is drawn on, and the smallest text and QR code that work on
 * it, derived from millimetres (docs/SCREENS.md says why these):
 *
 * <ul>
 *   <li>a character must stand at least {@link #CHARACTER_PER_DISTANCE} of the reading distance
 *       tall (about 17 minutes of arc, the legibility rule for signs: 15 mm at 3 m); a CJK glyph
 *       fills about {@link #GLYPH_EM} of its font size, so the font size is the character height
 *       divided by that;
 *   <li>a QR code must be at least {@link #QR_MM} across: a phone's scanner reads a code from ten
 *       times its width, and a resident holds the phone about 25 cm from the screen.
 * </ul>
 *
 * @param widthPx the screen's pixels across
 * @param heightPx the screen's pixels down
 * @param widthMm the visible picture's width in millimetres
 * @param readingDistanceMm how far from the screen people read it
 */
public record Panel(
    String name, int widthPx, int heightPx, double widthMm, double readingDistanceMm) {

  /** Character height over reading distance: 1/200, 15 mm at 3 m, 2.5 mm at 50 cm. */
  public static final double CHARACTER_PER_DISTANCE = 1 / 200.0;

  /** How much of a CJK font's size its glyphs fill (Noto Sans/Serif CJK: ideographs ≈ 0.92 em). */
  public static final double GLYPH_EM = 0.92;

  /** The smallest QR code a phone scans from 25 cm: ten times smaller than the distance. */
  public static final double QR_MM = 25;

  /** The smallest touch target on a kiosk: a fingertip. */
  public static final double TOUCH_MM = 9;

  /** Where a visitor stands at a kiosk: an arm's length, the design distance of ISO 9241-303. */
  public static final double KIOSK_READING_MM = 500;

  /** A wall screen in a hall, read by passers-by. */
  public static final double WALL_READING_MM = 3000;

  /** The Raspberry Pi 7-inch touch display: 800×480 over 154.2 × 85.9 mm visible. */
  public static final Panel PI_7_INCH = new Panel("7-inch Pi", 800, 480, 154.2, KIOSK_READING_MM);

  /** A 10.1-inch 1024×600 touch panel (the common kiosk panel at that resolution): 222.7 mm. */
  public static final Panel KIOSK_10_INCH_1024 =
      new Panel("10.1-inch", 1024, 600, 222.7, KIOSK_READING_MM);

  /** A 10.1-inch 1280×800 touch panel: 217.0 × 135.6 mm. */
  public static final Panel KIOSK_10_INCH_1280 =
      new Panel("10.1-inch", 1280, 800, 217.0, KIOSK_READING_MM);

  /** A 21.5-inch 1080p touch monitor: 476.6 × 268.1 mm. */
  public static final Panel KIOSK_22_INCH =
      new Panel("21.5-inch", 1920, 1080, 476.6, KIOSK_READING_MM);

  /** The same monitor standing on end, as a kiosk column. */
  public static final Panel KIOSK_22_INCH_PORTRAIT =
      new Panel("21.5-inch portrait", 1080, 1920, 268.1, KIOSK_READING_MM);

  /** A 32-inch 1080p wall screen read at 3 m: 708.4 × 398.5 mm. */
  public static final Panel WALL_32_INCH =
      new Panel("32-inch wall", 1920, 1080, 708.4, WALL_READING_MM);

  /** The same wall screen on end. */
  public static final Panel WALL_32_INCH_PORTRAIT =
      new Panel("32-inch wall portrait", 1080, 1920, 398.5, WALL_READING_MM);

  /** Every touch panel a kiosk runs on, smallest first. */
  public static final List<Panel> KIOSKS =
      List.of(
          PI_7_INCH, KIOSK_10_INCH_1024, KIOSK_10_INCH_1280, KIOSK_22_INCH, KIOSK_22_INCH_PORTRAIT);

  /** Every screen a signage board is drawn on: the kiosks' (idle hand-over) and the wall's. */
  public static final List<Panel> BOARDS =
      List.of(
          PI_7_INCH, KIOSK_10_INCH_1024, KIOSK_10_INCH_1280, WALL_32_INCH, WALL_32_INCH_PORTRAIT);

  /** The kiosk panel with this many pixels. */
  public static Panel kiosk(int widthPx, int heightPx) {
    return find(KIOSKS, widthPx, heightPx);
  }

  /**
   * The screen a board of this size is read on: a kiosk's small panel, or at 1080p the wall screen
   * at 3 m (the stricter of the two places a 1080p board appears).
   */
  public static Panel board(int widthPx, int heightPx) {
    return find(BOARDS, widthPx, heightPx);
  }

  private static Panel find(List<Panel> panels, int widthPx, int heightPx) {
    return panels.stream()
        .filter(p -> p.widthPx() == widthPx && p.heightPx() == heightPx)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException("no panel of " + widthPx + "×" + heightPx + " px"));
  }

  public double mmPerPx() {
    return widthMm / widthPx;
  }

  /** The smallest character height in millimetres at this reading distance. */
  public double minCharacterMm() {
    return readingDistanceMm * CHARACTER_PER_DISTANCE;
  }

  /** The smallest font size in pixels: a glyph of {@link #minCharacterMm()} on this panel. */
  public double minTextPx() {
    return minCharacterMm() / GLYPH_EM / mmPerPx();
  }

  /** The smallest QR code, side in pixels. */
  public double minQrPx() {
    return QR_MM / mmPerPx();
  }

  /** The smallest touch target, side in pixels. */
  public double minTouchPx() {
    return TOUCH_MM / mmPerPx();
  }

  /** For file names and test names: 800x480. */
  public String size() {
    return widthPx + "x" + heightPx;
  }

  @Override
  public String toString() {
    return name + " " + size();
  }
}
