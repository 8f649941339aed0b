package liaison.hub.poster;

import com.lowagie.text.pdf.BaseFont;
import jakarta.inject.Singleton;
import liaison.hub.config.SlipConfig;

/**
 * The CJK font the hub's PDFs are printed with ({@code hub.slip.font}, else the one {@link
 * SlipFonts} finds), read once on first use and shared by every printed form: a CJK collection is
 * tens of megabytes read.
 */
@Singleton
public class PrintFont {
  private final String configured;
  private volatile BaseFont font;

  public PrintFont(SlipConfig config) {
    this.configured = config.font() == null ? "" : config.font().strip();
  }

  /** The font; a clear error naming what to install when there is none. */
  BaseFont get() {
    BaseFont loaded = font;
    if (loaded == null) {
      synchronized (this) {
        if (font == null) {
          font = SlipFonts.load(configured);
        }
        loaded = font;
      }
    }
    return loaded;
  }
}
