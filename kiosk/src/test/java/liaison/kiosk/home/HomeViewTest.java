package liaison.kiosk.home;

import static liaison.kiosk.fx.FxToolkit.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javafx.scene.image.WritableImage;
import liaison.kiosk.fx.CjkFonts;
import liaison.kiosk.fx.FxToolkit;
import liaison.kiosk.fx.Screens;
import liaison.signage.player.LinkStatus;
import liaison.testkit.TestClock;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.StationContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(FxToolkit.class)
class HomeViewTest {

  private final Optional<StationContent> content = Optional.of(GoldenFiles.content());
  private final HomePresenter presenter = new HomePresenter(TestClock.at("2026-11-23T09:30:00+08:00"));

  private record Rendered(WritableImage image, List<String> texts) {}

  private static Rendered render(HomeScreen screen, int width, int height, String name) {
    return onFx(
        () -> {
          HomeView view = new HomeView();
          CjkFonts fonts = CjkFonts.detect();
          view.useFonts(fonts.sans(), fonts.serif());
          view.show(screen);
          WritableImage image = Screens.render(view, width, height);
          Screens.save(image, name);
          return new Rendered(image, Screens.visibleTexts(view));
        });
  }

  @Test
  void shouldFindAChineseFont() {
    assertThat(onFx(() -> CjkFonts.detect().available()))
        .as("a CJK font must be installed (fonts-noto-cjk); .ci/run installs it")
        .isTrue();
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1280, 800", "800, 480", "1920, 1080"})
  void shouldShowStationDeputiesAndAScannableOpinionCode(int width, int height) throws Exception {
    HomeScreen screen =
        presenter.present(content, LinkStatus.online(OffsetDateTime.parse("2026-11-23T07:00:00+08:00")), "s-001");

    Rendered rendered = render(screen, width, height, "home-" + width + "x" + height);

    assertThat(rendered.texts())
        .contains("城关镇人大代表之家", "陈秀兰", "黄志强", "扫码提意见", "09:30", "09:00—11:30", "接待中 Now");
    assertThat(rendered.texts()).anyMatch(t -> t.startsWith("11月代表接待日安排"));
    assertThat(Screens.decodeQr(rendered.image())).isEqualTo("https://hub.example.cn/o/Xq7fK2mPw9");
  }

  @Test
  void shouldShowTheOfflineBadgeWithTheTimeItWentOffline() {
    HomeScreen screen =
        presenter.present(content, LinkStatus.offline(OffsetDateTime.parse("2026-11-23T08:42:00+08:00")), "s-001");

    Rendered rendered = render(screen, 1280, 800, "home-offline-1280x800");

    assertThat(rendered.texts()).anyMatch(t -> t.startsWith("离线 · 08:42 起"));
    assertThat(rendered.texts()).contains("城关镇人大代表之家", "陈秀兰");
  }

  @Test
  void shouldSayContentIsOnItsWayInsteadOfABlankScreen() {
    HomeScreen screen =
        presenter.present(Optional.empty(), LinkStatus.connecting(OffsetDateTime.parse("2026-11-23T09:29:00+08:00")), "s-001");

    Rendered rendered = render(screen, 800, 480, "home-waiting-800x480");

    assertThat(rendered.texts()).contains("内容同步中…", "s-001");
  }
}
