package liaison.hub.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import liaison.hub.RunningHub;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.media.MediaItems;
import liaison.hub.media.MediaStore;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A county administrator with ten minutes puts a new poster on every screen of the county: from the
 * library's link ("放到屏幕上", the item chosen and every field filled) one submit, and every station's
 * retained snapshot carries it. The form with its preview at the stations' screen sizes, the
 * slide's page and the list, on a laptop and a phone, pass axe-core and never scroll sideways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaSlidesBrowserTest {
  private RunningHub hub;
  private Chromium chromium;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
    MediaItems.image(
        hub.bean(Database.class),
        hub.bean(MediaStore.class),
        "mi-election",
        null,
        "人大代表选举宣传海报",
        1200,
        1600,
        new Color(0xB5, 0x12, 0x1B));
  }

  @AfterAll
  void stop() {
    chromium.close();
    hub.close();
  }

  private Page signedIn(Page page) {
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill("admin");
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    page.waitForURL(url -> !url.contains("/login"));
    return page;
  }

  @Test
  void shouldPutAPosterOnEveryScreenInOneSubmit() throws Exception {
    List<String> stations = List.of("s-001", "s-002", "s-003");
    try (TestClient watcher = hub.observer("media-watcher")) {
      for (String s : stations) {
        watcher.subscribe(Topic.stationContent(s).toString());
      }
      Page page = signedIn(chromium.laptop());
      page.navigate(hub.url("/admin/media/slides/new?item=mi-election").toString());
      assertThat(page.locator(".slide-frame img").count())
          .as("a frame per station size")
          .isEqualTo(5);
      assertThat(page.locator("select[name=itemId]").inputValue()).isEqualTo("mi-election");
      assertThat(page.locator("input[name=target][value=ALL]").isChecked()).isTrue();
      assertThat(page.locator("input[name=seconds]").inputValue()).isEqualTo("15");
      // Fitted whole: the portrait poster's picture keeps its proportions inside a landscape frame.
      Object fit =
          page.evaluate(
              "() => getComputedStyle(document.querySelector('.slide-frame img')).objectFit");
      assertThat(fit).isEqualTo("contain");
      assertThat(Axe.violations(page)).as("axe-core on the new slide's form").isEmpty();
      Chromium.screenshot(page, "media-slide-new-1366x768");

      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("放到屏幕上")).click();
      page.waitForURL(url -> url.contains("done=created"));
      String slideId = page.url().replaceAll(".*/slides/([^?]+).*", "$1");
      assertThat(page.locator("[role=status]").innerText()).contains("已放到屏幕上");
      Chromium.screenshot(page, "media-slide-created-1366x768");

      await()
          .until(
              () ->
                  stations.stream()
                      .allMatch(
                          s ->
                              watcher.receivedOn(Topic.stationContent(s).toString()).stream()
                                  .map(
                                      m ->
                                          ProtocolCodec.decode(m.payload(), StationContent.class)
                                              .mediaOrEmpty()
                                              .slides()
                                              .stream()
                                              .map(MediaSlide::id)
                                              .toList())
                                  .anyMatch(ids -> ids.contains(slideId))));

      page.navigate(hub.url("/admin/media/slides").toString());
      assertThat(page.locator(".media-slide-card h2").allInnerTexts())
          .anySatisfy(t -> assertThat(t).contains("人大代表选举宣传海报"));
      assertThat(Axe.violations(page)).as("axe-core on the list").isEmpty();
      Chromium.screenshot(page, "media-slides-1366x768");

      Page phone = signedIn(chromium.phone());
      for (String path : List.of("/admin/media/slides", "/admin/media/slides/" + slideId)) {
        phone.navigate(hub.url(path).toString());
        assertThat(Axe.violations(phone)).as("axe-core on the phone at " + path).isEmpty();
        Object widths =
            phone.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        assertThat(((List<?>) widths).get(0))
            .as("no sideways scrolling on the phone at " + path)
            .isEqualTo(((List<?>) widths).get(1));
      }
      Chromium.screenshot(phone, "media-slide-390x844");
      phone.navigate(hub.url("/admin/media/slides").toString());
      Chromium.screenshot(phone, "media-slides-390x844");
    }
  }
}
