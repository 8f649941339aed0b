package liaison.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import liaison.hub.OnBothStores;
import liaison.hub.SmallCounty;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.broker.BrokerClient;
import liaison.hub.broker.BrokerSecurityConfig;
import liaison.hub.broker.MalformedSenders;
import liaison.hub.db.Database;
import liaison.hub.problem.BadInput;
import liaison.hub.publish.Publication;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The stations' states stored a batch at a time (each statement once for the whole batch) leave the
 * database exactly as the same states stored one at a time: the newest state per station, the
 * receipts of every notice a version shown carried, the rows they came from left behind; and the
 * states the hub refuses are counted without stopping the others.
 */
@OnBothStores
class StateBatchTest {
  @Parameter TestDatabases.Store store;

  private static final List<String> STATIONS = List.of("s-001", "s-002", "s-003");

  private final TestClock clock = TestClock.at("2026-12-06T10:00:00+08:00");

  @Test
  void shouldLeaveTheSameTablesWhetherTheStatesComeInOneBatchOrOneByOne(@TempDir Path dir) {
    // Given two hubs' stores with the same publications: s-001 was given two versions in quick
    // succession, s-002 and s-003 one, each version with its notices
    try (TestStore batched = county(dir.resolve("batched"));
        TestStore single = county(dir.resolve("single"))) {
      List<BrokerClient.Delivery> states = states();

      // When the states come in one batch to the first and one at a time to the second
      BadInput refusedBatched = new BadInput(clock);
      ingest(batched, refusedBatched).take(states);
      BadInput refusedSingly = new BadInput(clock);
      StateIngest oneByOne = ingest(single, refusedSingly);
      for (BrokerClient.Delivery d : states) {
        oneByOne.take(List.of(d));
      }

      // Then both hold the same: s-001 at its second version with the receipts of both versions'
      // notices, s-002 and s-003 at their first with its receipts (a heartbeat repeating a version
      // and a Last Will add none), and nothing left of the rows the receipts came from
      assertThat(tables(batched)).isEqualTo(tables(single));
      assertThat(column(batched, "SELECT station_id || ' ' || content_version FROM station_state"))
          .containsExactly("s-001 2", "s-002 1", "s-003 1");
      assertThat(column(batched, "SELECT station_id || ' ' || notice_id FROM notice_receipt"))
          .containsExactly(
              "s-001 n-a",
              "s-001 n-b",
              "s-001 n-c",
              "s-002 n-a",
              "s-002 n-b",
              "s-003 n-a",
              "s-003 n-b");
      assertThat(column(batched, "SELECT station_id || ' ' || version FROM station_version_shown"))
          .containsExactly("s-001 2", "s-002 1", "s-003 1");
      assertThat(column(batched, "SELECT station_id || ' ' || version FROM publication_notice"))
          .isEmpty();
      // And the two refused states (an unknown station, a payload that is not a state) counted in
      // both, without costing the others their place
      assertThat(refusedBatched.count(StateIngest.SOURCE)).isEqualTo(2);
      assertThat(refusedSingly.count(StateIngest.SOURCE)).isEqualTo(2);
    }
  }

  private TestStore county(Path dir) {
    TestStore opened = TestStore.migrated(store, dir);
    Database database = opened.database();
    SmallCounty.store(database, clock, STATIONS, List.of());
    PublicationRepository publications = new PublicationRepository(database);
    publications.recordNext(
        STATIONS, (station, version) -> encoded(station, version, "n-a", "n-b"));
    publications.recordNext(
        List.of("s-001"), (station, version) -> encoded(station, version, "n-a", "n-b", "n-c"));
    return opened;
  }

  private PublicationRepository.Encoded encoded(String station, long version, String... notices) {
    return new PublicationRepository.Encoded(
        new Publication(
            station,
            version,
            "hash-" + station + "-" + version,
            "{\"version\":" + version + "}",
            OffsetDateTime.now(clock)),
        List.of(notices));
  }

  /**
   * What the stations send after the round, in the order it comes: s-001 shows its first version
   * and at once its second, s-002 shows its first and then says so again in a heartbeat, s-003 goes
   * offline with its first version shown (a Last Will is no receipt) and back online showing it; a
   * state from a station this hub has not, and one that is not a state at all.
   */
  private List<BrokerClient.Delivery> states() {
    OffsetDateTime at = OffsetDateTime.now(clock);
    List<BrokerClient.Delivery> states = new ArrayList<>();
    states.add(state("s-001", StationState.Presence.ONLINE, 1, at.plusSeconds(1)));
    states.add(state("s-001", StationState.Presence.ONLINE, 2, at.plusSeconds(2)));
    states.add(state("s-002", StationState.Presence.ONLINE, 1, at.plusSeconds(1)));
    states.add(state("s-404", StationState.Presence.ONLINE, 1, at.plusSeconds(1)));
    states.add(state("s-002", StationState.Presence.ONLINE, 1, at.plusSeconds(30)));
    states.add(
        new BrokerClient.Delivery(
            Topic.stationState("s-003").toString(), "{\"no\":1}".getBytes(), false, () -> {}));
    states.add(state("s-003", StationState.Presence.OFFLINE, 1, at.plusSeconds(3)));
    states.add(state("s-003", StationState.Presence.ONLINE, 1, at.plusSeconds(4)));
    return states;
  }

  private static BrokerClient.Delivery state(
      String station, StationState.Presence presence, long version, OffsetDateTime at) {
    StationState state =
        new StationState(
            presence, "session-" + station, "0.1.0", version, StationState.Screen.ON, at);
    return new BrokerClient.Delivery(
        Topic.stationState(station).toString(), ProtocolCodec.encode(state), false, () -> {});
  }

  private StateIngest ingest(TestStore opened, BadInput badInput) {
    Database database = opened.database();
    return new StateIngest(
        null,
        new StationRepository(database, clock),
        database,
        clock,
        new MalformedSenders(
            badInput,
            Optional.empty(),
            new BrokerSecurityConfig(
                60, Duration.ofSeconds(10), 20, Duration.ofMinutes(1), 100, Duration.ofMinutes(1)),
            clock),
        new PublishingRound());
  }

  private static List<List<String>> tables(TestStore opened) {
    return List.of(
        column(
            opened,
            "SELECT station_id || ' ' || presence || ' ' || session || ' ' || content_version || ' '"
                + " || reported_at FROM station_state"),
        column(
            opened, "SELECT station_id || ' ' || notice_id || ' ' || shown_at FROM notice_receipt"),
        column(
            opened,
            "SELECT station_id || ' ' || version || ' ' || shown_at FROM station_version_shown"),
        column(
            opened,
            "SELECT station_id || ' ' || version || ' ' || notice_id FROM publication_notice"));
  }

  private static List<String> column(TestStore opened, String sql) {
    return opened
        .database()
        .withHandle(h -> h.createQuery(sql + " ORDER BY 1").mapTo(String.class).list());
  }
}
