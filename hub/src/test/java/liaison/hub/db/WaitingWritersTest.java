package liaison.hub.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import liaison.hub.RunningHub;
import liaison.hub.TestDatabases;
import liaison.hub.opinion.Resident;
import liaison.hub.station.StationRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While another connection holds SQLite's write lock and eight residents' submissions wait for it,
 * the hub keeps answering: its health, a resident's page. Before writers took turns on platform
 * threads, the waiting writers pinned both carriers of a two-core machine inside SQLite's native
 * busy-wait and every virtual thread of the hub stopped until the busy timeout failed them.
 */
@Tag("security")
class WaitingWritersTest {
  private static final int WRITERS = 8;

  @TempDir Path dir;

  @Test
  void shouldAnswerHealthAndResidentsWhileEightWritesWaitForTheWriteLock() throws Exception {
    Map<String, Object> limits =
        Map.of("hub.opinions.per-ip", 1_000, "hub.opinions.per-token", 1_000);
    // SQLite's own write lock, held by another connection to its file.
    try (RunningHub hub = RunningHub.start(dir, TestDatabases.Store.SQLITE, limits)) {
      String token =
          hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
      Database database = hub.bean(Database.class);
      Resident resident = new Resident(hub, "10.0.0.7");
      int before = cases(database);

      List<CompletableFuture<HttpResponse<String>>> writes = new ArrayList<>();
      try (ExecutorService phones = Executors.newFixedThreadPool(WRITERS);
          Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"));
          Statement lock = other.createStatement()) {
        lock.execute("BEGIN IMMEDIATE");
        for (int i = 0; i < WRITERS; i++) {
          String text = "楼道灯坏了，第 " + i + " 位居民反映";
          writes.add(
              CompletableFuture.supplyAsync(
                  () ->
                      resident.submit(
                          token,
                          List.of(
                              Resident.Field.text("category", "TRANSPORT"),
                              Resident.Field.text("text", text),
                              Resident.Field.text("name", ""),
                              Resident.Field.text("phone", ""))),
                  phones));
        }
        // One writer has the turn and waits on the other connection's lock, the others queued to be
        // committed together after it (GroupCommit); the hub's own publisher may wait for the turn
        // too, or hold it itself.
        GroupCommit together = hub.bean(GroupCommit.class);
        await()
            .atMost(Duration.ofSeconds(8))
            .until(() -> database.writing() && together.pending() >= WRITERS);

        HttpResponse<String> health = hub.get("/health");
        HttpResponse<String> page = resident.get("/o/" + token);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("城关镇人大代表之家");
        assertThat(writes)
            .as("the writes still wait for the lock")
            .noneMatch(CompletableFuture::isDone);
        lock.execute("ROLLBACK");
        for (CompletableFuture<HttpResponse<String>> write : writes) {
          assertThat(write.get().statusCode()).as(write.get().body()).isEqualTo(303);
        }
      }
      assertThat(cases(database)).isEqualTo(before + WRITERS);
    }
  }

  private static int cases(Database database) {
    return database.withHandle(
        h -> h.createQuery("SELECT COUNT(*) FROM opinion_case").mapTo(Integer.class).one());
  }

  @Test
  void shouldAnswerBusyWithRetryAfterAndSaveNothingWhenTheLockIsHeldPastTheBusyTimeout()
      throws Exception {
    Map<String, Object> settings =
        Map.of(
            "hub.opinions.per-ip",
            1_000,
            "hub.opinions.per-token",
            1_000,
            "hub.db.url",
            "jdbc:sqlite:"
                + dir.resolve("hub.db")
                + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=300&transaction_mode=IMMEDIATE");
    try (RunningHub hub = RunningHub.start(dir, settings)) {
      String token =
          hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
      Database database = hub.bean(Database.class);
      Resident resident = new Resident(hub, "10.0.0.8");
      int before = cases(database);
      List<Resident.Field> opinion =
          List.of(
              Resident.Field.text("category", "TRANSPORT"),
              Resident.Field.text("text", "公交站牌被撞歪了"),
              Resident.Field.text("name", ""),
              Resident.Field.text("phone", ""));

      HttpResponse<String> refused;
      try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub.db"));
          Statement lock = other.createStatement()) {
        lock.execute("BEGIN IMMEDIATE");
        refused = resident.submit(token, opinion);
        lock.execute("ROLLBACK");
      }

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(refused.body())
          .contains("系统繁忙")
          .contains("没有保存")
          .doesNotContain("SQLITE")
          .doesNotContain("liaison.");
      assertThat(cases(database)).isEqualTo(before);
      assertThat(resident.submit(token, opinion).statusCode()).isEqualTo(303);
      assertThat(cases(database)).isEqualTo(before + 1);
    }
  }
}
