package liaison.hub.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import liaison.hub.OnBothStores;
import liaison.hub.RunningHub;
import liaison.hub.TestDatabases;
import liaison.hub.TestStore;
import liaison.hub.ingest.EventIngest;
import liaison.hub.migrate.DatabaseDigest;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code backup} of a running hub while residents send opinions over HTTP and a station sends
 * events through the broker, then {@code restore} into a new folder (and an empty PostgreSQL
 * database): the copy is of one moment, holds every opinion acknowledged before it began, the files
 * come back byte for byte, and a hub started on it serves the same pages and lets the same station
 * in. A damaged file and a folder that is not empty are refused, writing nothing.
 */
@OnBothStores
class BackupUnderLoadTest {
  private static final String LOAD_TEXT = "备份期间的意见 ";
  private final TestDatabases.Store store;

  BackupUnderLoadTest(TestDatabases.Store store) {
    this.store = store;
  }

  /** What a command printed, and its exit status. */
  record Ran(int status, String out, String err) {}

  /** A command run with its output caught. */
  interface Command {
    int run(PrintStream out, PrintStream err);
  }

  static Ran ran(Command command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        command.run(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Ran backup(List<String> args) {
    return ran((out, err) -> HubBackup.run(args, Clock.systemUTC(), out, err));
  }

  static Ran restore(List<String> args) {
    return ran((out, err) -> HubRestore.run(args, out, err));
  }

  /** The hub's database flags for a folder on this store (none for SQLite: its file is there). */
  private List<String> databaseFlags(Map<String, Object> properties) {
    List<String> flags = new ArrayList<>();
    if (properties.containsKey("hub.db.url")) {
      flags.add("--db-url=" + properties.get("hub.db.url"));
      flags.add("--db-user=" + properties.get("hub.db.user"));
      flags.add("--db-password=" + properties.get("hub.db.password"));
    }
    return flags;
  }

  @Test
  void shouldBackUpARunningHubUnderLoadAndRestoreTheSameIntoANewFolder(@TempDir Path tmp)
      throws Exception {
    Path dataDir = tmp.resolve("hub");
    Path backups = Files.createDirectories(tmp.resolve("backups"));
    Map<String, Object> database = TestDatabases.hubProperties(store, dataDir);
    Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    AtomicInteger events = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Path file;
    String stationPassword;
    String hubPassword;
    Set<String> before;
    int afterBackup;
    try (RunningHub hub =
        RunningHub.start(
            dataDir,
            store,
            Map.of(
                "hub.opinions.client-ip-header", "X-Forwarded-For",
                "hub.opinions.per-ip", 100_000,
                "hub.opinions.per-token", 100_000))) {
      String token =
          hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
      stationPassword = hub.stationPassword("s-001");
      hubPassword = hub.hubPassword();
      ExecutorService load = Executors.newFixedThreadPool(4);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Resident phone = new Resident(hub, "10.7.0." + (i + 1));
        int n = i;
        running.add(
            load.submit(
                () -> {
                  for (int k = 0; !stop.get(); k++) {
                    List<Field> fields = new ArrayList<>();
                    fields.add(Field.text("category", "TRANSPORT"));
                    fields.add(Field.text("text", LOAD_TEXT + n + "-" + k));
                    if (k % 3 == 0) {
                      // a photo of its own each time: a new file beside the database
                      fields.add(Field.file("photo1", "p.png", Resident.png(40 + k % 50, 30 + n)));
                    }
                    HttpResponse<String> sent = phone.submit(token, fields);
                    if (sent.statusCode() == 303) {
                      acknowledged.add(Resident.code(sent));
                    }
                  }
                }));
      }
      running.add(
          load.submit(
              () -> {
                String topic = Topic.stationEvent("s-001").toString();
                try (TestClient station = hub.station("s-001", "events")) {
                  while (!stop.get()) {
                    station.publish(
                        topic,
                        ProtocolCodec.encode(
                            new StationEvent(
                                UUID.randomUUID(),
                                "test.backup",
                                OffsetDateTime.now(),
                                Map.of("n", events.get()))),
                        false);
                    events.incrementAndGet();
                  }
                }
              }));
      long storedBefore = hub.bean(EventIngest.class).storedCount();
      await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 12);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> hub.bean(EventIngest.class).storedCount() > storedBefore + 10);
      before = new HashSet<>(acknowledged);

      List<String> args = new ArrayList<>(List.of("--to=" + backups, "--data-dir=" + dataDir));
      args.addAll(databaseFlags(database));
      Ran backup = backup(args);

      assertThat(backup.status()).as(backup.err()).isZero();
      assertThat(backup.out()).contains("备份已写入", "Backup written to");
      System.out.print("[" + store + "] " + backup.out());
      afterBackup = acknowledged.size();
      await()
          .atMost(Duration.ofSeconds(60))
          .alias("the hub goes on taking opinions after the backup")
          .until(() -> acknowledged.size() > afterBackup + 3);
      stop.set(true);
      for (Future<?> f : running) {
        f.get();
      }
      load.shutdown();
      try (Stream<Path> written = Files.list(backups)) {
        file = written.findFirst().orElseThrow();
      }
      assertThat(file.getFileName().toString()).matches("liaison-hub-\\d{8}-\\d{6}\\.zip");
    }

    Manifest manifest;
    try (ZipFile zip = new ZipFile(file.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(Manifest.NAME))) {
      manifest = Manifest.read(in, file.toString());
    }
    assertThat(manifest.store())
        .isEqualTo(store == TestDatabases.Store.SQLITE ? "sqlite" : "postgresql");
    assertThat(manifest.files())
        .extracting(Manifest.Entry::name)
        .contains("files/mqtt-hub.secret")
        .anyMatch(name -> name.startsWith("files/photos/"))
        .noneMatch(name -> name.startsWith("files/broker/") || name.endsWith("hub.db-wal"));

    Path restoredDir = tmp.resolve("restored");
    Map<String, Object> restoredDatabase =
        store == TestDatabases.Store.SQLITE
            ? Map.of()
            : TestDatabases.createPostgres().hubProperties();
    List<String> args = new ArrayList<>(List.of("--from=" + file, "--data-dir=" + restoredDir));
    args.addAll(databaseFlags(restoredDatabase));
    Ran restore = restore(args);

    assertThat(restore.status()).as(restore.err()).isZero();
    assertThat(restore.out()).contains("已恢复", "every one the same as the backup's manifest");
    System.out.print("[" + store + "] " + restore.out());
    String url =
        (String)
            restoredDatabase.getOrDefault(
                "hub.db.url", "jdbc:sqlite:" + restoredDir.resolve("hub.db"));
    Set<String> restoredCodes = new HashSet<>();
    Set<String> photoHashes = new HashSet<>();
    try (Connection c =
            DriverManager.getConnection(
                url,
                (String) restoredDatabase.getOrDefault("hub.db.user", ""),
                (String) restoredDatabase.getOrDefault("hub.db.password", ""));
        Statement s = c.createStatement()) {
      assertThat(DatabaseDigest.of(c, DatabaseDigest.historyTable()))
          .as("every table as the manifest read it inside the backup's snapshot")
          .isEqualTo(manifest.tables());
      // The load's own opinions (the demo county has others).
      try (ResultSet r =
          s.executeQuery(
              "SELECT tracking_code FROM opinion_case WHERE text LIKE '" + LOAD_TEXT + "%'")) {
        while (r.next()) {
          restoredCodes.add(r.getString(1));
        }
      }
      try (ResultSet r = s.executeQuery("SELECT hash FROM case_photo")) {
        while (r.next()) {
          photoHashes.add(r.getString(1));
        }
      }
    }
    assertThat(restoredCodes)
        .as("every opinion acknowledged before the backup began")
        .containsAll(before);
    assertThat(acknowledged)
        .as("every opinion in the copy was one the hub acknowledged")
        .containsAll(restoredCodes);
    // The snapshot is taken during the backup: an opinion in it was acknowledged before the backup
    // ended, or its answer was on its way then (one per resident at the most).
    assertThat(restoredCodes.size())
        .as("none acknowledged after the backup ended")
        .isLessThanOrEqualTo(afterBackup + 3);
    assertThat(photoHashes).isNotEmpty();
    for (String hash : photoHashes) {
      try (Stream<Path> photos = Files.list(restoredDir.resolve("photos"))) {
        assertThat(photos.map(p -> p.getFileName().toString()))
            .as("the photo of every restored opinion")
            .anyMatch(name -> name.startsWith(hash));
      }
    }
    try (Stream<Path> restoredFiles = Files.walk(restoredDir)) {
      for (Path f : restoredFiles.filter(Files::isRegularFile).toList()) {
        Path original = dataDir.resolve(restoredDir.relativize(f));
        if (!f.getFileName().toString().startsWith("hub.db")) {
          assertThat(f).as("byte for byte").hasSameBinaryContentAs(original);
        }
      }
    }

    Map<String, Object> restoredSettings = new java.util.HashMap<>(restoredDatabase);
    try (RunningHub restored =
        store == TestDatabases.Store.SQLITE
            ? RunningHub.start(restoredDir, TestDatabases.Store.SQLITE, Map.of())
            : RunningHub.start(restoredDir, restoredSettings)) {
      String code = before.iterator().next();
      HttpResponse<String> page = restored.get("/t/" + code);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains(code);
      assertThat(restored.hubPassword())
          .as("the hub's own MQTT secret came along")
          .isEqualTo(hubPassword);
      assertThat(
              TestClient.tryConnect(
                  restored.brokerUri(),
                  StationIdentity.clientId("s-001", "restored"),
                  "s-001",
                  stationPassword.getBytes(StandardCharsets.UTF_8),
                  javax.net.SocketFactory.getDefault()))
          .as("the station logs in with the password it had")
          .isZero();
    }
  }

  @Test
  void shouldRefuseADamagedBackupAndAFolderThatIsNotEmptyWritingNothing(@TempDir Path tmp)
      throws Exception {
    Path dataDir = tmp.resolve("hub");
    Map<String, Object> database = TestDatabases.hubProperties(store, dataDir);
    try (TestStore migrated = TestStore.migrated(store, dataDir)) {
      migrated
          .database()
          .useHandle(h -> h.execute("INSERT INTO county (id, name) VALUES ('c-backup', '备份县')"));
    }
    Files.createDirectories(dataDir.resolve("photos"));
    Files.write(dataDir.resolve("photos/abc.jpg"), new byte[64 * 1024]);
    // A media upload under way: its work files are not the library's.
    Files.createDirectories(dataDir.resolve("media/incoming/upload-1"));
    Files.write(dataDir.resolve("media/incoming/upload-1/upload"), new byte[1024]);
    Files.write(dataDir.resolve("media/upload-2.tmp"), new byte[1024]);
    Files.write(dataDir.resolve("media/" + "ab".repeat(32)), new byte[16]);
    Path file = tmp.resolve("hub.zip");
    List<String> args = new ArrayList<>(List.of("--to=" + file, "--data-dir=" + dataDir));
    args.addAll(databaseFlags(database));
    assertThat(backup(args).status()).isZero();
    try (ZipFile zip = new ZipFile(file.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(Manifest.NAME))) {
      assertThat(Manifest.read(in, file.toString()).files())
          .extracting(Manifest.Entry::name)
          .contains("files/media/" + "ab".repeat(32))
          .noneMatch(name -> name.startsWith("files/media/incoming/") || name.endsWith(".tmp"));
    }
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as("the backup holds the signing key and password hashes: its owner's only")
          .isEqualTo("rw-------");
    }

    Ran noFolder =
        backup(List.of("--to=" + tmp.resolve("not-made") + "/", "--data-dir=" + dataDir));
    assertThat(noFolder.status()).isEqualTo(1);
    assertThat(noFolder.err()).contains("不存在", "does not exist; make it first");
    assertThat(tmp.resolve("not-made")).doesNotExist();

    Ran again = backup(args);
    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err()).contains("备份从不覆盖", "never overwrites");

    Map<String, Object> target =
        store == TestDatabases.Store.SQLITE
            ? Map.of()
            : TestDatabases.createPostgres().hubProperties();
    Path busy = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(busy.resolve("notes.txt"), "mine");
    List<String> intoBusyArgs = new ArrayList<>(List.of("--from=" + file, "--data-dir=" + busy));
    intoBusyArgs.addAll(databaseFlags(target));
    Ran intoBusy = restore(intoBusyArgs);
    assertThat(intoBusy.status()).isEqualTo(1);
    assertThat(intoBusy.err()).contains("不是空目录", "is not empty");
    try (Stream<Path> left = Files.list(busy)) {
      assertThat(left).containsExactly(busy.resolve("notes.txt"));
    }

    byte[] bytes = Files.readAllBytes(file);
    for (int i = bytes.length / 3; i < bytes.length / 3 + 16; i++) {
      bytes[i] ^= 0x5A;
    }
    Path damaged = tmp.resolve("damaged.zip");
    Files.write(damaged, bytes);
    Path fresh = tmp.resolve("fresh");
    List<String> restoreArgs = new ArrayList<>(List.of("--from=" + damaged, "--data-dir=" + fresh));
    restoreArgs.addAll(databaseFlags(target));
    Ran refused = restore(restoreArgs);

    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err()).contains("损坏", "damaged");
    assertThat(fresh).doesNotExist();
    assertEmpty(target);

    // A manifest that says another thing of one table than the copy holds: every entry is whole,
    // so the restore writes, reads the tables back, finds the difference and removes what it wrote.
    Path altered = tmp.resolve("altered.zip");
    try (ZipFile zip = new ZipFile(file.toFile());
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(altered))) {
      for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
        byte[] content = zip.getInputStream(entry).readAllBytes();
        if (entry.getName().equals(Manifest.NAME)) {
          content =
              new String(content, StandardCharsets.UTF_8)
                  .replaceFirst("(?m)^table\tcounty\t1\t", "table\tcounty\t2\t")
                  .getBytes(StandardCharsets.UTF_8);
        }
        out.putNextEntry(new ZipEntry(entry.getName()));
        out.write(content);
        out.closeEntry();
      }
    }
    List<String> alteredArgs = new ArrayList<>(List.of("--from=" + altered, "--data-dir=" + fresh));
    alteredArgs.addAll(databaseFlags(target));
    Ran different = restore(alteredArgs);

    assertThat(different.status()).isEqualTo(1);
    assertThat(different.err())
        .contains("1 张表恢复后与备份清单不一致（county）", "1 table(s) came back different", "removed");
    assertThat(fresh).doesNotExist();
    assertEmpty(target);
  }

  private static void assertEmpty(Map<String, Object> target) throws Exception {
    if (target.isEmpty()) {
      return;
    }
    try (Connection c =
            DriverManager.getConnection(
                (String) target.get("hub.db.url"),
                (String) target.get("hub.db.user"),
                (String) target.get("hub.db.password"));
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = current_schema()")) {
      r.next();
      assertThat(r.getInt(1)).as("nothing left in the empty database").isZero();
    }
  }
}
