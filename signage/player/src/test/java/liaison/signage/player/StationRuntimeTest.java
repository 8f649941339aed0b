package liaison.signage.player;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;
import liaison.signage.player.store.ContentStore;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.signage.transport.ReconnectPolicy;
import liaison.testkit.TestBroker;
import liaison.testkit.TestClient;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationRuntimeTest {

  private static final String CONTENT = Topic.stationContent("s-001").toString();
  private static final ReconnectPolicy FAST =
      new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 0.2);

  @TempDir Path dir;
  private TestBroker broker;
  private TestClient hub;
  private final TestClock clock = TestClock.at("2026-11-23T08:00:00+08:00");

  @BeforeEach
  void startBroker() {
    broker = TestBroker.start(dir);
    hub = TestClient.connect(broker.uri(), "test-hub");
  }

  @AfterEach
  void stopBroker() {
    hub.close();
    broker.close();
  }

  private StationConfig config() {
    return StationConfig.of("s-001", broker.uri(), dir.resolve("station")).withReconnect(FAST);
  }

  private static long shownVersion(StationRuntime runtime) {
    return runtime.feed().content().get().map(StationContent::version).orElse(0L);
  }

  @Test
  void shouldStoreAndShowEachHigherVersionAndIgnoreLowerOnes() {
    hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(42)), true);
    try (StationRuntime runtime = StationRuntime.open(config(), clock)) {
      runtime.start();
      await().until(() -> shownVersion(runtime) == 42);

      hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(43)), true);
      await().until(() -> shownVersion(runtime) == 43);

      hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(41)), true);
      hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(43)), true);
      // A later marker proves the two before it were handled (one subscription keeps order).
      hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(44)), true);
      await().until(() -> shownVersion(runtime) == 44);
    }
    try (ContentStore store = ContentStore.open(dir.resolve("station/station.db"))) {
      assertThat(store.storedVersion("s-001")).isEqualTo(44);
    }
  }

  @Test
  void shouldStoreTheSnapshotAsTheVeryBytesTheHubPublished() throws Exception {
    // given the hub's snapshot as it travels (the golden file, indented)
    byte[] published = GoldenFiles.bytes(GoldenFiles.CONTENT);
    hub.publish(CONTENT, published, true);

    // when the station receives and shows it
    try (StationRuntime runtime = StationRuntime.open(config(), clock)) {
      runtime.start();
      await().until(() -> shownVersion(runtime) == 42);
    }

    // then its store holds those bytes, not a re-encoding of what they decoded to
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("station/station.db"));
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT payload FROM content WHERE station_id = 's-001'")) {
      assertThat(rs.getBytes(1))
          .isEqualTo(published)
          .isNotEqualTo(ProtocolCodec.encode(GoldenFiles.content()));
    }
  }

  @Test
  void shouldIgnoreMalformedAndForeignMessagesWithoutChangingWhatItShows() {
    hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(42)), false);
    try (StationRuntime runtime = StationRuntime.open(config(), clock)) {
      runtime.start();
      await().until(() -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE);
      hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(42)), true);
      await().until(() -> shownVersion(runtime) == 42);

      for (String bad : GoldenFiles.BAD_CONTENT) {
        hub.publish(CONTENT, GoldenFiles.bytes(bad), false);
      }
      hub.publish(CONTENT, "{}".getBytes(StandardCharsets.UTF_8), false);
      await().until(() -> runtime.rejections().count() == GoldenFiles.BAD_CONTENT.length + 1);

      assertThat(shownVersion(runtime)).isEqualTo(42);
      assertThat(runtime.feed().content().get()).contains(GoldenFiles.contentWithVersion(42));
      assertThat(runtime.rejections().last().orElseThrow())
          .startsWith(
              "station s-001: ignored content on " + CONTENT + ": not a valid StationContent");
    }
  }

  @Test
  void shouldConnectWhenTheBrokerAppearsAfterTheStationStarted() {
    broker.stop();
    try (StationRuntime runtime = StationRuntime.open(config(), clock)) {
      runtime.start();
      await().until(() -> runtime.presence().link().get().isOffline());

      broker.startAgain();
      try (TestClient hubAgain = TestClient.connect(broker.uri(), "test-hub-2")) {
        hubAgain.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(7)), true);
        await().atMost(Duration.ofSeconds(20)).until(() -> shownVersion(runtime) == 7);
        assertThat(runtime.presence().link().get().state()).isEqualTo(LinkStatus.State.ONLINE);
      }
    }
  }

  @Test
  void shouldKeepShowingStoredContentAndSayHowLongItHasBeenOfflineAcrossARestart() {
    hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(42)), true);
    try (StationRuntime runtime = StationRuntime.open(config(), clock)) {
      runtime.start();
      await().until(() -> shownVersion(runtime) == 42);

      clock.set(OffsetDateTime.parse("2026-11-23T10:42:00+08:00").toInstant());
      broker.stop();
      await().until(() -> runtime.presence().link().get().isOffline());
      assertThat(runtime.presence().link().get().since())
          .isEqualTo(OffsetDateTime.parse("2026-11-23T10:42:00+08:00"));
      assertThat(shownVersion(runtime)).isEqualTo(42);
    }

    clock.set(OffsetDateTime.parse("2026-11-23T11:15:00+08:00").toInstant());
    try (StationRuntime restarted = StationRuntime.open(config(), clock)) {
      assertThat(shownVersion(restarted))
          .as("shown from the store before any network")
          .isEqualTo(42);
      restarted.start();
      await().until(() -> restarted.presence().link().get().isOffline());
      assertThat(restarted.presence().link().get().since())
          .as("offline since the first run lost the hub, not since the restart")
          .isEqualTo(OffsetDateTime.parse("2026-11-23T10:42:00+08:00"));
    }
  }

  @Test
  void shouldReportTheDisplayedVersionAndGoOfflineCleanly() {
    String stateTopic = Topic.stationState("s-001").toString();
    hub.subscribe(stateTopic);
    hub.publish(CONTENT, ProtocolCodec.encode(GoldenFiles.contentWithVersion(42)), true);
    StationRuntime runtime = StationRuntime.open(config(), clock);
    runtime.start();
    await().until(() -> shownVersion(runtime) == 42);

    runtime.presence().displayed(42);
    await().until(() -> lastState(stateTopic).map(s -> s.contentVersion() == 42).orElse(false));
    assertThat(lastState(stateTopic).orElseThrow().presence())
        .isEqualTo(StationState.Presence.ONLINE);
    assertThat(lastState(stateTopic).orElseThrow().session())
        .isEqualTo(runtime.presence().session());

    runtime.close();
    await()
        .until(
            () ->
                lastState(stateTopic)
                    .map(s -> s.presence() == StationState.Presence.OFFLINE)
                    .orElse(false));
  }

  @Test
  void shouldLeaveALastWillThatSaysOfflineWhenTheStationDiesWithoutGoodbye() throws Exception {
    // The will itself is the broker's job; here we check the station registered one that decodes.
    String stateTopic = Topic.stationState("s-001").toString();
    hub.subscribe(stateTopic);
    StationRuntime runtime =
        StationRuntime.open(config().withKeepAlive(Duration.ofSeconds(2)), clock);
    runtime.start();
    await().until(() -> runtime.presence().link().get().state() == LinkStatus.State.ONLINE);
    await().until(() -> lastState(stateTopic).isPresent());

    broker.stop();
    broker.startAgain();
    // With an in-memory test broker the retained state is gone after the restart; the station
    // reports itself again as soon as it is back.
    try (TestClient watcher = TestClient.connect(broker.uri(), "watcher")) {
      watcher.subscribe(stateTopic);
      await().atMost(Duration.ofSeconds(20)).until(() -> !watcher.receivedOn(stateTopic).isEmpty());
      StationState state =
          ProtocolCodec.decode(
              watcher.receivedOn(stateTopic).getLast().payload(), StationState.class);
      assertThat(state.presence()).isEqualTo(StationState.Presence.ONLINE);
    }
    runtime.close();
  }

  private Optional<StationState> lastState(String topic) {
    var messages = hub.receivedOn(topic);
    if (messages.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(ProtocolCodec.decode(messages.getLast().payload(), StationState.class));
  }
}
