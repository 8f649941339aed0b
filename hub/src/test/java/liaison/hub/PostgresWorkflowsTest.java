package liaison.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liaison.hub.audit.AuditLog;
import liaison.hub.booking.Booking;
import liaison.hub.booking.BookingRepository;
import liaison.hub.booking.BookingStatus;
import liaison.hub.command.CommandRepository;
import liaison.hub.command.CommandStatus;
import liaison.hub.db.Dialect;
import liaison.hub.demo.DemoCounty;
import liaison.hub.ingest.StateIngest;
import liaison.hub.ingest.StationEventRepository;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.Resident;
import liaison.hub.publish.PublicationRepository;
import liaison.hub.station.StationRepository;
import liaison.signage.player.loop.DisplayProof;
import liaison.signage.player.loop.DisplayProofReporter;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.CommandResult;
import liaison.signage.protocol.EnrolmentRequest;
import liaison.signage.protocol.EnrolmentTicket;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationCommand;
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
 * Each feature's workflow once, end to end, on a hub whose store is PostgreSQL, in the default
 * suite: what staff, residents and screens do through HTTP and MQTT, and what the database keeps of
 * it. The feature tests cover each feature in depth on the store the run chose (SQLite by default,
 * PostgreSQL in CI's second step); this class makes sure a change that breaks PostgreSQL is caught
 * by {@code ./liaison test} already. One hub for the class, the demo county in it; the workflows
 * use stations, deputies and times of their own so that they do not meet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresWorkflowsTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String PASSWORD = DemoCounty.PASSWORD;
  private static final Pattern CSRF = Pattern.compile("[?&;]_csrf=([A-Za-z0-9_-]+)");
  private static final Pattern BOOKING_CODE = Pattern.compile("B-[2-9A-Z]{4}-[2-9A-Z]{4}");
  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private StaffClient admin;
  private StaffClient manager;

  @BeforeAll
  void start(@TempDir Path dir) {
    TestDatabases.assumePostgres();
    hub = RunningHub.start(dir, TestDatabases.Store.POSTGRESQL, Map.of());
    admin = StaffClient.basic(hub, "admin", PASSWORD);
    manager = StaffClient.basic(hub, "chengguan", PASSWORD);
    assertThat(hub.bean(Dialect.class)).isEqualTo(Dialect.POSTGRESQL);
  }

  @AfterAll
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void stations() throws Exception {
    HttpResponse<String> created =
        admin.api(
            "POST",
            "/api/stations",
            write(
                Map.of(
                    "id", "s-060",
                    "name", "白沙镇石门村人大代表工作站",
                    "kind", "WORKSTATION",
                    "townshipId", "t-baisha",
                    "address", "石门村村委会一楼",
                    "latitude", "24.75",
                    "longitude", "110.62")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    await().until(() -> hub.bean(PublicationRepository.class).current("s-060").isPresent());

    assertThat(
            admin
                .api("PUT", "/api/stations/s-060", "{\"openingHours\":\"周三 9:00—11:30\"}")
                .statusCode())
        .isEqualTo(200);
    JsonNode read = read(admin.api("GET", "/api/stations/s-060", null));
    assertThat(read.path("openingHours").asText()).isEqualTo("周三 9:00—11:30");
    assertThat(read.path("latitude").asDouble()).isEqualTo(24.75);
    assertThat(ids(admin.api("GET", "/api/stations?q=%E7%9F%B3%E9%97%A8", null)))
        .containsExactly("s-060");

    assertThat(admin.api("DELETE", "/api/stations/s-060", null).statusCode()).isEqualTo(204);
    assertThat(admin.api("GET", "/api/stations/s-060", null).statusCode()).isEqualTo(404);
    assertThat(hub.bean(AuditLog.class).latest(50, "station"))
        .filteredOn(e -> e.entityId().equals("s-060"))
        .extracting(AuditLog.Entry::action)
        .containsExactlyInAnyOrder("create", "update", "delete");
  }

  @Test
  void deputies() throws Exception {
    Map<String, Object> deputy = new LinkedHashMap<>();
    deputy.put("name", "覃小燕");
    deputy.put("levels", List.of("TOWNSHIP", "COUNTY"));
    deputy.put("constituency", "白沙镇第三选区");
    deputy.put("occupation", "村卫生室医生");
    deputy.put("specialties", List.of("医疗卫生、教育"));
    deputy.put("phone", "0771 555-6789");
    deputy.put("phonePublic", true);
    deputy.put("stationIds", List.of("s-002"));
    HttpResponse<String> created = admin.api("POST", "/api/deputies", write(deputy));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = read(created).path("id").asText();
    assertThat(texts(read(created).path("levels"))).containsExactly("COUNTY", "TOWNSHIP");
    await().until(() -> onScreen("s-002").contains(id));

    assertThat(admin.api("PUT", "/api/deputies/" + id, "{\"occupation\":\"村医\"}").statusCode())
        .isEqualTo(200);
    assertThat(read(admin.api("GET", "/api/deputies/" + id, null)).path("occupation").asText())
        .isEqualTo("村医");
    assertThat(
            read(admin.api("GET", "/api/deputies?q=%E8%A6%83%E5%B0%8F%E7%87%95", null))
                .findValuesAsText("id"))
        .containsExactly(id);

    assertThat(admin.api("DELETE", "/api/deputies/" + id, null).statusCode()).isEqualTo(204);
    await().until(() -> !onScreen("s-002").contains(id));
  }

  @Test
  void receptionsAndRules() throws Exception {
    LocalDate today = LocalDate.now(SHANGHAI);
    HttpResponse<String> slot =
        manager.api("POST", "/api/receptions", slot(today, "21:00", "21:30", "ANNOUNCED", null));
    assertThat(slot.statusCode()).as(slot.body()).isEqualTo(201);
    String slotId = read(slot).path("id").asText();
    HttpResponse<String> present =
        manager.api("PUT", "/api/receptions/" + slotId + "/present/d-0004", null);
    assertThat(present.statusCode()).as(present.body()).isEqualTo(200);
    assertThat(texts(read(present).path("presentDeputyIds"))).containsExactly("d-0004");

    // Sundays at 06:00: the demo holds no reception then.
    LocalDate sunday = today.plusDays(1);
    while (sunday.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
      sunday = sunday.plusDays(1);
    }
    Map<String, Object> rule = new LinkedHashMap<>();
    rule.put("stationId", "s-001");
    rule.put("kind", "WEEKLY");
    rule.put("weekday", "7");
    rule.put("start", "06:00");
    rule.put("end", "06:45");
    rule.put("location", "代表之家一楼接待室");
    rule.put("deputyIds", List.of("d-0003"));
    rule.put("exceptions", sunday.plusWeeks(1).toString());
    HttpResponse<String> made = manager.api("POST", "/api/rules", write(rule));
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String ruleId = read(made).path("id").asText();
    List<String> sundays = slotDates("s-001", today, today.plusDays(40), "06:00");
    assertThat(sundays)
        .contains(sunday.toString(), sunday.plusWeeks(2).toString())
        .doesNotContain(sunday.plusWeeks(1).toString())
        .isSorted();

    assertThat(manager.api("DELETE", "/api/rules/" + ruleId, null).statusCode()).isEqualTo(204);
    assertThat(slotDates("s-001", today, today.plusDays(40), "06:00")).isEmpty();
  }

  @Test
  void noticesAndProofsOfDisplay() throws Exception {
    OffsetDateTime now = OffsetDateTime.now(SHANGHAI).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> notice = new LinkedHashMap<>();
    notice.put("title", "石门村周六停电");
    notice.put("body", "周六 8:00—12:00 停电检修，暂停接待。");
    notice.put("priority", "NORMAL");
    notice.put("validFrom", now.minusMinutes(5).toString());
    notice.put("validUntil", now.plusDays(2).toString());
    notice.put("target", "STATIONS");
    notice.put("stationIds", List.of("s-003"));
    HttpResponse<String> created = manager.api("POST", "/api/notices", write(notice));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = read(created).path("id").asText();
    await().until(() -> snapshot("s-003").notices().stream().anyMatch(n -> n.id().equals(id)));

    DisplayProof proof =
        new DisplayProof(
            id,
            now.minusMinutes(2).toInstant(),
            now.minusMinutes(2).plusSeconds(15).toInstant(),
            Board.NOTICES,
            DisplayProof.Kind.LOOP);
    StationEvent shown =
        new StationEvent(
            UUID.randomUUID(),
            DisplayProofReporter.EVENT_TYPE,
            now,
            new LinkedHashMap<>(DisplayProofReporter.body(proof, SHANGHAI)));
    try (TestClient screen = hub.station("s-003", "proofs")) {
      for (int i = 0; i < 2; i++) {
        // Sent twice, as after a lost acknowledgement: counted once.
        screen.publish(Topic.stationEvent("s-003").toString(), ProtocolCodec.encode(shown), false);
      }
    }
    await().until(() -> proofTimes(id, "s-003") == 1);
    JsonNode proofs = read(manager.api("GET", "/api/notices/" + id + "/proofs", null));
    assertThat(proofs.findValuesAsText("stationId")).containsExactly("s-003");
    assertThat(proofs.get(0).path("seconds").asLong()).isEqualTo(15);

    assertThat(manager.api("DELETE", "/api/notices/" + id, null).statusCode()).isEqualTo(204);
    await().until(() -> snapshot("s-003").notices().stream().noneMatch(n -> n.id().equals(id)));
  }

  @Test
  void opinionsFromTheFormToTheRating() throws Exception {
    Resident phone = new Resident(hub, "10.60.0.1");
    HttpResponse<String> sent =
        phone.submit(
            token("s-001"),
            List.of(
                Resident.Field.text("category", "TRANSPORT"),
                Resident.Field.text("text", "石门路口的 WiFi 杆挡住了红绿灯，司机看不见。"),
                Resident.Field.text("name", "王女士"),
                Resident.Field.text("phone", "13812341234"),
                Resident.Field.text("consent", "yes")));
    String code = Resident.code(sent);
    OpinionCase submitted = hub.bean(CaseRepository.class).findByCode(code).orElseThrow();
    String id = submitted.id();
    assertThat(submitted.status()).isEqualTo(CaseStatus.SUBMITTED);
    assertThat(read(manager.api("GET", "/api/cases?q=wifi", null)).findValuesAsText("id"))
        .as("the search ignores the case of Latin letters, as on SQLite")
        .contains(id);

    step(id, "register", "{\"category\":\"TRANSPORT\",\"summary\":\"石门路口杆件遮挡信号灯\"}");
    JsonNode forwarded = step(id, "forward", "{\"departmentId\":\"dep-transport\"}");
    assertThat(forwarded.path("summary").path("deadline").asText()).isNotEmpty();
    step(id, "department-reply", "{\"text\":\"已移走杆件。\"}");
    step(id, "answer", "{\"text\":\"县交通运输局已移走遮挡红绿灯的杆件。\"}");
    assertThat(phone.get("/t/" + code).body()).contains("已移走遮挡红绿灯的杆件", "name=\"rating\"");

    HttpResponse<String> rated = phone.rate(code, "SATISFIED", "谢谢");
    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(303);

    OpinionCase closed = hub.bean(CaseRepository.class).find(id).orElseThrow();
    assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(closed.ratingComment()).isEqualTo("谢谢");
    assertThat(hub.bean(CaseRepository.class).events(id))
        .extracting(e -> e.action())
        .startsWith("submit", "registered", "forwarded", "department_replied", "answered");
    String ledger =
        new String(
            manager
                .download(
                    "/api/ledger.csv?from="
                        + LocalDate.now(SHANGHAI).minusDays(1)
                        + "&to="
                        + LocalDate.now(SHANGHAI))
                .body(),
            StandardCharsets.UTF_8);
    assertThat(ledger).contains(code, "石门路口杆件遮挡信号灯").doesNotContain("13812341234");
  }

  @Test
  void bookings() throws Exception {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(3);
    HttpResponse<String> slot =
        manager.api("POST", "/api/receptions", slot(day, "20:00", "20:30", "ANNOUNCED", 2));
    assertThat(slot.statusCode()).as(slot.body()).isEqualTo(201);
    String slotId = read(slot).path("id").asText();

    HttpResponse<String> first =
        bookingForm("/b/" + token("s-001"), slotId, "赵", "13600000001", "2");
    HttpResponse<String> full =
        bookingForm("/b/" + token("s-001"), slotId, "钱", "13600000002", "1");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(303);
    assertThat(full.statusCode()).isEqualTo(422);
    assertThat(full.body()).contains("这场接待已约满");
    Matcher code = BOOKING_CODE.matcher(first.headers().firstValue("Location").orElseThrow());
    assertThat(code.find()).isTrue();

    HttpResponse<String> cancelled =
        form("/b/cancel", Map.of("code", code.group(), "phoneLast4", "0001"));
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    assertThat(hub.bean(BookingRepository.class).forSlot(slotId))
        .extracting(Booking::status)
        .containsExactly(BookingStatus.CANCELLED);
    assertThat(bookingForm("/b/" + token("s-001"), slotId, "钱", "13600000002", "1").statusCode())
        .as("the freed places")
        .isEqualTo(303);
  }

  @Test
  void enrolmentConnectionEventsStateAndSnapshot() throws Exception {
    String password = MqttPasswordHash.newPassword();
    HttpResponse<String> asked =
        post(
            "/api/public/enrolments",
            ProtocolCodec.encode(
                new EnrolmentRequest("s-002", MqttPasswordHash.hash(password), "0.1.0")));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
    EnrolmentTicket ticket =
        ProtocolCodec.decode(asked.body().getBytes(StandardCharsets.UTF_8), EnrolmentTicket.class);
    HttpResponse<String> entered =
        admin.api("POST", "/api/stations/s-002/enrolment", "{\"code\":\"" + ticket.code() + "\"}");
    assertThat(entered.statusCode()).as(entered.body()).isEqualTo(200);

    long published = hub.bean(PublicationRepository.class).current("s-002").orElseThrow().version();
    try (TestClient screen =
        TestClient.connect(
            hub.brokerUri(), StationIdentity.clientId("s-002", "enrolled"), "s-002", password)) {
      screen.subscribe(Topic.stationContent("s-002").toString());
      await().until(() -> !screen.receivedOn(Topic.stationContent("s-002").toString()).isEmpty());
      StationContent content =
          ProtocolCodec.decode(
              screen.receivedOn(Topic.stationContent("s-002").toString()).getLast().payload(),
              StationContent.class);
      assertThat(content.version()).isGreaterThanOrEqualTo(published);

      StationState state =
          new StationState(
              StationState.Presence.ONLINE,
              "session-pg",
              "0.1.0",
              content.version(),
              StationState.Screen.ON,
              OffsetDateTime.now(SHANGHAI));
      screen.publish(Topic.stationState("s-002").toString(), ProtocolCodec.encode(state), true);
      StationEvent call =
          new StationEvent(
              UUID.randomUUID(), "button.call", OffsetDateTime.now(SHANGHAI), Map.of("n", 1));
      long before = hub.bean(StationEventRepository.class).count("s-002");
      screen.publish(Topic.stationEvent("s-002").toString(), ProtocolCodec.encode(call), false);
      screen.publish(Topic.stationEvent("s-002").toString(), ProtocolCodec.encode(call), false);

      await()
          .until(
              () ->
                  hub.bean(StateIngest.class)
                      .state("s-002")
                      .map(s -> s.state().session().equals("session-pg"))
                      .orElse(false));
      await().until(() -> hub.bean(StationEventRepository.class).count("s-002") == before + 1);
      assertThat(hub.bean(StateIngest.class).state("s-002").orElseThrow().state().contentVersion())
          .isEqualTo(content.version());
    }
  }

  @Test
  void playlists() throws Exception {
    String morning =
        """
        {"entries": [{"board": "TODAY", "seconds": 20}, {"board": "NOTICES", "seconds": 12}],
         "dayparts": [{"from": "07:30", "until": "09:00",
                       "entries": [{"board": "WEEK", "seconds": 10}]}]}
        """;
    StaffClient baisha = StaffClient.basic(hub, "baisha", PASSWORD);
    HttpResponse<String> saved = baisha.api("PUT", "/api/stations/s-002/playlist", morning);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
    await().until(() -> snapshot("s-002").playlist() != null);
    assertThat(snapshot("s-002").playlist().entries()).hasSize(2);
    assertThat(
            read(baisha.api("GET", "/api/stations/s-002/playlist", null))
                .path("dayparts")
                .get(0)
                .path("from")
                .asText())
        .isEqualTo("07:30");

    HttpResponse<String> refused =
        baisha.api(
            "PUT",
            "/api/stations/s-002/playlist",
            "{\"entries\": [{\"board\": \"TODAY\", \"seconds\": 1}]}");
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(snapshot("s-002").playlist().entries()).as("nothing of it saved").hasSize(2);

    HttpResponse<String> reset = baisha.api("DELETE", "/api/stations/s-002/playlist", null);
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    assertThat(read(reset).path("custom").asBoolean()).isFalse();
    await().until(() -> snapshot("s-002").playlist() == null);
  }

  @Test
  void commands() throws Exception {
    try (TestClient screen = hub.station("s-001", "pgcommands")) {
      screen.subscribe(Topic.stationCommand("s-001").toString());
      Thread answering =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    try {
                      TestClient.Received got = screen.awaitMessage(0);
                      StationCommand command =
                          ProtocolCodec.decode(got.payload(), StationCommand.class);
                      CommandResult ok =
                          new CommandResult(
                              command.id(),
                              CommandResult.Outcome.OK,
                              "好",
                              "done",
                              OffsetDateTime.now(SHANGHAI),
                              null);
                      screen.publish(got.responseTopic(), ProtocolCodec.encode(ok), false);
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      JsonNode command =
          read(admin.api("POST", "/api/stations/s-001/commands", "{\"name\": \"IDENTIFY\"}"));
      answering.join(Duration.ofSeconds(30));

      assertThat(command.path("status").asText()).isEqualTo("OK");
      assertThat(
              hub.bean(CommandRepository.class)
                  .find(command.path("id").asText())
                  .orElseThrow()
                  .status())
          .isEqualTo(CommandStatus.OK);
      assertThat(
              read(admin.api("GET", "/api/stations/s-001/commands", null)).findValuesAsText("id"))
          .contains(command.path("id").asText());
    }
  }

  @Test
  void spreadsheetsOutAndBackIn() throws Exception {
    HttpResponse<byte[]> exported = admin.download("/api/export/stations");
    assertThat(exported.statusCode()).isEqualTo(200);
    String csv = new String(exported.body(), StandardCharsets.UTF_8);
    assertThat(csv).contains("s-001", "城关镇人大代表之家");

    HttpResponse<String> imported =
        admin.apiBytes(
            "POST",
            "/api/import/stations?dryRun=false",
            "text/csv",
            csv.replace("城关镇人大代表之家", "城关镇人大代表之家（新）").getBytes(StandardCharsets.UTF_8));

    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(read(imported).path("written").asBoolean()).isTrue();
    assertThat(read(admin.api("GET", "/api/stations/s-001", null)).path("name").asText())
        .isEqualTo("城关镇人大代表之家（新）");
    admin.apiBytes("POST", "/api/import/stations?dryRun=false", "text/csv", exported.body());
    assertThat(read(admin.api("GET", "/api/stations/s-001", null)).path("name").asText())
        .isEqualTo("城关镇人大代表之家");
  }

  @Test
  void staffAccountsAndLogIn() throws Exception {
    HttpResponse<String> reset = admin.api("POST", "/api/staff/u-chenxl/password-reset", null);
    assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
    String temporary = read(reset).path("temporaryPassword").asText();

    assertThat(login("chenxl", PASSWORD).statusCode()).as("the old password").isEqualTo(401);
    StaffClient account = StaffClient.anonymous(hub);
    HttpResponse<String> in =
        account.postForm(
            "/login", List.of(Map.entry("username", "chenxl"), Map.entry("password", temporary)));
    assertThat(in.headers().firstValue("Location")).contains("/admin/password");
    StaffClient withTemporary = StaffClient.loggedIn(hub, "chenxl", temporary);
    HttpResponse<String> changed =
        withTemporary.submit(
            "/admin/password",
            passwordFormToken(withTemporary),
            List.of(
                Map.entry("current", temporary),
                Map.entry("password", PASSWORD + "-pg"),
                Map.entry("repeat", PASSWORD + "-pg")));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(303);
    assertThat(login("chenxl", PASSWORD + "-pg").statusCode()).isEqualTo(303);
    assertThat(hub.bean(AuditLog.class).latest(20, "staff"))
        .extracting(AuditLog.Entry::action)
        .contains("reset-password", "change-password");
  }

  // Helpers: the requests a browser, a phone or a screen sends, and what the hub keeps.

  /** The CSRF token of the password form, the one page a temporary password leads to. */
  private static String passwordFormToken(StaffClient account) {
    Matcher m = CSRF.matcher(account.get("/admin/password").body());
    assertThat(m.find()).as("the password form carries its token").isTrue();
    return m.group(1);
  }

  private String slot(LocalDate day, String start, String end, String status, Integer capacity)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stationId", "s-001");
    body.put("date", day.toString());
    body.put("start", start);
    body.put("end", end);
    body.put("location", "代表之家测试室");
    body.put("status", status);
    body.put("deputyIds", List.of("d-0004"));
    body.put("capacity", capacity);
    return write(body);
  }

  private List<String> slotDates(String station, LocalDate from, LocalDate to, String start)
      throws Exception {
    JsonNode slots =
        read(
            manager.api(
                "GET",
                "/api/stations/" + station + "/receptions?from=" + from + "&to=" + to,
                null));
    List<String> dates = new java.util.ArrayList<>();
    slots.forEach(
        s -> {
          if (s.path("start").asText().equals(start)) {
            dates.add(s.path("date").asText());
          }
        });
    return dates;
  }

  private JsonNode step(String caseId, String step, String body) throws Exception {
    HttpResponse<String> answer = manager.api("POST", "/api/cases/" + caseId + "/" + step, body);
    assertThat(answer.statusCode()).as("%s: %s", step, answer.body()).isEqualTo(200);
    return read(answer);
  }

  private int proofTimes(String noticeId, String stationId) throws Exception {
    for (JsonNode p : read(manager.api("GET", "/api/notices/" + noticeId + "/proofs", null))) {
      if (p.path("stationId").asText().equals(stationId)) {
        return p.path("times").asInt();
      }
    }
    return -1;
  }

  private StationContent snapshot(String stationId) {
    return ProtocolCodec.decode(
        hub.bean(PublicationRepository.class)
            .current(stationId)
            .orElseThrow()
            .payload()
            .getBytes(StandardCharsets.UTF_8),
        StationContent.class);
  }

  private List<String> onScreen(String stationId) {
    return hub.bean(PublicationRepository.class).current(stationId).isEmpty()
        ? List.of()
        : snapshot(stationId).deputies().stream().map(d -> d.id()).toList();
  }

  private String token(String stationId) {
    return hub.bean(StationRepository.class).find(stationId).orElseThrow().station().publicToken();
  }

  private HttpResponse<String> bookingForm(
      String path, String slotId, String name, String phone, String party) {
    return form(
        path,
        Map.of("slotId", slotId, "name", name, "phone", phone, "partySize", party, "topic", ""));
  }

  private HttpResponse<String> form(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(hub.url(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> login(String username, String password) {
    return form("/login", Map.of("username", username, "password", password));
  }

  private HttpResponse<String> post(String path, byte[] jsonBody) {
    return send(
        HttpRequest.newBuilder(hub.url(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(jsonBody)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .build()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(HttpResponse<String> answer) throws IOException {
    return json.readTree(answer.body());
  }

  private String write(Object value) throws IOException {
    return json.writeValueAsString(value);
  }

  private List<String> ids(HttpResponse<String> answer) throws IOException {
    return read(answer).findValuesAsText("id");
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new java.util.ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }
}
