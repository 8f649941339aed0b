package liaison.hub.media;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import liaison.hub.poster.SlipFonts;
import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PDFBox's choice of font for text whose PDF does not carry its font, with one change: a CID font
 * (the kind Chinese text is set in: 宋体, 黑体 from Word or WPS, STSong-Light) that PDFBox would draw
 * with its last resort, a Latin font without a single Chinese glyph, is drawn with Debian's Noto
 * CJK instead ({@link SlipFonts#find()}, the simplified-Chinese face). Its glyphs are found by
 * Unicode, so the text reads right whatever CID order the missing font had. Everything else is
 * PDFBox's own choice. PDFBox keeps one mapper for the whole process, so it is installed once.
 */
final class CjkFontMapper implements FontMapper {
  private static final Logger LOG = LoggerFactory.getLogger(CjkFontMapper.class);

  private static boolean installed;

  private final FontMapper pdfbox;
  private final @Nullable TrueTypeFont cjk;

  private CjkFontMapper(FontMapper pdfbox, @Nullable TrueTypeFont cjk) {
    this.pdfbox = pdfbox;
    this.cjk = cjk;
  }

  /** Puts the mapper in PDFBox's place on first use; reads the CJK font once. */
  static synchronized void install() {
    if (!installed) {
      FontMappers.set(new CjkFontMapper(FontMappers.instance(), load().orElse(null)));
      installed = true;
    }
  }

  @Override
  public FontMapping<TrueTypeFont> getTrueTypeFont(
      String baseFont, PDFontDescriptor fontDescriptor) {
    return pdfbox.getTrueTypeFont(baseFont, fontDescriptor);
  }

  @Override
  public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
    return pdfbox.getFontBoxFont(baseFont, fontDescriptor);
  }

  @Override
  public CIDFontMapping getCIDFont(
      String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
    CIDFontMapping chosen = pdfbox.getCIDFont(baseFont, fontDescriptor, cidSystemInfo);
    if (chosen.isFallback() && cjk != null) {
      // As a TrueType fallback, not as a CID font: PDFBox then finds each glyph by its Unicode.
      return new CIDFontMapping(null, cjk, true);
    }
    return chosen;
  }

  /**
   * The simplified-Chinese face of the installed Noto CJK. The collection stays open for the
   * process's life: PDFBox reads its glyphs from the file as pages need them.
   */
  private static Optional<TrueTypeFont> load() {
    Optional<Path> file = SlipFonts.find();
    if (file.isEmpty()) {
      LOG.warn(
          "No CJK font (fonts-noto-cjk): Chinese text of PDFs without their own fonts will not show"
              + " on the screens");
      return Optional.empty();
    }
    Closeable opened = null;
    try {
      if (file.get().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
        TrueTypeCollection collection = new TrueTypeCollection(file.get().toFile());
        opened = collection;
        return simplifiedChinese(collection);
      }
      RandomAccessReadBufferedFile font = new RandomAccessReadBufferedFile(file.get());
      opened = font;
      return Optional.of(new OTFParser().parse(font));
    } catch (IOException e) {
      LOG.warn("Cannot read the CJK font {}: {}", file.get(), e.toString());
      closeQuietly(opened);
      return Optional.empty();
    }
  }

  private static void closeQuietly(@Nullable Closeable opened) {
    if (opened != null) {
      try {
        opened.close();
      } catch (IOException e) {
        LOG.debug("Closing the unreadable CJK font", e);
      }
    }
  }

  /** The face for simplified Chinese (…CJKsc-…) in a collection, else its first. */
  private static Optional<TrueTypeFont> simplifiedChinese(TrueTypeCollection collection)
      throws IOException {
    TrueTypeFont[] found = new TrueTypeFont[2];
    collection.processAllFonts(
        font -> {
          String name = font.getName();
          if (found[0] == null && name.contains("CJKsc-") && !name.contains("Mono")) {
            found[0] = font;
          }
          if (found[1] == null) {
            found[1] = font;
          }
        });
    return Optional.ofNullable(found[0] != null ? found[0] : found[1]);
  }
}
