package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import liaison.hub.notice.DisplayProofs;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.Playlist.Daypart;
import liaison.signage.protocol.Playlist.Entry;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A station manager on a phone sets a signage playlist and reads a notice's proof of display. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignageBrowserTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private RunningHub hub;
  private Chromium chromium;
  private TestClient station;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    chromium = Chromium.launch();
    station = hub.station("s-003", "signagebrowser");
    station.subscribe(Topic.stationContent("s-003").toString());
  }

  @AfterAll
  void stop() {
    station.close();
    chromium.close();
    hub.close();
  }

  private Optional<Playlist> publishedPlaylist() {
    List<TestClient.Received> received =
        station.receivedOn(Topic.stationContent("s-003").toString());
    return received.isEmpty()
        ? Optional.empty()
        : ProtocolCodec.decode(received.getLast().payload(), StationContent.class).playlistIfAny();
  }

  private Page loggedIn(String user) {
    Page page = chromium.phone();
    page.navigate(hub.url("/login").toString());
    page.getByLabel("用户名").fill(user);
    page.getByLabel("密码").fill(DemoCounty.PASSWORD);
    page.getByLabel("密码").press("Enter");
    page.waitForURL("**/admin");
    return page;
  }

  @Test
  void shouldAddAMorningDaypartSaveItAndShowTheReasonForAnOverlappingOne() {
    Page page = loggedIn("chengguan");
    page.navigate(hub.url("/admin/stations").toString());
    page.locator("tr#s-003").getByText("播放列表").click();

    // No playlist yet: the screen plays the defaults, shown as the rows to start from.
    assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("信息屏播放列表")))
        .isVisible();
    assertThat(page.getByText("本站尚未设置播放列表")).isVisible();
    assertThat(page.locator("#main li.entry")).hasCount(Playlist.DEFAULT.entries().size());
    assertThat(page.locator("#main li.entry select").first()).hasValue("TODAY");
    Chromium.screenshot(page, "playlist-defaults-phone");

    // Add a daypart "before opening: the schedule more often", with two boards.
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("＋ 添加时段")).click();
    assertThat(page.getByText("尚未保存：改好后请按“保存”。")).isVisible();
    Locator morning = page.locator("#daypart-0");
    morning.locator("input[name='d0.from']").fill("07:30");
    morning.locator("input[name='d0.until']").fill("09:00");
    morning.locator("#d0-0 select").selectOption("WEEK");
    morning.locator("#d0-0 input").fill("10");
    morning.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("＋ 添加版面")).click();
    morning = page.locator("#daypart-0");
    assertThat(morning.locator("input[name='d0.from']")).hasValue("07:30");
    morning.locator("#d0-1 select").selectOption("TODAY");
    morning.locator("#d0-1 input").fill("10");
    // The main list's last board goes first.
    page.locator("#main")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("上移第 5 项"))
        .click();
    page.locator("#main")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("上移第 4 项"))
        .click();
    page.locator("#main")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("上移第 3 项"))
        .click();
    page.locator("#main")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("上移第 2 项"))
        .click();
    assertThat(page.locator("#m-0 select")).hasValue("RESULTS");
    Chromium.screenshot(page, "playlist-editing-phone");
    // Enter in a field saves (the form's default button), it does not move a row.
    page.locator("#d0-1 input").press("Enter");

    assertThat(page.getByText("已保存，屏幕将在几秒内更新。")).isVisible();
    assertThat(page.getByText("本站的播放列表由 林晓梅")).isVisible();
    assertThat(page.locator("#daypart-0 input[name='d0.from']")).hasValue("07:30");
    assertThat(page.locator("#daypart-0 li.entry")).hasCount(2);
    Daypart before =
        new Daypart(
            LocalTime.of(7, 30),
            LocalTime.of(9, 0),
            List.of(Entry.of(Board.WEEK, 10), Entry.of(Board.TODAY, 10)));
    await()
        .until(
            () ->
                publishedPlaylist()
                    .filter(
                        p ->
                            p.dayparts().equals(List.of(before))
                                && p.entries().getFirst().equals(Entry.of(Board.RESULTS, 10)))
                    .isPresent());
    Chromium.screenshot(page, "playlist-saved-phone");

    // A second daypart that overlaps the first is refused with the reason, and what was typed
    // stays.
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("＋ 添加时段")).click();
    Locator late = page.locator("#daypart-1");
    late.locator("input[name='d1.from']").fill("08:00");
    late.locator("input[name='d1.until']").fill("10:00");
    late.locator("#d1-0 select").selectOption("ROSTER");
    late.locator("#d1-0 input").fill("12");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存").setExact(true))
        .click();

    assertThat(page.getByText("请改正下面标出的问题，本次没有保存。")).isVisible();
    assertThat(page.locator("#daypart-1 .field-error"))
        .hasText("时段 07:30—09:00 与 08:00—10:00 重叠；请调整其中一个，使时段互不重叠");
    assertThat(page.locator("#daypart-1 input[name='d1.from']")).hasValue("08:00");
    assertThat(page.locator("#d1-0 input")).hasValue("12");
    fitsTheScreen(page);
    Chromium.screenshot(page, "playlist-overlap-phone");
    assertThat(publishedPlaylist().orElseThrow().dayparts()).containsExactly(before);

    // Back to the defaults: the station's next snapshot carries no playlist.
    page.navigate(hub.url("/admin/stations/s-003/playlist").toString());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("恢复默认")).click();
    assertThat(page.getByText("已恢复默认播放列表，屏幕将在几秒内更新。")).isVisible();
    await().until(() -> publishedPlaylist().isEmpty());
  }

  @Test
  void shouldReorderThePlaylistByDragAndDropAndByTheKeysWithoutAReload() {
    Page page = loggedIn("chengguan");
    page.navigate(hub.url("/admin/stations/s-001/playlist").toString());
    List<String> before = boards(page);
    assertThat(before).hasSize(Playlist.DEFAULT.entries().size());
    // A mark on this document: a reload would lose it.
    page.evaluate("() => { window.stillHere = true; }");

    // The last row dragged by its handle to the top.
    page.locator("#m-" + (before.size() - 1) + " .grip").dragTo(page.locator("#m-0 .grip"));
    assertThat(page.locator(".order-status")).hasText("已按新顺序保存，屏幕将在几秒内更新。");
    List<String> dragged = new java.util.ArrayList<>(before);
    dragged.addFirst(dragged.removeLast());
    assertThat(boards(page)).isEqualTo(dragged);
    // Renumbered: the buttons of the row now first act on the first place.
    assertThat(page.locator("#m-0 .moves button").first()).isDisabled();
    assertThat(page.locator("#m-0 .moves button").first()).hasAttribute("aria-label", "上移第 1 项");

    // The first row moved two places down with the arrow key on its handle.
    page.locator("#m-0 .grip").focus();
    page.keyboard().press("ArrowDown");
    assertThat(page.locator(".order-status")).hasText("已按新顺序保存，屏幕将在几秒内更新。");
    page.keyboard().press("ArrowDown");
    List<String> keyed = new java.util.ArrayList<>(dragged);
    keyed.add(2, keyed.removeFirst());
    assertThat(page.locator("#m-2 select")).hasValue(keyed.get(2));
    assertThat(page.locator(".order-status")).hasText("已按新顺序保存，屏幕将在几秒内更新。");
    assertThat(page.evaluate("() => window.stillHere === true")).isEqualTo(true);
    Chromium.screenshot(page, "playlist-reordered-phone");

    // Saved: the page read again shows the new order, and so does the station's snapshot.
    await().until(() -> boardsSaved(page).equals(keyed));
  }

  private static List<String> boards(Page page) {
    @SuppressWarnings("unchecked")
    List<String> values =
        (List<String>)
            page.evaluate(
                "() => [...document.querySelectorAll('#main li.entry select')].map(s => s.value)");
    return values;
  }

  private List<String> boardsSaved(Page page) {
    Page fresh = page.context().newPage();
    try {
      fresh.navigate(hub.url("/admin/stations/s-001/playlist").toString());
      return boards(fresh);
    } finally {
      fresh.close();
    }
  }

  @Test
  void shouldShowANoticesProofOfDisplayAsCardsOnAPhone() {
    OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
    try (TestClient s001 = hub.station("s-001", "signagebrowser")) {
      for (int i = 1; i <= 3; i++) {
        OffsetDateTime from = now.minusHours(i);
        Map<String, Object> body =
            Map.of(
                "noticeId",
                "n-0001",
                "from",
                from.toString(),
                "until",
                from.plusSeconds(15).toString(),
                "seconds",
                15,
                "board",
                "NOTICES",
                "kind",
                i == 3 ? "URGENT_INTERRUPT" : "LOOP");
        s001.publish(
            Topic.stationEvent("s-001").toString(),
            ProtocolCodec.encode(
                new StationEvent(
                    UUID.randomUUID(), "notice.displayed", from.plusSeconds(15), body)),
            false);
      }
    }
    DisplayProofs proofs = hub.bean(DisplayProofs.class);
    await()
        .until(() -> proofs.atStations("n-0001", List.of("s-001")).getFirst().total().times() == 3);

    Page page = loggedIn("chengguan");
    page.navigate(hub.url("/admin/notices/n-0001").toString());

    Locator section = page.locator("section.proofs");
    assertThat(section.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setName("展示记录")))
        .isVisible();
    Locator s001Row = section.locator("table.proofs tr[data-station='s-001']");
    assertThat(s001Row.locator("td.times")).hasText("3");
    assertThat(s001Row.locator("td.urgent")).hasText("1");
    assertThat(s001Row.locator("td.duration")).hasText("45秒");
    assertThat(section.locator("table.proofs tr[data-station='s-002']")).hasCount(0);
    fitsTheScreen(page);
    section.screenshot(
        new Locator.ScreenshotOptions()
            .setPath(Chromium.SCREENS.resolve("notice-proofs-phone.png")));
  }

  /** Nothing wider than the phone's screen: no sideways scrolling. */
  private static void fitsTheScreen(Page page) {
    @SuppressWarnings("unchecked")
    List<Number> width =
        (List<Number>)
            page.evaluate(
                "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
    assertThat(width.get(0).intValue())
        .as("page width on %s", page.url())
        .isLessThanOrEqualTo(width.get(1).intValue());
  }
}
