package liaison.signage.player.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-23T08:00:00+08:00");

  @TempDir Path dir;

  private static StationEvent event(int n) {
    return new StationEvent(UUID.randomUUID(), "satisfaction", T.plusSeconds(n), Map.of("n", n));
  }

  @Test
  void shouldGiveEventsOldestFirstAndKeepTheOrderAcrossDeletesAndRestarts() {
    Path file = dir.resolve("station.db");
    List<StationEvent> events = List.of(event(1), event(2), event(3), event(4));
    try (ContentStore store = ContentStore.open(file)) {
      events.forEach(store.outbox()::add);
      List<Outbox.Pending> all = store.outbox().after(0, 10);
      assertThat(all)
          .extracting(Outbox.Pending::id)
          .containsExactly(events.stream().map(StationEvent::id).toArray(UUID[]::new));
      assertThat(ProtocolCodec.decode(all.getFirst().payload(), StationEvent.class))
          .isEqualTo(events.getFirst());

      assertThat(store.outbox().delete(List.of(all.get(1).seq(), all.get(0).seq()))).isEqualTo(2);
      assertThat(store.outbox().after(all.get(2).seq(), 10))
          .extracting(Outbox.Pending::id)
          .containsExactly(events.get(3).id());
    }
    try (ContentStore reopened = ContentStore.open(file)) {
      reopened.outbox().add(event(5));
      assertThat(reopened.outbox().size()).isEqualTo(3);
      assertThat(reopened.outbox().after(0, 10).getLast().seq())
          .as("a sequence number is never reused")
          .isGreaterThan(reopened.outbox().after(0, 10).get(1).seq());
    }
  }

  @Test
  void shouldUpgradeAVersionOneStoreAndKeepItsContent() throws Exception {
    Path file = dir.resolve("station.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.executeUpdate(
          "CREATE TABLE content (station_id TEXT PRIMARY KEY, version INTEGER NOT NULL,"
              + " generated_at TEXT NOT NULL, stored_at TEXT NOT NULL, payload BLOB NOT NULL)");
      st.executeUpdate("CREATE TABLE memo (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
      st.executeUpdate("PRAGMA user_version = 1");
    }
    try (ContentStore store = ContentStore.open(file)) {
      store.storeIfNewer(GoldenFiles.contentWithVersion(9), T);
      store.outbox().add(event(1));
      StationAlert alert =
          ProtocolCodec.decode(GoldenFiles.bytes(GoldenFiles.ALERT), StationAlert.class);
      store.storeAlert("s-001", Received.alert(GoldenFiles.bytes(GoldenFiles.ALERT)), T);
      assertThat(store.loadAlert("s-001")).contains(alert);
      store.clearAlert("s-001");
      assertThat(store.loadAlert("s-001")).isEmpty();
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      assertThat(rs.getInt(1)).isEqualTo(2);
    }
  }
}
