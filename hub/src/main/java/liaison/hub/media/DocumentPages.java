package liaison.hub.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.jspecify.annotations.Nullable;

/**
 * A PDF's pages as images a station shows as slides, rendered on the hub (PDFBox), each fitted to a
 * 1080p screen in either orientation: a landscape page within 1920×1080, an upright one within
 * 1080×1920, at the page's own proportions on white. Chinese text in a font the PDF does not carry
 * is drawn with Debian's Noto CJK ({@link CjkFontMapper}). One page is held in memory at a time.
 * docs/MEDIA.md, "Video and documents".
 */
public final class DocumentPages {
  /** The most pages a document may have: a slide per page, and a loop is not a reader. */
  public static final int MAX_PAGES = 50;

  /** The long side of a rendered page, and its short side: a 1080p screen either way up. */
  static final int LONG_SIDE = 1920;

  static final int SHORT_SIDE = 1080;

  /**
   * The most pixels per PDF point (600 dpi): a postage-stamp page is not blown up to a screen, so a
   * tiny page with a huge pattern cannot make the renderer draw for minutes.
   */
  static final float MAX_SCALE = 600f / 72;

  /** The most images and forms a page's check looks at (a page of a book has a few dozen). */
  private static final int MAX_XOBJECTS = 10_000;

  /**
   * The most bytes one stream (a page's drawing, a font, a form…) may inflate to: PDFBox decodes
   * each into memory, so a 10 MB PDF whose stream inflates to gigabytes (a decompression bomb)
   * would take the hub's heap. A page of a real document draws from a few megabytes.
   */
  static final long MAX_STREAM_BYTES = 64L << 20;

  /** An image's own pixels may be more: its width × height × 4 channels, within 50 megapixels. */
  private static final long MAX_IMAGE_BYTES = PosterImages.MAX_PIXELS * 4;

  /** How long a document may take to check and render before it is refused as too complex. */
  static final Duration DEADLINE = Duration.ofMinutes(2);

  /** The filters PDFBox decodes whole into memory; images' own codecs read at the size drawn. */
  private static final Set<COSName> INFLATING =
      Set.of(
          COSName.FLATE_DECODE,
          COSName.FLATE_DECODE_ABBREVIATION,
          COSName.LZW_DECODE,
          COSName.LZW_DECODE_ABBREVIATION,
          COSName.RUN_LENGTH_DECODE,
          COSName.RUN_LENGTH_DECODE_ABBREVIATION,
          COSName.ASCII85_DECODE,
          COSName.ASCII85_DECODE_ABBREVIATION,
          COSName.ASCII_HEX_DECODE,
          COSName.ASCII_HEX_DECODE_ABBREVIATION);

  /** Where a PDF's header may start (its specification allows junk before it). */
  private static final int HEADER_WITHIN = 1024;

  /** One rendered page. */
  public record Page(Path png, int width, int height) {}

  private DocumentPages() {}

  /**
   * Renders every page of a PDF into {@code outDir} as PNG files ({@code page-001.png}…). When the
   * PDF is refused, the pages already written are removed.
   *
   * @throws liaison.hub.problem.ValidationProblem on field {@code file} when it is not a readable,
   *     unencrypted PDF of 1 to {@link #MAX_PAGES} pages
   */
  public static List<Page> render(Path pdf, Path outDir) {
    if (!startsLikePdf(pdf)) {
      throw refused(Text.of("problem.media.document.not-pdf"));
    }
    // One document or image at a time: the library renders in its turn (MediaLibrary.preparing).
    return render(pdf, outDir, System.nanoTime() + DEADLINE.toNanos());
  }

  private static List<Page> render(Path pdf, Path outDir, long deadline) {
    CjkFontMapper.install();
    createDirectories(outDir);
    List<Page> pages = new ArrayList<>();
    BoundedParser parser = parser(pdf);
    try (PDDocument document = parser.parse()) {
      if (parser.inflatesTooFar) {
        throw refused(Text.of("problem.media.document.inflates", MAX_STREAM_BYTES >> 20));
      }
      int count = document.getNumberOfPages();
      if (count == 0) {
        throw refused(Text.of("problem.media.document.no-pages"));
      }
      if (count > MAX_PAGES) {
        throw refused(Text.of("problem.media.document.too-many-pages", count, MAX_PAGES));
      }
      if (inflatesTooFar(document.getDocument(), deadline) || parser.inflatesTooFar) {
        throw refused(Text.of("problem.media.document.inflates", MAX_STREAM_BYTES >> 20));
      }
      PDFRenderer renderer = new PDFRenderer(document);
      // A page's large photographs are read at the size drawn, not at their own.
      renderer.setSubsamplingAllowed(true);
      for (int i = 0; i < count; i++) {
        if (System.nanoTime() - deadline > 0) {
          throw refused(Text.of("problem.media.document.too-slow", i + 1));
        }
        pages.add(page(renderer, document.getPage(i), i, outDir));
      }
      return pages;
    } catch (InvalidPasswordException e) {
      remove(pages);
      throw refused(Text.of("problem.media.document.encrypted"));
    } catch (IOException e) {
      remove(pages);
      throw refused(
          parser.inflatesTooFar
              ? Text.of("problem.media.document.inflates", MAX_STREAM_BYTES >> 20)
              : Text.of("problem.media.document.damaged"));
    } catch (ValidationProblem | UncheckedIOException e) {
      // Refused, or the hub's own disk failing while it writes a page: either way no pages stay.
      remove(pages);
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // PDFBox answers some malformed files with an unchecked exception, or by recursing through a
      // cycle of objects: the upload is refused either way, never a 500.
      remove(pages);
      throw refused(Text.of("problem.media.document.damaged"));
    }
  }

  private static BoundedParser parser(Path pdf) {
    try {
      return new BoundedParser(pdf);
    } catch (IOException e) {
      throw refused(Text.of("problem.media.document.damaged"));
    }
  }

  private static Page page(PDFRenderer renderer, PDPage page, int index, Path outDir) {
    PDRectangle box = page.getCropBox();
    boolean turned = page.getRotation() % 180 != 0;
    float width = turned ? box.getHeight() : box.getWidth();
    float height = turned ? box.getWidth() : box.getHeight();
    if (!(width >= 1 && height >= 1 && Float.isFinite(width) && Float.isFinite(height))) {
      throw refused(Text.of("problem.media.document.page", index + 1));
    }
    PDResources resources = page.getResources(); // its own or inherited; none on a blank page
    String undrawable =
        resources == null ? null : undrawableImages(resources.getCOSObject(), new HashSet<>());
    if (undrawable != null) {
      throw refused(Text.of("problem.media.document.images", index + 1, undrawable));
    }
    boolean upright = height > width;
    int maxWidth = upright ? SHORT_SIDE : LONG_SIDE;
    int maxHeight = upright ? LONG_SIDE : SHORT_SIDE;
    float scale = Math.min(MAX_SCALE, Math.min(maxWidth / width, maxHeight / height));
    BufferedImage image;
    try {
      image = renderer.renderImage(index, scale, ImageType.RGB);
    } catch (IOException | RuntimeException e) {
      throw refused(Text.of("problem.media.document.page", index + 1));
    }
    Path png = outDir.resolve(String.format(Locale.ROOT, "page-%03d.png", index + 1));
    try {
      if (!ImageIO.write(image, "png", png.toFile())) {
        throw new IllegalStateException("no PNG writer in this Java");
      }
    } catch (IOException e) {
      remove(List.of(new Page(png, 0, 0))); // half a page, not yet in the list of pages
      throw new UncheckedIOException("cannot write " + png, e);
    }
    return new Page(png, image.getWidth(), image.getHeight());
  }

  /**
   * Decodes every stream of the document through a counter before PDFBox does so into memory:
   * whether a stream inflates beyond its bound ({@link #MAX_STREAM_BYTES}; an image its own
   * pixels), or the checking outlasts the deadline. Only the filters that inflate without an image
   * codec are applied; nothing decoded is kept but what the next filter of a chain reads.
   */
  private static boolean inflatesTooFar(COSDocument document, long deadline) throws IOException {
    for (COSObjectKey key : List.copyOf(document.getXrefTable().keySet())) {
      if (System.nanoTime() - deadline > 0) {
        return true;
      }
      COSObject object = document.getObjectFromPool(key);
      if (object != null
          && object.getObject() instanceof COSStream stream
          && !withinBound(stream, bound(stream))) {
        return true;
      }
    }
    return false;
  }

  private static long bound(COSStream stream) {
    if (!COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
      return MAX_STREAM_BYTES;
    }
    long width = Math.max(0, stream.getInt(COSName.WIDTH, COSName.W, 0));
    long height = Math.max(0, stream.getInt(COSName.HEIGHT, COSName.H, 0));
    long bits = Math.clamp(stream.getInt(COSName.BITS_PER_COMPONENT, COSName.BPC, 8), 1, 16);
    long pixels = Math.min(width * height, PosterImages.MAX_PIXELS);
    // Four channels at most, a row's padding and a predictor's byte per row on top.
    return Math.clamp(pixels * 4 * bits / 8 + height * 8 + 1024, MAX_STREAM_BYTES, MAX_IMAGE_BYTES);
  }

  /** Whether the stream's general filters inflate it to at most {@code bound} bytes. */
  private static boolean withinBound(COSStream stream, long bound) throws IOException {
    COSBase filters = stream.getFilters();
    List<? extends COSBase> names =
        filters instanceof COSArray array
            ? array.toList()
            : filters == null ? List.of() : List.of(filters);
    List<COSName> inflating = new ArrayList<>();
    for (COSBase name : names) {
      if (!(name instanceof COSName filter) || !INFLATING.contains(filter)) {
        break; // an image codec (or a crypt filter): what follows is read at the size drawn
      }
      inflating.add(filter);
    }
    if (inflating.isEmpty()) {
      return true;
    }
    Capped out = null;
    try (InputStream raw = stream.createRawInputStream()) {
      InputStream in = raw;
      for (int i = 0; i < inflating.size(); i++) {
        out = new Capped(bound, i == inflating.size() - 1);
        FilterFactory.INSTANCE.getFilter(inflating.get(i)).decode(in, out, stream, i);
        in = new ByteArrayInputStream(out.bytes());
      }
      return true;
    } catch (IOException e) {
      // A filter may wrap the counter's refusal in its own exception: the counter knows.
      if (out != null && out.exceeded) {
        return false;
      }
      throw e;
    }
  }

  /**
   * PDFBox's parser, with each object stream's size checked before PDFBox decodes it: it decodes an
   * object stream (the objects a PDF 1.5 file packs together, its catalogue and pages among them)
   * whole into memory while it loads the file, before {@link #inflatesTooFar(COSDocument, long)}
   * can run. One whose general filters inflate past {@link #MAX_STREAM_BYTES} is not decoded at
   * all: the parser says so ({@code inflatesTooFar}, also when PDFBox swallows the exception and
   * loads on without the objects) and the PDF is refused. Streams PDFBox reads later are checked
   * before any page is drawn; its own caches go to temporary files, not the heap.
   */
  static final class BoundedParser extends PDFParser {
    private final Set<Long> checked = new HashSet<>();
    volatile boolean inflatesTooFar;

    BoundedParser(Path pdf) throws IOException {
      this(new RandomAccessReadBufferedFile(pdf.toFile()));
    }

    private BoundedParser(RandomAccessReadBufferedFile source) throws IOException {
      super(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
    }

    @Override
    public PDDocument parse() throws IOException {
      try {
        return super.parse();
      } catch (IOException | RuntimeException e) {
        // The document that would close the file was not made.
        source.close();
        throw e;
      }
    }

    @Override
    protected COSBase parseObjectStreamObject(long objectStream, COSObjectKey key)
        throws IOException {
      if (checked.add(objectStream)) {
        COSObject holder = document.getObjectFromPool(new COSObjectKey(objectStream, 0));
        if (holder != null
            && holder.getObject() instanceof COSStream stream
            && !withinBound(stream, MAX_STREAM_BYTES)) {
          inflatesTooFar = true;
        }
      }
      if (inflatesTooFar) {
        throw new IOException("an object stream inflates past " + MAX_STREAM_BYTES + " bytes");
      }
      return super.parseObjectStreamObject(objectStream, key);
    }

    /**
     * A cross-reference stream (where a PDF 1.5 file lists its objects) is decoded whole into
     * memory by PDFBox as soon as it is read, in a private method; its size is checked here, as it
     * is read and before PDFBox decodes it.
     */
    @Override
    protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
      COSStream stream = super.parseCOSStream(dictionary);
      if (!inflatesTooFar
          && (COSName.XREF.equals(dictionary.getCOSName(COSName.TYPE))
              || dictionary.containsKey(COSName.W))
          && !withinBound(stream, MAX_STREAM_BYTES)) {
        inflatesTooFar = true;
      }
      if (inflatesTooFar) {
        stream.close();
        throw new IOException(
            "a cross-reference stream inflates past " + MAX_STREAM_BYTES + " bytes");
      }
      return stream;
    }
  }

  /**
   * Where a filter writes: counts the bytes and stops the filter past its bound; keeps them only
   * when another filter reads them next (then at most the bound is held).
   */
  private static final class Capped extends OutputStream {
    private final long bound;
    private final @Nullable ByteArrayOutputStream kept;
    private long count;
    boolean exceeded;

    Capped(long bound, boolean last) {
      this.bound = bound;
      this.kept = last ? null : new ByteArrayOutputStream();
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      count += len;
      if (count > bound) {
        exceeded = true;
        throw new IOException("inflates past " + bound + " bytes");
      }
      if (kept != null) {
        kept.write(b, off, len);
      }
    }

    byte[] bytes() {
      return kept == null ? new byte[0] : kept.toByteArray();
    }
  }

  /**
   * The format of a page's images that PDFBox draws only through an ImageIO plugin this hub lacks
   * (JBIG2 and JPEG 2000, as scanners write them), or null. Without the check such a page would
   * become a blank slide. Forms inside the page are looked in too, each stream once.
   */
  private static @Nullable String undrawableImages(COSDictionary resources, Set<COSStream> seen) {
    COSDictionary objects = resources.getCOSDictionary(COSName.XOBJECT);
    if (objects == null) {
      return null;
    }
    for (COSName name : objects.keySet()) {
      COSStream object = objects.getCOSStream(name);
      if (object == null || seen.size() >= MAX_XOBJECTS || !seen.add(object)) {
        continue;
      }
      String found =
          COSName.IMAGE.equals(object.getCOSName(COSName.SUBTYPE))
              ? missingDecoder(object.getFilters())
              : nestedForm(object, seen);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static @Nullable String nestedForm(COSStream object, Set<COSStream> seen) {
    COSDictionary resources = object.getCOSDictionary(COSName.RESOURCES);
    return COSName.FORM.equals(object.getCOSName(COSName.SUBTYPE)) && resources != null
        ? undrawableImages(resources, seen)
        : null;
  }

  private static @Nullable String missingDecoder(@Nullable COSBase filters) {
    List<? extends COSBase> names =
        filters instanceof COSArray array
            ? array.toList()
            : filters == null ? List.of() : List.of(filters);
    for (COSBase filter : names) {
      if (COSName.JBIG2_DECODE.equals(filter)
          && !ImageIO.getImageReadersByFormatName("JBIG2").hasNext()) {
        return "JBIG2";
      }
      if (COSName.JPX_DECODE.equals(filter)
          && !ImageIO.getImageReadersByFormatName("JPEG2000").hasNext()) {
        return "JPEG 2000";
      }
    }
    return null;
  }

  /** Whether "%PDF-" starts within the first kilobyte, as its specification allows. */
  private static boolean startsLikePdf(Path pdf) {
    try (InputStream in = Files.newInputStream(pdf)) {
      String head = new String(in.readNBytes(HEADER_WITHIN), StandardCharsets.ISO_8859_1);
      return head.contains("%PDF-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ValidationProblem refused(Text text) {
    return ValidationProblem.of("file", text);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A refused document leaves no pages behind. */
  private static void remove(List<Page> pages) {
    for (Page page : pages) {
      try {
        Files.deleteIfExists(page.png());
      } catch (IOException e) {
        // A page left in the caller's temporary folder: it goes with the folder.
      }
    }
  }
}
