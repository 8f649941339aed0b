package liaison.hub.media;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import liaison.testkit.MediaSamples;

/**
 * A sample MP4's bytes changed as a test needs: a field of a box rewritten, boxes reordered or
 * grown, to make the files ffmpeg would not write (moov last, a codec renamed, a size that lies).
 * Boxes are found by their path from the top ({@code "moov", "trak", "mdia", "mdhd"}); the n-th
 * {@code trak} by {@link #track(int)}.
 */
final class Mp4Edit {
  private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl");

  private byte[] bytes;

  private Mp4Edit(byte[] bytes) {
    this.bytes = bytes;
  }

  static Mp4Edit of(MediaSamples sample) {
    return new Mp4Edit(sample.bytes());
  }

  byte[] bytes() {
    return bytes.clone();
  }

  /** Where a box starts (its size field), found by its path; the first track unless told. */
  int box(String... path) {
    return box(0, path);
  }

  /** Where a box of the {@code track}-th trak (from 0) starts, {@code path} under the trak. */
  int box(int track, String... path) {
    int start = 0;
    int end = bytes.length;
    int tracksToSkip = track;
    for (String type : path) {
      int at = start;
      while (true) {
        if (at + 8 > end) {
          throw new IllegalArgumentException("no " + type + " in " + Arrays.toString(path));
        }
        int size = buffer().getInt(at);
        String found = new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1);
        if (found.equals(type) && !(type.equals("trak") && tracksToSkip-- > 0)) {
          start = at;
          end = at + (size == 0 ? bytes.length - at : size);
          break;
        }
        at += size;
      }
      if (CONTAINERS.contains(type)) {
        start += 8;
      }
    }
    return CONTAINERS.contains(path[path.length - 1]) ? start - 8 : start;
  }

  int size(int boxStart) {
    return buffer().getInt(boxStart);
  }

  /** The first sample entry of a track's sample description. */
  int sampleEntry(int track) {
    return box(track, "moov", "trak", "mdia", "minf", "stbl", "stsd") + 16;
  }

  /** Where a four-letter name first occurs at or after {@code from}. */
  int find(String fourcc, int from) {
    byte[] wanted = fourcc.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = from; i + 4 <= bytes.length; i++) {
      if (Arrays.equals(bytes, i, i + 4, wanted, 0, 4)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + fourcc);
  }

  int byteAt(int at) {
    return Byte.toUnsignedInt(bytes[at]);
  }

  Mp4Edit putInt(int at, int value) {
    buffer().putInt(at, value);
    return this;
  }

  Mp4Edit putLong(int at, long value) {
    buffer().putLong(at, value);
    return this;
  }

  Mp4Edit putByte(int at, int value) {
    bytes[at] = (byte) value;
    return this;
  }

  Mp4Edit putType(int at, String fourcc) {
    System.arraycopy(fourcc.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, at, 4);
    return this;
  }

  /** Inserts bytes at a place inside {@code containers} (box starts), each grown to hold them. */
  Mp4Edit insert(int at, byte[] inserted, int... containers) {
    byte[] grown = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, grown, 0, at);
    System.arraycopy(inserted, 0, grown, at, inserted.length);
    System.arraycopy(bytes, at, grown, at + inserted.length, bytes.length - at);
    bytes = grown;
    for (int container : containers) {
      putInt(container, size(container) + inserted.length);
    }
    return this;
  }

  /** The top-level boxes in this order, each written whole (box types, each once). */
  Mp4Edit reorder(String... types) {
    ByteBuffer out = ByteBuffer.allocate(bytes.length);
    for (String type : types) {
      int at = box(type);
      out.put(bytes, at, size(at));
    }
    if (out.hasRemaining()) {
      throw new IllegalArgumentException("boxes left out of " + Arrays.toString(types));
    }
    bytes = out.array();
    return this;
  }

  /** A box of a type holding nothing but its header. */
  static byte[] emptyBox(String type) {
    return ByteBuffer.allocate(8).putInt(8).put(type.getBytes(StandardCharsets.ISO_8859_1)).array();
  }

  private ByteBuffer buffer() {
    return ByteBuffer.wrap(bytes);
  }
}
