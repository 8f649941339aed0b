package liaison.hub.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An MP4's boxes (ISO base media file format) read in place from a file: headers only, each box's
 * content read when asked and never more than asked, so a box that claims 2^60 bytes costs sixteen
 * bytes read and a refusal. Every size is checked against the box around it before it is believed;
 * what does not add up is {@link Damaged}.
 */
final class Mp4Boxes {
  /** More boxes side by side than any real MP4 has (a fragmented hour has a few thousand). */
  static final int MAX_BOXES = 100_000;

  /** A box: its four-letter type, where its content starts and where it ends in the file. */
  record Box(String type, long contentStart, long end) {
    long contentSize() {
      return end - contentStart;
    }
  }

  /** The file is not what its boxes say: cut short, sizes that lie, a box where none fits. */
  static final class Damaged extends Exception {
    Damaged(String what) {
      super(what, null, false, false);
    }
  }

  private final FileChannel channel;
  private final long size;

  Mp4Boxes(FileChannel channel) throws IOException {
    this.channel = channel;
    this.size = channel.size();
  }

  long size() {
    return size;
  }

  /**
   * The boxes of the whole file, which must follow one another to its very end (a file cut short
   * ends in the middle of one).
   */
  List<Box> top() throws IOException, Damaged {
    List<Box> boxes = children(0, size);
    long end = boxes.isEmpty() ? 0 : boxes.getLast().end();
    if (end != size) {
      throw new Damaged("bytes after the last box");
    }
    return boxes;
  }

  /** The boxes inside a container box. */
  List<Box> children(Box parent) throws IOException, Damaged {
    return children(parent.contentStart(), parent.end());
  }

  /** The first box of a type inside a container, if any. */
  Optional<Box> child(Box parent, String type) throws IOException, Damaged {
    for (Box box : children(parent)) {
      if (box.type().equals(type)) {
        return Optional.of(box);
      }
    }
    return Optional.empty();
  }

  /** The box of a type inside a container, which an MP4 must have. */
  Box required(Box parent, String type) throws IOException, Damaged {
    return child(parent, type)
        .orElseThrow(() -> new Damaged("no " + type + " in " + parent.type()));
  }

  /**
   * Up to {@code max} bytes of a box's content from {@code offset} into it: what a parser of a
   * small box needs, bounded whatever the box claims.
   */
  ByteBuffer content(Box box, long offset, int max) throws IOException, Damaged {
    long available = box.contentSize() - offset;
    if (offset < 0 || available < 0) {
      throw new Damaged("read outside " + box.type());
    }
    return read(box.contentStart() + offset, (int) Math.min(max, available));
  }

  private List<Box> children(long start, long end) throws IOException, Damaged {
    List<Box> boxes = new ArrayList<>();
    long at = start;
    while (end - at >= 8) {
      if (boxes.size() == MAX_BOXES) {
        throw new Damaged("too many boxes");
      }
      Box box = header(at, end);
      boxes.add(box);
      at = box.end();
    }
    return boxes;
  }

  private Box header(long at, long end) throws IOException, Damaged {
    ByteBuffer head = read(at, (int) Math.min(16, end - at));
    long declared = Integer.toUnsignedLong(head.getInt(0));
    String type = fourcc(head, 4);
    long contentStart = at + 8;
    long boxEnd;
    if (declared == 1) {
      if (head.limit() < 16) {
        throw new Damaged("64-bit size cut short");
      }
      long large = head.getLong(8);
      contentStart = at + 16;
      if (large < 16 || large > end - at) {
        throw new Damaged(type + " claims " + Long.toUnsignedString(large) + " bytes");
      }
      boxEnd = at + large;
    } else if (declared == 0) {
      boxEnd = end; // "to the end": the last box of the file (an mdat being written)
    } else if (declared < 8 || declared > end - at) {
      throw new Damaged(type + " claims " + declared + " bytes");
    } else {
      boxEnd = at + declared;
    }
    return new Box(type, contentStart, boxEnd);
  }

  private ByteBuffer read(long position, int length) throws IOException, Damaged {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new Damaged("file ends early");
      }
    }
    return buffer.flip();
  }

  /** Four bytes as a box or codec name, anything unprintable shown as '?' (names go to people). */
  static String fourcc(ByteBuffer buffer, int index) {
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      byte b = buffer.get(index + i);
      bytes[i] = b >= 0x20 && b < 0x7f ? b : (byte) '?';
    }
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
