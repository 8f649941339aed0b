package liaison.signage.player.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
import liaison.signage.protocol.StationEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's settings for an SD card: small pages, a bounded WAL, no write that changes nothing.
 */
class StoreWritesTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-12-05T08:00:00+08:00");

  @TempDir Path dir;

  @Test
  void shouldMakeANewFileWithSmallPagesInWalModeWithFullSync() throws Exception {
    Path file = dir.resolve("station.db");
    try (ContentStore store = ContentStore.open(file)) {
      store.storeIfNewer(GoldenFiles.contentWithVersion(1), T);
      assertThat(pragma(store, "page_size")).isEqualTo(ContentStore.PAGE_SIZE);
      assertThat(pragma(store, "wal_autocheckpoint")).isEqualTo(ContentStore.WAL_CHECKPOINT_PAGES);
      assertThat(pragma(store, "journal_size_limit")).isEqualTo(ContentStore.WAL_SIZE_LIMIT);
      // 2: MEMORY; 2 for synchronous: FULL, kept for power cuts.
      assertThat(pragma(store, "temp_store")).isEqualTo(2);
      assertThat(pragma(store, "synchronous")).isEqualTo(2);
    }
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = other.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("wal");
    }
  }

  @Test
  void shouldWriteNothingWhenTheSameSnapshotAlertOrMemoComesAgain() throws Exception {
    Path file = dir.resolve("station.db");
    try (ContentStore store = ContentStore.open(file);
        Connection watcher = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      Received<liaison.signage.protocol.StationAlert> alert =
          Received.alert(GoldenFiles.bytes(GoldenFiles.ALERT));
      store.storeIfNewer(GoldenFiles.contentWithVersion(7), T);
      store.storeAlert("s-001", alert, T);
      store.remember("offline_since", T.toString());
      long version = dataVersion(watcher);
      long wal = Files.size(walOf(file));

      // when the same snapshot, alert and memo come again (a reconnect redelivers retained ones)
      assertThat(store.storeIfNewer(GoldenFiles.contentWithVersion(7), T.plusMinutes(5))).isFalse();
      store.storeAlert("s-001", alert, T.plusMinutes(5));
      store.remember("offline_since", T.toString());
      store.forget("never_remembered");

      // then no other connection sees a commit, and the WAL did not grow
      assertThat(dataVersion(watcher)).isEqualTo(version);
      assertThat(Files.size(walOf(file))).isEqualTo(wal);

      // while a change is written and seen
      store.remember("offline_since", T.plusMinutes(5).toString());
      assertThat(dataVersion(watcher)).isNotEqualTo(version);
      assertThat(Files.size(walOf(file))).isGreaterThan(wal);
    }
  }

  @Test
  void shouldKeepTheWalBoundedThroughManyCheckpointsOfEvents() throws Exception {
    Path file = dir.resolve("station.db");
    long largest = 0;
    try (ContentStore store = ContentStore.open(file)) {
      Outbox outbox = store.outbox();
      // proofs of display, each deleted once acknowledged: two commits of a few pages each, so
      // 1,000 events fill the WAL's 1,000 pages several times over
      for (int i = 0; i < 1_000; i++) {
        outbox.add(
            new StationEvent(
                UUID.randomUUID(), "notice.displayed", T.plusSeconds(15L * i), Map.of("n", i)));
        List<Outbox.Pending> sent = outbox.after(0, 10);
        outbox.delete(sent.stream().map(Outbox.Pending::seq).toList());
        largest = Math.max(largest, Files.size(walOf(file)));
      }
      assertThat(outbox.size()).isZero();
    }
    // one checkpoint's worth of frames (24 bytes of header each) and a few commits beyond it
    long bound = (ContentStore.WAL_CHECKPOINT_PAGES + 50L) * (ContentStore.PAGE_SIZE + 24);
    assertThat(largest).isLessThan(bound);
    assertThat(Files.size(file)).isLessThan(64 * 1024);
  }

  private static Path walOf(Path file) {
    return file.resolveSibling(file.getFileName() + "-wal");
  }

  private static long pragma(ContentStore store, String name) {
    return store.withConnection(
        "read " + name,
        c -> {
          try (Statement st = c.createStatement();
              ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  private static long dataVersion(Connection connection) throws Exception {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("PRAGMA data_version")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
