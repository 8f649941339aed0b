package liaison.hub.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import liaison.hub.OnBothStores;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.db.Database;
import liaison.hub.station.PublicTokens;
import liaison.hub.station.Station;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.StationKind;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * A version, its publication and its notices are recorded in one transaction, and versions stay the
 * database's: two publishers recording at once (as two hubs would) never get the same one.
 */
@OnBothStores
class PublicationRepositoryTest {
  @Parameter TestDatabases.Store store;

  private final TestClock clock = TestClock.at("2026-12-06T10:00:00+08:00");
  private TestStore opened;
  private Database database;
  private PublicationRepository publications;

  @BeforeEach
  void open(@TempDir Path dir) {
    opened = TestStore.migrated(store, dir);
    database = opened.database();
    publications = new PublicationRepository(database);
    StationRepository stations = new StationRepository(database, clock);
    database.useTransaction(
        h -> {
          stations.insertCounty(h, "c-1", "青溪县");
          stations.insertTownship(h, "t-1", "c-1", "城关镇");
          stations.insert(
              h,
              new Station(
                  "s-001",
                  "t-1",
                  "城关镇人大代表之家",
                  StationKind.HOME,
                  "地址",
                  "周一至周五",
                  "代表之家",
                  null,
                  null,
                  PublicTokens.next()));
          stations.insert(
              h,
              new Station(
                  "s-002",
                  "t-1",
                  "东街联络站",
                  StationKind.WORKSTATION,
                  "地址",
                  "周一至周五",
                  "联络站",
                  null,
                  null,
                  PublicTokens.next()));
        });
  }

  @AfterEach
  void close() {
    opened.close();
  }

  private PublicationRepository.Encoded encoded(long version) {
    return encoded("s-001", version);
  }

  private PublicationRepository.Encoded encoded(String station, long version) {
    return new PublicationRepository.Encoded(
        new Publication(
            station,
            version,
            "hash-" + version,
            "{\"version\":" + version + "}",
            OffsetDateTime.now(clock)),
        List.of("n-a", "n-b"));
  }

  @Test
  void shouldGiveTwoPublishersRecordingAtOnceDifferentVersionsEachWithItsNotices()
      throws Exception {
    // Given two publishers recording snapshots of one station at the same time
    int each = 15;
    Callable<List<Long>> publisher =
        () -> {
          List<Long> versions = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            versions.add(publications.recordNext("s-001", this::encoded).publication().version());
          }
          return versions;
        };
    List<Long> all = new ArrayList<>();
    try (ExecutorService two = Executors.newFixedThreadPool(2)) {
      Future<List<Long>> first = two.submit(publisher);
      Future<List<Long>> second = two.submit(publisher);
      all.addAll(first.get());
      all.addAll(second.get());
    }

    // Then every version is given out once, the highest is the one recorded, and the notices of
    // the last three versions are kept (a station that never reported any keeps no more)
    assertThat(all).doesNotHaveDuplicates().hasSize(2 * each);
    long highest = all.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(publications.current("s-001").orElseThrow().version()).isEqualTo(highest);
    assertThat(noticeRows()).isEqualTo(2 * 3);
    List<Long> kept =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT DISTINCT version FROM publication_notice WHERE station_id = 's-001'")
                    .mapTo(Long.class)
                    .list());
    assertThat(kept).containsExactlyInAnyOrder(highest - 2, highest - 1, highest);
  }

  @Test
  void shouldRecordTheVersionsAndNoticesBeforeTheRoundStoresItsSnapshots() {
    // Given s-001 published once, its snapshot stored
    long first = publications.recordNext("s-001", this::encoded).publication().version();

    // When a round records the next versions of s-001 and s-002 but has not stored them yet
    List<PublicationRepository.Encoded> next =
        publications.recordVersions(List.of("s-001", "s-002"), this::encoded);

    // Then the versions are given out and the notices they carry recorded, while the stored
    // publications are still the ones before (none for s-002)
    assertThat(next).extracting(e -> e.publication().version()).containsExactly(first + 1, 1L);
    assertThat(noticeRows("s-002")).isEqualTo(2);
    assertThat(publications.current("s-001").orElseThrow().version()).isEqualTo(first);
    assertThat(publications.current("s-002")).isEmpty();

    // When another publisher records and stores a later version of s-001 before the round stores
    long later = publications.recordNext("s-001", this::encoded).publication().version();
    java.util.Set<String> stored =
        publications.store(next.stream().map(PublicationRepository.Encoded::publication).toList());

    // Then the round's s-002 is stored, its s-001 does not replace the later one, and versions go
    // on from the highest given out
    assertThat(stored).containsExactly("s-002");
    assertThat(publications.current("s-001").orElseThrow().version()).isEqualTo(later);
    assertThat(publications.current("s-002").orElseThrow().version()).isEqualTo(1L);
    assertThat(publications.nextVersion("s-001")).isEqualTo(later + 1);
  }

  @Test
  void shouldRecordNothingAndGiveNoVersionWhenTheEncodingFails() {
    publications.recordNext("s-001", this::encoded);

    // When the snapshot cannot be made with the version it was given
    assertThatThrownBy(
            () ->
                publications.recordNext(
                    "s-001",
                    v -> {
                      throw new IllegalStateException("encoding failed");
                    }))
        .hasMessageContaining("encoding failed");

    // Then that version was not taken: the next one follows the recorded one
    assertThat(noticeRows()).isEqualTo(2);
    assertThat(publications.recordNext("s-001", this::encoded).publication().version())
        .isEqualTo(2);
  }

  @Test
  void shouldGiveTwoPublishersRecordingChunksAtOnceDifferentVersionsPerStation() throws Exception {
    // Given two publishers each recording the same two stations as one chunk, at the same time
    int each = 10;
    Callable<List<Publication>> publisher =
        () -> {
          List<Publication> recorded = new ArrayList<>();
          for (int i = 0; i < each; i++) {
            publications
                .recordNext(List.of("s-001", "s-002"), this::encoded)
                .forEach(e -> recorded.add(e.publication()));
          }
          return recorded;
        };
    List<Publication> all = new ArrayList<>();
    try (ExecutorService two = Executors.newFixedThreadPool(2)) {
      Future<List<Publication>> first = two.submit(publisher);
      Future<List<Publication>> second = two.submit(publisher);
      all.addAll(first.get());
      all.addAll(second.get());
    }

    // Then each station's versions are given out once each, its highest is the one recorded, and
    // the notices of its last three versions are kept
    for (String station : List.of("s-001", "s-002")) {
      List<Long> versions =
          all.stream()
              .filter(p -> p.stationId().equals(station))
              .map(Publication::version)
              .toList();
      assertThat(versions).doesNotHaveDuplicates().hasSize(2 * each);
      assertThat(publications.current(List.of("s-001", "s-002")).get(station).version())
          .isEqualTo(versions.stream().mapToLong(Long::longValue).max().orElseThrow());
      assertThat(noticeRows(station)).isEqualTo(2 * 3);
    }
  }

  @Test
  void shouldRecordNoneOfAChunkWhenOneStationsEncodingFails() {
    publications.recordNext(List.of("s-001", "s-002"), this::encoded);

    // When the chunk's second snapshot cannot be made
    assertThatThrownBy(
            () ->
                publications.recordNext(
                    List.of("s-001", "s-002"),
                    (station, version) -> {
                      if (station.equals("s-002")) {
                        throw new IllegalStateException("encoding failed");
                      }
                      return encoded(station, version);
                    }))
        .hasMessageContaining("encoding failed");

    // Then the first station's new version was not recorded nor taken either
    assertThat(publications.current("s-001").orElseThrow().version()).isEqualTo(1);
    assertThat(noticeRows("s-001")).isEqualTo(2);
    assertThat(publications.recordNext(List.of("s-001", "s-002"), this::encoded))
        .extracting(e -> e.publication().version())
        .containsExactly(2L, 2L);
  }

  @Test
  void shouldRecordNoRowForANoticeTheStationAlreadyHasAReceiptFor() {
    // Given s-001 reported its first version on screen: the notices it carried have receipts
    publications.recordNext(List.of("s-001", "s-002"), this::encoded);
    String shownAt = "2026-12-06T02:00:05Z";
    database.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO notice_receipt (station_id, notice_id, shown_at)
                    SELECT station_id, notice_id, :at FROM publication_notice WHERE station_id = 's-001'
                    """)
                .bind("at", shownAt)
                .execute());

    // When both stations get a version with those notices and a new one, in one chunk
    publications.recordNext(
        List.of("s-001", "s-002"),
        (station, version) ->
            new PublicationRepository.Encoded(
                encoded(station, version).publication(), List.of("n-a", "n-b", "n-c")));

    // Then s-001's new version has a row for the new notice only, s-002's for all three, and the
    // receipts stand as they were
    assertThat(notices("s-001", 2)).containsExactly("n-c");
    assertThat(notices("s-002", 2)).containsExactly("n-a", "n-b", "n-c");
    List<String> receipts =
        database.withHandle(
            h ->
                h.createQuery(
                        "SELECT notice_id || ' ' || shown_at FROM notice_receipt ORDER BY notice_id")
                    .mapTo(String.class)
                    .list());
    assertThat(receipts).containsExactly("n-a " + shownAt, "n-b " + shownAt);
  }

  private List<String> notices(String station, long version) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT notice_id FROM publication_notice WHERE station_id = :s AND version = :v
                     ORDER BY notice_id
                    """)
                .bind("s", station)
                .bind("v", version)
                .mapTo(String.class)
                .list());
  }

  private int noticeRows() {
    return noticeRows("s-001");
  }

  private int noticeRows(String station) {
    return database.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM publication_notice WHERE station_id = :s")
                .bind("s", station)
                .mapTo(Integer.class)
                .one());
  }
}
