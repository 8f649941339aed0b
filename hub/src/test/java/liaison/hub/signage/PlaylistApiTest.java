package liaison.hub.signage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.demo.DemoCounty;
import liaison.hub.publish.ContentPublisher;
import liaison.hub.publish.PublicationRepository;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.Playlist;
import liaison.signage.protocol.Playlist.Daypart;
import liaison.signage.protocol.Playlist.Entry;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A station's signage playlist set on the hub through the API and the admin's form, and carried to
 * the station in its retained snapshot through the real embedded broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaylistApiTest {
  private static final String PASSWORD = DemoCounty.PASSWORD;
  private static final String MORNING =
      """
      {"entries": [{"board": "TODAY", "seconds": 20}, {"board": "NOTICES", "seconds": 12}],
       "dayparts": [{"from": "07:30", "until": "09:00",
                     "entries": [{"board": "WEEK", "seconds": 10}, {"board": "TODAY", "seconds": "10"}]}]}
      """;

  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private TestClient station;
  private StaffClient manager;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    PublicationRepository publications = hub.bean(PublicationRepository.class);
    await()
        .until(
            () ->
                publications.current("s-001").isPresent()
                    && hub.bean(ContentPublisher.class).idle());
    // Plays the part of s-003's screen: it subscribes to its content topic as a station does.
    station = hub.station("s-003", "playlisttest");
    station.subscribe(Topic.stationContent("s-003").toString());
    manager = StaffClient.basic(hub, "chengguan", PASSWORD);
  }

  @AfterAll
  void stop() {
    station.close();
    hub.close();
  }

  private Optional<StationContent> lastSnapshot() {
    List<TestClient.Received> received =
        station.receivedOn(Topic.stationContent("s-003").toString());
    return received.isEmpty()
        ? Optional.empty()
        : Optional.of(ProtocolCodec.decode(received.getLast().payload(), StationContent.class));
  }

  @Test
  void shouldSetAPlaylistPublishItToTheStationAndGoBackToTheDefaults() throws Exception {
    // Given a station without a playlist: it plays the defaults and its snapshot carries none.
    JsonNode before =
        json.readTree(manager.api("GET", "/api/stations/s-003/playlist", null).body());
    assertThat(before.path("custom").asBoolean()).isFalse();
    assertThat(before.path("entries")).hasSize(Playlist.DEFAULT.entries().size());
    await().until(() -> lastSnapshot().isPresent());
    assertThat(lastSnapshot().orElseThrow().playlistIfAny()).isEmpty();

    // When its manager sets one with a morning daypart.
    HttpResponse<String> put = manager.api("PUT", "/api/stations/s-003/playlist", MORNING);

    // Then it is stored, audited and reaches the station in its next snapshot.
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode saved = json.readTree(put.body());
    assertThat(saved.path("custom").asBoolean()).isTrue();
    assertThat(saved.path("updatedBy").asText()).isEqualTo("林晓梅");
    assertThat(saved.path("dayparts").get(0).path("from").asText()).isEqualTo("07:30");
    assertThat(saved.path("dayparts").get(0).path("entries").get(1).path("seconds").asInt())
        .isEqualTo(10);
    Playlist expected =
        new Playlist(
            List.of(Entry.of(Board.TODAY, 20), Entry.of(Board.NOTICES, 12)),
            List.of(
                new Daypart(
                    LocalTime.of(7, 30),
                    LocalTime.of(9, 0),
                    List.of(Entry.of(Board.WEEK, 10), Entry.of(Board.TODAY, 10)))));
    assertThat(hub.bean(PlaylistRepository.class).find("s-003"))
        .map(PlaylistRepository.Stored::playlist)
        .contains(expected);
    await()
        .until(
            () ->
                lastSnapshot()
                    .flatMap(StationContent::playlistIfAny)
                    .equals(Optional.of(expected)));
    assertThat(lastSnapshot().orElseThrow().playlistToPlay().entriesAt(LocalTime.of(8, 0)))
        .containsExactly(Entry.of(Board.WEEK, 10), Entry.of(Board.TODAY, 10));
    assertThat(hub.bean(AuditLog.class).latest(20, "playlist"))
        .anySatisfy(
            e ->
                assertThat(e.summary())
                    .contains(
                        "默认 default → TODAY 20s, NOTICES 12s; 07:30—09:00: WEEK 10s, TODAY 10s"));

    // When the manager goes back to the defaults, the next snapshot carries no playlist again.
    HttpResponse<String> reset = manager.api("DELETE", "/api/stations/s-003/playlist", null);
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    assertThat(json.readTree(reset.body()).path("custom").asBoolean()).isFalse();
    await().until(() -> lastSnapshot().orElseThrow().playlistIfAny().isEmpty());
    assertThat(hub.bean(PlaylistRepository.class).find("s-003")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown board       | {"entries": [{"board": "CLOCK", "seconds": 10}]}                   | entries[0].board   | 播放列表中的版面“CLOCK”不存在；可用的版面：TODAY、WEEK、ROSTER、NOTICES、RESULTS、PLAN、STARS、MEDIA、LIVELIHOOD、LIVELIHOOD_PROGRESS
          zero seconds        | {"entries": [{"board": "TODAY", "seconds": 0}]}                    | entries[0].seconds | “今日接待”显示 0 秒不行：每个版面应显示 3 至 600 秒
          negative seconds    | {"entries": [{"board": "TODAY", "seconds": -5}]}                   | entries[0].seconds | “今日接待”显示 -5 秒不行：每个版面应显示 3 至 600 秒
          too long            | {"entries": [{"board": "TODAY", "seconds": 3600}]}                 | entries[0].seconds | “今日接待”显示 3600 秒不行：每个版面应显示 3 至 600 秒
          not a number        | {"entries": [{"board": "TODAY", "seconds": "twenty"}]}             | entries[0].seconds | 秒数应为整数，如 15（现为“twenty”）
          no boards           | {"entries": []}                                                    | entries            | 播放列表没有版面；请至少加入一个版面
          daypart no boards   | {"entries": [{"board": "TODAY", "seconds": 20}], "dayparts": [{"from": "07:30", "until": "09:00", "entries": []}]} | dayparts[0].entries | 时段 07:30—09:00 没有版面；请至少加入一个版面
          malformed time      | {"entries": [{"board": "TODAY", "seconds": 20}], "dayparts": [{"from": "7.30", "until": "09:00", "entries": [{"board": "WEEK", "seconds": 10}]}]} | dayparts[0].from | 时间格式应为 07:30（现为“7.30”）
          overlapping         | {"entries": [{"board": "TODAY", "seconds": 20}], "dayparts": [{"from": "22:00", "until": "08:00", "entries": [{"board": "WEEK", "seconds": 10}]}, {"from": "07:30", "until": "09:00", "entries": [{"board": "WEEK", "seconds": 10}]}]} | dayparts[1] | 时段 22:00—08:00 与 07:30—09:00 重叠；请调整其中一个，使时段互不重叠
          """)
  void shouldRefuseABadPlaylistWithTheReasonAndSaveNothing(
      String name, String body, String field, String message) throws Exception {
    long version = hub.bean(PublicationRepository.class).current("s-001").orElseThrow().version();
    String before = manager.api("GET", "/api/stations/s-001/playlist", null).body();

    HttpResponse<String> refused = manager.api("PUT", "/api/stations/s-001/playlist", body);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(refused)).containsEntry(field, message);
    JsonNode problem = json.readTree(refused.body());
    assertThat(problem.path("errors").get(0).path("messageEn").asText()).isNotBlank();
    assertThat(manager.api("GET", "/api/stations/s-001/playlist", null).body())
        .as("nothing saved")
        .isEqualTo(before);
    assertThat(hub.bean(PublicationRepository.class).current("s-001").orElseThrow().version())
        .isEqualTo(version);
  }

  @Test
  void shouldLetOnlyThoseWhoMayChangeTheStationSetItsPlaylist() {
    StaffClient otherManager = StaffClient.basic(hub, "baisha", PASSWORD);
    StaffClient deputy = StaffClient.basic(hub, "chenxl", PASSWORD);

    assertThat(otherManager.api("PUT", "/api/stations/s-001/playlist", MORNING).statusCode())
        .isEqualTo(403);
    assertThat(otherManager.api("GET", "/api/stations/s-001/playlist", null).statusCode())
        .isEqualTo(403);
    assertThat(deputy.api("GET", "/api/stations/s-001/playlist", null).statusCode())
        .as("a deputy's account reads their own schedule, not the station's screen settings")
        .isEqualTo(403);
    assertThat(deputy.api("PUT", "/api/stations/s-001/playlist", MORNING).statusCode())
        .isEqualTo(403);
    assertThat(deputy.api("DELETE", "/api/stations/s-001/playlist", null).statusCode())
        .isEqualTo(403);
    assertThat(manager.api("GET", "/api/stations/s-404/playlist", null).statusCode())
        .isEqualTo(404);
    assertThat(
            StaffClient.anonymous(hub)
                .api("GET", "/api/stations/s-001/playlist", null)
                .statusCode())
        .isEqualTo(401);
    assertThat(hub.get("/openapi/openapi.yml").body()).contains("/api/stations/{id}/playlist");
  }

  @Test
  void shouldKeepWhatWasTypedInTheFormBesideEachReasonAndSaveNothing() {
    StaffClient browser = StaffClient.loggedIn(hub, "chengguan", PASSWORD);
    String csrf = browser.csrf();
    var before = hub.bean(PlaylistRepository.class).find("s-001");
    assertThat(browser.get("/admin/stations").body()).contains("/admin/stations/s-001/playlist");

    // Adding a daypart only shows the form again, with what was typed.
    HttpResponse<String> added =
        browser.submit(
            "/admin/stations/s-001/playlist",
            csrf,
            List.of(
                Map.entry("dayparts", "0"),
                Map.entry("m.board", "TODAY"),
                Map.entry("m.seconds", "25"),
                Map.entry("action", "add-daypart")));
    assertThat(added.statusCode()).isEqualTo(200);
    assertThat(added.body()).contains("尚未保存", "name=\"d0.from\"", "value=\"25\"");

    HttpResponse<String> refused =
        browser.submit(
            "/admin/stations/s-001/playlist",
            csrf,
            List.of(
                Map.entry("dayparts", "2"),
                Map.entry("m.board", "TODAY"),
                Map.entry("m.seconds", "25"),
                Map.entry("d0.from", "07:30"),
                Map.entry("d0.until", "09:00"),
                Map.entry("d0.board", "WEEK"),
                Map.entry("d0.seconds", "10"),
                Map.entry("d1.from", "08:00"),
                Map.entry("d1.until", "10:00"),
                Map.entry("d1.board", "ROSTER"),
                Map.entry("d1.seconds", "0"),
                Map.entry("action", "save")));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("请改正下面标出的问题，本次没有保存。")
        .contains("“代表名录”显示 0 秒不行：每个版面应显示 3 至 600 秒")
        .doesNotContain("ROSTER 的")
        .contains("value=\"08:00\"", "value=\"25\"");
    assertThat(hub.bean(PlaylistRepository.class).find("s-001")).isEqualTo(before);
  }

  @Test
  void shouldShowTheEditorInEnglishWhenChosen() {
    StaffClient browser = StaffClient.loggedIn(hub, "chengguan", PASSWORD);
    browser.get("/lang/en?next=/admin");

    assertThat(browser.get("/admin/stations/s-001/playlist").body())
        .contains(
            "Signage playlist",
            "Set by 林晓梅",
            "Dayparts",
            "+ Add a daypart",
            "Use defaults",
            "Default playlist",
            ">Today<");
    assertThat(browser.get("/admin/stations/s-002/playlist").statusCode())
        .as("not one of chengguan's stations")
        .isEqualTo(403);
  }
}
