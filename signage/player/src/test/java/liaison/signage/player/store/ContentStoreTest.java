package liaison.signage.player.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import liaison.signage.protocol.GoldenFiles;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationAlert;
import liaison.signage.protocol.StationContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentStoreTest {

  private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-23T08:00:00+08:00");

  @TempDir Path dir;

  @Test
  void shouldStoreOnlyAHigherVersion() {
    try (ContentStore store = ContentStore.open(dir.resolve("station.db"))) {
      assertThat(store.storeIfNewer(GoldenFiles.contentWithVersion(5), T)).isTrue();
      assertThat(store.storeIfNewer(GoldenFiles.contentWithVersion(5), T)).isFalse();
      assertThat(store.storeIfNewer(GoldenFiles.contentWithVersion(4), T)).isFalse();
      assertThat(store.storeIfNewer(GoldenFiles.contentWithVersion(6), T.plusMinutes(1))).isTrue();

      assertThat(store.storedVersion("s-001")).isEqualTo(6);
      assertThat(store.load("s-001").orElseThrow().storedAt()).isEqualTo(T.plusMinutes(1));
    }
  }

  @Test
  void shouldKeepContentAcrossRestarts() {
    Path file = dir.resolve("station.db");
    try (ContentStore store = ContentStore.open(file)) {
      store.storeIfNewer(GoldenFiles.contentWithVersion(42), T);
      store.remember("offline_since", T.toString());
    }

    try (ContentStore reopened = ContentStore.open(file)) {
      assertThat(reopened.load("s-001").orElseThrow().content())
          .isEqualTo(GoldenFiles.contentWithVersion(42));
      assertThat(reopened.memo("offline_since")).contains(T.toString());
      assertThat(reopened.load("s-002")).isEmpty();
    }
  }

  @Test
  void shouldStoreTheBytesTheHubSentAndReadThemBackAsTheSameMessage() throws Exception {
    // given the golden snapshot and alert as they travel (indented, in the hub's field order)
    byte[] content = GoldenFiles.bytes(GoldenFiles.CONTENT);
    byte[] alert = GoldenFiles.bytes(GoldenFiles.ALERT);
    Received<StationContent> receivedContent = Received.content(content);
    Received<StationAlert> receivedAlert = Received.alert(alert);
    assertThat(ProtocolCodec.encode(receivedContent.message()))
        .as("a re-encoding would differ, so the bytes below prove which was stored")
        .isNotEqualTo(content);
    assertThat(ProtocolCodec.encode(receivedAlert.message())).isNotEqualTo(alert);

    // when the station stores them
    Path file = dir.resolve("station.db");
    try (ContentStore store = ContentStore.open(file)) {
      assertThat(store.storeIfNewer(receivedContent, T)).isTrue();
      store.storeAlert("s-001", receivedAlert, T);
    }

    // then the file holds exactly those bytes, and reading decodes them to the same messages
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      try (ResultSet rs =
          st.executeQuery("SELECT payload FROM content WHERE station_id = 's-001'")) {
        assertThat(rs.getBytes(1)).isEqualTo(content);
      }
      try (ResultSet rs = st.executeQuery("SELECT payload FROM alert WHERE station_id = 's-001'")) {
        assertThat(rs.getBytes(1)).isEqualTo(alert);
      }
    }
    try (ContentStore reopened = ContentStore.open(file)) {
      assertThat(reopened.load("s-001").orElseThrow().content()).isEqualTo(GoldenFiles.content());
      assertThat(reopened.loadAlert("s-001"))
          .contains(ProtocolCodec.decode(alert, StationAlert.class));
    }
  }

  @Test
  void shouldForgetAMemo() {
    try (ContentStore store = ContentStore.open(dir.resolve("station.db"))) {
      store.remember("k", "v1");
      store.remember("k", "v2");
      assertThat(store.memo("k")).contains("v2");
      store.forget("k");
      assertThat(store.memo("k")).isEmpty();
    }
  }

  @Test
  void shouldNameTheFileWhenItCannotBeOpened() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
    Path file = notADirectory.resolve("station.db");

    assertThatThrownBy(() -> ContentStore.open(file))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file.toString());
  }
}
