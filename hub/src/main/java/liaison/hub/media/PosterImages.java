package liaison.hub.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Node;

/**
 * Posters and photos made fit for a screen: the size read from the file's header before a pixel is
 * decoded (a 30000×30000 PNG of a few kilobytes is refused without allocating its 3.6 GB), then
 * decoded (WebP too, through TwelveMonkeys: JavaFX on the station cannot read WebP), turned upright
 * as the camera's EXIF says, fitted within {@link #MAX_SIDE} pixels and written again from the
 * pixels alone, so no EXIF (a phone's GPS position), ICC profile or comment reaches a screen.
 *
 * <p>Written again as PNG when the picture has transparency or few colours (a poster of text and
 * flat colour, whose edges JPEG would smear), else as JPEG at quality 0.9 (a photo, a tenth of the
 * PNG's size). The library decodes one image at a time ({@code MediaLibrary.preparing}): a
 * 50-megapixel image takes 200 MB of heap while it is in memory.
 */
final class PosterImages {
  /** A 4K screen's long side: more pixels no screen of a station shows. */
  static final int MAX_SIDE = 3840;

  /** 50 megapixels: a full-frame camera's photo; more is a mistake or a bomb. */
  static final long MAX_PIXELS = 50_000_000L;

  /** At most this many colours and it is a drawing, kept as PNG. */
  static final int FEW_COLOURS = 256;

  private PosterImages() {}

  /** Decodes, checks and fits the upload; writes the result into {@code outDir}. */
  static Prepared prepare(Path upload, MediaContent content, Path outDir) {
    BufferedImage image = decode(upload, content, MAX_SIDE);
    boolean png = hasTransparency(image) || fewColours(image);
    Path out = outDir.resolve(png ? "image.png" : "image.jpg");
    write(image, png, out);
    return Prepared.image(
        out, png ? "image/png" : "image/jpeg", image.getWidth(), image.getHeight());
  }

  /**
   * The upload's pixels, upright and fitted within {@code maxSide}; refused with the reason when it
   * has too many pixels or cannot be read.
   */
  static BufferedImage decode(Path upload, MediaContent content, int maxSide) {
    try (ImageInputStream in = ImageIO.createImageInputStream(upload.toFile())) {
      ImageReader reader = reader(content);
      try {
        reader.setInput(in, true, false);
        long width = reader.getWidth(0);
        long height = reader.getHeight(0);
        if (width * height > MAX_PIXELS) {
          throw ValidationProblem.of(
              "file", Text.of("problem.media.image.too-many-pixels", width, height));
        }
        int orientation =
            content == MediaContent.JPEG ? orientation(reader.getImageMetadata(0)) : 1;
        // Read every n-th pixel of a picture more than twice too big: half the memory or less,
        // and the smooth scaling below still has twice the pixels it keeps.
        long side = Math.max(width, height);
        int step = (int) Math.max(1, side / (2L * maxSide));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        return fit(image, orientation, maxSide);
      } finally {
        reader.dispose();
      }
    } catch (ValidationProblem e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ValidationProblem.of("file", Text.of("problem.media.image.damaged"));
    }
  }

  /** The reader of the format the content said, never one chosen by the file's own claims. */
  private static ImageReader reader(MediaContent content) {
    String format =
        switch (content) {
          case JPEG -> "jpeg";
          case PNG -> "png";
          case WEBP -> "webp";
          default -> throw new IllegalArgumentException(content + " is not an image");
        };
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
    if (!readers.hasNext()) {
      throw new IllegalStateException("no ImageIO reader for " + format + " (imageio-webp?)");
    }
    return readers.next();
  }

  /**
   * Scaled to fit within {@code maxSide} (never enlarged) and turned by the EXIF orientation, into
   * a fresh image that carries nothing but pixels (ARGB, so transparency survives for a PNG).
   */
  static BufferedImage fit(BufferedImage image, int orientation, int maxSide) {
    boolean sideways = orientation >= 5 && orientation <= 8;
    int w = sideways ? image.getHeight() : image.getWidth();
    int h = sideways ? image.getWidth() : image.getHeight();
    double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
    int width = Math.max(1, (int) Math.round(w * scale));
    int height = Math.max(1, (int) Math.round(h * scale));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.transform(upright(orientation, width, height));
      double sx = (double) (sideways ? height : width) / image.getWidth();
      double sy = (double) (sideways ? width : height) / image.getHeight();
      g.drawImage(image, AffineTransform.getScaleInstance(sx, sy), null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The turn that makes a picture stored with this EXIF orientation upright. */
  private static AffineTransform upright(int orientation, int width, int height) {
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.setTransform(-1, 0, 0, 1, width, 0);
      case 3 -> t.setTransform(-1, 0, 0, -1, width, height);
      case 4 -> t.setTransform(1, 0, 0, -1, 0, height);
      case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
      case 6 -> t.setTransform(0, 1, -1, 0, width, 0);
      case 7 -> t.setTransform(0, -1, -1, 0, width, height);
      case 8 -> t.setTransform(0, -1, 1, 0, 0, height);
      default -> {}
    }
    return t;
  }

  /**
   * The EXIF orientation (1 to 8; 1 upright) of a JPEG, from its APP1 segment as ImageIO's JPEG
   * reader keeps it; 1 when there is none or it cannot be read.
   */
  static int orientation(IIOMetadata metadata) {
    try {
      Node tree = metadata.getAsTree("javax_imageio_jpeg_image_1.0");
      Node sequence = first(tree, "markerSequence");
      if (sequence != null) {
        for (Node m = sequence.getFirstChild(); m != null; m = m.getNextSibling()) {
          if (m instanceof IIOMetadataNode node
              && "unknown".equals(node.getNodeName())
              && "225".equals(node.getAttribute("MarkerTag"))
              && node.getUserObject() instanceof byte[] app1) {
            int o = exifOrientation(app1);
            if (o > 0) {
              return o;
            }
          }
        }
      }
    } catch (RuntimeException e) {
      return 1;
    }
    return 1;
  }

  private static @Nullable Node first(Node parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (name.equals(n.getNodeName())) {
        return n;
      }
    }
    return null;
  }

  /** Tag 0x0112 of IFD0 in an APP1 "Exif\0\0" segment; 0 when it is not there. */
  private static int exifOrientation(byte[] app1) {
    if (app1.length < 14
        || app1[0] != 'E'
        || app1[1] != 'x'
        || app1[2] != 'i'
        || app1[3] != 'f'
        || app1[4] != 0
        || app1[5] != 0) {
      return 0;
    }
    ByteBuffer tiff = ByteBuffer.wrap(app1, 6, app1.length - 6).slice();
    tiff.order(tiff.get(0) == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    int ifd = tiff.getInt(4);
    if (ifd < 8 || ifd + 2 > tiff.limit()) {
      return 0;
    }
    int entries = Short.toUnsignedInt(tiff.getShort(ifd));
    for (int i = 0; i < entries; i++) {
      int at = ifd + 2 + 12 * i;
      if (at + 12 > tiff.limit()) {
        return 0;
      }
      if (Short.toUnsignedInt(tiff.getShort(at)) == 0x0112) {
        int value = Short.toUnsignedInt(tiff.getShort(at + 8));
        return value >= 1 && value <= 8 ? value : 0;
      }
    }
    return 0;
  }

  static boolean hasTransparency(BufferedImage image) {
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (image.getRGB(x, y) >>> 24 != 0xFF) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean fewColours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (seen.add(image.getRGB(x, y)) && seen.size() > FEW_COLOURS) {
          return false;
        }
      }
    }
    return true;
  }

  /** Writes the pixels alone: no metadata is handed to the writer, so none is written. */
  static void write(BufferedImage image, boolean png, Path out) {
    BufferedImage pixels = image;
    if (!png) {
      // JPEG has no alpha: flattened on white (a transparent corner of a photo is rare).
      pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = pixels.createGraphics();
      try {
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
      } finally {
        g.dispose();
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
    try (OutputStream file = Files.newOutputStream(out);
        ImageOutputStream stream = ImageIO.createImageOutputStream(file)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (!png) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
      }
      writer.write(null, new IIOImage(pixels, null, null), param);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + out, e);
    } finally {
      writer.dispose();
    }
  }
}
