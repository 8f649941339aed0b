package liaison.hub.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import liaison.hub.RunningHub;
import liaison.hub.broker.BrokerClient;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.notice.Notice;
import liaison.hub.notice.NoticeRepository;
import liaison.hub.signage.PlaylistRepository;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.NoticePriority;
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

/**
 * A snapshot is built once, encoded once, and the bytes that were hashed and recorded are the bytes
 * the station receives; whether it changed is judged on what a station shows, not on bytes that
 * carry a version and a time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotOnceTest {
  private RunningHub hub;
  private TestClient watcher;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    watcher = hub.observer("snapshot-watcher");
    watcher.subscribe(Topic.allStations(Topic.Channel.CONTENT));
  }

  @AfterAll
  void stop() {
    watcher.close();
    hub.close();
  }

  @Test
  void shouldPublishExactlyTheBytesItRecordedAndHashed() {
    PublicationRepository publications = hub.bean(PublicationRepository.class);
    String topic = Topic.stationContent("s-001").toString();

    // Given the publication the hub recorded for s-001, when its retained message arrives
    await()
        .until(
            () -> {
              List<TestClient.Received> received = watcher.receivedOn(topic);
              return publications.current("s-001").isPresent()
                  && !received.isEmpty()
                  && Arrays.equals(
                      received.getLast().payload(),
                      publications
                          .current("s-001")
                          .orElseThrow()
                          .payload()
                          .getBytes(StandardCharsets.UTF_8));
            });

    // Then the hash on record is the SHA-256 of the very bytes on the wire
    byte[] onTheWire = watcher.receivedOn(topic).getLast().payload();
    Publication recorded = publications.current("s-001").orElseThrow();
    assertThat(recorded.contentHash()).isEqualTo(ContentPublisher.sha256(onTheWire));
    assertThat(ProtocolCodec.decode(onTheWire, StationContent.class).version())
        .isEqualTo(recorded.version());
  }

  @Test
  void shouldTakeADecodedSnapshotForTheSameContentAsTheOneBuilt() {
    // Given each demo station's snapshot as built, and the same read back from its bytes (what a
    // restarted hub compares the next snapshot with)
    SnapshotBuilder builder = hub.bean(SnapshotBuilder.class);
    for (String station : hub.bean(StationRepository.class).allIds()) {
      StationContent built =
          builder
              .build(station, 7, OffsetDateTime.parse("2026-03-02T09:30:00+08:00"))
              .orElseThrow();
      StationContent decoded =
          ProtocolCodec.decode(ProtocolCodec.encode(built), StationContent.class);

      // Then they are the same content, and differ from a rebuild with another version and time
      // only there
      StationContent later =
          builder
              .build(station, 8, OffsetDateTime.parse("2026-03-02T10:00:00+08:00"))
              .orElseThrow();
      assertThat(ContentPublisher.sameContent(decoded, built)).as(station).isTrue();
      assertThat(ContentPublisher.sameContent(decoded, later)).as(station).isTrue();
      assertThat(later).isNotEqualTo(built);
    }
  }

  @Test
  void shouldBuildEachStationOfAChunkAsItWouldBeBuiltAlone() {
    // Given the demo's cases' summaries published (the demo publishes none), and every demo station
    // built in one chunk (its deputies, handling figures and summaries read for the chunk at once,
    // grouped by station)
    hub.bean(Database.class)
        .useHandle(
            h ->
                h.execute(
                    """
                    INSERT INTO published_summary (case_id, station_id, text, published_at, published_by)
                    SELECT id, station_id, 'summary of ' || id, submitted_at, 'test' FROM opinion_case
                     WHERE station_id IS NOT NULL AND status <> 'MERGED'
                       AND id NOT IN (SELECT case_id FROM published_summary)
                    """));
    SnapshotBuilder builder = hub.bean(SnapshotBuilder.class);
    List<String> stations = hub.bean(StationRepository.class).allIds();
    // and two stations with playlists of their own (the demo sets none), one with dayparts
    Playlist plain = new Playlist(List.of(Entry.of(Board.TODAY, 20)), List.of());
    Playlist withDaypart =
        new Playlist(
            List.of(Entry.of(Board.TODAY, 20), Entry.of(Board.NOTICES, 12)),
            List.of(
                new Daypart(
                    LocalTime.of(7, 30), LocalTime.of(9, 0), List.of(Entry.of(Board.WEEK, 10)))));
    OffsetDateTime at = OffsetDateTime.parse("2026-03-02T09:30:00+08:00");
    hub.bean(Database.class)
        .useTransaction(
            h -> {
              hub.bean(PlaylistRepository.class).save(h, stations.get(0), plain, "test", at);
              hub.bean(PlaylistRepository.class)
                  .save(h, stations.get(stations.size() - 1), withDaypart, "test", at);
            });
    java.util.Map<String, StationContent> chunk = builder.buildAll(stations, at);

    // Then each is exactly the snapshot of that station built alone
    assertThat(chunk.keySet()).containsExactlyElementsOf(stations);
    for (String station : stations) {
      assertThat(chunk.get(station))
          .as(station)
          .isEqualTo(builder.build(station, 1, at).orElseThrow());
    }
    // And the demo gives the grouping something to get wrong: deputies at several stations, and
    // figures and summaries at several
    assertThat(chunk.values().stream().filter(c -> !c.deputies().isEmpty()).count())
        .isGreaterThan(1);
    assertThat(
            chunk.values().stream()
                .filter(c -> c.results() != null && c.results().received() > 0)
                .count())
        .isGreaterThan(1);
    assertThat(
            chunk.values().stream()
                .filter(
                    c ->
                        c.results() != null
                            && c.results().summaries() != null
                            && !c.results().summaries().isEmpty())
                .count())
        .isGreaterThan(1);
    // and the other parts read for the chunk at once, each at several stations
    assertThat(count(chunk, c -> !c.receptions().isEmpty())).as("receptions").isGreaterThan(1);
    assertThat(count(chunk, c -> c.plan() != null && !c.plan().isEmpty()))
        .as("plans")
        .isGreaterThan(1);
    assertThat(count(chunk, c -> c.duty() != null && !c.duty().reports().isEmpty()))
        .as("reports to voters")
        .isGreaterThan(1);
    assertThat(count(chunk, c -> c.media() != null && !c.media().slides().isEmpty()))
        .as("media slides")
        .isGreaterThan(1);
    assertThat(count(chunk, c -> c.livelihood() != null)).as("民生实事").isGreaterThan(1);
    assertThat(chunk.get(stations.get(0)).playlist()).isEqualTo(plain);
    assertThat(chunk.get(stations.get(stations.size() - 1)).playlist()).isEqualTo(withDaypart);
    assertThat(count(chunk, c -> c.playlist() != null)).as("playlists").isEqualTo(2);
  }

  private static long count(
      java.util.Map<String, StationContent> chunk,
      java.util.function.Predicate<StationContent> what) {
    return chunk.values().stream().filter(what).count();
  }

  @Test
  void shouldSeeSnapshotsWhoseNoticesDifferAsDifferentContent() {
    SnapshotBuilder builder = hub.bean(SnapshotBuilder.class);
    StationContent built =
        builder.build("s-001", 3, OffsetDateTime.parse("2026-03-02T09:30:00+08:00")).orElseThrow();
    StationContent withoutNotices = built.withNotices(List.of());

    assertThat(built.notices()).as("the demo's s-001 has notices").isNotEmpty();
    assertThat(ContentPublisher.sameContent(built, withoutNotices)).isFalse();
  }

  @Test
  void shouldBringEveryStationItsLastChangeInOrderWhenChangesOutrunTheBrokersAcknowledgements() {
    ContentPublisher publisher = hub.bean(ContentPublisher.class);
    NoticeRepository notices = hub.bean(NoticeRepository.class);
    Database database = hub.bean(Database.class);
    List<String> stations = hub.bean(StationRepository.class).allIds();
    await().until(publisher::idle);
    java.util.Map<String, Integer> before = new java.util.HashMap<>();
    stations.forEach(
        s -> before.put(s, watcher.receivedOn(Topic.stationContent(s).toString()).size()));

    // Given county-wide notices saved one after another, each marking every station dirty at once
    // (so a station is often marked again while its last snapshot still awaits the broker's PUBACK)
    int burst = 12;
    for (int i = 0; i < burst; i++) {
      countyNotice("n-burst-" + i, "burst-" + i);
      publisher.stationsChanged(stations);
    }

    // When the publisher has caught up, every station's last message carries the last notice
    String last = "burst-" + (burst - 1);
    try {
      await()
          .until(
              () ->
                  publisher.idle()
                      && stations.stream()
                          .allMatch(
                              s -> {
                                List<TestClient.Received> got =
                                    watcher.receivedOn(Topic.stationContent(s).toString());
                                return !got.isEmpty()
                                    && new String(got.getLast().payload(), StandardCharsets.UTF_8)
                                        .contains(last);
                              }));

      // Then each station received its versions in strictly increasing order, and the last one is
      // the version the hub recorded
      PublicationRepository publications = hub.bean(PublicationRepository.class);
      for (String station : stations) {
        List<TestClient.Received> got =
            watcher.receivedOn(Topic.stationContent(station).toString());
        List<Long> versions =
            got.subList(before.get(station), got.size()).stream()
                .map(r -> ProtocolCodec.decode(r.payload(), StationContent.class).version())
                .toList();
        assertThat(versions).as(station).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
        assertThat(versions.getLast())
            .as(station)
            .isEqualTo(publications.current(station).orElseThrow().version());
      }
    } finally {
      for (int i = 0; i < burst; i++) {
        String id = "n-burst-" + i;
        database.useHandle(h -> notices.delete(h, id));
      }
      publisher.stationsChanged(stations);
    }
  }

  @Test
  void shouldRebuildAStationMarkedWhileItsPublishAwaitsThePubackOnlyOnceThePubackComes() {
    ContentPublisher publisher = hub.bean(ContentPublisher.class);
    PublicationRepository publications = hub.bean(PublicationRepository.class);
    BrokerClient broker = hub.bean(BrokerClient.class);
    List<String> stations = hub.bean(StationRepository.class).allIds();
    String held = "s-001";
    String other = stations.stream().filter(s -> !s.equals(held)).findFirst().orElseThrow();
    String heldTopic = Topic.stationContent(held).toString();
    await().until(publisher::idle);
    int before = watcher.receivedOn(heldTopic).size();
    CompletableFuture<Void> puback = new CompletableFuture<>();
    broker.holdAcknowledgements(
        topic -> topic.equals(heldTopic) ? puback : CompletableFuture.completedFuture(null));
    try {
      // Given a county-wide notice published to every station, s-001's PUBACK held back
      countyNotice("n-held-1", "held-1");
      publisher.stationsChanged(stations);
      await().until(() -> lastReceived(heldTopic).contains("held-1") && recorded(other, "held-1"));
      long first = publications.current(held).orElseThrow().version();
      assertThat(publisher.idle()).as("s-001's publish awaits its PUBACK").isFalse();

      // When a second notice marks every station again while that publish is in flight
      countyNotice("n-held-2", "held-2");
      publisher.stationsChanged(stations);

      // Then the others get it, but s-001 gets no new version while its publish is in flight
      await().until(() -> recorded(other, "held-2"));
      assertThat(publications.current(held).orElseThrow().version()).isEqualTo(first);
      assertThat(publisher.idle()).isFalse();

      // When its PUBACK comes, it is rebuilt with the second notice and receives that last, in
      // strictly increasing versions
      puback.complete(null);
      await().until(() -> publisher.idle() && lastReceived(heldTopic).contains("held-2"));
      List<TestClient.Received> got = watcher.receivedOn(heldTopic);
      List<Long> versions =
          got.subList(before, got.size()).stream()
              .map(r -> ProtocolCodec.decode(r.payload(), StationContent.class).version())
              .toList();
      assertThat(versions).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
      assertThat(versions.getLast())
          .isGreaterThan(first)
          .isEqualTo(publications.current(held).orElseThrow().version());
    } finally {
      broker.holdAcknowledgements(topic -> CompletableFuture.completedFuture(null));
      puback.complete(null);
      NoticeRepository notices = hub.bean(NoticeRepository.class);
      Database database = hub.bean(Database.class);
      database.useHandle(h -> notices.delete(h, "n-held-1"));
      database.useHandle(h -> notices.delete(h, "n-held-2"));
      publisher.stationsChanged(stations);
    }
  }

  @Test
  void shouldReadAChangeOfNoticesAloneIntoTheHeldSnapshotsAsAFullRebuildWouldBuildThem() {
    ContentPublisher publisher = hub.bean(ContentPublisher.class);
    SnapshotBuilder builder = hub.bean(SnapshotBuilder.class);
    PublicationRepository publications = hub.bean(PublicationRepository.class);
    Database database = hub.bean(Database.class);
    List<String> stations = hub.bean(StationRepository.class).allIds();
    String renamed = stations.getFirst();
    String name =
        database.withHandle(
            h ->
                h.createQuery("SELECT name FROM station WHERE id = ?")
                    .bind(0, renamed)
                    .mapTo(String.class)
                    .one());
    // Given every station published from a full rebuild, so the hub holds what the database says
    publisher.stationsChanged(stations);
    await().until(publisher::idle);
    try {
      // When a county-wide notice is saved and the stations are marked as changed in their notices
      // alone
      countyNotice("n-alone-1", "alone-1");
      publisher.noticesChanged(stations);
      await()
          .until(() -> publisher.idle() && stations.stream().allMatch(s -> recorded(s, "alone-1")));

      // Then the round read their notices alone, and each station's new snapshot is the one a full
      // rebuild gives now: the notice read in, every other part (deputies, receptions, figures,
      // playlist, …) as it was
      assertThat(publisher.lastRound())
          .startsWith(
              stations.size()
                  + " stations rebuilt ("
                  + stations.size()
                  + " by their notices alone)");
      for (String station : stations) {
        StationContent published =
            ProtocolCodec.decode(
                publications
                    .current(station)
                    .orElseThrow()
                    .payload()
                    .getBytes(StandardCharsets.UTF_8),
                StationContent.class);
        StationContent full = builder.build(station, 1, OffsetDateTime.now()).orElseThrow();
        assertThat(ContentPublisher.sameContent(published, full)).as(station).isTrue();
        assertThat(published.notices()).extracting(StationContent.Notice::id).contains("n-alone-1");
      }

      // When a station changes otherwise (renamed) and is marked so, and a second notice then marks
      // every station as changed in their notices alone
      database.useHandle(
          h -> h.execute("UPDATE station SET name = ? WHERE id = ?", "更名后的工作站", renamed));
      publisher.stationsChanged(List.of(renamed));
      countyNotice("n-alone-2", "alone-2");
      publisher.noticesChanged(stations);

      // Then it is rebuilt in full all the same: its snapshot has the new name and both notices
      await()
          .until(
              () ->
                  publisher.idle() && recorded(renamed, "alone-2") && recorded(renamed, "更名后的工作站"));
    } finally {
      NoticeRepository notices = hub.bean(NoticeRepository.class);
      database.useHandle(h -> notices.delete(h, "n-alone-1"));
      database.useHandle(h -> notices.delete(h, "n-alone-2"));
      database.useHandle(h -> h.execute("UPDATE station SET name = ? WHERE id = ?", name, renamed));
      publisher.stationsChanged(stations);
    }
  }

  private String lastReceived(String topic) {
    List<TestClient.Received> got = watcher.receivedOn(topic);
    return got.isEmpty() ? "" : new String(got.getLast().payload(), StandardCharsets.UTF_8);
  }

  private boolean recorded(String station, String marker) {
    return hub.bean(PublicationRepository.class)
        .current(station)
        .filter(p -> p.payload().contains(marker))
        .isPresent();
  }

  private void countyNotice(String id, String marker) {
    Notice notice =
        new Notice(
            id,
            "连续公告 " + marker,
            "正文",
            NoticePriority.NORMAL,
            OffsetDateTime.now().minusMinutes(1),
            OffsetDateTime.now().plusDays(1),
            Notice.Target.ALL,
            null,
            List.of(),
            "县人大常委会",
            DemoCounty.COUNTY);
    hub.bean(Database.class).useHandle(h -> hub.bean(NoticeRepository.class).insert(h, notice));
  }
}
