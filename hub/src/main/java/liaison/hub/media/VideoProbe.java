package liaison.hub.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import liaison.hub.media.Mp4Boxes.Box;
import liaison.hub.media.Mp4Boxes.Damaged;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;

/**
 * Reads an uploaded MP4's boxes and checks it is what a station's player decodes on a Raspberry Pi
 * (H.264 video, AAC or no sound, at most {@link #MAX_WIDTH}×{@link #MAX_HEIGHT}, at most {@link
 * #MAX_MILLIS} long). The boxes are read in place ({@link Mp4Boxes}): headers, the movie's few
 * small boxes and each track's sample table's time-to-sample entries; never a frame, never the
 * whole file. docs/MEDIA.md, "Video and documents".
 */
public final class VideoProbe {
  /** A Pi 5 decodes H.264 in software: 1080p is what it keeps up with. */
  public static final int MAX_WIDTH = 1920;

  public static final int MAX_HEIGHT = 1080;

  /** An hour, as {@code MediaSlide.MAX_SECONDS}. */
  public static final long MAX_MILLIS = 3_600_000;

  /** No more frames a second than a screen shows (a 60 Hz panel). */
  public static final double MAX_FRAMES_PER_SECOND = 60;

  /**
   * Decoding costs per pixel: 1080p at 30 frames a second is what a Pi 4's cores decode in software
   * beside the signage screen, and 720p at 60 costs less. The frame rate a station can play is this
   * over the picture's pixels.
   */
  public static final long MAX_PIXELS_PER_SECOND = (long) MAX_WIDTH * MAX_HEIGHT * 30;

  /** H.264 level 4.2 (level_idc 42): 1080p at up to 60 frames, the most a station decodes. */
  static final int MAX_LEVEL = 42;

  /** Baseline, Main and High: 8-bit 4:2:0 H.264, what every decoder on a Pi plays. */
  private static final Set<Integer> PROFILES = Set.of(66, 77, 100);

  private static final Map<Integer, String> PROFILE_NAMES =
      Map.ofEntries(
          Map.entry(44, "CAVLC 4:4:4"),
          Map.entry(66, "Baseline"),
          Map.entry(77, "Main"),
          Map.entry(83, "Scalable Baseline"),
          Map.entry(86, "Scalable High"),
          Map.entry(88, "Extended"),
          Map.entry(100, "High"),
          Map.entry(110, "High 10"),
          Map.entry(118, "Multiview High"),
          Map.entry(122, "High 4:2:2"),
          Map.entry(128, "Stereo High"),
          Map.entry(244, "High 4:4:4"));

  private static final Map<String, String> VIDEO_CODECS =
      Map.ofEntries(
          Map.entry("hvc1", "HEVC (H.265)"),
          Map.entry("hev1", "HEVC (H.265)"),
          Map.entry("dvh1", "Dolby Vision"),
          Map.entry("dvhe", "Dolby Vision"),
          Map.entry("vp08", "VP8"),
          Map.entry("vp09", "VP9"),
          Map.entry("av01", "AV1"),
          Map.entry("mp4v", "MPEG-4 Part 2"),
          Map.entry("s263", "H.263"),
          Map.entry("h263", "H.263"),
          Map.entry("mjpa", "Motion JPEG"),
          Map.entry("jpeg", "Motion JPEG"),
          Map.entry("apch", "Apple ProRes"),
          Map.entry("apcn", "Apple ProRes"),
          Map.entry("apcs", "Apple ProRes"),
          Map.entry("apco", "Apple ProRes"),
          Map.entry("ap4h", "Apple ProRes"));

  private static final Map<String, String> SOUND_CODECS =
      Map.ofEntries(
          Map.entry(".mp3", "MP3"),
          Map.entry("ac-3", "Dolby Digital (AC-3)"),
          Map.entry("ec-3", "Dolby Digital Plus (E-AC-3)"),
          Map.entry("Opus", "Opus"),
          Map.entry("fLaC", "FLAC"),
          Map.entry("alac", "Apple Lossless (ALAC)"),
          Map.entry("samr", "AMR"),
          Map.entry("sowt", "PCM"),
          Map.entry("twos", "PCM"),
          Map.entry("lpcm", "PCM"),
          Map.entry("ipcm", "PCM"));

  /** The brands of the ISO family: MP4 as cameras, phones and ffmpeg write it. */
  private static final Set<String> BRANDS =
      Set.of(
          "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "mp41", "mp42",
          "avc1", "M4V ", "M4VP", "f4v ", "mmp4", "MSNV", "dash", "3gp4", "3gp5", "3gp6", "3g2a");

  /** The most a sample description may take (an HEVC one with its parameter sets is ~3 KB). */
  private static final int MAX_SAMPLE_DESCRIPTION = 1 << 20;

  /** Time-to-sample entries read at a time: the table of a long video is streamed, not held. */
  private static final int STTS_CHUNK = 8 * 4096;

  private VideoProbe() {}

  /**
   * The video's facts once it passes every check.
   *
   * @throws liaison.hub.problem.ValidationProblem on field {@code file}, saying in both languages
   *     what is wrong and what a station plays
   */
  public static VideoFacts probe(Path mp4) {
    Movie movie;
    try (FileChannel channel = FileChannel.open(mp4, StandardOpenOption.READ)) {
      movie = Movie.read(new Mp4Boxes(channel));
    } catch (Damaged | BufferUnderflowException | IndexOutOfBoundsException e) {
      // The file's own bytes do not add up (cut short, a size that lies): the upload's fault.
      throw refused(Text.of("problem.media.video.damaged"));
    } catch (IOException e) {
      // The hub cannot read its own temporary file: not the uploader's fault.
      throw new UncheckedIOException(e);
    }
    return movie.check();
  }

  private static ValidationProblem refused(Text text) {
    return ValidationProblem.of("file", text);
  }

  /** One track as its boxes describe it. */
  private record Track(
      String handler,
      String entry,
      int codedWidth,
      int codedHeight,
      int displayWidth,
      int displayHeight,
      long timescale,
      long duration,
      long samples,
      double ticks,
      int profile,
      int level,
      int soundType) {
    long millis() {
      return timescale == 0 ? 0 : (long) (duration * 1000.0 / timescale);
    }

    double framesPerSecond() {
      return ticks == 0 ? 0 : samples * (double) timescale / ticks;
    }

    /** The picture's size as shown: the track header's, else the sample description's. */
    int width() {
      return displayWidth > 0 ? displayWidth : codedWidth;
    }

    int height() {
      return displayHeight > 0 ? displayHeight : codedHeight;
    }
  }

  /** The movie: its brands, its length as the movie header says, its tracks. */
  private record Movie(boolean mp4, boolean fragmented, long millis, List<Track> tracks) {
    static Movie read(Mp4Boxes boxes) throws IOException, Damaged {
      if (boxes.size() < 8
          || !Mp4Boxes.fourcc(boxes.content(new Box("file", 0, boxes.size()), 4, 4), 0)
              .equals("ftyp")) {
        return new Movie(false, false, 0, List.of());
      }
      List<Box> top = boxes.top();
      if (!brands(boxes, top.getFirst())) {
        return new Movie(false, false, 0, List.of());
      }
      Box moov =
          top.stream()
              .filter(b -> b.type().equals("moov"))
              .findFirst()
              .orElseThrow(() -> new Damaged("no moov"));
      long millis = header(boxes.content(boxes.required(moov, "mvhd"), 0, 32));
      boolean fragmented = boxes.child(moov, "mvex").isPresent();
      List<Track> tracks = new ArrayList<>();
      for (Box box : boxes.children(moov)) {
        if (box.type().equals("trak")) {
          track(boxes, box).ifPresent(tracks::add);
        }
      }
      return new Movie(true, fragmented, millis, tracks);
    }

    /** Whether the file type box names a brand of the ISO family, major or compatible. */
    private static boolean brands(Mp4Boxes boxes, Box ftyp) throws IOException, Damaged {
      ByteBuffer brands = boxes.content(ftyp, 0, 4 * 64);
      for (int at = 0; at + 4 <= brands.limit(); at += 4) {
        if (at != 4 && BRANDS.contains(Mp4Boxes.fourcc(brands, at))) {
          return true; // bytes 4..8 are the minor version, not a brand
        }
      }
      return false;
    }

    /** A movie or media header's length in milliseconds (version 0 or 1). */
    private static long header(ByteBuffer mvhd) {
      long[] timing = timing(mvhd);
      return timing[0] == 0 ? 0 : (long) (timing[1] * 1000.0 / timing[0]);
    }

    /** {timescale, duration} of an mvhd or mdhd; an unknown duration (all ones) is 0. */
    private static long[] timing(ByteBuffer box) {
      if (box.get(0) == 1) {
        long duration = box.getLong(24);
        return new long[] {
          Integer.toUnsignedLong(box.getInt(20)), duration == -1 || duration < 0 ? 0 : duration
        };
      }
      long duration = Integer.toUnsignedLong(box.getInt(16));
      return new long[] {
        Integer.toUnsignedLong(box.getInt(12)), duration == 0xFFFF_FFFFL ? 0 : duration
      };
    }

    private static Optional<Track> track(Mp4Boxes boxes, Box trak) throws IOException, Damaged {
      Box mdia = boxes.required(trak, "mdia");
      String handler = Mp4Boxes.fourcc(boxes.content(boxes.required(mdia, "hdlr"), 8, 4), 0);
      if (!handler.equals("vide") && !handler.equals("soun")) {
        return Optional.empty(); // subtitles, time codes, hints: a station ignores them
      }
      long[] timing = timing(boxes.content(boxes.required(mdia, "mdhd"), 0, 32));
      Box stbl = boxes.required(boxes.required(mdia, "minf"), "stbl");
      Box stsd = boxes.required(stbl, "stsd");
      if (stsd.contentSize() > MAX_SAMPLE_DESCRIPTION) {
        throw new Damaged("sample description of " + stsd.contentSize() + " bytes");
      }
      ByteBuffer description = boxes.content(stsd, 0, MAX_SAMPLE_DESCRIPTION);
      if (description.getInt(4) < 1) {
        throw new Damaged("no sample description");
      }
      // The first sample entry: size, type, then its fields and its own boxes.
      int entrySize = description.getInt(8);
      if (entrySize < 8 || entrySize > description.limit() - 8) {
        throw new Damaged("sample entry claims " + entrySize + " bytes");
      }
      ByteBuffer entry = description.slice(8, entrySize);
      String type = Mp4Boxes.fourcc(entry, 4);
      long[] steps = steps(boxes, boxes.required(stbl, "stts"));
      int[] size = {0, 0};
      int profile = 0;
      int level = 0;
      int soundType = 0;
      int codedWidth = 0;
      int codedHeight = 0;
      if (handler.equals("vide")) {
        size = tkhd(boxes.content(boxes.required(trak, "tkhd"), 0, 96));
        codedWidth = Short.toUnsignedInt(entry.getShort(8 + 24));
        codedHeight = Short.toUnsignedInt(entry.getShort(8 + 26));
        if (type.equals("avc1") || type.equals("avc3")) {
          ByteBuffer avcC = inner(entry, 8 + 78, "avcC").orElseThrow(() -> new Damaged("no avcC"));
          profile = Byte.toUnsignedInt(avcC.get(1));
          level = Byte.toUnsignedInt(avcC.get(3));
        }
      } else if (type.equals("mp4a")) {
        // A sound entry's own boxes start after 28 bytes, 16 or 36 more in QuickTime's v1 and v2.
        int version = Short.toUnsignedInt(entry.getShort(8 + 8));
        int start = 8 + 28 + (version == 1 ? 16 : version == 2 ? 36 : 0);
        soundType = inner(entry, start, "esds").map(Movie::objectType).orElse(0);
      }
      return Optional.of(
          new Track(
              handler,
              type,
              codedWidth,
              codedHeight,
              size[0],
              size[1],
              timing[0],
              timing[1],
              steps[0],
              steps[1],
              profile,
              level,
              soundType));
    }

    /**
     * The track's display size from its header (16.16 fixed point), width and height swapped when
     * its matrix turns the picture a quarter (a phone's portrait video).
     */
    private static int[] tkhd(ByteBuffer tkhd) {
      int matrix = tkhd.get(0) == 1 ? 4 + 48 : 4 + 36;
      int width = tkhd.getInt(matrix + 36) >>> 16;
      int height = tkhd.getInt(matrix + 40) >>> 16;
      boolean quarterTurn = tkhd.getInt(matrix) == 0 && tkhd.getInt(matrix + 16) == 0;
      return quarterTurn ? new int[] {height, width} : new int[] {width, height};
    }

    /** {samples, media ticks they last} from the time-to-sample table, streamed in chunks. */
    private static long[] steps(Mp4Boxes boxes, Box stts) throws IOException, Damaged {
      long entries = Integer.toUnsignedLong(boxes.content(stts, 4, 4).getInt(0));
      if (entries * 8 > stts.contentSize() - 8) {
        throw new Damaged("stts claims " + entries + " entries");
      }
      long samples = 0;
      double ticks = 0;
      for (long done = 0; done < entries; ) {
        int chunk = (int) Math.min(STTS_CHUNK / 8, entries - done);
        ByteBuffer table = boxes.content(stts, 8 + done * 8, chunk * 8);
        for (int i = 0; i < chunk; i++) {
          long count = Integer.toUnsignedLong(table.getInt(i * 8));
          samples += count;
          ticks += count * (double) Integer.toUnsignedLong(table.getInt(i * 8 + 4));
        }
        done += chunk;
      }
      return new long[] {samples, (long) Math.min(ticks, Long.MAX_VALUE)};
    }

    /** A box inside a sample entry, after its fixed fields. */
    private static Optional<ByteBuffer> inner(ByteBuffer entry, int start, String type)
        throws Damaged {
      int at = start;
      while (entry.limit() - at >= 8) {
        int size = entry.getInt(at);
        if (size < 8 || size > entry.limit() - at) {
          throw new Damaged("box in sample entry claims " + size + " bytes");
        }
        if (Mp4Boxes.fourcc(entry, at + 4).equals(type)) {
          return Optional.of(entry.slice(at + 8, size - 8));
        }
        at += size;
      }
      return Optional.empty();
    }

    /**
     * The MPEG-4 object type of an elementary stream descriptor (0x40 is AAC): an ES_Descriptor
     * whose DecoderConfigDescriptor's first byte says it.
     */
    private static int objectType(ByteBuffer esds) {
      ByteBuffer d = esds.slice(4, esds.limit() - 4);
      if (d.get() != 0x03) {
        return 0;
      }
      length(d);
      d.getShort(); // ES_ID
      int flags = Byte.toUnsignedInt(d.get());
      if ((flags & 0x80) != 0) {
        d.getShort();
      }
      if ((flags & 0x40) != 0) {
        int url = Byte.toUnsignedInt(d.get());
        if (url > d.remaining()) {
          throw new BufferUnderflowException(); // a URL running past its box: damaged
        }
        d.position(d.position() + url);
      }
      if ((flags & 0x20) != 0) {
        d.getShort();
      }
      if (d.get() != 0x04) {
        return 0;
      }
      length(d);
      return Byte.toUnsignedInt(d.get());
    }

    /** A descriptor's length: up to four bytes of seven bits, the high bit saying more follow. */
    private static void length(ByteBuffer d) {
      int read = 0;
      byte b;
      do {
        b = d.get();
        read++;
      } while ((b & 0x80) != 0 && read < 4);
    }

    /** Every check a station's player needs; the facts when all pass. */
    VideoFacts check() {
      if (!mp4) {
        throw refused(Text.of("problem.media.video.not-mp4"));
      }
      if (fragmented) {
        throw refused(Text.of("problem.media.video.fragmented"));
      }
      Track video =
          tracks.stream()
              .filter(t -> t.handler().equals("vide"))
              .findFirst()
              .orElseThrow(() -> refused(Text.of("problem.media.video.no-video")));
      if (tracks.stream().anyMatch(t -> t.entry().equals("encv") || t.entry().equals("enca"))) {
        throw refused(Text.of("problem.media.video.encrypted"));
      }
      if (video.width() < 1 || video.height() < 1) {
        throw refused(Text.of("problem.media.video.damaged")); // a picture of no pixels
      }
      ValidationProblem.Collector problems = new ValidationProblem.Collector();
      codec(video, problems);
      List<Track> sounds = tracks.stream().filter(t -> t.handler().equals("soun")).toList();
      for (Track sound : sounds) {
        if (!aac(sound)) {
          problems.add("file", Text.of("problem.media.video.sound", soundName(sound)));
        }
      }
      size(video, problems);
      long length = Math.max(millis, tracks.stream().mapToLong(Track::millis).max().orElse(0));
      double fps = video.framesPerSecond();
      if (length <= 0 || video.samples() == 0 || fps <= 0) {
        problems.add("file", Text.of("problem.media.video.zero-length"));
      } else if (length > MAX_MILLIS) {
        problems.add(
            "file",
            Text.of(
                "problem.media.video.too-long", Math.ceilDiv(length, 60_000), MAX_MILLIS / 60_000));
      } else {
        frameRate(video, fps, problems);
      }
      if (!problems.isEmpty()) {
        problems.add("file", Text.of("problem.media.video.convert"));
      }
      problems.throwIfAny();
      return new VideoFacts(
          video.entry(),
          sounds.isEmpty() ? null : sounds.getFirst().entry(),
          video.width(),
          video.height(),
          millis > 0 ? millis : video.millis(),
          fps);
    }

    private static void codec(Track video, ValidationProblem.Collector problems) {
      if (!video.entry().equals("avc1") && !video.entry().equals("avc3")) {
        problems.add("file", Text.of("problem.media.video.codec", videoName(video.entry())));
      } else if (!PROFILES.contains(video.profile()) || video.level() > MAX_LEVEL) {
        problems.add(
            "file",
            Text.of(
                "problem.media.video.profile",
                PROFILE_NAMES.getOrDefault(video.profile(), String.valueOf(video.profile())),
                level(video.level())));
      }
    }

    private static void size(Track video, ValidationProblem.Collector problems) {
      // The size shown and the size decoded must both fit: a header may claim less than it holds.
      int width = video.width();
      int height = video.height();
      if (fits(width, height) && !fits(video.codedWidth(), video.codedHeight())) {
        width = video.codedWidth();
        height = video.codedHeight();
      }
      if (!fits(width, height)) {
        problems.add(
            "file", Text.of("problem.media.video.size", width, height, MAX_WIDTH, MAX_HEIGHT));
      }
    }

    private static void frameRate(Track video, double fps, ValidationProblem.Collector problems) {
      long pixels = (long) Math.max(video.codedWidth(), 1) * Math.max(video.codedHeight(), 1);
      // A 1 % margin: 30 frames a second is now and then stored as 30.0003.
      if (fps > MAX_FRAMES_PER_SECOND * 1.01 || pixels * fps > MAX_PIXELS_PER_SECOND * 1.01) {
        problems.add(
            "file",
            Text.of(
                "problem.media.video.frame-rate",
                String.format(Locale.ROOT, "%.2f", fps).replaceAll("\\.?0+$", ""),
                video.width(),
                video.height()));
      }
    }

    private static boolean fits(int width, int height) {
      return (width <= MAX_WIDTH && height <= MAX_HEIGHT)
          || (width <= MAX_HEIGHT && height <= MAX_WIDTH);
    }

    private static boolean aac(Track sound) {
      return sound.entry().equals("mp4a")
          && (sound.soundType() == 0x40
              || (sound.soundType() >= 0x66 && sound.soundType() <= 0x68));
    }

    private static String videoName(String entry) {
      return VIDEO_CODECS.getOrDefault(entry, "“" + entry.strip() + "”");
    }

    private static String soundName(Track sound) {
      if (sound.entry().equals("mp4a")) {
        return sound.soundType() == 0x69 || sound.soundType() == 0x6B ? "MP3" : "MPEG-4";
      }
      return SOUND_CODECS.getOrDefault(sound.entry(), "“" + sound.entry().strip() + "”");
    }

    /** A level as people write it: 4.1 for level_idc 41, 1b for 9. */
    private static String level(int idc) {
      return idc == 9 ? "1b" : idc / 10 + "." + idc % 10;
    }
  }
}
