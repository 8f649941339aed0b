package liaison.hub.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.TestDatabases.PostgresDatabase;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.report.ReportsOverHttp;
import liaison.hub.station.StationRepository;
import liaison.signage.player.loop.DisplayProof;
import liaison.signage.player.loop.DisplayProofReporter;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.EnrolmentRequest;
import liaison.signage.protocol.EnrolmentTicket;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.StationIdentity;
import liaison.signage.protocol.StationState;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hub.jar migrate-to-postgres} as a county's IT person runs it: a real hub on SQLite with
 * the demo county and a day's work in every feature (an opinion with a photo, a merged duplicate, a
 * booking, an enrolled screen with its credential, its events, state and proofs of display,
 * publications, a remote command, audit entries, a log-in session), stopped, then moved into a
 * fresh PostgreSQL database. Every table is compared cell by cell over JDBC here, independently of
 * the tool's own check, and a hub started on the PostgreSQL database serves the same county. Each
 * refusal leaves its target as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MigrateToPostgresTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** What staff typed into a notice: CJK, emoji, both kinds of quotes, a backslash, lines. */
  private static final String NOTICE_BODY =
      "本周六 8:00–12:00 \"停电\"检修 ‘暂停’接待 🙏🏮\n路径 C:\\data\\hub.db；O'Brien 也来。";

  @TempDir static Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private Path county;
  private Path sqlite;
  private Outcome whileRunning;
  private PostgresDatabase untouchedWhileRunning;
  private PostgresDatabase migrated;
  private Outcome migration;
  private Map<String, List<List<Object>>> sqliteRows;
  private Map<String, List<List<Object>>> postgresRows;
  private JsonNode casesBefore;
  private long versionBefore;
  private String lampCode;

  /** What the command printed and returned. */
  private record Outcome(int status, String out, String err) {}

  @BeforeAll
  void aCountyWorkedOnSqliteThenMoved() throws Exception {
    TestDatabases.assumePostgres();
    county = dir.resolve("county");
    sqlite = county.resolve("hub.db");
    try (RunningHub hub = RunningHub.start(county, onSqlite(county))) {
      aDaysWork(hub);
      casesBefore = json.readTree(admin(hub).api("GET", "/api/cases", null).body());
      versionBefore = publishedVersion(hub, "s-001");
      // The IT person forgets to stop the hub first.
      untouchedWhileRunning = TestDatabases.createPostgres();
      whileRunning = migrate(sqlite, untouchedWhileRunning);
    }
    leftByAnotherHub(sqlite);
    migrated = TestDatabases.createPostgres();
    migration = migrate(sqlite, migrated);
    try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Connection to = migrated.connect()) {
      sqliteRows = rows(from, sqliteTables(from), from);
      postgresRows = rows(to, sqliteTables(from), from);
    }
  }

  @AfterAll
  void printReport() {
    if (migration != null) {
      System.out.println(migration.out() + migration.err());
    }
  }

  // ---------------------------------------------------------------- the move

  @Test
  void shouldCopyEveryTableCellByCell() {
    assertThat(migration.status()).as(migration.err()).isZero();
    assertThat(postgresRows.keySet()).isEqualTo(sqliteRows.keySet());
    assertThat(sqliteRows.keySet())
        .as("the tables the hub's migrations make")
        .contains("station", "opinion_case", "station_publication", "flyway_schema_history")
        .hasSizeGreaterThan(30);
    for (String table : sqliteRows.keySet()) {
      assertThat(sqliteRows.get(table))
          .as("%s has rows, so comparing it means something (extend the day's work)", table)
          .isNotEmpty();
      assertThat(postgresRows.get(table)).as(table).isEqualTo(sqliteRows.get(table));
    }
  }

  @Test
  void shouldKeepWhatPeopleTypedAndTheSnapshotsByteForByte() {
    assertThat(postgresRows.get("notice")).anySatisfy(row -> assertThat(row).contains(NOTICE_BODY));
    assertThat(postgresRows.get("station_publication"))
        .as("payloads as published, hashes and versions with them")
        .isEqualTo(sqliteRows.get("station_publication"))
        .hasSize(3);
    assertThat(postgresRows.get("opinion_case"))
        .as("a case merged into one stored after it: the reference is filled in after the rows")
        .anySatisfy(row -> assertThat(row).contains("MERGED"));
  }

  @Test
  void shouldReportEveryTableTheSameInChineseThenEnglish() {
    String out = migration.out();
    for (String table : sqliteRows.keySet()) {
      if (table.equals("flyway_schema_history")) {
        assertThat(out)
            .as("Flyway's history is written by the migrations, not copied")
            .doesNotContainPattern("(?m)^  flyway_schema_history ");
        continue;
      }
      assertThat(out).containsPattern("(?m)^  " + table + " +\\d+  相同 same +\\d+\\.\\d\\d s$");
    }
    assertThat(out).doesNotContain("不同 different");
    int tables = sqliteRows.size() - 1;
    assertThat(out).contains(tables + " 张表全部一致", "All " + tables + " tables are the same");
    assertThat(out.indexOf("张表全部一致")).isLessThan(out.indexOf("tables are the same"));
    assertThat(out).contains("--db-url=" + migrated.url());
    assertThat(
            PostgresTarget.shown("jdbc:postgresql://db/liaison?user=it&password=s3cret&ssl=true"))
        .as("a password in the URL is never printed")
        .isEqualTo("jdbc:postgresql://db/liaison?user=it&password=***&ssl=true");
  }

  @Test
  void shouldServeTheSameCountyFromPostgresWithVersionsGoingOnUpward() throws Exception {
    Map<String, Object> properties = new LinkedHashMap<>(migrated.hubProperties());
    properties.put("hub.demo", "never");
    // The same data folder: the photos and the hub's MQTT secret live there, as the report says.
    try (RunningHub hub = RunningHub.start(county, properties);
        TestClient watcher = hub.observer("migrated-watcher")) {
      String product =
          hub.bean(Database.class)
              .withHandle(h -> h.getConnection().getMetaData().getDatabaseProductName());
      assertThat(product).isEqualTo("PostgreSQL");
      StaffClient admin = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
      assertThat(admin.get("/admin/cases").statusCode()).isEqualTo(200);
      assertThat(json.readTree(admin(hub).api("GET", "/api/cases", null).body()))
          .isEqualTo(casesBefore);
      // The resident's photo: its hash in PostgreSQL, its file in the data folder.
      String id = caseId(admin(hub), lampCode);
      JsonNode file = json.readTree(admin(hub).api("GET", "/api/cases/" + id, null).body());
      assertThat(file.path("text").asText()).isEqualTo("小区门口的路灯坏了一个月 💡🙏，晚上很黑");
      String photo = "/api/cases/" + id + "/photos/" + file.path("photos").get(0).asText() + ".jpg";
      assertThat(admin(hub).download(photo).statusCode()).as(photo).isEqualTo(200);

      // A change on s-001 reaches its screen with a version above the one SQLite had published,
      // which the screen holds and would refuse to go back from.
      watcher.subscribe(Topic.stationContent("s-001").toString());
      HttpResponse<String> notice =
          admin(hub)
              .api(
                  "POST",
                  "/api/notices",
                  """
                  {"title": "迁移之后的第一条通知", "body": "已迁到 PostgreSQL", "priority": "NORMAL",
                   "target": "STATIONS", "stationIds": ["s-001"]}""");
      assertThat(notice.statusCode()).as(notice.body()).isEqualTo(201);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  watcher.received().stream()
                      .map(m -> ProtocolCodec.decode(m.payload(), StationContent.class))
                      .anyMatch(
                          c ->
                              c.version() > versionBefore
                                  && c.notices().stream()
                                      .anyMatch(n -> n.title().equals("迁移之后的第一条通知"))));
      assertThat(watcher.received())
          .map(m -> ProtocolCodec.decode(m.payload(), StationContent.class).version())
          .as("every version s-001 is sent after the move")
          .allMatch(v -> v >= versionBefore);
      assertThat(publishedVersion(hub, "s-001")).isGreaterThan(versionBefore);
    }
  }

  /**
   * A database where an older hub once made the (still empty) tables: the migrations take it on
   * from there to the file's version, and the rows follow.
   */
  @Test
  void shouldTakeOnATargetWhoseEmptyTablesAreAtAnOlderVersion() throws SQLException {
    PostgresDatabase target = TestDatabases.createPostgres();
    new HubMigrations(
            MigrateToPostgres.flywaySettings(), target.url(), target.user(), target.password())
        .migrateTo(org.flywaydb.core.api.MigrationVersion.fromVersion("5"));
    assertThat(tablesIn(target)).contains("opinion_case").doesNotContain("station_command");

    Outcome moved = migrate(sqlite, target);

    assertThat(moved.status()).as(moved.err()).isZero();
    assertThat(moved.out()).contains("All " + (sqliteRows.size() - 1) + " tables are the same");
    try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Connection to = target.connect()) {
      assertThat(rows(to, sqliteTables(from), from)).isEqualTo(sqliteRows);
    }
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void shouldRefuseWhileAHubRunsOnTheFileAndWriteNothing() throws SQLException {
    assertThat(whileRunning.status()).isEqualTo(1);
    assertThat(whileRunning.err())
        .contains("正被运行中的枢纽使用：先停止枢纽，再迁移")
        .contains("is in use by a running hub: stop the hub first, then migrate")
        .contains("没有被改动", "Nothing was written");
    assertThat(whileRunning.err().indexOf("正被运行中"))
        .isLessThan(whileRunning.err().indexOf("in use by a running hub"));
    assertThat(tablesIn(untouchedWhileRunning)).isEmpty();
  }

  @Test
  void shouldRefuseATargetThatHoldsLiaisonDataAndLeaveItAsItWas() throws SQLException {
    Map<String, List<List<Object>>> before = postgresNow();

    Outcome again = migrate(sqlite, migrated);

    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err())
        .contains("已有联络站的数据", "already holds Liaison data", "Nothing was written");
    assertThat(postgresNow()).isEqualTo(before);
  }

  @Test
  void shouldRefuseWhatIsNotALiaisonHubsFile() throws Exception {
    PostgresDatabase target = TestDatabases.createPostgres();
    Path text = dir.resolve("notes.db");
    Files.writeString(text, "not a database");
    Path otherApp = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + otherApp);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE station (id TEXT PRIMARY KEY)");
      s.execute("INSERT INTO station VALUES ('s-001')");
    }
    Path otherFlyway = dir.resolve("other-flyway.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + otherFlyway);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE flyway_schema_history (installed_rank INTEGER PRIMARY KEY, version TEXT,"
              + " description TEXT, type TEXT, script TEXT, checksum INTEGER, installed_by TEXT,"
              + " installed_on TEXT, execution_time INTEGER, success BOOLEAN)");
      s.execute(
          "INSERT INTO flyway_schema_history VALUES (1, '1', 'invoices', 'SQL', 'V1__invoices.sql',"
              + " 12345, 'x', '2026-01-01', 1, 1)");
    }

    for (Path file : List.of(text, otherApp, otherFlyway)) {
      Outcome refused = migrate(file, target);
      assertThat(refused.status()).as(file.toString()).isEqualTo(1);
      assertThat(refused.err())
          .as(file.toString())
          .contains("不是联络站枢纽的数据库", "is not a Liaison hub's database", "Nothing was written");
    }
    Outcome missing = migrate(dir.resolve("nowhere/hub.db"), target);
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("找不到 SQLite 文件", "There is no SQLite file");
    assertThat(tablesIn(target)).isEmpty();
  }

  @Test
  void shouldRefuseAFileNewerThanThisHub() throws Exception {
    PostgresDatabase target = TestDatabases.createPostgres();
    Path newer = dir.resolve("newer.db");
    Files.copy(sqlite, newer);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + newer);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, execution_time, success)"
              + " VALUES (999, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 1,"
              + " 'x', 1, 1)");
    }

    Outcome refused = migrate(newer, target);

    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err())
        .contains("结构版本是 999", "is at schema version 999, newer than the newest this hub knows");
    assertThat(tablesIn(target)).isEmpty();
  }

  /**
   * PostgreSQL cannot store a NUL character in text. The hub never writes one (residents' text is
   * cleaned), but a file edited by hand might hold one: the move stops, names the cell, and takes
   * back everything it did, the schema the migrations made included. Dropping or replacing the
   * character would change what was stored.
   */
  @Test
  void shouldStopAtATextPostgresCannotHoldAndLeaveTheTargetAsItWas() throws Exception {
    PostgresDatabase target = TestDatabases.createPostgres();
    Path withNul = dir.resolve("with-nul.db");
    Files.copy(sqlite, withNul);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + withNul);
        Statement s = c.createStatement()) {
      s.execute("UPDATE notice SET body = 'before' || char(0) || 'after' WHERE id = 'n-0002'");
    }

    Outcome stopped = migrate(withNul, target);

    assertThat(stopped.status()).isEqualTo(1);
    assertThat(stopped.err())
        .contains("表 notice 的列 body（id = n-0002）的值不能迁移", "NUL")
        .contains("The value of column body of table notice (id = n-0002) cannot be moved")
        .contains("已恢复原样", "is as it was");
    assertThat(tablesIn(target)).as("not even Flyway's history is left").isEmpty();
  }

  /**
   * Bytes that are not UTF-8 in a text cell (a file written by another tool): SQLite's driver reads
   * them as U+FFFD, which PostgreSQL stores; the check reads the bytes SQLite holds, sees the
   * difference, and nothing is kept.
   */
  @Test
  void shouldReportATableThatDiffersAndKeepNothing() throws Exception {
    PostgresDatabase target = TestDatabases.createPostgres();
    Path mangled = dir.resolve("mangled.db");
    Files.copy(sqlite, mangled);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mangled);
        Statement s = c.createStatement()) {
      s.execute("UPDATE notice SET body = CAST(x'e5819c' || x'c3' AS TEXT) WHERE id = 'n-0002'");
    }

    Outcome differs = migrate(mangled, target);

    assertThat(differs.status()).isEqualTo(1);
    assertThat(differs.out())
        .containsPattern("(?m)^  notice +\\d+  不同 different +\\d+\\.\\d\\d s$")
        .containsPattern("(?m)^  station +\\d+  相同 same ")
        .contains("1 张表不一致（notice），什么都没有保留", "1 table(s) differ (notice); nothing was kept")
        .contains("已恢复原样", "is as it was")
        .doesNotContain("全部一致");
    assertThat(tablesIn(target)).isEmpty();
  }

  @Test
  void shouldSayHowToUseItAndRefuseWrongOptions() {
    Outcome help = run(List.of("--help"));
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("--from=data/hub.db", "--to=JDBC_URL", "HUB_DB_URL");
    Outcome wrong = run(List.of("--form=data/hub.db"));
    assertThat(wrong.status()).isEqualTo(2);
    assertThat(wrong.err()).contains("unknown option --form");
    Outcome notPostgres = run(List.of("--from=" + sqlite, "--to=jdbc:mysql://db/liaison"));
    assertThat(notPostgres.status()).isEqualTo(1);
    assertThat(notPostgres.err()).contains("不是 PostgreSQL", "is not PostgreSQL");
  }

  // ---------------------------------------------------------------- a day's work on SQLite

  /**
   * A request to publish that a hub without the publisher's lease left and nobody took up before
   * the stop (the one hub here holds the lease and takes requests up within a second, so it is
   * written once that hub has stopped): the move must carry it, or that station waits for its next
   * change.
   */
  private static void leftByAnotherHub(Path sqlite) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        var insert =
            c.prepareStatement(
                "INSERT INTO publish_request (station_id, requested_at) VALUES (?, ?)")) {
      insert.setString(1, "s-002");
      insert.setString(2, "2026-12-05T09:00:00+08:00");
      insert.executeUpdate();
    }
  }

  /**
   * Touches every feature's tables beyond what the demo county fills: a staff session, an opinion
   * with a photo and contact, answered with a public summary, a merged duplicate, a booking, a rule
   * with an exception date, a notice, an activity of a station's plan, an enrolled screen with its
   * credential, its state, events and proof of display, a remote command and a day of the county's
   * own calendar, a report to voters with its ballot slips and a ballot; each change with its audit
   * entry.
   */
  private void aDaysWork(RunningHub hub) throws Exception {
    StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    StaffClient admin = admin(hub);
    String token =
        hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();

    Resident resident = new Resident(hub, "10.1.2.3");
    List<Field> opinion =
        new ArrayList<>(
            List.of(
                Field.text("category", "TRANSPORT"),
                Field.text("text", "小区门口的路灯坏了一个月 💡🙏，晚上很黑"),
                Field.file("photo1", "lamp.png", Resident.png(320, 240)),
                Field.text("name", "王女士"),
                Field.text("phone", "13812341234"),
                Field.text("consent", "yes"),
                Field.text("notifySms", "yes")));
    lampCode = Resident.code(resident.submit(token, opinion));
    String duplicate =
        Resident.code(
            resident.submit(
                token,
                List.of(Field.text("category", "TRANSPORT"), Field.text("text", "东门路晚上没有路灯。"))));
    String later =
        Resident.code(
            resident.submit(
                token,
                List.of(Field.text("category", "TRANSPORT"), Field.text("text", "东门路的路灯不亮。"))));
    String duplicateId = caseId(admin, duplicate);
    ok(
        admin.api(
            "POST",
            "/api/cases/" + caseId(admin, lampCode) + "/register",
            "{\"category\":\"TRANSPORT\",\"summary\":\"路灯\"}"));
    ok(
        admin.api(
            "POST",
            "/api/cases/" + duplicateId + "/merge",
            "{\"into\":\"" + later + "\",\"note\":\"同一盏灯\"}"));
    // The lamp is answered with a public summary (公示摘要) ticked 公开, and a summary of the
    // demo's cases is withdrawn by the county administrator.
    String lampId = caseId(admin, lampCode);
    String department =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM department ORDER BY id LIMIT 1")
                        .mapTo(String.class)
                        .one());
    ok(
        admin.api(
            "POST",
            "/api/cases/" + lampId + "/forward",
            json.writeValueAsString(Map.of("departmentId", department))));
    ok(admin.api("POST", "/api/cases/" + lampId + "/department-reply", "{\"text\":\"已更换灯泡\"}"));
    ok(
        admin.api(
            "POST",
            "/api/cases/" + lampId + "/answer",
            json.writeValueAsString(
                Map.of(
                    "text", "王女士您好，路灯已经修好。",
                    "publicSummary", "反映小区门口路灯损坏，承办部门已更换灯泡。",
                    "publish", true))));

    // A department answers for itself on its own account (承办单位): asks for a later deadline,
    // which the county approves, and replies with a photo of the work.
    String laterId = caseId(admin, later);
    ok(
        admin.api(
            "POST",
            "/api/cases/" + laterId + "/register",
            "{\"category\":\"TRANSPORT\",\"summary\":\"东门路路灯\"}"));
    ok(
        admin.api(
            "POST", "/api/cases/" + laterId + "/forward", "{\"departmentId\":\"dep-transport\"}"));
    StaffClient desk = StaffClient.basic(hub, "jiaotong", DemoCounty.PASSWORD);
    ok(
        desk.api(
            "POST",
            "/api/dept/cases/" + laterId + "/extension",
            json.writeValueAsString(
                Map.of(
                    "deadline",
                    LocalDate.now(SHANGHAI).plusDays(60).toString(),
                    "reason",
                    "需更换整段线路"))));
    ok(admin.api("POST", "/api/cases/" + laterId + "/extension-decision", "{\"approve\":true}"));
    StaffClient deskPages = StaffClient.loggedIn(hub, "jiaotong", DemoCounty.PASSWORD);
    HttpResponse<String> replied =
        deskPages.multipart(
            "/dept/cases/" + laterId + "/reply",
            deskPages.csrf("/dept"),
            Map.of("text", "已更换线路和灯具"),
            List.of(
                new StaffClient.FilePart("file1", "现场.png", "image/png", Resident.png(320, 240))));
    assertThat(replied.statusCode()).as(replied.body()).isEqualTo(303);
    // The duty record (履职档案): the county adds an aspect of its own to the duty list and writes
    // a note under it in 陈秀兰's record, through the admin's pages.
    StaffClient adminPages = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    HttpResponse<String> aspect =
        adminPages.submit(
            "/admin/duty-record/aspects",
            adminPages.csrf(),
            List.of(Map.entry("nameZh", "获奖情况"), Map.entry("nameEn", "Awards")));
    assertThat(aspect.statusCode()).as(aspect.body()).isEqualTo(303);
    String awards =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery("SELECT id FROM duty_aspect WHERE name_zh = '获奖情况'")
                        .mapTo(String.class)
                        .one());
    HttpResponse<String> note =
        adminPages.submit(
            "/admin/deputies/d-0001/record/notes",
            adminPages.csrf(),
            List.of(Map.entry("aspectId", awards), Map.entry("text", "获评县优秀人大代表 🏅")));
    assertThat(note.statusCode()).as(note.body()).isEqualTo(303);

    String slot =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT id FROM reception_slot WHERE station_id = 's-001'"
                                + " AND capacity IS NOT NULL AND status = 'ANNOUNCED'"
                                + " AND slot_date > :today ORDER BY slot_date LIMIT 1")
                        .bind("today", LocalDate.now(SHANGHAI).toString())
                        .mapTo(String.class)
                        .one());
    HttpResponse<String> booked =
        StaffClient.anonymous(hub)
            .postForm(
                "/b/" + token,
                List.of(
                    Map.entry("slotId", slot),
                    Map.entry("name", "陈阿姨"),
                    Map.entry("phone", "13812345678"),
                    Map.entry("partySize", "2"),
                    Map.entry("topic", "小区门口路灯坏了"),
                    Map.entry("notifySms", "yes")));
    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(303);
    // The booking's resident stops the SMS with the link in the confirmation.
    String stop =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT unsubscribe FROM notification WHERE kind = 'booking-confirmed'")
                        .mapTo(String.class)
                        .one());
    HttpResponse<String> stopped =
        StaffClient.anonymous(hub).postForm("/" + stop, List.of(Map.entry("stop", "yes")));
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(303);

    // The reception ledger: the lamp's case received at that reception, answered and followed up
    // by phone; the reception's visitors and notes.
    ok(
        admin.api(
            "PUT", "/api/cases/" + lampId + "/reception", "{\"receptionId\":\"" + slot + "\"}"));
    ok(
        admin.api(
            "POST",
            "/api/cases/" + lampId + "/follow-ups",
            json.writeValueAsString(
                Map.of(
                    "calledOn", LocalDate.now(SHANGHAI).toString(),
                    "caller", "林晓梅",
                    "result", "REACHED_SATISFIED",
                    "note", "群众说晚上亮了"))));
    ok(
        admin.api(
            "PUT",
            "/api/receptions/r-0001/ledger",
            "{\"visitors\":\"12\",\"note\":\"群众反映路灯、停车问题\"}"));

    LocalDate sunday =
        LocalDate.now(SHANGHAI).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    ok(
        admin.api(
            "POST",
            "/api/rules",
            json.writeValueAsString(
                Map.of(
                    "stationId", "s-001",
                    "kind", "WEEKLY",
                    "weekday", "7",
                    "start", "08:00",
                    "end", "08:45",
                    "location", "代表之家一楼接待室",
                    "deputyIds", List.of("d-0003"),
                    "exceptions", sunday.plusWeeks(1).toString()))));
    // An activity added to a station's annual plan, with a deputy taking part.
    ok(
        admin.api(
            "POST",
            "/api/activities",
            json.writeValueAsString(
                Map.of(
                    "stationId", "s-002",
                    "date", LocalDate.now(SHANGHAI).plusDays(40).toString(),
                    "kind", "INSPECTION",
                    "theme", "汛后村道修复视察",
                    "place", "桃源村",
                    "deputyIds", List.of("d-0006")))));
    ok(
        admin.api(
            "POST",
            "/api/notices",
            json.writeValueAsString(
                Map.of(
                    "title", "停电检修",
                    "body", NOTICE_BODY,
                    "priority", "NORMAL",
                    "target", "STATIONS",
                    "stationIds", List.of("s-001", "s-002")))));

    // A poster of the county's media library on s-002's screen in the mornings, loud enough to
    // hear a video (the slides' tables; the library's item made by the slides' test fixture).
    liaison.hub.media.MediaItems.image(
        hub.bean(liaison.hub.db.Database.class),
        hub.bean(liaison.hub.media.MediaStore.class),
        "mi-migrate",
        null,
        "冬季防火宣传海报",
        900,
        1200,
        java.awt.Color.ORANGE);
    String slideId =
        json.readTree(
                admin
                    .api(
                        "POST",
                        "/api/media-slides",
                        "{\"itemId\":\"mi-migrate\",\"target\":\"STATIONS\",\"stationIds\":[\"s-002\"],\"dayparts\":[\"08:00-12:00\"]}")
                    .body())
            .get("id")
            .asText();
    ok(admin.api("PUT", "/api/stations/s-002/media-volume", "{\"volume\":30}"));

    // A screen for s-002 enrols, connects with its own password and reports.
    String password = MqttPasswordHash.newPassword();
    HttpResponse<String> asked =
        StaffClient.anonymous(hub)
            .apiBytes(
                "POST",
                "/api/public/enrolments",
                "application/json",
                ProtocolCodec.encode(
                    new EnrolmentRequest("s-002", MqttPasswordHash.hash(password), "0.1.0")));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    String code =
        ProtocolCodec.decode(asked.body().getBytes(StandardCharsets.UTF_8), EnrolmentTicket.class)
            .code();
    ok(admin.api("POST", "/api/stations/s-002/enrolment", "{\"code\":\"" + code + "\"}"));
    long shown = publishedVersion(hub, "s-002");
    OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
    try (TestClient screen =
        TestClient.connect(
            hub.brokerUri(), StationIdentity.clientId("s-002", "migrate"), "s-002", password)) {
      screen.publish(
          Topic.stationState("s-002").toString(),
          ProtocolCodec.encode(
              new StationState(
                  StationState.Presence.ONLINE,
                  "session-m",
                  "0.1.0",
                  shown,
                  StationState.Screen.ON,
                  now,
                  new StationState.Telemetry(
                      3600, 48.5, 12_000_000_000L, 60_000_000L, 256_000_000L))),
          true);
      String events = Topic.stationEvent("s-002").toString();
      screen.publish(
          events,
          ProtocolCodec.encode(
              new StationEvent(
                  UUID.randomUUID(), "satisfaction", now, Map.of("rating", "SATISFIED"))),
          false);
      DisplayProof proof =
          new DisplayProof(
              "n-0001",
              now.minusMinutes(5).toInstant(),
              now.minusMinutes(5).plusSeconds(15).toInstant(),
              Board.NOTICES,
              DisplayProof.Kind.LOOP);
      screen.publish(
          events,
          ProtocolCodec.encode(
              new StationEvent(
                  UUID.randomUUID(),
                  DisplayProofReporter.EVENT_TYPE,
                  now,
                  new LinkedHashMap<>(DisplayProofReporter.body(proof, SHANGHAI)))),
          false);
      screen.publish(
          events,
          ProtocolCodec.encode(
              new StationEvent(
                  UUID.randomUUID(),
                  "media.displayed",
                  now,
                  Map.of(
                      "slideId",
                      slideId,
                      "from",
                      now.minusMinutes(3).toString(),
                      "until",
                      now.minusMinutes(3).plusSeconds(15).toString(),
                      "seconds",
                      15))),
          false);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  count(hub, "notice_display") == 1
                      && count(hub, "media_display") == 1
                      && count(hub, "station_event") == 3
                      && count(hub, "station_version_shown") >= 1);
    }
    // A local day off of the county's own (县庆) in its working-day calendar.
    ok(
        admin.api(
            "PUT",
            "/api/calendar/days",
            json.writeValueAsString(
                Map.of(
                    "date", LocalDate.now(SHANGHAI).getYear() + 1 + "-03-10",
                    "kind", "休",
                    "name", "县庆"))));
    // A deputy's suggestion (代表建议) with a photo, forwarded, replied to with a promise, rated; the
    // promise is reviewed (定期回头看).
    StaffClient deputyPages = StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD);
    HttpResponse<String> made =
        deputyPages.multipart(
            "/me/suggestions",
            deputyPages.csrf("/me/suggestions/new"),
            Map.of("title", "关于城关镇老街增设路灯的建议", "body", "老街晚上太黑 🌙，建议增设路灯。", "category", "TRANSPORT"),
            List.of(
                new StaffClient.FilePart("file1", "老街.png", "image/png", Resident.png(160, 120))));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(303);
    String suggestion =
        made.headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceAll(".*/suggestions/([^?]+).*", "$1");
    ok(
        admin.api(
            "POST",
            "/api/suggestions/" + suggestion + "/forward",
            "{\"lead\":\"dep-transport\",\"co\":[\"dep-housing\"]}"));
    for (String account : List.of("jiaotong", "zhujian")) {
      ok(
          StaffClient.basic(hub, account, DemoCounty.PASSWORD)
              .api(
                  "POST",
                  "/api/suggestions/" + suggestion + "/reply",
                  "{\"text\":\"年内增设。\",\"promises\":[{\"text\":\"年底前装好路灯\",\"due\":\""
                      + LocalDate.now(SHANGHAI).plusMonths(3)
                      + "\"}]}"));
    }
    StaffClient deputyApi = StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD);
    ok(
        deputyApi.api(
            "POST",
            "/api/suggestions/" + suggestion + "/rate",
            "{\"department\":\"dep-transport\",\"rating\":\"BASICALLY_SATISFIED\",\"comment\":\"希望尽快\"}"));
    String promise =
        json.readTree(admin.api("GET", "/api/suggestions/" + suggestion, null).body())
            .path("promises")
            .get(0)
            .path("id")
            .asText();
    ok(
        admin.api(
            "POST",
            "/api/suggestions/promises/" + promise + "/review-date",
            "{\"on\":\"" + LocalDate.now(SHANGHAI).plusMonths(1) + "\",\"everyMonths\":3}"));
    ok(
        admin.api(
            "POST",
            "/api/suggestions/promises/" + promise + "/review",
            "{\"finding\":\"已完成选址。\"}"));
    // Duty points: the county's own rule and star rule, a training entered by hand and approved
    // last month, the entries the hub records from its receptions, last month's stars and last
    // year closed.
    LocalDate today = LocalDate.now(SHANGHAI);
    liaison.hub.security.Staff countyAdmin =
        new liaison.hub.security.Staff(
            "u-migrate",
            "admin",
            "管理员",
            liaison.hub.security.Role.COUNTY_ADMIN,
            DemoCounty.COUNTY,
            null,
            java.util.Set.of());
    hub.bean(liaison.hub.duty.DutyPoints.class)
        .setRule(countyAdmin, "TRAINING", today.withDayOfYear(1).toString(), "4");
    hub.bean(liaison.hub.duty.DutyStars.class)
        .setRule(countyAdmin, new liaison.hub.duty.DutyStars.RuleDraft("3", "5", "1"));
    HttpResponse<String> entry =
        admin.api(
            "POST",
            "/api/points/entries",
            json.writeValueAsString(
                Map.of(
                    "deputyId", "d-0001",
                    "date", today.minusMonths(1).withDayOfMonth(1).toString(),
                    "kind", "TRAINING",
                    "note", "县人大代表履职培训")));
    ok(entry);
    ok(
        admin.api(
            "POST",
            "/api/points/entries/" + json.readTree(entry.body()).path("id").asText() + "/decision",
            "{\"decision\":\"APPROVE\"}"));
    hub.bean(liaison.hub.duty.DutyRecorder.class).record();
    hub.bean(liaison.hub.duty.DutyStars.class).chooseDue(DemoCounty.COUNTY);
    ok(admin.api("POST", "/api/points/years/" + (today.getYear() - 1) + "/close", null));
    // A report to voters at s-001 tomorrow, its vote opened early, two slips printed, one ballot.
    String report = ReportsOverHttp.scheduleTomorrow(admin, "d-0001", "s-001");
    ok(admin.api("POST", "/api/reports/" + report + "/open", null));
    List<String> codes = ReportsOverHttp.slips(admin, report, 2);
    StaffClient phone = StaffClient.anonymous(hub);
    HttpResponse<String> ballot =
        phone.postForm(
            "/r/" + report,
            List.of(
                Map.entry("form", ReportsOverHttp.formToken(phone.get("/r/" + report).body())),
                Map.entry("code", codes.getFirst()),
                Map.entry("choice", "SATISFIED"),
                Map.entry("comment", "讲得实在")));
    assertThat(ballot.statusCode()).as(ballot.body()).isEqualTo(200);

    // 民生实事: a resident's proposal with a photo into 城关镇's round (the demo's rounds hold the
    // rest of the collection); then the later stages' rows as they will write them: a project
    // merged from it, the vote with a code, a voter and a ballot, a milestone, progress with a
    // photo, a supervising deputy and a note, and the year's ratings.
    HttpResponse<String> proposed =
        resident.submitTo(
            "/l/" + token,
            List.of(
                Field.text("roundId", liaison.hub.demo.DemoLivelihood.TOWNSHIP_ROUND),
                Field.text("category", "TRANSPORT"),
                Field.text("title", "东门路路灯改造"),
                Field.text("description", "东门路晚上没有路灯，行人和电动车容易出事。"),
                Field.file("photo1", "road.png", Resident.png(320, 240))));
    assertThat(proposed.statusCode()).as(proposed.body()).isBetween(200, 399);
    hub.bean(Database.class).useTransaction(MigrateToPostgresTest::livelihoodStages);

    // A station bundle uploaded (the hub's signing key is made for it).
    ok(
        admin.apiBytes(
            "POST",
            "/api/software/bundles",
            "application/gzip",
            liaison.hub.software.TestBundles.bundle("0.2.0", "linux-aarch64").tarGz()));
    // It rolled out to one station, which reported downloading it.
    hub.bean(liaison.hub.software.SoftwareRollouts.class)
        .start(
            countyAdmin,
            new liaison.hub.software.SoftwareRollouts.Draft(
                "0.2.0", liaison.hub.software.SoftwareRollouts.Scope.STATION, "s-003"));

    // A poster uploaded to the county's media library (its file, its thumbnail, its entry).
    java.awt.image.BufferedImage poster =
        new java.awt.image.BufferedImage(320, 180, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = poster.createGraphics();
    g.setColor(new java.awt.Color(0xB7, 0x1C, 0x1C));
    g.fillRect(0, 0, 320, 180);
    g.dispose();
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(poster, "png", png);
    ok(admin.apiBytes("POST", "/api/media?fileName=poster.png", "image/png", png.toByteArray()));

    // A command to a screen that is off: it times out (hub.commands.timeout) and is kept.
    HttpResponse<String> command =
        admin.api("POST", "/api/stations/s-003/commands", "{\"name\":\"IDENTIFY\"}");
    assertThat(command.statusCode()).as(command.body()).isBetween(200, 299);
  }

  /** The later stages of 民生实事 (docs/LIVELIHOOD.md), written as plain rows until they are built. */
  private static void livelihoodStages(org.jdbi.v3.core.Handle h) {
    String round = liaison.hub.demo.DemoLivelihood.TOWNSHIP_ROUND;
    String proposal =
        h.createQuery("SELECT id FROM livelihood_proposal WHERE title = '东门路路灯改造'")
            .mapTo(String.class)
            .one();
    String at = "2026-12-05T10:00:00+08:00";
    h.execute(
        "INSERT INTO livelihood_project (id, round_id, position, category, title, description,"
            + " place, department_id, cost_yuan, starts_on, ends_on, state, votes_for,"
            + " created_at, updated_at) VALUES ('pj-migrate', ?, 1, 'TRANSPORT', '东门路路灯改造',"
            + " '新装路灯 40 盏', '东门路', NULL, 440000, '2027-03-01', '2027-10-31', 'ELECTED', 1,"
            + " ?, ?)",
        round,
        at,
        at);
    h.execute(
        "INSERT INTO livelihood_project_proposal (proposal_id, project_id) VALUES (?, 'pj-migrate')",
        proposal);
    h.execute(
        "INSERT INTO livelihood_vote_session (id, round_id, title, held_on, choices, rule,"
            + " deputies_total, state, opened_at, closed_at, codes_issued, tally_seq, created_by,"
            + " created_at) VALUES ('vs-migrate', ?, '城关镇第十八届人民代表大会第七次会议',"
            + " '2027-01-10', 5, 'MORE_THAN_HALF_OF_ALL', 45, 'CLOSED', ?, ?, 1, 2, 'u-admin', ?)",
        round,
        at,
        at,
        at);
    h.execute(
        "INSERT INTO livelihood_vote_code (session_id, code_hash, used)"
            + " VALUES ('vs-migrate', 'c0ffee', TRUE)");
    h.execute(
        "INSERT INTO livelihood_vote_voter (session_id, deputy_id, issued_at)"
            + " VALUES ('vs-migrate', 'd-0001', ?)",
        at);
    h.execute(
        "INSERT INTO livelihood_ballot (id, session_id, cast_at) VALUES ('lb-migrate',"
            + " 'vs-migrate', '2027-01-10T10:05:00+08:00')");
    h.execute(
        "INSERT INTO livelihood_ballot_choice (ballot_id, project_id, choice)"
            + " VALUES ('lb-migrate', 'pj-migrate', 'FOR')");
    h.execute(
        "INSERT INTO livelihood_ballot_form (session_id, form) VALUES ('vs-migrate', 'form-1')");
    h.execute(
        "INSERT INTO livelihood_milestone (id, project_id, position, title, due_on, done_on)"
            + " VALUES ('ms-migrate', 'pj-migrate', 1, '完成招标', '2027-04-30', '2027-04-20')");
    h.execute(
        "INSERT INTO livelihood_progress (id, project_id, percent, text, reported_by,"
            + " reported_at) VALUES ('pg-migrate', 'pj-migrate', 30, '已完成招标，开始施工',"
            + " 'u-jiaotong', ?)",
        at);
    h.execute(
        "INSERT INTO livelihood_progress_photo (progress_id, position, sha256)"
            + " VALUES ('pg-migrate', 1, 'c0ffee')");
    h.execute(
        "INSERT INTO livelihood_supervisor (project_id, deputy_id) VALUES ('pj-migrate', 'd-0001')");
    h.execute(
        "INSERT INTO livelihood_supervision_note (id, project_id, deputy_id, text, written_at)"
            + " VALUES ('sn-migrate', 'pj-migrate', 'd-0001', '现场看过，进度正常', ?)",
        at);
    h.execute(
        "INSERT INTO livelihood_rating (id, project_id, year, rater, choice, rated_on)"
            + " VALUES ('rt-migrate', 'pj-migrate', 2027, 'DEPUTY', 'SATISFIED', '2027-12-20')");
    h.execute(
        "INSERT INTO livelihood_rating_deputy (project_id, year, deputy_id)"
            + " VALUES ('pj-migrate', 2027, 'd-0001')");
  }

  private static void ok(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
  }

  private String caseId(StaffClient admin, String trackingCode) throws Exception {
    for (JsonNode c : json.readTree(admin.api("GET", "/api/cases", null).body())) {
      if (c.path("trackingCode").asText().equals(trackingCode)) {
        return c.path("id").asText();
      }
    }
    throw new AssertionError("no case " + trackingCode);
  }

  private static StaffClient admin(RunningHub hub) {
    return StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
  }

  private static long publishedVersion(RunningHub hub, String station) {
    return hub.bean(Database.class)
        .withHandle(
            h ->
                h.createQuery("SELECT version FROM station_publication WHERE station_id = :s")
                    .bind("s", station)
                    .mapTo(Long.class)
                    .one());
  }

  private static int count(RunningHub hub, String table) {
    return hub.bean(Database.class)
        .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
  }

  /** The county's hub on SQLite in its folder, whichever store the run's other hubs use. */
  private static Map<String, Object> onSqlite(Path folder) {
    return Map.of(
        "hub.db.url",
        "jdbc:sqlite:"
            + folder.resolve("hub.db")
            + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000"
            + "&transaction_mode=IMMEDIATE",
        "hub.commands.timeout",
        "1s",
        "hub.opinions.client-ip-header",
        "X-Forwarded-For");
  }

  // ---------------------------------------------------------------- running the command

  private Outcome migrate(Path from, PostgresDatabase to) {
    return run(
        List.of(
            "--from=" + from,
            "--to=" + to.url(),
            "--db-user=" + to.user(),
            "--db-password=" + to.password()));
  }

  private static Outcome run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        MigrateToPostgres.run(
            args,
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------- comparing, independently

  /** Every table of the SQLite file but SQLite's own. */
  private static List<String> sqliteTables(Connection sqlite) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = sqlite.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite%' ORDER BY name")) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    return tables;
  }

  /**
   * Each table's rows, read with the columns the SQLite file has, each value as what it means (a
   * boolean as 0 or 1, a number as a long or a double, bytes in hex), rows sorted. Flyway's
   * history: what its rows say, not when and by whom each was applied.
   */
  private static Map<String, List<List<Object>>> rows(
      Connection c, List<String> tables, Connection sqlite) throws SQLException {
    Map<String, List<List<Object>>> all = new TreeMap<>();
    for (String table : tables) {
      List<String> columns = new ArrayList<>();
      if (table.equals("flyway_schema_history")) {
        columns.addAll(List.of("version", "description", "type", "script", "checksum", "success"));
      } else {
        try (Statement s = sqlite.createStatement();
            ResultSet r = s.executeQuery("SELECT name FROM pragma_table_info('" + table + "')")) {
          while (r.next()) {
            columns.add(r.getString(1));
          }
        }
      }
      List<List<Object>> rows = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT "
                      + String.join(", ", columns.stream().map(n -> "\"" + n + "\"").toList())
                      + " FROM \""
                      + table
                      + "\"")) {
        while (r.next()) {
          List<Object> row = new ArrayList<>();
          for (int i = 1; i <= columns.size(); i++) {
            row.add(meaning(r.getObject(i)));
          }
          rows.add(row);
        }
      }
      rows.sort(Comparator.comparing(Object::toString));
      all.put(table, rows);
    }
    return all;
  }

  private static Object meaning(Object value) {
    return switch (value) {
      case null -> "NULL";
      case Boolean b -> b ? 1L : 0L;
      case Integer i -> (long) i;
      case Short s -> (long) s;
      case Float f -> (double) f;
      case BigDecimal d -> d.stripTrailingZeros().toPlainString();
      case byte[] bytes -> "bytes:" + HexFormat.of().formatHex(bytes);
      default -> value;
    };
  }

  private Map<String, List<List<Object>>> postgresNow() throws SQLException {
    try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
        Connection to = migrated.connect()) {
      return rows(to, sqliteTables(from), from);
    }
  }

  private static List<String> tablesIn(PostgresDatabase db) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = current_schema() AND relkind IN ('r', 'v', 'S', 'p')")) {
      while (r.next()) {
        tables.add(r.getString(1));
      }
    }
    return tables;
  }
}
