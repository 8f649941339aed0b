package liaison.signage.player.fx;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * Finds the fonts the kiosk draws Chinese with. Without a CJK font JavaFX draws Chinese as boxes,
 * so the app checks at start and says what to install when none is found.
 */
public final class CjkFonts {

  static final List<String> SANS =
      List.of(
          "Noto Sans CJK SC",
          "Source Han Sans SC",
          "Noto Sans SC",
          "WenQuanYi Micro Hei",
          "WenQuanYi Zen Hei");
  static final List<String> SERIF =
      List.of("Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif SC");

  public static final String MISSING_MESSAGE =
      "No Chinese (CJK) font is installed, so Chinese text cannot be drawn. "
          + "Install one, e.g. on Debian or Raspberry Pi OS: sudo apt install fonts-noto-cjk";

  private final Optional<String> sans;
  private final Optional<String> serif;

  private CjkFonts(Optional<String> sans, Optional<String> serif) {
    this.sans = sans;
    this.serif = serif;
  }

  /** Looks at the fonts the toolkit can see; call on or after toolkit start. */
  public static CjkFonts detect() {
    return among(Set.copyOf(Font.getFamilies()));
  }

  /** Picks from the given installed families (what {@link #detect()} sees on this machine). */
  public static CjkFonts among(Set<String> families) {
    return new CjkFonts(
        SANS.stream().filter(families::contains).findFirst(),
        SERIF.stream().filter(families::contains).findFirst());
  }

  public boolean available() {
    return sans.isPresent() || serif.isPresent();
  }

  /** The family for running text. */
  public String sans() {
    return sans.or(() -> serif).orElse("System");
  }

  /** The family for the sign plate: a bold CJK serif like the plate's 大标宋, else the sans. */
  public String serif() {
    return serif.orElse(sans());
  }

  /**
   * Opens the faces a kiosk's first view draws with — the sans regular and bold, and the serif in
   * the plate's black (its bold where the family has no black) — so that building the screen and
   * its first CSS pass find them open: FreeType opening a CJK font collection (20–27 MB each) was a
   * third of the kiosk's work on the FX thread before its first frame (issue 22). The other faces
   * wait for {@link #warmRest()}, after the first frame. Call on or after toolkit start. Returns
   * this.
   */
  public CjkFonts warm() {
    open(sans(), List.of(FontWeight.NORMAL, FontWeight.BOLD));
    open(serif(), List.of(FontWeight.BLACK));
    return this;
  }

  /**
   * Opens the faces {@link #warm()} left for later (the serif's other weights, the toolkit's
   * default family's), so that a page or board that first shows one later does not wait for
   * FreeType. Call on or after toolkit start, after the first frame.
   */
  public CjkFonts warmRest() {
    for (String family : Set.of(Font.getDefault().getFamily(), sans(), serif())) {
      open(family, List.of(FontWeight.NORMAL, FontWeight.BOLD, FontWeight.BLACK));
    }
    return this;
  }

  private static void open(String family, List<FontWeight> weights) {
    for (FontWeight weight : weights) {
      Font.font(family, weight, Font.getDefault().getSize());
    }
  }
}
