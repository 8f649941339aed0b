package liaison.hub.media;

import java.util.Arrays;
import java.util.Optional;
import liaison.signage.protocol.MediaSlide;

/**
 * What an upload is, told by its first bytes and nothing else: the file's name and the type the
 * browser declared are a person's guess (or a lie), so a PNG named poster.mp4 is taken as the PNG
 * it is and a program named poster.jpg is refused. Each has its own limit on size.
 */
enum MediaContent {
  JPEG(MediaSlide.Kind.IMAGE, Limits.IMAGE_BYTES),
  PNG(MediaSlide.Kind.IMAGE, Limits.IMAGE_BYTES),
  WEBP(MediaSlide.Kind.IMAGE, Limits.IMAGE_BYTES),
  MP4(MediaSlide.Kind.VIDEO, Limits.VIDEO_BYTES),
  PDF(MediaSlide.Kind.DOCUMENT, Limits.DOCUMENT_BYTES);

  /** The limits an upload is held to (docs/MEDIA.md, "The library on the hub"). */
  static final class Limits {
    /** A poster photographed or exported for print; 30 MB is a generous JPEG of 50 megapixels. */
    static final long IMAGE_BYTES = 30L * 1024 * 1024;

    /** A 宣传片 of some minutes at 1080p; the station keeps it in a cache of a few GB. */
    static final long VIDEO_BYTES = 500L * 1024 * 1024;

    static final long DOCUMENT_BYTES = 50L * 1024 * 1024;

    /** The largest upload of any kind: more is not read to the end. */
    static final long ANY_BYTES = VIDEO_BYTES;

    private Limits() {}
  }

  /** How many first bytes decide. */
  static final int HEAD = 12;

  private final MediaSlide.Kind kind;
  private final long maxBytes;

  MediaContent(MediaSlide.Kind kind, long maxBytes) {
    this.kind = kind;
    this.maxBytes = maxBytes;
  }

  MediaSlide.Kind kind() {
    return kind;
  }

  long maxBytes() {
    return maxBytes;
  }

  /** What the first bytes say the file is, if it is something the library takes. */
  static Optional<MediaContent> of(byte[] head) {
    if (starts(head, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(head, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (starts(head, 0, 'R', 'I', 'F', 'F') && starts(head, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    if (starts(head, 0, '%', 'P', 'D', 'F', '-')) {
      return Optional.of(PDF);
    }
    if (starts(head, 4, 'f', 't', 'y', 'p')) {
      return Optional.of(MP4);
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] head, int at, int... expected) {
    if (head.length < at + expected.length) {
      return false;
    }
    return Arrays.equals(Arrays.copyOfRange(head, at, at + expected.length), toBytes(expected));
  }

  private static byte[] toBytes(int[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }
}
