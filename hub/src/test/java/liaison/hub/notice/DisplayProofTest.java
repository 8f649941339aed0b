package liaison.hub.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.ingest.EventIngest;
import liaison.hub.ingest.StationEventRepository;
import liaison.hub.problem.BadInput;
import liaison.signage.player.LinkStatus;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.player.loop.DisplayProof;
import liaison.signage.player.loop.DisplayProofReporter;
import liaison.signage.player.loop.OnScreen;
import liaison.signage.player.loop.SignageLoop;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.NoticePriority;
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
import org.slf4j.LoggerFactory;

/**
 * Proof of display end to end: a real station runtime records {@code notice.displayed} events in
 * its SQLite outbox, they travel through the hub's real embedded broker, and the notice's page and
 * API count them per station; bad ones are refused, logged and leave nothing behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisplayProofTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String PASSWORD = DemoCounty.PASSWORD;

  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private StationRuntime station;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir.resolve("hub"));
    station =
        StationRuntime.open(
            StationConfig.of("s-001", hub.brokerUri(), dir.resolve("s-001"))
                .withLogin("s-001", hub.stationPassword("s-001")),
            Clock.system(SHANGHAI));
    station.start();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> station.presence().link().get().state() == LinkStatus.State.ONLINE);
  }

  @AfterAll
  void stop() {
    station.close();
    hub.close();
  }

  @Test
  void shouldCountEachDisplayTheStationReportedOnTheNoticesPageAndApi() throws Exception {
    OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
    OffsetDateTime twoDaysAgo = now.minusDays(2);
    // Given the county-wide notice was on s-001's screen twice in the loop and once as an
    // interrupt.
    shown("n-0001", twoDaysAgo, 15, DisplayProof.Kind.LOOP);
    shown("n-0001", now.minusMinutes(50), 15, DisplayProof.Kind.LOOP);
    shown("n-0001", now.minusMinutes(20), 3725, DisplayProof.Kind.URGENT_INTERRUPT);

    // When the outbox has delivered them, the hub counts each once.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> station.events().pending() == 0 && times("admin", "n-0001", "s-001") == 3);
    JsonNode s001 = proofOf(json.readTree(api("admin", "/api/notices/n-0001/proofs")), "s-001");
    assertThat(s001.path("seconds").asLong()).isEqualTo(15 + 15 + 3725);
    assertThat(s001.path("byKind").path("LOOP").path("times").asInt()).isEqualTo(2);
    assertThat(s001.path("byKind").path("URGENT_INTERRUPT").path("seconds").asLong())
        .isEqualTo(3725);
    assertThat(s001.path("byKind").path("EMERGENCY_HOLD").path("times").asInt()).isZero();
    assertThat(OffsetDateTime.parse(s001.path("first").asText())).isEqualTo(twoDaysAgo);
    assertThat(OffsetDateTime.parse(s001.path("last").asText()))
        .isEqualTo(now.minusMinutes(20).plusSeconds(3725));
    LocalDate today = now.toLocalDate();
    assertThat(s001.path("days")).hasSize(7);
    assertThat(s001.path("days").get(4).path("day").asText())
        .isEqualTo(today.minusDays(2).toString());
    assertThat(s001.path("days").get(4).path("times").asInt()).isEqualTo(1);

    // A replay of an event (its acknowledgement was lost) changes nothing.
    StationEvent again =
        new StationEvent(
            UUID.randomUUID(),
            DisplayProofReporter.EVENT_TYPE,
            now,
            body("n-0001", now.minusMinutes(5), 10, DisplayProof.Kind.EMERGENCY_HOLD));
    try (TestClient replaying = hub.station("s-001", "replaying")) {
      replaying.publish(Topic.stationEvent("s-001").toString(), ProtocolCodec.encode(again), false);
      replaying.publish(Topic.stationEvent("s-001").toString(), ProtocolCodec.encode(again), false);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> times("admin", "n-0001", "s-001") == 4);

    // The notice's page shows it per station, in Beijing time; the county admin sees every station.
    String page = StaffClient.loggedIn(hub, "admin", PASSWORD).get("/admin/notices/n-0001").body();
    assertThat(page).contains("展示记录", "轮播", "紧急插播", "特急锁屏", "近7天每日展示次数");
    assertThat(row(page, "s-001"))
        .contains("<td class=\"times\" data-label=\"展示次数\">4</td>")
        .contains("<td class=\"loop\" data-label=\"轮播\">2</td>")
        .contains("<td class=\"urgent\" data-label=\"紧急插播\">1</td>")
        .contains("<td class=\"emergency\" data-label=\"特急锁屏\">1</td>")
        .contains("1小时2分45秒")
        .contains(
            twoDaysAgo.format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    assertThat(page).contains("data-station=\"s-002\"", "data-station=\"s-003\"");
    StaffClient english = StaffClient.loggedIn(hub, "admin", PASSWORD);
    english.get("/lang/en?next=/admin");
    assertThat(english.get("/admin/notices/n-0001").body())
        .contains(
            "Proof of display",
            "Times shown",
            "Urgent",
            "1 h 2 min 45 s",
            "Times shown per day, last 7 days");

    // A station manager sees their own stations only; the CSV follows the same rule.
    JsonNode managed = json.readTree(api("baisha", "/api/notices/n-0001/proofs"));
    assertThat(managed).extracting(n -> n.path("stationId").asText()).containsExactly("s-002");
    String managerPage =
        StaffClient.loggedIn(hub, "baisha", PASSWORD).get("/admin/notices/n-0001").body();
    assertThat(managerPage).contains("尚无展示记录。").doesNotContain("data-station=\"s-001\"");
    String csv =
        new String(
            StaffClient.basic(hub, "admin", PASSWORD)
                .download("/api/notices/n-0001/proofs.csv")
                .body(),
            StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF日期,站点编号,站点,展示次数,展示秒数,轮播次数,紧急插播次数,特急锁屏次数");
    assertThat(csv).contains(today.minusDays(2) + ",s-001,城关镇人大代表之家,1,15,1,0,0");
    assertThat(hub.get("/openapi/openapi.yml").body()).contains("/api/notices/{id}/proofs");
  }

  @Test
  void shouldReceiveTheLivelihoodRoundsAndPlayTheirBoardInTheStationsLoop() {
    // The demo's rounds collect at s-001: the runtime stores the snapshot that carries them.
    StationContent content =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> station.feed().content().get(),
                c -> c.isPresent() && !c.get().livelihoodOrEmpty().rounds().isEmpty())
            .orElseThrow();
    assertThat(content.livelihoodOrEmpty().rounds())
        .extracting(StationContent.LivelihoodRound::level)
        .containsExactly("城关镇", "青溪县");
    assertThat(content.links().livelihood()).startsWith("https://hub.test/l/");

    // Its loop plays the demo's playlist (the defaults, and a morning daypart of the schedule) at
    // noon: the rounds' board comes round.
    Instant now = LocalDate.now(SHANGHAI).atTime(12, 0).atZone(SHANGHAI).toInstant();
    SignageLoop loop = new SignageLoop(content.playlistToPlay(), SHANGHAI, now);
    loop.content(Optional.of(content), now);
    List<Board> played = new java.util.ArrayList<>();
    for (int i = 0; i < 30; i++) {
      if (loop.screen() instanceof OnScreen.Slide slide) {
        played.add(slide.board());
        now = slide.until();
      } else {
        now = now.plusSeconds(15);
      }
      loop.tick(now);
    }
    assertThat(played).contains(Board.LIVELIHOOD);
    // The demo's county round of this year is decided: its elected projects' progress plays too.
    assertThat(content.livelihoodOrEmpty().projects()).isNotEmpty();
    assertThat(played).contains(Board.LIVELIHOOD_PROGRESS);
  }

  @Test
  void shouldRefuseAndLogABadProofAndStoreNothingOfIt() {
    OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
    hub.bean(liaison.hub.db.Database.class)
        .useHandle(
            h ->
                hub.bean(NoticeRepository.class)
                    .insert(
                        h,
                        new Notice(
                            "n-proof",
                            "本周六停电检修",
                            "本周六 8:00–12:00 停电检修，暂停接待。",
                            NoticePriority.NORMAL,
                            now.minusHours(1),
                            now.plusDays(2),
                            Notice.Target.STATIONS,
                            null,
                            List.of("s-001"),
                            "城关镇人大主席团",
                            "c-qingxi")));
    // Refusals are logged through BadInput: the first of a kind at once, the rest counted.
    Logger log = (Logger) LoggerFactory.getLogger(BadInput.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    log.addAppender(logged);
    long rejectedBefore = hub.bean(EventIngest.class).rejectedCount();
    long countedBefore = hub.bean(BadInput.class).count("mqtt.event", "body-refused");
    try {
      Map<String, Object> missingUntil =
          body("n-proof", now.minusMinutes(3), 15, DisplayProof.Kind.LOOP);
      missingUntil.remove("until");
      Map<String, Object> untilBeforeFrom =
          body("n-proof", now.minusMinutes(3), 15, DisplayProof.Kind.LOOP);
      untilBeforeFrom.put("until", now.minusMinutes(4).toString());
      Map<String, Object> wrongKind =
          body("n-proof", now.minusMinutes(3), 15, DisplayProof.Kind.LOOP);
      wrongKind.put("kind", "SCREENSAVER");
      List<Map<String, Object>> bad =
          List.of(
              body("n-unknown", now.minusMinutes(3), 15, DisplayProof.Kind.LOOP),
              missingUntil,
              untilBeforeFrom,
              body(
                  "n-proof",
                  now.minusDays(3),
                  (int) Duration.ofDays(2).toSeconds(),
                  DisplayProof.Kind.EMERGENCY_HOLD),
              wrongKind);

      // When the station sends them through its outbox with one good proof after them.
      List<UUID> refused =
          bad.stream()
              .map(b -> station.events().record(DisplayProofReporter.EVENT_TYPE, b).id())
              .toList();
      shown("n-proof", now.minusMinutes(2), 12, DisplayProof.Kind.LOOP);

      // Then each bad one is acknowledged (the outbox empties) but refused and logged, and only the
      // good one counts; none of the bad ones is even kept as an event.
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  station.events().pending() == 0
                      && hub.bean(EventIngest.class).rejectedCount() >= rejectedBefore + bad.size()
                      && times("admin", "n-proof", "s-001") == 1);
      assertThat(hub.bean(EventIngest.class).rejectedCount())
          .isEqualTo(rejectedBefore + bad.size());
      int kept =
          hub.bean(liaison.hub.db.Database.class)
              .withHandle(
                  h ->
                      h.createQuery("SELECT COUNT(*) FROM station_event WHERE event_id IN (<ids>)")
                          .bindList("ids", refused.stream().map(UUID::toString).toList())
                          .mapTo(Integer.class)
                          .one());
      assertThat(kept).isZero();
      assertThat(hub.bean(BadInput.class).count("mqtt.event", "body-refused"))
          .isEqualTo(countedBefore + bad.size());
      assertThat(logged.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .filteredOn(m -> m.contains("mqtt.event / body-refused"))
          .isNotEmpty()
          .allSatisfy(
              m -> assertThat(m).contains("station s-001").contains("notice.displayed event"));
      // What each refusal says (the log shows one of a kind a minute): the projection's own words.
      DisplayProofIngest projection = hub.bean(DisplayProofIngest.class);
      assertThat(bad)
          .map(b -> refusal(projection, b))
          .satisfiesExactly(
              m -> assertThat(m).contains("no notice 'n-unknown' on this hub"),
              m -> assertThat(m).contains("missing field 'until'"),
              m -> assertThat(m).contains("is before 'from'"),
              m -> assertThat(m).contains("is not plausible"),
              m ->
                  assertThat(m)
                      .contains(
                          "field 'kind' is SCREENSAVER; expected one of [LOOP, URGENT_INTERRUPT, EMERGENCY_HOLD]"));
    } finally {
      log.detachAppender(logged);
    }
  }

  @Test
  void shouldForgetTheProofsOfADeletedNoticeAndSkipOneDeletedWhileItsProofWasOnTheWay() {
    OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
    liaison.hub.db.Database jdbi = hub.bean(liaison.hub.db.Database.class);
    NoticeRepository notices = hub.bean(NoticeRepository.class);
    jdbi.useHandle(
        h ->
            notices.insert(
                h,
                new Notice(
                    "n-gone",
                    "临时通知",
                    "",
                    NoticePriority.NORMAL,
                    now.minusHours(1),
                    now.plusDays(1),
                    Notice.Target.STATIONS,
                    null,
                    List.of("s-001"),
                    "测试",
                    "c-qingxi")));
    shown("n-gone", now.minusMinutes(1), 20, DisplayProof.Kind.LOOP);
    await().atMost(Duration.ofSeconds(30)).until(() -> times("admin", "n-gone", "s-001") == 1);

    jdbi.useHandle(h -> notices.delete(h, "n-gone"));
    // A proof checked before the deletion and stored after it is skipped, and its event still
    // stored.
    UUID late = UUID.randomUUID();
    DisplayProofs proofs = hub.bean(DisplayProofs.class);
    hub.bean(StationEventRepository.class)
        .storeAll(
            List.of(
                new StationEventRepository.StoredEvent(
                    "s-001", late.toString(), DisplayProofIngest.EVENT_TYPE, now, "{}", now)),
            h ->
                proofs.insert(
                    h,
                    List.of(
                        new DisplayProofs.Shown(
                            "s-001",
                            late.toString(),
                            "n-gone",
                            DisplayProofs.Kind.LOOP,
                            "NOTICES",
                            now.minusSeconds(20),
                            now,
                            20))));

    int left =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM notice_display WHERE notice_id = 'n-gone'")
                    .mapTo(Integer.class)
                    .one());
    assertThat(left).isZero();
    int event =
        jdbi.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM station_event WHERE event_id = :id")
                    .bind("id", late.toString())
                    .mapTo(Integer.class)
                    .one());
    assertThat(event).isEqualTo(1);
  }

  /** Records a proof in the station's outbox exactly as its signage loop does. */
  private void shown(String noticeId, OffsetDateTime from, int seconds, DisplayProof.Kind kind) {
    station.events().record(DisplayProofReporter.EVENT_TYPE, body(noticeId, from, seconds, kind));
  }

  private static String refusal(DisplayProofIngest projection, Map<String, Object> body) {
    try {
      projection.read(
          "s-001",
          new StationEvent(
              UUID.randomUUID(), DisplayProofIngest.EVENT_TYPE, OffsetDateTime.now(), body));
      return "accepted";
    } catch (liaison.hub.ingest.EventProjection.RefusedEvent e) {
      return e.getMessage();
    }
  }

  private static Map<String, Object> body(
      String noticeId, OffsetDateTime from, int seconds, DisplayProof.Kind kind) {
    DisplayProof proof =
        new DisplayProof(
            noticeId, from.toInstant(), from.plusSeconds(seconds).toInstant(), Board.NOTICES, kind);
    return new LinkedHashMap<>(DisplayProofReporter.body(proof, SHANGHAI));
  }

  private int times(String user, String noticeId, String stationId) throws Exception {
    JsonNode proofs = json.readTree(api(user, "/api/notices/" + noticeId + "/proofs"));
    JsonNode one = proofOf(proofs, stationId);
    return one == null ? -1 : one.path("times").asInt();
  }

  private static JsonNode proofOf(JsonNode proofs, String stationId) {
    for (JsonNode p : proofs) {
      if (p.path("stationId").asText().equals(stationId)) {
        return p;
      }
    }
    return null;
  }

  private String api(String user, String path) {
    var answer = StaffClient.basic(hub, user, PASSWORD).api("GET", path, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return answer.body();
  }

  /** The proof table's row of one station. */
  private static String row(String page, String stationId) {
    Matcher m =
        Pattern.compile("<tr data-station=\"" + stationId + "\">(.*?)</tr>", Pattern.DOTALL)
            .matcher(page);
    assertThat(m.find()).as("a proof row for %s", stationId).isTrue();
    return m.group(1);
  }
}
