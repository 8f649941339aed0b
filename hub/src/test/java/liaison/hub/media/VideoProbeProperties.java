package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import liaison.hub.problem.ValidationProblem;
import liaison.testkit.MediaSamples;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever bytes are uploaded as a video, the probe answers with sane facts or a refusal on field
 * {@code file}, never another exception (an exception would be a 500, a loop a hung upload, a huge
 * allocation the hub's memory): the test kit's MP4s cut short anywhere, with bytes changed at
 * random (half of them in the movie's boxes, where the sizes and fields the probe reads are), or
 * with a run of random bytes written over a box header.
 */
class VideoProbeProperties {
  private static final List<MediaSamples> VIDEOS =
      List.of(
          MediaSamples.H264_VIDEO_ONLY,
          MediaSamples.H264_WITH_AAC,
          MediaSamples.HEVC,
          MediaSamples.H264_4K);

  private static Path dir;

  @BeforeContainer
  static void createFolder() throws IOException {
    dir = Files.createTempDirectory("video-probe-properties");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A sample and what is done to it, so a failure names both. */
  record Mangled(MediaSamples sample, String how, byte[] bytes) {
    @Override
    public String toString() {
      return sample + " " + how;
    }
  }

  @Provide
  Arbitrary<Mangled> mangled() {
    return Arbitraries.oneOf(truncated(), flipped(), overwritten());
  }

  private static Arbitrary<MediaSamples> samples() {
    return Arbitraries.of(VIDEOS);
  }

  private static Arbitrary<Mangled> truncated() {
    return Combinators.combine(samples(), Arbitraries.doubles().between(0, 1))
        .as(
            (sample, fraction) -> {
              byte[] whole = sample.bytes();
              int length = (int) (whole.length * fraction);
              return new Mangled(sample, "cut at " + length, Arrays.copyOf(whole, length));
            });
  }

  private static Arbitrary<Mangled> flipped() {
    return Combinators.combine(
            samples(),
            Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.integers().between(1, 255),
            Arbitraries.of(true, false))
        .as(
            (sample, places, xor, inMoov) -> {
              Mp4Edit edit = Mp4Edit.of(sample);
              int from = inMoov ? edit.box("moov") : 0;
              int length = inMoov ? edit.size(from) : edit.bytes().length;
              StringBuilder how = new StringBuilder("xor ").append(xor).append(" at");
              for (double place : places) {
                int at = from + (int) (place * (length - 1));
                edit.putByte(at, edit.byteAt(at) ^ xor);
                how.append(' ').append(at);
              }
              return new Mangled(sample, how.toString(), edit.bytes());
            });
  }

  /** Sixteen random bytes over the header of one of the boxes the probe reads. */
  private static Arbitrary<Mangled> overwritten() {
    List<String[]> boxes =
        List.of(
            new String[] {"ftyp"},
            new String[] {"moov"},
            new String[] {"mdat"},
            new String[] {"moov", "mvhd"},
            new String[] {"moov", "trak"},
            new String[] {"moov", "trak", "tkhd"},
            new String[] {"moov", "trak", "mdia"},
            new String[] {"moov", "trak", "mdia", "mdhd"},
            new String[] {"moov", "trak", "mdia", "hdlr"},
            new String[] {"moov", "trak", "mdia", "minf", "stbl"},
            new String[] {"moov", "trak", "mdia", "minf", "stbl", "stsd"},
            new String[] {"moov", "trak", "mdia", "minf", "stbl", "stts"});
    return Combinators.combine(
            samples(), Arbitraries.of(boxes), Arbitraries.bytes().array(byte[].class).ofSize(16))
        .as(
            (sample, path, noise) -> {
              Mp4Edit edit = Mp4Edit.of(sample);
              int at = path[path.length - 1].equals("stsd") ? edit.sampleEntry(0) : edit.box(path);
              for (int i = 0; i < noise.length; i++) {
                edit.putByte(at + i, noise[i]);
              }
              return new Mangled(
                  sample,
                  "noise over " + String.join("/", path) + " " + Arrays.toString(noise),
                  edit.bytes());
            });
  }

  @Property(tries = 1500)
  void anyDamageIsRefusedOrLeavesSaneFacts(@ForAll("mangled") Mangled video) throws IOException {
    // Both ways out of the probe are taken often (checked once the tries are done).
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("accepted").percentage(p -> p > 5);
              c.check("refused").percentage(p -> p > 50);
            });
    Path file = Files.write(dir.resolve("video.mp4"), video.bytes());
    VideoFacts facts;
    try {
      facts = VideoProbe.probe(file);
    } catch (ValidationProblem refused) {
      Statistics.label("outcome").collect("refused");
      assertThat(refused.errors())
          .isNotEmpty()
          .allSatisfy(
              e -> {
                assertThat(e.field()).isEqualTo("file");
                assertThat(e.zh()).isNotBlank();
                assertThat(e.en()).isNotBlank();
              });
      return;
    }
    Statistics.label("outcome").collect("accepted");
    // Passed: then it is what a station plays, whatever bytes were changed.
    assertThat(facts.videoCodec()).isIn("avc1", "avc3");
    assertThat(facts.audioCodec()).isIn(null, "mp4a");
    assertThat(Math.min(facts.width(), facts.height())).isBetween(1, VideoProbe.MAX_HEIGHT);
    assertThat(Math.max(facts.width(), facts.height())).isBetween(1, VideoProbe.MAX_WIDTH);
    assertThat(facts.durationMillis()).isBetween(1L, VideoProbe.MAX_MILLIS);
    assertThat(facts.framesPerSecond())
        .isPositive()
        .isLessThanOrEqualTo(VideoProbe.MAX_FRAMES_PER_SECOND * 1.01);
  }
}
