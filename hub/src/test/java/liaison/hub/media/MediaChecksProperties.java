package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import liaison.hub.media.DocumentPages.Page;
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
 * Whatever bytes are uploaded as a video or a PDF, the hub's check answers with what a station can
 * show or with a refusal on field {@code file}, never another exception (an exception would be a
 * 500, a loop a hung upload, a huge allocation the hub's memory), and a refused PDF leaves no page
 * behind. The inputs: the test kit's MP4s and three small PDFs (one written by hand without its
 * font, one by PDFBox, the three-page notice) cut short anywhere or with bytes changed at random,
 * and the MP4s with bytes changed in their movie box (where the sizes and fields the probe reads
 * are) or with noise over a box header.
 */
class MediaChecksProperties {
  private static Path dir;

  @BeforeContainer
  static void createFolder() throws IOException {
    dir = Files.createTempDirectory("media-checks-properties");
  }

  @AfterContainer
  static void removeFolder() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A file to damage, and the part of it where bytes are changed. */
  record Sample(String name, byte[] bytes, int from, int length) {
    static Sample whole(String name, byte[] bytes) {
      return new Sample(name, bytes, 0, bytes.length);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A damaged file, saying what was done to which sample so a failure names both. */
  record Mangled(String sample, String how, byte[] bytes) {
    @Override
    public String toString() {
      return sample + " " + how;
    }
  }

  @Provide
  Arbitrary<Mangled> videos() {
    List<Sample> whole = new ArrayList<>();
    List<Sample> movies = new ArrayList<>();
    for (MediaSamples video :
        List.of(
            MediaSamples.H264_VIDEO_ONLY,
            MediaSamples.H264_WITH_AAC,
            MediaSamples.HEVC,
            MediaSamples.H264_4K)) {
      Mp4Edit edit = Mp4Edit.of(video);
      int moov = edit.box("moov");
      whole.add(Sample.whole(video.name(), edit.bytes()));
      movies.add(new Sample(video.name() + " moov", edit.bytes(), moov, edit.size(moov)));
    }
    return Arbitraries.oneOf(
        truncated(whole),
        flipped(whole, 8),
        flipped(movies, 8),
        overwritten(List.of(MediaSamples.H264_VIDEO_ONLY, MediaSamples.H264_WITH_AAC)),
        soundDescriptorNoise());
  }

  /**
   * Random bytes over the sound's descriptor (esds). It sits inside the sound track's sample entry,
   * below every box header the noise above reaches, and a few dozen bytes of a file that random
   * flips rarely hit: so a URL length running past its end went unseen until this case.
   */
  private static Arbitrary<Mangled> soundDescriptorNoise() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMinSize(1)
        .ofMaxSize(12)
        .map(
            noise -> {
              Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_WITH_AAC);
              int at = edit.find("esds", edit.sampleEntry(1)) + 8;
              for (int i = 0; i < noise.length; i++) {
                edit.putByte(at + i, noise[i]);
              }
              return new Mangled(
                  MediaSamples.H264_WITH_AAC.name(),
                  "noise over esds " + Arrays.toString(noise),
                  edit.bytes());
            });
  }

  @Provide
  Arbitrary<Mangled> documents() {
    List<Sample> pdfs =
        List.of(
            Sample.whole("without its font", TestPdfs.withoutItsFont()),
            Sample.whole("one blank page", TestPdfs.blankPages(1)),
            Sample.whole("notice", TestPdfs.notice()));
    return Arbitraries.oneOf(truncated(pdfs), flipped(pdfs, 6));
  }

  private static Arbitrary<Mangled> truncated(List<Sample> samples) {
    return Combinators.combine(Arbitraries.of(samples), Arbitraries.doubles().between(0, 1))
        .as(
            (sample, fraction) -> {
              int length = (int) (sample.bytes().length * fraction);
              return new Mangled(
                  sample.name(), "cut at " + length, Arrays.copyOf(sample.bytes(), length));
            });
  }

  private static Arbitrary<Mangled> flipped(List<Sample> samples, int most) {
    return Combinators.combine(
            Arbitraries.of(samples),
            Arbitraries.doubles().between(0, 1).list().ofMinSize(1).ofMaxSize(most),
            Arbitraries.integers().between(1, 255))
        .as(
            (sample, places, xor) -> {
              byte[] bytes = sample.bytes().clone();
              StringBuilder how = new StringBuilder("xor ").append(xor).append(" at");
              for (double place : places) {
                int at = sample.from() + (int) (place * (sample.length() - 1));
                bytes[at] ^= xor.byteValue();
                how.append(' ').append(at);
              }
              return new Mangled(sample.name(), how.toString(), bytes);
            });
  }

  /** Sixteen random bytes over the header of one of the boxes the probe reads. */
  private static Arbitrary<Mangled> overwritten(List<MediaSamples> videos) {
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
            Arbitraries.of(videos),
            Arbitraries.of(boxes),
            Arbitraries.bytes().array(byte[].class).ofSize(16))
        .as(
            (video, path, noise) -> {
              Mp4Edit edit = Mp4Edit.of(video);
              int at = path[path.length - 1].equals("stsd") ? edit.sampleEntry(0) : edit.box(path);
              for (int i = 0; i < noise.length; i++) {
                edit.putByte(at + i, noise[i]);
              }
              return new Mangled(
                  video.name(),
                  "noise over " + String.join("/", path) + " " + Arrays.toString(noise),
                  edit.bytes());
            });
  }

  @Property(tries = 1500)
  void anyDamagedVideoIsRefusedOrLeavesSaneFacts(@ForAll("videos") Mangled video)
      throws IOException {
    bothOutcomesCovered("accepted");
    VideoFacts facts;
    try {
      facts = VideoProbe.probe(Files.write(dir.resolve("video.mp4"), video.bytes()));
    } catch (ValidationProblem refused) {
      refusedOnTheFile(refused);
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

  @Property(tries = 120)
  void anyDamagedPdfIsRefusedOrRendersPagesThatFit(@ForAll("documents") Mangled pdf)
      throws IOException {
    bothOutcomesCovered("rendered");
    Path out = dir.resolve("pages");
    List<Page> pages;
    try {
      pages = DocumentPages.render(Files.write(dir.resolve("doc.pdf"), pdf.bytes()), out);
    } catch (ValidationProblem refused) {
      refusedOnTheFile(refused);
      if (Files.isDirectory(out)) {
        try (Stream<Path> left = Files.list(out)) {
          assertThat(left).as("pages left by a refusal").isEmpty();
        }
      }
      return;
    }
    Statistics.label("outcome").collect("rendered");
    assertThat(pages).isNotEmpty().hasSizeLessThanOrEqualTo(DocumentPages.MAX_PAGES);
    for (Page page : pages) {
      assertThat(Math.max(page.width(), page.height())).isBetween(1, DocumentPages.LONG_SIDE);
      assertThat(Math.min(page.width(), page.height())).isBetween(1, DocumentPages.SHORT_SIDE);
      Files.delete(page.png());
    }
  }

  /** Both ways out of the check are taken often (checked once the tries are done). */
  private static void bothOutcomesCovered(String passed) {
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check(passed).percentage(p -> p > 5);
              c.check("refused").percentage(p -> p > 10);
            });
  }

  private static void refusedOnTheFile(ValidationProblem refused) {
    Statistics.label("outcome").collect("refused");
    assertThat(refused.errors())
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.field()).isEqualTo("file");
              assertThat(e.zh()).isNotBlank();
              assertThat(e.en()).isNotBlank();
            });
  }
}
