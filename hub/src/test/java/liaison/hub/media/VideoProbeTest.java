package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.testkit.MediaSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MP4 check on the test kit's samples as ffmpeg made them, and on copies changed in the test
 * into what ffmpeg would not write (moov last, 64-bit sizes, codecs renamed, sizes that lie): what
 * a station plays is accepted with its facts; everything else is refused on field {@code file} in
 * both languages, naming what was found and what stations play.
 */
class VideoProbeTest {
  @TempDir Path dir;

  @Test
  void h264WithoutSoundIsAcceptedWithItsFacts() {
    VideoFacts facts = VideoProbe.probe(MediaSamples.H264_VIDEO_ONLY.copyTo(dir, "in.mp4"));

    assertThat(facts).isEqualTo(new VideoFacts("avc1", null, 320, 180, 2000, 25.0));
  }

  @Test
  void h264WithAacSoundIsAccepted() {
    VideoFacts facts = VideoProbe.probe(MediaSamples.H264_WITH_AAC.copyTo(dir, "in.mp4"));

    assertThat(facts).isEqualTo(new VideoFacts("avc1", "mp4a", 320, 180, 2000, 25.0));
  }

  @Test
  void hevcIsRefusedByNameWithTheWayToConvertIt() {
    List<FieldError> errors = refusal(MediaSamples.HEVC.bytes());

    assertThat(errors.getFirst().zh()).isEqualTo("视频编码为 HEVC (H.265)；站点播放器只能播放 H.264");
    assertThat(errors.getFirst().en())
        .isEqualTo("The video is HEVC (H.265); stations play H.264 only");
    assertThat(errors.getLast().en())
        .contains("ffmpeg -i", "-c:v libx264", "scale='min(1920,iw)':-2");
  }

  @Test
  void fourKIsRefusedForItsSizeAndItsLevel() {
    List<FieldError> errors = refusal(MediaSamples.H264_4K.bytes());

    assertThat(errors)
        .extracting(FieldError::en)
        .contains(
            "The picture is 3840×2160; stations play up to 1920×1080 (1080×1920 upright)",
            "The video is H.264 High profile, level 5.1; stations play up to High profile, level"
                + " 4.2");
    assertThat(errors)
        .extracting(FieldError::zh)
        .contains("画面为 3840×2160；站点最大播放 1920×1080（竖屏 1080×1920）");
  }

  @Test
  void moovAfterMdatIsReadWhereverItIs() {
    byte[] moovLast =
        Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY).reorder("ftyp", "free", "mdat", "moov").bytes();

    assertThat(probe(moovLast)).isEqualTo(new VideoFacts("avc1", null, 320, 180, 2000, 25.0));
  }

  @Test
  void theHevcSampleHasItsMoovLastAndIsStillRead() {
    Mp4Edit hevc = Mp4Edit.of(MediaSamples.HEVC);

    assertThat(hevc.box("moov")).isGreaterThan(hevc.box("mdat"));
    assertThat(refusal(hevc.bytes()).getFirst().en()).contains("HEVC");
  }

  @Test
  void aSixtyFourBitSizeAndASizeToTheEndAreRead() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    int mdat = edit.box("mdat");
    int size = edit.size(mdat);
    // mdat as a 64-bit box: size 1, the type, then the size in eight bytes (eight more bytes).
    edit.insert(mdat + 8, new byte[8]).putInt(mdat, 1).putLong(mdat + 8, size + 8L);
    assertThat(probe(edit.bytes())).extracting(VideoFacts::width).isEqualTo(320);

    Mp4Edit toTheEnd = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    toTheEnd.putInt(toTheEnd.box("mdat"), 0);
    assertThat(probe(toTheEnd.bytes())).extracting(VideoFacts::durationMillis).isEqualTo(2000L);
  }

  @Test
  void aPortraitPhoneVideoTurnedByItsMatrixIsUpright() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    int matrix = edit.box("moov", "trak", "tkhd") + 8 + 40;
    // A quarter turn: a = d = 0, b = 1, c = -1 (16.16).
    edit.putInt(matrix, 0)
        .putInt(matrix + 4, 0x10000)
        .putInt(matrix + 12, -0x10000)
        .putInt(matrix + 16, 0);

    assertThat(probe(edit.bytes()))
        .extracting(VideoFacts::width, VideoFacts::height)
        .containsExactly(180, 320);
  }

  @Test
  void portraitFullHdIsFineAndOneMorePixelIsNot() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    size(edit, 1080, 1920);
    assertThat(probe(edit.bytes()))
        .extracting(VideoFacts::width, VideoFacts::height)
        .containsExactly(1080, 1920);

    size(edit, 1080, 1921);
    assertThat(refusal(edit.bytes()).getFirst().en())
        .isEqualTo("The picture is 1080×1921; stations play up to 1920×1080 (1080×1920 upright)");
  }

  @Test
  void aHeaderClaimingLessThanTheFramesHoldIsNotBelieved() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    int avc1 = edit.sampleEntry(0);
    edit.putInt(avc1 + 8 + 24, (3840 << 16) | 2160);

    assertThat(refusal(edit.bytes()).getFirst().en()).startsWith("The picture is 3840×2160");
  }

  @Test
  void otherVideoCodecsAreNamed() {
    for (String[] codec :
        new String[][] {
          {"vp09", "VP9"},
          {"av01", "AV1"},
          {"mp4v", "MPEG-4 Part 2"},
          {"hev1", "HEVC (H.265)"},
          {"xyz\u0001", "“xyz?”"}
        }) {
      Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
      edit.putType(edit.sampleEntry(0) + 4, codec[0]);

      assertThat(refusal(edit.bytes()).getFirst().en())
          .as(codec[0])
          .isEqualTo("The video is " + codec[1] + "; stations play H.264 only");
    }
  }

  @Test
  void soundOtherThanAacIsRefusedByName() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_WITH_AAC);
    edit.putType(edit.sampleEntry(1) + 4, "ac-3");

    assertThat(refusal(edit.bytes()).getFirst().en())
        .isEqualTo(
            "The sound is Dolby Digital (AC-3); stations play AAC sound only (or a silent video)");
  }

  @Test
  void mp3InsideAnMp4IsNotAac() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_WITH_AAC);
    // esds: version and flags, an ES_Descriptor (tag 3, its length, ES_ID, flags), then its
    // DecoderConfigDescriptor (tag 4, its length, the object type: 0x40 AAC, 0x6B MP3).
    int at = edit.find("esds", edit.sampleEntry(1)) + 8;
    assertThat(edit.byteAt(at)).isEqualTo(3);
    at += 1 + lengthBytes(edit, at + 1) + 3;
    assertThat(edit.byteAt(at)).isEqualTo(4);
    at += 1 + lengthBytes(edit, at + 1);
    assertThat(edit.byteAt(at)).isEqualTo(0x40);
    edit.putByte(at, 0x6B);

    assertThat(refusal(edit.bytes()).getFirst().en()).startsWith("The sound is MP3;");
  }

  @Test
  void aSoundDescriptorWhoseUrlRunsPastItsBoxIsDamagedNotAnError() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_WITH_AAC);
    int at = edit.find("esds", edit.sampleEntry(1)) + 8;
    int flags = at + 1 + lengthBytes(edit, at + 1) + 2;
    // The flag "a URL follows", and the URL's length (the next byte) 255: past the box's end.
    edit.putByte(flags, 0x40).putByte(flags + 1, 0xFF);

    assertThat(refusal(edit.bytes()).getFirst().en())
        .isEqualTo(
            "The video file is incomplete or damaged (perhaps cut short in the upload or the export); export it again and upload it again");
  }

  @Test
  void profilesBeyondHighAndLevelsBeyondFourTwoAreRefused() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    int avcC = edit.find("avcC", edit.sampleEntry(0));
    edit.putByte(avcC + 5, 110);
    assertThat(refusal(edit.bytes()).getFirst().en())
        .isEqualTo(
            "The video is H.264 High 10 profile, level 1.2; stations play up to High profile, level 4.2");

    edit.putByte(avcC + 5, 100).putByte(avcC + 7, 42);
    assertThat(probe(edit.bytes()).videoCodec()).isEqualTo("avc1");
    edit.putByte(avcC + 7, 50);
    assertThat(refusal(edit.bytes()).getFirst().zh())
        .isEqualTo("视频为 H.264 High 档次 5.0 级；站点最高播放 High 档次 4.2 级");
  }

  @Test
  void framesFasterThanAStationDecodesAreRefused() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    int mdhd = edit.box("moov", "trak", "mdia", "mdhd");
    // The same 50 frames in a quarter of the time: 100 a second.
    edit.putInt(mdhd + 20, 12800 * 4);
    assertThat(refusal(edit.bytes()).getFirst().en())
        .isEqualTo(
            "A 320×180 picture at 100 frames a second is more than a station decodes; stations play up to 1920×1080 at 30 frames a second, or 1280×720 at 60");

    // 1080p at 50 frames is twice the pixels a Pi decodes a second; 720p at 50 is fine.
    edit.putInt(mdhd + 20, 12800 * 2);
    size(edit, 1920, 1080);
    assertThat(refusal(edit.bytes()).getFirst().en())
        .startsWith("A 1920×1080 picture at 50 frames a second");
    size(edit, 1280, 720);
    assertThat(probe(edit.bytes()).framesPerSecond()).isEqualTo(50.0);
  }

  @Test
  void longerThanAnHourOrNoLengthAtAllIsRefused() {
    Mp4Edit edit = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    int mvhd = edit.box("moov", "mvhd");
    edit.putInt(mvhd + 24, 3_600_001);
    assertThat(refusal(edit.bytes()).getFirst().en())
        .isEqualTo("The video is about 61 minutes long; at most 60 minutes");
    edit.putInt(mvhd + 24, 3_600_000);
    assertThat(probe(edit.bytes()).durationMillis()).isEqualTo(3_600_000);
    // The longest a version 0 header can say: 2^32 - 2 seconds.
    edit.putInt(mvhd + 20, 1).putInt(mvhd + 24, -2);
    assertThat(refusal(edit.bytes()).getFirst().en())
        .isEqualTo("The video is about 71582789 minutes long; at most 60 minutes");

    Mp4Edit empty = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    empty.putInt(empty.box("moov", "mvhd") + 24, 0);
    empty.putInt(empty.box("moov", "trak", "mdia", "mdhd") + 24, 0);
    empty.putInt(empty.box("moov", "trak", "mdia", "minf", "stbl", "stts") + 12, 0);
    assertThat(refusal(empty.bytes()).getFirst().en())
        .isEqualTo("The video has no length: nothing to play");
  }

  @Test
  void encryptedAndFragmentedFilesAreRefused() {
    Mp4Edit encrypted = Mp4Edit.of(MediaSamples.H264_WITH_AAC);
    encrypted.putType(encrypted.sampleEntry(0) + 4, "encv");
    assertThat(refusal(encrypted.bytes()).getFirst().en())
        .isEqualTo("The video is encrypted (copy protection); stations cannot play it");

    Mp4Edit fragmented = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    int moov = fragmented.box("moov");
    fragmented.insert(moov + fragmented.size(moov), Mp4Edit.emptyBox("mvex"), moov);
    assertThat(refusal(fragmented.bytes()).getFirst().en()).startsWith("This is a fragmented MP4");
  }

  @Test
  void notAnMp4AtAllIsSaidSo() {
    String notMp4 = "This is not an MP4 video; stations play MP4 (H.264 video, AAC sound or none)";
    assertThat(refusal(MediaSamples.WEBP_POSTER.bytes()).getFirst().en()).isEqualTo(notMp4);
    assertThat(refusal("hello".getBytes()).getFirst().en()).isEqualTo(notMp4);
    assertThat(refusal(new byte[0]).getFirst().en()).isEqualTo(notMp4);

    Mp4Edit quickTime = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    int ftyp = quickTime.box("ftyp");
    for (int brand = ftyp + 8; brand < ftyp + quickTime.size(ftyp); brand += 4) {
      quickTime.putType(brand, "qt  ");
    }
    assertThat(refusal(quickTime.bytes()).getFirst().en()).isEqualTo(notMp4);
  }

  @Test
  void cutShortOrLyingSizesAreRefusedAsDamaged() {
    String damaged =
        "The video file is incomplete or damaged (perhaps cut short in the upload or the export); export it again and upload it again";
    byte[] whole = MediaSamples.H264_VIDEO_ONLY.bytes();
    assertThat(refusal(Arrays.copyOf(whole, whole.length / 2)).getFirst().en()).isEqualTo(damaged);
    assertThat(refusal(Arrays.copyOf(MediaSamples.HEVC.bytes(), 20_000)).getFirst().en())
        .isEqualTo(damaged);

    Mp4Edit huge = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    int mdat = huge.box("mdat");
    huge.insert(mdat + 8, new byte[8]).putInt(mdat, 1).putLong(mdat + 8, 1L << 60);
    assertThat(refusal(huge.bytes()).getFirst().en()).isEqualTo(damaged);

    Mp4Edit tooSmall = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    tooSmall.putInt(tooSmall.box("moov", "trak"), 4);
    assertThat(refusal(tooSmall.bytes()).getFirst().en()).isEqualTo(damaged);

    Mp4Edit manyEntries = Mp4Edit.of(MediaSamples.H264_VIDEO_ONLY);
    manyEntries.putInt(manyEntries.box("moov", "trak", "mdia", "minf", "stbl", "stts") + 12, -1);
    assertThat(refusal(manyEntries.bytes()).getFirst().en()).isEqualTo(damaged);
  }

  private VideoFacts probe(byte[] mp4) {
    try {
      return VideoProbe.probe(Files.write(Files.createTempFile(dir, "video", ".mp4"), mp4));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private List<FieldError> refusal(byte[] mp4) {
    Throwable thrown = catchThrowable(() -> probe(mp4));
    assertThat(thrown).isInstanceOf(ValidationProblem.class);
    List<FieldError> errors = ((ValidationProblem) thrown).errors();
    assertThat(errors)
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.field()).isEqualTo("file");
              assertThat(e.zh()).isNotBlank().doesNotContain("problem.");
              assertThat(e.en()).isNotBlank().doesNotContain("problem.");
            });
    return errors;
  }

  /** Sets both the displayed size (track header) and the coded size (sample entry). */
  private static void size(Mp4Edit edit, int width, int height) {
    int tkhd = edit.box("moov", "trak", "tkhd");
    edit.putInt(tkhd + 84, width << 16).putInt(tkhd + 88, height << 16);
    edit.putInt(edit.sampleEntry(0) + 8 + 24, (width << 16) | height);
  }

  /** How many bytes a descriptor's length takes (high bit: another follows). */
  private static int lengthBytes(Mp4Edit edit, int at) {
    int n = 1;
    while ((edit.byteAt(at + n - 1) & 0x80) != 0) {
      n++;
    }
    return n;
  }
}
