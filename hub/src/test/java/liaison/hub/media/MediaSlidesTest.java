package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import liaison.hub.CountedStatements;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.demo.DemoCounty;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.publish.SnapshotBuilder;
import liaison.hub.security.Role;
import liaison.hub.security.Staff;
import liaison.signage.protocol.MediaSlide;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.testkit.MediaSamples;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * Media slides over real HTTP on a hub with the demo county, on SQLite and on PostgreSQL: who may
 * put what where, the checks that refuse a slide whole, the order, the snapshots each station gets
 * (and no longer gets once a slide is deleted or its item retired), the volume, the proofs of
 * display and the media cache from real station messages through the broker.
 */
@OnBothStores
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaSlidesTest {
  @Parameter TestDatabases.Store store;

  private RunningHub hub;
  private StaffClient admin;
  private StaffClient manager;
  private StaffClient otherManager;
  private StaffClient deputy;
  private Database database;
  private MediaStore media;
  private final ObjectMapper json = new ObjectMapper();

  // Once per store: @BeforeAll would start one hub before the store is known, for both runs.
  @BeforeParameterizedClassInvocation
  void start(TestDatabases.Store store, @TempDir Path dir) {
    hub = RunningHub.start(dir, store, Map.of());
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD); // s-001, s-003
    otherManager = StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD); // s-002
    deputy = StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD);
    database = hub.bean(Database.class);
    media = hub.bean(MediaStore.class);
  }

  @AfterParameterizedClassInvocation
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  private String poster(String id, @org.jspecify.annotations.Nullable String stationId) {
    return MediaItems.image(database, media, id, stationId, "海报 " + id, 1200, 1600, Color.RED);
  }

  private JsonNode body(HttpResponse<String> answer, int status) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return answer.body().isEmpty() ? null : json.readTree(answer.body());
  }

  private String created(StaffClient who, String slide) throws Exception {
    return body(who.api("POST", "/api/media-slides", slide), 201).get("id").asText();
  }

  private static String slide(String item, String target, String more) {
    return "{\"itemId\":\"" + item + "\",\"target\":\"" + target + "\"" + more + "}";
  }

  private List<String> slidesAt(String stationId) {
    StationContent c =
        hub.bean(SnapshotBuilder.class).build(stationId, 1, OffsetDateTime.now()).orElseThrow();
    return c.mediaOrEmpty().slides().stream().map(MediaSlide::id).toList();
  }

  @Test
  void shouldReachExactlyTheStationsTargetedWithTheFilesAndDefaults() throws Exception {
    String county = created(admin, slide(poster("mi-county", null), "ALL", ""));
    String township =
        created(
            admin,
            slide(
                poster("mi-township", null),
                "TOWNSHIP",
                ",\"townshipId\":\"t-baisha\",\"dayparts\":[\"08:30-12:00\",\"14:30-17:30\"]"));
    String own =
        created(
            manager, slide(poster("mi-own", "s-003"), "STATIONS", ",\"stationIds\":[\"s-003\"]"));
    String video =
        created(
            manager,
            slide(
                MediaItems.video(
                    database,
                    media,
                    "mi-video",
                    null,
                    "宣传片",
                    MediaSamples.H264_VIDEO_ONLY.bytes(),
                    320,
                    180,
                    7_400),
                "STATIONS",
                ",\"stationIds\":[\"s-001\"]"));

    assertThat(slidesAt("s-001")).contains(county, video).doesNotContain(township, own);
    assertThat(slidesAt("s-002")).contains(county, township).doesNotContain(own, video);
    assertThat(slidesAt("s-003")).contains(county, own).doesNotContain(township, video);

    StationContent s2 =
        hub.bean(SnapshotBuilder.class).build("s-002", 1, OffsetDateTime.now()).orElseThrow();
    MediaSlide t =
        s2.mediaOrEmpty().slides().stream()
            .filter(s -> s.id().equals(township))
            .findFirst()
            .orElseThrow();
    assertThat(t.kind()).isEqualTo("IMAGE");
    assertThat(t.seconds()).as("an image's default").isEqualTo(SlideItem.IMAGE_SECONDS);
    assertThat(t.dayparts()).hasSize(2);
    assertThat(t.files())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.width()).isEqualTo(1200);
              assertThat(f.contentType()).isEqualTo("image/png");
              assertThat(hub.get(f.path()).statusCode())
                  .as("the station can fetch it")
                  .isEqualTo(200);
            });
    JsonNode v = body(manager.api("GET", "/api/media-slides/" + video, null), 200);
    assertThat(v.get("seconds").asInt()).as("a video's own length, rounded up").isEqualTo(8);
    assertThat(v.get("reaches")).extracting(JsonNode::asText).containsExactly("s-001");
    assertThat(v.get("createdBy").asText()).isEqualTo("林晓梅");
    // And a station reads back what the hub sends.
    assertThat(ProtocolCodec.decode(ProtocolCodec.encode(s2), StationContent.class).mediaOrEmpty())
        .isEqualTo(s2.mediaOrEmpty());
  }

  @Test
  void shouldRefuseAManagerBeyondTheirStationsAndKeepAStationsOwnItemAtHome() throws Exception {
    String item = poster("mi-refused", null);
    int before = body(admin.api("GET", "/api/media-slides", null), 200).size();

    HttpResponse<String> county = manager.api("POST", "/api/media-slides", slide(item, "ALL", ""));
    assertThat(county.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(county)).containsKey("target");
    HttpResponse<String> other =
        manager.api(
            "POST", "/api/media-slides", slide(item, "STATIONS", ",\"stationIds\":[\"s-002\"]"));
    assertThat(StaffClient.fieldErrors(other)).containsKey("stationIds");
    assertThat(other.body()).contains("不能向站点", "You may not write to station");
    // s-002's own poster: not in chengguan's libraries, and only ever on s-002's screen.
    String s2Own = poster("mi-s2-own", "s-002");
    assertThat(
            StaffClient.fieldErrors(
                manager.api(
                    "POST",
                    "/api/media-slides",
                    slide(s2Own, "STATIONS", ",\"stationIds\":[\"s-001\"]"))))
        .containsKey("itemId");
    HttpResponse<String> wide = admin.api("POST", "/api/media-slides", slide(s2Own, "ALL", ""));
    assertThat(StaffClient.fieldErrors(wide)).containsKey("target");
    assertThat(wide.body()).contains("只能放到该站点的屏幕上", "may only go on that station's screens");
    assertThat(deputy.api("POST", "/api/media-slides", slide(item, "ALL", "")).statusCode())
        .isEqualTo(403);

    // A manager's slide for their own station: the other station's manager neither sees nor
    // changes it.
    String mine = created(manager, slide(item, "STATIONS", ",\"stationIds\":[\"s-001\"]"));
    assertThat(otherManager.api("GET", "/api/media-slides/" + mine, null).statusCode())
        .isEqualTo(403);
    assertThat(otherManager.api("DELETE", "/api/media-slides/" + mine, null).statusCode())
        .isEqualTo(403);
    // A county-wide slide: the manager sees it but may not change it.
    String wideOne = created(admin, slide(item, "ALL", ""));
    assertThat(manager.api("GET", "/api/media-slides/" + wideOne, null).statusCode())
        .isEqualTo(200);
    assertThat(
            manager
                .api(
                    "PUT",
                    "/api/media-slides/" + wideOne,
                    slide(item, "STATIONS", ",\"stationIds\":[\"s-001\"]"))
                .statusCode())
        .isEqualTo(403);
    assertThat(body(admin.api("GET", "/api/media-slides", null), 200).size())
        .as("only the two allowed slides were saved")
        .isEqualTo(before + 2);
  }

  @Test
  void shouldRefuseBoundsWholeWithAReasonPerField() throws Exception {
    String item = poster("mi-bounds", null);
    int before = body(admin.api("GET", "/api/media-slides", null), 200).size();
    HttpResponse<String> refused =
        admin.api(
            "POST",
            "/api/media-slides",
            slide(
                item,
                "ALL",
                ",\"seconds\":2,\"validFrom\":\""
                    + LocalDate.now().plusDays(3)
                    + "T09:00\",\"validUntil\":\""
                    + LocalDate.now().plusDays(2)
                    + "T09:00\",\"dayparts\":[\"25:00-26:00\"]"));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(refused)).containsKeys("seconds", "validUntil", "dayparts");
    assertThat(refused.body()).contains("3 到 3600", "from 3 to 3600", "停止时间须晚于开始时间");
    HttpResponse<String> tooLong =
        admin.api(
            "POST",
            "/api/media-slides",
            slide(
                item,
                "ALL",
                ",\"seconds\":3601,\"dayparts\":[\"08:00-09:00\",\"09:00-10:00\",\"10:00-11:00\",\"11:00-12:00\",\"13:00-14:00\"]"));
    assertThat(StaffClient.fieldErrors(tooLong)).containsKeys("seconds", "dayparts");
    HttpResponse<String> noItem =
        admin.api("POST", "/api/media-slides", slide("mi-none", "ALL", ""));
    assertThat(StaffClient.fieldErrors(noItem)).containsKey("itemId");
    assertThat(body(admin.api("GET", "/api/media-slides", null), 200).size())
        .as("nothing saved")
        .isEqualTo(before);
  }

  @Test
  void shouldPlayInTheOrderSetAndMoveOnePlaceAtATime() throws Exception {
    String a =
        created(
            admin, slide(poster("mi-order-a", null), "STATIONS", ",\"stationIds\":[\"s-002\"]"));
    String b =
        created(
            admin, slide(poster("mi-order-b", null), "STATIONS", ",\"stationIds\":[\"s-002\"]"));
    String c =
        created(
            admin, slide(poster("mi-order-c", null), "STATIONS", ",\"stationIds\":[\"s-002\"]"));
    assertThat(slidesAt("s-002")).containsSubsequence(a, b, c);

    body(admin.api("POST", "/api/media-slides/" + c + "/move", "{\"direction\":\"up\"}"), 204);
    assertThat(slidesAt("s-002")).containsSubsequence(a, c, b);
    body(admin.api("POST", "/api/media-slides/" + a + "/move", "{\"direction\":\"down\"}"), 204);
    assertThat(slidesAt("s-002")).containsSubsequence(c, a, b);
    assertThat(
            StaffClient.fieldErrors(
                admin.api("POST", "/api/media-slides/" + a + "/move", "{\"direction\":\"left\"}")))
        .containsKey("direction");
    // The API's list is the same order.
    List<String> listed = new ArrayList<>();
    body(admin.api("GET", "/api/media-slides", null), 200)
        .forEach(s -> listed.add(s.get("id").asText()));
    assertThat(listed).containsSubsequence(c, a, b);
  }

  @Test
  void shouldListEverySlideInOrderWithTheSameQueriesHoweverManyThereAre() throws Exception {
    MediaSlides service = hub.bean(MediaSlides.class);
    Staff countyAdmin = staffNamed("admin");
    Staff chengguan = staffNamed("chengguan");
    created(admin, slide(poster("mi-list-a", null), "ALL", ""));
    int queriesBefore = queries(() -> service.listed(countyAdmin));
    int managersBefore = queries(() -> service.listed(chengguan));
    int listBefore = queries(() -> service.list(chengguan));

    String township = stationTownship("s-001");
    String b =
        created(
            admin,
            slide(poster("mi-list-b", null), "TOWNSHIP", ",\"townshipId\":\"" + township + "\""));
    String c =
        created(
            manager,
            slide(poster("mi-list-c", "s-003"), "STATIONS", ",\"stationIds\":[\"s-003\"]"));
    String d =
        created(admin, slide(poster("mi-list-d", null), "STATIONS", ",\"stationIds\":[\"s-002\"]"));
    MediaSlideRepository repository = hub.bean(MediaSlideRepository.class);
    OffsetDateTime shown = OffsetDateTime.now().minusHours(1);
    database.useTransaction(
        h -> {
          for (String station : List.of("s-001", "s-002", "s-003")) {
            h.execute(
                "INSERT INTO station_event (station_id, event_id, type, occurred_at, body,"
                    + " received_at) VALUES (?, ?, 'media.displayed', ?, '{}', ?)",
                station,
                "e-list-" + station.substring(2),
                Sql.instant(shown),
                Sql.instant(shown));
          }
          repository.insertProofs(
              h,
              List.of(
                  new MediaSlideRepository.Shown("s-001", "e-list-001", b, shown, shown, 5),
                  new MediaSlideRepository.Shown("s-002", "e-list-002", d, shown, shown, 5),
                  new MediaSlideRepository.Shown("s-003", "e-list-003", c, shown, shown, 5)));
        });

    assertThat(queries(() -> service.listed(countyAdmin)))
        .as("three slides more, with proofs: not a query more")
        .isEqualTo(queriesBefore);
    assertThat(queries(() -> service.listed(chengguan))).isEqualTo(managersBefore);
    assertThat(queries(() -> service.list(chengguan))).isEqualTo(listBefore);

    // Complete and in order, each with what the one-by-one answers say.
    List<MediaSlides.Listed> listed = service.listed(countyAdmin);
    List<String> ids = listed.stream().map(l -> l.slide().id()).toList();
    assertThat(ids).containsSubsequence(b, c, d);
    assertThat(ids)
        .containsExactlyElementsOf(
            service.list(countyAdmin).stream().map(ScheduledSlide::id).toList());
    assertThat(listed.stream().map(l -> l.slide().position()).toList()).isSorted();
    for (MediaSlides.Listed l : listed) {
      assertThat(l.reached()).as(l.slide().id()).isEqualTo(service.reached(l.slide()));
      assertThat(l.canEdit()).as(l.slide().id()).isEqualTo(service.canEdit(countyAdmin, l.slide()));
      assertThat(l.stationsProved())
          .as(l.slide().id())
          .isEqualTo(service.proofs(countyAdmin, l.slide().id()).size());
    }
    assertThat(listed.stream().filter(l -> l.slide().id().equals(c)).findFirst().orElseThrow())
        .satisfies(
            l -> {
              assertThat(l.reached()).containsExactly("s-003");
              assertThat(l.stationsProved()).isEqualTo(1);
            });
    // The manager of s-001 and s-003 sees the township's slide and their own, not s-002's.
    List<MediaSlides.Listed> theirs = service.listed(chengguan);
    assertThat(theirs.stream().map(l -> l.slide().id()).toList()).contains(b, c).doesNotContain(d);
    for (MediaSlides.Listed l : theirs) {
      assertThat(l.canEdit()).as(l.slide().id()).isEqualTo(service.canEdit(chengguan, l.slide()));
      assertThat(l.stationsProved())
          .as(l.slide().id())
          .isEqualTo(service.proofs(chengguan, l.slide().id()).size());
    }
  }

  /** The account as the hub signs it in, read from its row. */
  private Staff staffNamed(String username) {
    return database.withHandle(
        h -> {
          var row =
              h.createQuery(
                      "SELECT id, display_name, role, county_id FROM staff_account WHERE username = :u")
                  .bind("u", username)
                  .mapToMap()
                  .one();
          List<String> stations =
              h.createQuery(
                      "SELECT station_id FROM staff_station WHERE account_id = :id ORDER BY station_id")
                  .bind("id", row.get("id"))
                  .mapTo(String.class)
                  .list();
          return new Staff(
              (String) row.get("id"),
              username,
              (String) row.get("display_name"),
              Role.valueOf((String) row.get("role")),
              (String) row.get("county_id"),
              null,
              Set.copyOf(stations));
        });
  }

  private String stationTownship(String stationId) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT township_id FROM station WHERE id = :id")
                .bind("id", stationId)
                .mapTo(String.class)
                .one());
  }

  /** How many SQL statements this thread runs while doing {@code work}. */
  private int queries(Runnable work) {
    try (CountedStatements counted = CountedStatements.ofThisThread(database)) {
      work.run();
      return (int) counted.count();
    }
  }

  @Test
  void shouldDropADeletedSlideAndARetiredItemsFromThePublishedSnapshots() throws Exception {
    String item = poster("mi-gone", null);
    String deleted = created(admin, slide(item, "STATIONS", ",\"stationIds\":[\"s-003\"]"));
    String retired =
        created(
            admin, slide(poster("mi-retired", null), "STATIONS", ",\"stationIds\":[\"s-003\"]"));
    await().until(() -> published("s-003").containsAll(List.of(deleted, retired)));

    body(admin.api("DELETE", "/api/media-slides/" + deleted, null), 204);
    await().until(() -> !published("s-003").contains(deleted));
    assertThat(admin.api("GET", "/api/media-slides/" + deleted, null).statusCode()).isEqualTo(404);

    MediaItems.retire(database, "mi-retired");
    hub.bean(io.micronaut.context.event.ApplicationEventPublisher.class)
        .publishEvent(
            new liaison.hub.station.StationsChanged(
                hub.bean(MediaSlides.class).stationsShowing("mi-retired")));
    await().until(() -> !published("s-003").contains(retired));
  }

  /** The media slides of the snapshot last published to the station. */
  private List<String> published(String stationId) {
    return hub.bean(PublicationRepository.class)
        .current(stationId)
        .map(
            p ->
                ProtocolCodec.decode(
                        p.payload().getBytes(StandardCharsets.UTF_8), StationContent.class)
                    .mediaOrEmpty()
                    .slides()
                    .stream()
                    .map(MediaSlide::id)
                    .toList())
        .orElse(List.of());
  }

  @Test
  void shouldLeaveASnapshotWithoutMediaAsItWas() throws Exception {
    for (JsonNode s : body(admin.api("GET", "/api/media-slides", null), 200)) {
      body(admin.api("DELETE", "/api/media-slides/" + s.get("id").asText(), null), 204);
    }
    StationContent none =
        hub.bean(SnapshotBuilder.class).build("s-002", 1, OffsetDateTime.now()).orElseThrow();
    assertThat(none.media()).as("no slide and silent: no media field").isNull();
    assertThat(new String(ProtocolCodec.encode(none), StandardCharsets.UTF_8))
        .doesNotContain("\"media\"");
  }

  @Test
  void shouldCarryTheStationsVolume() throws Exception {
    assertThat(
            body(manager.api("PUT", "/api/stations/s-001/media-volume", "{\"volume\":40}"), 200)
                .get("volume")
                .asInt())
        .isEqualTo(40);
    assertThat(
            hub.bean(SnapshotBuilder.class)
                .build("s-001", 1, OffsetDateTime.now())
                .orElseThrow()
                .mediaOrEmpty()
                .volume())
        .isEqualTo(40);
    assertThat(
            StaffClient.fieldErrors(
                manager.api("PUT", "/api/stations/s-001/media-volume", "{\"volume\":101}")))
        .containsKey("volume");
    assertThat(
            otherManager
                .api("PUT", "/api/stations/s-001/media-volume", "{\"volume\":10}")
                .statusCode())
        .isEqualTo(403);
    assertThat(body(admin.api("GET", "/api/stations/s-001/media", null), 200).get("volume").asInt())
        .isEqualTo(40);
  }

  @Test
  void shouldTakeProofsOfDisplayOnceAndRefuseABodyWithoutStoringIt() throws Exception {
    String id =
        created(admin, slide(poster("mi-proof", null), "STATIONS", ",\"stationIds\":[\"s-002\"]"));
    OffsetDateTime from = OffsetDateTime.now().minusMinutes(5).withNano(0);
    StationEvent shown =
        new StationEvent(
            UUID.randomUUID(),
            MediaDisplayIngest.EVENT_TYPE,
            from.plusSeconds(15),
            Map.of(
                "slideId",
                id,
                "from",
                from.toString(),
                "until",
                from.plusSeconds(15).toString(),
                "seconds",
                15));
    StationEvent refused =
        new StationEvent(
            UUID.randomUUID(),
            MediaDisplayIngest.EVENT_TYPE,
            from,
            Map.of("slideId", id, "from", from.toString(), "seconds", 15));
    StationEvent unknown =
        new StationEvent(
            UUID.randomUUID(),
            MediaDisplayIngest.EVENT_TYPE,
            from,
            Map.of(
                "slideId",
                "ms-none",
                "from",
                from.toString(),
                "until",
                from.plusSeconds(15).toString(),
                "seconds",
                15));
    // The same body from a station the slide is not aimed at: not its to prove.
    StationEvent elsewhere =
        new StationEvent(
            UUID.randomUUID(), MediaDisplayIngest.EVENT_TYPE, shown.at(), shown.body());
    try (TestClient s1 = hub.station("s-001", "proofselsewhere")) {
      s1.publish(Topic.stationEvent("s-001").toString(), ProtocolCodec.encode(elsewhere), false);
    }
    try (TestClient s2 = hub.station("s-002", "proofs")) {
      for (StationEvent e : List.of(shown, refused, unknown, shown)) {
        s2.publish(Topic.stationEvent("s-002").toString(), ProtocolCodec.encode(e), false);
      }
    }
    await()
        .until(
            () ->
                body(admin.api("GET", "/api/media-slides/" + id + "/proofs", null), 200).size()
                    == 1);
    JsonNode proof =
        body(admin.api("GET", "/api/media-slides/" + id + "/proofs", null), 200).get(0);
    assertThat(proof.get("stationId").asText()).isEqualTo("s-002");
    assertThat(proof.get("times").asInt()).as("the replay added nothing").isEqualTo(1);
    assertThat(proof.get("seconds").asLong()).isEqualTo(15);
    int stored =
        database.withHandle(
            h ->
                h.createQuery("SELECT COUNT(*) FROM station_event WHERE event_id IN (<ids>)")
                    .bindList(
                        "ids",
                        List.of(
                            refused.id().toString(),
                            unknown.id().toString(),
                            elsewhere.id().toString()))
                    .mapTo(Integer.class)
                    .one());
    assertThat(stored).as("a refused event is not stored at all").isZero();
    // The slide's page shows the proof.
    assertThat(
            StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD)
                .get("/admin/media/slides/" + id)
                .body())
        .contains("白沙镇桃源村人大代表工作站", "15秒");

    // Taken off the screens: it ends and leaves the snapshot, and what was shown stays proved.
    await().until(() -> published("s-002").contains(id));
    body(admin.api("DELETE", "/api/media-slides/" + id, null), 204);
    await().until(() -> !published("s-002").contains(id));
    assertThat(
            body(admin.api("GET", "/api/media-slides/" + id, null), 200)
                .path("validUntil")
                .isTextual())
        .as("ended, not deleted")
        .isTrue();
    assertThat(body(admin.api("GET", "/api/media-slides/" + id + "/proofs", null), 200))
        .singleElement()
        .satisfies(p -> assertThat(p.get("times").asInt()).isEqualTo(1));
  }

  @Test
  void shouldShowEachStationsMediaCacheFromItsHeartbeatOnTheFleetPage() throws Exception {
    try (TestClient s3 = hub.station("s-003", "cache")) {
      s3.publish(
          Topic.stationState("s-003").toString(),
          ProtocolCodec.encode(
              new StationState(
                  StationState.Presence.ONLINE,
                  "cache",
                  "0.1.0",
                  1,
                  StationState.Screen.ON,
                  OffsetDateTime.now(),
                  new StationState.Telemetry(
                      600,
                      47.0,
                      20_000_000_000L,
                      50_000_000L,
                      200_000_000L,
                      new StationState.MediaCache(1_200_000_000L, 4_000_000_000L, 9, 2, 1)))),
          true);
    }
    await()
        .until(
            () ->
                body(admin.api("GET", "/api/stations/s-003/media", null), 200)
                    .get("cache")
                    .isObject());
    JsonNode cache = body(admin.api("GET", "/api/stations/s-003/media", null), 200).get("cache");
    assertThat(cache.get("ready").asInt()).isEqualTo(9);
    assertThat(cache.get("limitBytes").asLong()).isEqualTo(4_000_000_000L);
    String page =
        StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD).get("/admin/fleet").body();
    assertThat(page).contains("9/12 就绪 · 1.2 GB / 4.0 GB", "下载中 2", "下载失败 1 个");
  }
}
