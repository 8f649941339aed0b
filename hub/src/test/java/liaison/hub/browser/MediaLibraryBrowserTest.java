package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import liaison.testkit.MediaSamples;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The media library in Chromium without script: a county administrator uploads a poster through the
 * form and finds its card in the grid (a WebP too, converted); a program named .jpg comes back with
 * the reason beside the file field; a station manager reads the grid on a phone. axe-core and the
 * phone's layout checks on each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaLibraryBrowserTest {
  private RunningHub hub;
  private Chromium chromium;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  @Test
  void shouldUploadAPosterThroughTheFormAndSeeItsCardInTheGrid() {
    Page page = chromium.laptop();
    signIn(page, "admin");
    page.navigate(hub.url("/admin/media").toString());
    assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("媒体库")))
        .hasAttribute("aria-current", "page");

    assertThat(page.locator("section.media-upload select[name=library]")).hasValue("county");
    upload(page, new FilePayload("冬季防火海报.png", "image/png", poster("FIRE SAFETY")), "冬季防火宣传");

    page.waitForURL("**/admin/media?done=uploaded*");
    assertThat(page.getByText("已上传。点“放到屏幕上”安排播放。")).isVisible();
    Locator card =
        page.locator("article.media-card", new Page.LocatorOptions().setHasText("冬季防火宣传"));
    assertThat(card).hasCount(1);
    assertThat(card).hasClass(java.util.regex.Pattern.compile("just-uploaded"));
    assertThat(card).containsText("图片");
    assertThat(card).containsText("1600×900");
    assertThat(card).containsText("全县媒体库");
    assertThat(card).containsText("冬季防火海报.png");
    assertThat(card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("放到屏幕上")))
        .hasAttribute("href", java.util.regex.Pattern.compile("/admin/media/slides/new\\?item=m-"));
    assertThat(card.locator("img.media-thumb")).hasAttribute("alt", "冬季防火宣传");
    Object loaded =
        card.locator("img.media-thumb").evaluate("img => img.complete && img.naturalWidth");
    assertThat(((Number) loaded).intValue())
        .as("the thumbnail came from /media/{sha256}")
        .isEqualTo(320);

    upload(page, new FilePayload("海报.webp", "image/webp", MediaSamples.WEBP_POSTER.bytes()), "");
    page.waitForURL("**/admin/media?done=uploaded*");
    assertThat(page.locator("article.media-card", new Page.LocatorOptions().setHasText("海报.webp")))
        .containsText("1200×1600");

    assertThat(Axe.violations(page)).as("axe-core on the library").isEmpty();
    Chromium.screenshot(page, "admin-media-laptop");
  }

  @Test
  void shouldSayBesideTheFileWhyAProgramNamedJpgWasNotTaken() {
    Page page = chromium.laptop();
    signIn(page, "admin");
    page.navigate(hub.url("/admin/media").toString());
    upload(
        page,
        new FilePayload(
            "poster.jpg",
            "image/jpeg",
            "MZ\u0090\u0000 this program cannot be run".getBytes(StandardCharsets.ISO_8859_1)),
        "不是海报");

    assertThat(page.getByText("没有上传：请看下面标出的问题。")).isVisible();
    assertThat(page.locator("section.media-upload .field-error")).containsText("不是图片、视频或 PDF 文件");
    assertThat(page.locator("section.media-upload input[name=title]")).hasValue("不是海报");
    assertThat(page.locator("article.media-card", new Page.LocatorOptions().setHasText("不是海报")))
        .hasCount(0);
    assertThat(Axe.violations(page)).as("axe-core on the refused upload").isEmpty();
    Chromium.screenshot(page, "admin-media-refused-laptop");
  }

  @Test
  void shouldShowAManagerTheGridOnAPhoneWithoutSidewaysScrolling() {
    Page admin = chromium.laptop();
    signIn(admin, "admin");
    admin.navigate(hub.url("/admin/media").toString());
    upload(admin, new FilePayload("便民服务指南海报（2026年冬季版）.png", "image/png", poster("SERVICES")), "");
    admin.waitForURL("**/admin/media?done=*");

    Page page = chromium.phone();
    signIn(page, "chengguan");
    page.navigate(hub.url("/admin/media").toString());
    assertThat(page.locator("article.media-card").first()).isVisible();
    assertThat(page.locator("select[name=library]").first().locator("option")).not().hasCount(0);
    assertThat(Axe.widths(page).get("scroll"))
        .as("no sideways scrolling at 390 px")
        .isEqualTo(Axe.widths(page).get("inner"));
    assertThat(Axe.violations(page)).as("axe-core on a phone").isEmpty();
    Chromium.screenshot(page, "admin-media-phone");
  }

  /** Fills the upload form (the file; the title unless empty) and sends it. */
  private static void upload(Page page, FilePayload file, String title) {
    Locator form = page.locator("section.media-upload");
    form.locator("input[name=file]").setInputFiles(file);
    if (!title.isEmpty()) {
      form.locator("input[name=title]").fill(title);
    }
    form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("上传")).click();
  }

  private void signIn(Page page, String username) {
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(username);
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByLabel("密码").press("Enter");
    page.waitForURL(u -> !u.contains("/login"));
  }

  /**
   * A 1600×900 poster of flat colour and a headline (each test's its own: the same bytes twice are
   * one entry).
   */
  private static byte[] poster(String headline) {
    BufferedImage image = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xB7, 0x1C, 0x1C));
    g.fillRect(0, 0, 1600, 900);
    g.setColor(new Color(0xF5, 0xD0, 0x6F));
    g.fillRect(100, 300, 1400, 300);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 120));
    g.drawString(headline, 300, 500);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
