package liaison.hub.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import liaison.hub.TestDatabases;
import liaison.hub.config.StartupProblem;
import liaison.hub.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hub stopped in the middle of an upload left in its media folder, and what it keeps; what
 * it leaves of another hub's on the folder they share; and the upload-against-delete lock across
 * hubs on PostgreSQL.
 */
class MediaStoreTest {
  @Test
  void shouldClearWhatAnUploadLeftWhenTheHubWasKilledAndKeepTheLibrary(@TempDir Path data)
      throws IOException {
    Path media = data.resolve("media");
    MediaStore store = new MediaStore(media, "liaison-hub-a");
    String kept = store.put(new byte[] {1, 2, 3});
    Files.write(store.work().resolve("upload-123.tmp"), new byte[1024]);
    Files.createDirectories(store.work().resolve("upload-456/pages"));
    Files.write(store.work().resolve("upload-456/upload"), new byte[1024]);
    Files.write(store.work().resolve("upload-456/pages/page-001.png"), new byte[16]);
    Files.createDirectories(store.parts());
    Files.write(store.parts().resolve("FUp_789.tmp"), new byte[2048]);
    // what a hub of an earlier version left where no hub of this one writes
    Files.write(media.resolve("upload-321.tmp"), new byte[1024]);
    Files.createDirectories(media.resolve("incoming/upload-654"));
    Files.write(media.resolve("incoming/upload-654/upload"), new byte[1024]);
    Files.write(media.resolve(MediaStore.PARTS).resolve("FUp_987.tmp"), new byte[2048]);

    new MediaStore(media, "liaison-hub-a").sweep();

    try (Stream<Path> left = Files.walk(media)) {
      assertThat(left.filter(Files::isRegularFile).map(p -> media.relativize(p).toString()))
          .containsExactly(kept);
    }
    assertThat(store.work()).isEqualTo(media.resolve("incoming/hub-liaison-hub-a"));
    assertThat(MediaStore.isUploadWork(Path.of("media/upload-1.tmp"))).isTrue();
    assertThat(MediaStore.isUploadWork(Path.of("media/incoming/hub-a/upload-2/upload"))).isTrue();
    assertThat(MediaStore.isUploadWork(Path.of("media/uploads/hub-a/FUp_3.tmp"))).isTrue();
    assertThat(MediaStore.isUploadWork(Path.of("media/" + kept))).isFalse();
    assertThat(MediaStore.isUploadWork(Path.of("photos/upload-1.tmp"))).isFalse();
  }

  @Test
  void shouldLeaveTheWorkOfAnotherHubOnTheSharedFolderAloneWhenAHubStarts(@TempDir Path data)
      throws IOException {
    Path media = data.resolve("media");
    MediaStore a = new MediaStore(media, "liaison-hub-a");
    MediaStore b = new MediaStore(media, "liaison-hub-b");
    a.sweep();
    // hub A in the middle of an upload: its work folder, a temporary file, a form's part
    Path upload = Files.createDirectories(a.work().resolve("upload-1")).resolve("upload");
    Files.write(upload, new byte[1024]);
    Path temp = Files.write(a.work().resolve("upload-2.tmp"), new byte[16]);
    Path part = Files.write(a.parts().resolve("FUp_3.tmp"), new byte[2048]);

    b.sweep(); // hub B (re)starts on the same folder

    assertThat(upload).hasSize(1024);
    assertThat(temp).exists();
    assertThat(part).exists();
    assertThat(b.parts()).isEmptyDirectory();
    assertThat(b.parts()).isNotEqualTo(a.parts());
    assertThat(b.work()).isNotEqualTo(a.work());
  }

  @Test
  void shouldRefuseAClientIdThatCannotNameAFolder(@TempDir Path data) {
    for (String id : new String[] {"../x", "a/b", "", "枢纽"}) {
      assertThatThrownBy(() -> new MediaStore(data.resolve("media"), id))
          .as(id)
          .isInstanceOf(StartupProblem.class)
          .hasMessageContaining("--mqtt-client-id");
    }
  }

  @Test
  void shouldMakeAnUploadOnOneHubWaitForNoDeleteOnAnotherButADeleteWaitForTheUpload()
      throws Exception {
    TestDatabases.PostgresDatabase pg = TestDatabases.serverDatabase();
    // the server's own database, which other test runs may use at once: a key of this run's own
    long key = ThreadLocalRandom.current().nextLong();
    Database databaseA = database(pg);
    MediaFilesLock hubA = new MediaFilesLock(databaseA, key);
    MediaFilesLock hubB = new MediaFilesLock(database(pg), key);
    CountDownLatch putting = new CountDownLatch(1);
    CountDownLatch recorded = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Long> upload =
          threads.submit(
              () ->
                  hubA.shared(
                      () -> {
                        putting.countDown();
                        await(recorded);
                        // the upload's transaction, on the connection that holds the lock (the
                        // pool is small: an upload must not need two)
                        return databaseA.inTransaction(
                            h ->
                                h.createQuery(
                                        "SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
                                            + " AND pid = pg_backend_pid()")
                                    .mapTo(Long.class)
                                    .one());
                      }));
      await(putting);
      assertThat(hubB.shared(() -> "another upload"))
          .as("uploads on two hubs go on at once")
          .isEqualTo("another upload");

      AtomicBoolean unlinked = new AtomicBoolean();
      Future<?> delete = threads.submit(() -> hubB.alone(() -> unlinked.set(true)));
      assertThatThrownBy(() -> delete.get(500, TimeUnit.MILLISECONDS))
          .as("hub B's delete waits while hub A's upload has files put but not recorded")
          .isInstanceOf(TimeoutException.class);
      assertThat(unlinked).isFalse();

      recorded.countDown();
      assertThat(upload.get(10, TimeUnit.SECONDS))
          .as("the upload's transaction ran on the connection holding the lock")
          .isEqualTo(1L);
      delete.get(10, TimeUnit.SECONDS);
      assertThat(unlinked).as("the delete goes on once the upload committed").isTrue();
    } finally {
      recorded.countDown();
      threads.shutdownNow();
    }
  }

  private static Database database(TestDatabases.PostgresDatabase pg) {
    return new Database(
        Jdbi.create(pg.url(), pg.user(), pg.password()), false, Duration.ofSeconds(5));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldMakeTheFormPartsFolderBeforeTheServerWritesIntoIt(@TempDir Path data) {
    Path media = data.resolve("media");

    MediaStore store = new MediaStore(media);
    store.sweep();

    assertThat(store.parts()).isEmptyDirectory();
    assertThat(store.parts()).isEqualTo(media.resolve("uploads/hub-liaison-hub"));
  }

  @Test
  void shouldMoveAWorkFileInUnderItsHashOrDropItWhenTheBytesAreThere(@TempDir Path data)
      throws IOException {
    Path media = data.resolve("media");
    MediaStore store = new MediaStore(media);
    String hash = store.put(new byte[] {4, 5, 6});
    Path work = Files.createDirectories(media.resolve("incoming/upload-1")).resolve("upload");

    Files.write(work, new byte[] {4, 5, 6});
    store.take(work, hash);
    assertThat(work).doesNotExist();
    assertThat(store.find(hash))
        .hasValueSatisfying(f -> assertThat(f).hasBinaryContent(new byte[] {4, 5, 6}));

    Files.write(work, new byte[] {7, 8});
    String other = HexFormat.of().formatHex(MediaStore.sha256().digest(new byte[] {7, 8}));
    store.take(work, other);
    assertThat(work).doesNotExist();
    assertThat(store.find(other))
        .hasValueSatisfying(f -> assertThat(f).hasBinaryContent(new byte[] {7, 8}));
  }
}
