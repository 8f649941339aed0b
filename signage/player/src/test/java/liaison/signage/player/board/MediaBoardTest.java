package liaison.signage.player.board;

import static liaison.signage.player.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.media.MediaPlayer;
import javafx.scene.media.MediaView;
import javax.imageio.ImageIO;
import liaison.signage.player.fx.CjkFonts;
import liaison.signage.player.fx.FxToolkit;
import liaison.signage.player.fx.LayoutCheck;
import liaison.signage.player.fx.Panel;
import liaison.signage.player.fx.Portraits;
import liaison.signage.player.fx.Screens;
import liaison.signage.player.loop.OnScreen;
import liaison.signage.player.loop.OnScreen.MediaTurn;
import liaison.signage.player.media.MediaFiles;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.MediaSlide.MediaFile;
import liaison.signage.protocol.StationContent;
import liaison.testkit.MediaSamples;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The managers' media slides on the signage screen, rendered headless at every size a board is
 * drawn at: a portrait poster, a landscape 4K poster and a document's page, each whole and
 * undistorted in the board's area under the sign plate, letterboxed on the board's background (PNGs
 * under target/screens/media-size-case.png, the layout check on each); and real videos played
 * through JavaFX media under the headless platform.
 */
@ExtendWith(FxToolkit.class)
class MediaBoardTest {
  private static final Instant AT = Instant.parse("2026-11-24T02:00:00Z");

  /** The board's background (signage.css, {@code .signage}). */
  private static final int BOARD_BACKGROUND = 0xfffbf8f1;

  @TempDir static Path files;

  /** Each picture by its case name: its file and its pixels. */
  private static final Map<String, Picture> PICTURES = new java.util.LinkedHashMap<>();

  private final TestClock clock = TestClock.at("2026-11-24T10:00:00+08:00");
  private final List<String> failed = new CopyOnWriteArrayList<>();

  record Picture(Path path, MediaFile file, String kind) {}

  @BeforeAll
  static void drawPictures() throws IOException {
    PICTURES.put("poster-portrait", picture("poster-portrait", "IMAGE", 1200, 1600, "png", false));
    PICTURES.put(
        "poster-landscape-4k", picture("poster-landscape-4k", "IMAGE", 3840, 2160, "jpg", false));
    // A4 at 150 dpi, as the hub renders a PDF's portrait page to fit 1080×1920.
    PICTURES.put("document-page", picture("document-page", "DOCUMENT", 1080, 1527, "png", true));
  }

  static Stream<Arguments> everyPictureAtEverySize() {
    List<Arguments> out = new ArrayList<>();
    for (String name : List.of("poster-portrait", "poster-landscape-4k", "document-page")) {
      Panel.BOARDS.forEach(p -> out.add(Arguments.of(name, p)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} at {1}")
  @MethodSource("everyPictureAtEverySize")
  void shouldShowThePictureWholeUndistortedAndLetterboxedUnderTheSignPlate(
      String name, Panel panel) {
    Picture picture = PICTURES.get(name);
    Drawn drawn =
        onFx(
            () -> {
              SignageScreen screen = screen(file -> Optional.of(picture.path()));
              screen.show(turn(picture.kind(), picture.file()), Optional.of(content(0)));
              WritableImage image =
                  Screens.render(screen.root(), panel.widthPx(), panel.heightPx());
              Screens.save(image, "media-" + panel.size() + "-" + name);
              ImageView view = (ImageView) screen.root().lookup(".media-picture");
              return new Drawn(
                  image,
                  sceneBounds(view),
                  sceneBounds(screen.root().lookup(".media-frame")),
                  view.getImage().getWidth(),
                  view.getImage().getHeight(),
                  Screens.visibleTexts(screen.root()),
                  LayoutCheck.wall(panel).problems(screen.root()));
            });

    assertThat(drawn.problems()).as("layout on the %s", panel).isEmpty();
    assertThat(drawn.texts()).as("the sign plate stays").contains("青溪县城关镇人大代表之家");
    assertThat(failed).isEmpty();
    // Whole: inside the board's area, touching it on one side at least (fitted, not shrunk).
    Bounds shown = drawn.shown();
    Bounds area = drawn.area();
    assertThat(area.contains(shown)).as("%s inside %s", shown, area).isTrue();
    assertThat(
            Math.abs(shown.getWidth() - area.getWidth()) < 1
                || Math.abs(shown.getHeight() - area.getHeight()) < 1)
        .as("fitted to the board's area: %s in %s", shown, area)
        .isTrue();
    // Undistorted: the picture's own shape.
    double ratio = (double) picture.file().width() / picture.file().height();
    assertThat(shown.getWidth() / shown.getHeight()).isCloseTo(ratio, within(shown));
    // Centred, with the board's background in the bars on either side.
    assertThat(shown.getCenterX())
        .isCloseTo(area.getCenterX(), org.assertj.core.data.Offset.offset(1.0));
    assertThat(shown.getCenterY())
        .isCloseTo(area.getCenterY(), org.assertj.core.data.Offset.offset(1.0));
    PixelReader pixels = drawn.image().getPixelReader();
    if (shown.getMinX() - area.getMinX() > 4) {
      assertThat(pixels.getArgb((int) (area.getMinX() + 2), (int) area.getCenterY()))
          .as("the letterbox's bar")
          .isEqualTo(BOARD_BACKGROUND);
    }
    // The picture's own border is on screen at all four edges: nothing cut.
    assertThat(
            List.of(
                pixels.getArgb((int) shown.getMinX() + 2, (int) shown.getCenterY()),
                pixels.getArgb((int) shown.getMaxX() - 3, (int) shown.getCenterY()),
                pixels.getArgb((int) shown.getCenterX(), (int) shown.getMinY() + 2),
                pixels.getArgb((int) shown.getCenterX(), (int) shown.getMaxY() - 3)))
        .as("the picture's blue border at its four edges")
        .allMatch(MediaBoardTest::blue);
    // Decoded at the screen's size, not the file's: a 4K poster costs a screen's pixels.
    assertThat(drawn.decodedWidth())
        .isLessThanOrEqualTo(Math.max(panel.widthPx(), panel.heightPx()));
    assertThat(drawn.decodedHeight())
        .isLessThanOrEqualTo(Math.max(panel.widthPx(), panel.heightPx()));
  }

  @Test
  void shouldPlayAnH264VideoUnderTheHeadlessPlatformAndDrawItsFrames() throws IOException {
    Path video = MediaSamples.H264_VIDEO_ONLY.copyTo(files, "video-only.mp4");
    MediaFile file = videoFile(video, 320, 180, 2000);
    SignageScreen screen = showing(video, turn("VIDEO", file), 0, 1920, 1080);

    MediaPlayer player = awaitPlaying(screen, 300);
    assertThat(onFx(player::isMute)).as("volume 0: muted").isTrue();
    Frame frame =
        onFx(
            () -> {
              WritableImage image = Screens.render(screen.root(), 1920, 1080);
              Screens.save(image, "media-1920x1080-video");
              MediaView view = (MediaView) screen.root().lookup(".media-video");
              return new Frame(image, sceneBounds(view));
            });

    // testsrc2's colour bars fill the frame: many colours, not a blank or black box.
    assertThat(frame.view().getWidth() / frame.view().getHeight())
        .isCloseTo(16 / 9.0, within(frame.view()));
    assertThat(colours(frame.image(), frame.view()))
        .as("colours in the video's frame")
        .isGreaterThan(20);
    assertThat(failed).isEmpty();

    onFx(screen::stopMedia);
    assertThat(onFx(() -> player.getStatus())).isEqualTo(MediaPlayer.Status.DISPOSED);
    assertThat(onFx(screen::videoPlaying)).isEmpty();
  }

  @Test
  void shouldPlayAVideoWithSoundAtTheStationsVolumeOrSilentlyWithoutAnAudioDevice()
      throws IOException {
    Path video = MediaSamples.H264_WITH_AAC.copyTo(files, "with-sound.mp4");
    MediaFile file = videoFile(video, 320, 180, 2000);
    SignageScreen screen = showing(video, turn("VIDEO", file), 40, 1280, 800);
    MediaPlayer player = awaitPlaying(screen, 300);

    assertThat(onFx(player::isMute)).isFalse();
    assertThat(onFx(player::getVolume)).isEqualTo(0.4);
    assertThat(onFx(player::getError)).isNull();
    assertThat(failed).isEmpty();
    onFx(screen::stopMedia);
  }

  @Test
  void shouldGoOnWithAVideoFromWhereAnInterruptLeftIt() throws IOException {
    Path video = MediaSamples.H264_VIDEO_ONLY.copyTo(files, "resumed.mp4");
    MediaFile file = videoFile(video, 320, 180, 2000);
    MediaTurn first = turn("VIDEO", file);
    // Back after an alert: 1.2 s of the video had played.
    MediaTurn resumed =
        new MediaTurn(
            first.slide(), 0, Duration.ofMillis(1200), AT.plusSeconds(31), AT.plusSeconds(32));
    SignageScreen screen = showing(video, resumed, 0, 1280, 800);
    MediaPlayer player = awaitPlaying(screen, 0);

    assertThat(onFx(() -> player.getCurrentTime().toMillis())).isGreaterThanOrEqualTo(1200);
    onFx(screen::stopMedia);
  }

  @Test
  void shouldPlayAVideosNextTurnOnTheSamePlayerFromTheTopOrWhereAnInterruptLeftIt()
      throws IOException {
    Path video = MediaSamples.H264_VIDEO_ONLY.copyTo(files, "again.mp4");
    MediaFile file = videoFile(video, 320, 180, 2000);
    MediaTurn first = turn("VIDEO", file);
    SignageScreen screen = showing(video, first, 0, 1280, 800);
    MediaPlayer player = awaitPlaying(screen, 1500);

    // A board's turn, then the video's next turn: the same player, from the top.
    onFx(() -> screen.show(aBoard(), Optional.of(content(0))));
    assertThat(onFx(screen::videoPlaying)).isEmpty();
    // (The player's state changes reach the FX thread as events, a moment after the stop.)
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> onFx(player::getStatus) == MediaPlayer.Status.STOPPED);
    MediaTurn next =
        new MediaTurn(first.slide(), 0, Duration.ZERO, AT.plusSeconds(60), AT.plusSeconds(62));
    onFx(() -> screen.show(next, Optional.of(content(0))));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                onFx(
                    () ->
                        player.getStatus() == MediaPlayer.Status.PLAYING
                            && player.getCurrentTime().toMillis() < 1500));
    assertThat(onFx(() -> screen.videoPlaying().orElseThrow())).isSameAs(player);

    // Interrupted at 1.2 s and back: on from there, on a player of its own (a kept player's start
    // time, changed, does not reliably move where it plays from); the kept one waits for the top.
    MediaTurn resumed =
        new MediaTurn(
            first.slide(), 0, Duration.ofMillis(1200), AT.plusSeconds(91), AT.plusSeconds(92));
    onFx(() -> screen.show(aBoard(), Optional.of(content(0))));
    onFx(() -> screen.show(resumed, Optional.of(content(0))));
    MediaPlayer fromThere = awaitPlaying(screen, 0);
    assertThat(onFx(() -> fromThere.getCurrentTime().toMillis())).isGreaterThanOrEqualTo(1200);
    assertThat(fromThere).isNotSameAs(player);
    assertThat(onFx(screen::videoPlayersMade)).isEqualTo(2);
    assertThat(failed).isEmpty();

    // The loop leaves the screen: every player is let go, the one on screen and the one kept.
    onFx(screen::stopMedia);
    assertThat(onFx(fromThere::getStatus)).isEqualTo(MediaPlayer.Status.DISPOSED);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> onFx(player::getStatus) == MediaPlayer.Status.DISPOSED);
  }

  @Test
  void shouldHandBackAFileThatCannotBePlayedSoTheLoopSkipsIt() throws IOException {
    Path broken = Files.write(files.resolve("broken.mp4"), new byte[] {0, 0, 0, 8, 'f', 't', 'y'});
    MediaFile file = videoFile(broken, 320, 180, 2000);
    SignageScreen screen = showing(broken, turn("VIDEO", file), 0, 1280, 800);

    await().atMost(Duration.ofSeconds(30)).until(() -> failed.contains(file.sha256()));
    onFx(screen::stopMedia);
  }

  @Test
  void shouldFindASoundCardByItsPlaybackDeviceOnly(@TempDir Path snd) throws IOException {
    assertThat(SilentSound.hasPlaybackDevice(snd.resolve("absent"))).isFalse();
    Files.createFile(snd.resolve("controlC0"));
    Files.createFile(snd.resolve("pcmC0D0c"));
    assertThat(SilentSound.hasPlaybackDevice(snd)).as("a microphone is no speaker").isFalse();
    Files.createFile(snd.resolve("pcmC1D3p"));
    assertThat(SilentSound.hasPlaybackDevice(snd)).isTrue();
  }

  // --- fixtures ---------------------------------------------------------------------------------

  private record Drawn(
      WritableImage image,
      Bounds shown,
      Bounds area,
      double decodedWidth,
      double decodedHeight,
      List<String> texts,
      List<String> problems) {}

  private record Frame(WritableImage image, Bounds view) {}

  /** The video on the screen once it plays and has got past {@code millis}. */
  static MediaPlayer awaitPlaying(SignageScreen screen, long millis) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                onFx(
                    () ->
                        screen
                            .videoPlaying()
                            .filter(p -> p.getStatus() == MediaPlayer.Status.PLAYING)
                            .filter(p -> p.getCurrentTime().toMillis() > millis)
                            .isPresent()));
    return onFx(() -> screen.videoPlaying().orElseThrow());
  }

  private SignageScreen screen(MediaFiles media) {
    SignageScreen screen = new SignageScreen(clock, CjkFonts.detect(), Portraits.none());
    screen.media(media, failed::add);
    return screen;
  }

  /**
   * A screen drawn at {@code width}×{@code height} showing {@code turn} of the file at {@code
   * path}.
   */
  private SignageScreen showing(Path path, MediaTurn turn, int volume, int width, int height) {
    return onFx(
        () -> {
          SignageScreen s = screen(f -> Optional.of(path));
          s.show(turn, Optional.of(content(volume)));
          Screens.render(s.root(), width, height);
          return s;
        });
  }

  private static OnScreen.Slide aBoard() {
    return new OnScreen.Slide(Board.NOTICES, Optional.empty(), AT, AT.plusSeconds(10));
  }

  private static MediaTurn turn(String kind, MediaFile file) {
    MediaSlide slide =
        new MediaSlide(
            "m-1",
            "宣传",
            kind,
            20,
            AT.minusSeconds(3600).atOffset(ZoneOffset.ofHours(8)),
            null,
            List.of(),
            List.of(file));
    return new MediaTurn(slide, 0, Duration.ZERO, AT, AT.plusSeconds(20));
  }

  private static StationContent content(int volume) {
    return BoardFixtures.content().withMedia(new StationContent.Media(List.of(), volume));
  }

  private static Bounds sceneBounds(Node node) {
    return node.localToScene(node.getBoundsInLocal());
  }

  /** A tolerance of one pixel on the shorter side, as a ratio. */
  private static org.assertj.core.data.Offset<Double> within(Bounds b) {
    return org.assertj.core.data.Offset.offset(
        2.0 / Math.min(b.getWidth(), b.getHeight()) * (b.getWidth() / b.getHeight()));
  }

  /** The border's blue (0x1f4e9c), give or take what JPEG and scaling do to it. */
  private static boolean blue(int argb) {
    int r = argb >> 16 & 0xff;
    int g = argb >> 8 & 0xff;
    int b = argb & 0xff;
    return Math.abs(r - 0x1f) < 40 && Math.abs(g - 0x4e) < 40 && Math.abs(b - 0x9c) < 40;
  }

  /** How many distinct colours the image has inside the area (sampled every other pixel). */
  private static int colours(WritableImage image, Bounds area) {
    Set<Integer> seen = new HashSet<>();
    PixelReader reader = image.getPixelReader();
    for (int y = (int) area.getMinY() + 1; y < (int) area.getMaxY() - 1; y += 2) {
      for (int x = (int) area.getMinX() + 1; x < (int) area.getMaxX() - 1; x += 2) {
        seen.add(reader.getArgb(x, y) & 0xf0f0f0);
      }
    }
    return seen.size();
  }

  /** The sample's reference as the hub would give it: its hash, size, pixels and length. */
  static MediaFile videoFile(Path path, int width, int height, long millis) throws IOException {
    return new MediaFile(sha256(path), Files.size(path), "video/mp4", width, height, millis);
  }

  private static String sha256(Path path) throws IOException {
    try {
      return java.util.HexFormat.of()
          .formatHex(
              java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A picture with a blue border at its very edges (so a cut or a stretch shows), a warm field and
   * a line of text; a document's page is white with lines of text, as a rendered PDF page is.
   */
  private static Picture picture(
      String name, String kind, int width, int height, String format, boolean page)
      throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(page ? Color.WHITE : new Color(0xb5121b));
    g.fillRect(0, 0, width, height);
    int border = Math.max(12, width / 40);
    g.setColor(new Color(0x1f4e9c));
    g.setStroke(new BasicStroke(border));
    g.drawRect(border / 2, border / 2, width - border, height - border);
    g.setColor(page ? Color.BLACK : Color.WHITE);
    int size = width / (page ? 28 : 14);
    g.setFont(new Font(CjkFonts.detect().sans(), Font.BOLD, size));
    List<String> lines =
        page
            ? List.of(
                "关于开展“代表进站”集中接待活动的通知",
                "",
                "各街道人大工委、各代表联络站：",
                "为密切人大代表同人民群众的联系，",
                "定于十二月在全县各联络站开展集中接待。",
                "一、时间：每周二上午九时至十一时半。",
                "二、地点：各代表联络站接待室。",
                "三、内容：听取群众意见建议。")
            : List.of("宪法宣传周", "Constitution Week");
    int y = border * 3 + size;
    for (String line : lines) {
      g.drawString(line, border * 3, y);
      y += size * 3 / 2;
    }
    g.dispose();
    Path path = files.resolve(name + "." + format);
    ImageIO.write(image, format, path.toFile());
    MediaFile file =
        new MediaFile(
            sha256(path),
            Files.size(path),
            format.equals("png") ? "image/png" : "image/jpeg",
            width,
            height,
            0);
    return new Picture(path, file, kind);
  }
}
