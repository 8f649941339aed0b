package liaison.hub.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.CaseEvent;
import liaison.hub.opinion.CaseReceptions;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationEvent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reception ledger (接待台账) through the hub's real HTTP, broker and store: a reception held at
 * s-003 today with an opinion sent while it is on, a deputy signed in, motion events from the
 * station's screen, the visitors staff counted; read back from the workbook cell by cell, the CSV,
 * the reception's page and its printable record; and the follow-up calls (回访) staff make.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceptionLedgerTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OPINION = "菜市场门口积水，老人过不去 🙏";

  private RunningHub hub;
  private StaffClient manager;
  private StaffClient otherManager;
  private String slot;
  private String deputy;
  private String code;
  private LocalDate today;
  private int futures;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    hub = RunningHub.start(dir, Map.of("hub.opinions.client-ip-header", "X-Forwarded-For"));
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
    otherManager = StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD);
    today = LocalDate.now(SHANGHAI);
    // A deputy of s-003 on duty nowhere today, so the whole-day reception clashes with nothing.
    deputy =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            """
                            SELECT deputy_id FROM station_deputy WHERE station_id = 's-003'
                              AND deputy_id NOT IN (SELECT d.deputy_id FROM reception_deputy d
                                JOIN reception_slot s ON s.id = d.slot_id WHERE s.slot_date = :today)
                            ORDER BY deputy_id LIMIT 1
                            """)
                        .bind("today", today.toString())
                        .mapTo(String.class)
                        .one());
    slot = reception(today, "00:00", "23:59", "ANNOUNCED");
    String token =
        hub.bean(StationRepository.class).find("s-003").orElseThrow().station().publicToken();
    code =
        Resident.code(
            new Resident(hub, "10.3.0.1")
                .submit(
                    token,
                    List.of(
                        Field.text("category", "TRANSPORT"),
                        Field.text("text", OPINION),
                        Field.text("name", "赵大爷"),
                        Field.text("phone", "13900001111"),
                        Field.text("consent", "yes"))));
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private String caseId() {
    return hub.bean(CaseRepository.class).findByCode(code).orElseThrow().id();
  }

  @Test
  void shouldLinkAnOpinionSentDuringAReceptionToIt() {
    assertThat(hub.bean(CaseReceptions.class).of(caseId()))
        .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(slot));
  }

  @Test
  void shouldKeepTheLedgerAndReadBackCellByCellFromTheWorkbook() throws Exception {
    // Signed in (签到), motion from the screen while it is on, and one event of another day.
    assertThat(
            manager.api("PUT", "/api/receptions/" + slot + "/present/" + deputy, null).statusCode())
        .isEqualTo(200);
    OffsetDateTime noon = today.atTime(12, 0).atZone(SHANGHAI).toOffsetDateTime();
    try (TestClient screen = hub.station("s-003", "ledger")) {
      String topic = Topic.stationEvent("s-003").toString();
      for (OffsetDateTime at :
          List.of(noon, noon.plusSeconds(30), noon.plusMinutes(5), noon.minusDays(1))) {
        screen.publish(
            topic,
            ProtocolCodec.encode(
                new StationEvent(UUID.randomUUID(), ReceptionLedger.MOTION_EVENT, at, Map.of())),
            false);
      }
    }
    ReceptionLedger ledger = hub.bean(ReceptionLedger.class);
    OffsetDateTime dayStart = today.atStartOfDay(SHANGHAI).toOffsetDateTime();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> ledger.motions("s-003", dayStart.minusDays(1), dayStart.plusDays(1)) == 4);

    HttpResponse<String> written =
        manager.api(
            "PUT",
            "/api/receptions/" + slot + "/ledger",
            "{\"visitors\":\"23\",\"note\":\"=群众集中反映菜市场积水\"}");
    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    JsonNode entry = JSON.readTree(written.body());
    assertThat(entry.path("visitors").asInt()).isEqualTo(23);
    assertThat(entry.path("motions").asInt()).as("the three of the reception's day").isEqualTo(3);
    assertThat(entry.path("collectedTrackingCodes").toString()).contains(code);
    assertThat(ledger.visitorsAt(slot)).contains(23);
    assertThat(ledger.visitors("s-003", today, today)).isGreaterThanOrEqualTo(23);

    HttpResponse<byte[]> xlsx =
        manager.download("/api/reception-ledger.xlsx?station=s-003&month=" + YearMonth.from(today));
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("reception-ledger-" + YearMonth.from(today) + ".xlsx");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
      Sheet sheet = book.getSheet("接待台账");
      assertThat(sheet).isNotNull();
      Row head = sheet.getRow(0);
      List<String> names = new ArrayList<>();
      head.forEach(c -> names.add(c.getStringCellValue()));
      assertThat(names)
          .containsExactly(
              "日期",
              "站点",
              "时间",
              "主题",
              "地点",
              "值班代表",
              "到岗签到",
              "来访人数",
              "感应计次（参考）",
              "收集意见数",
              "收集意见",
              "备注");
      assertThat(book.getFontAt(head.getCell(0).getCellStyle().getFontIndex()).getBold())
          .as("a bold header")
          .isTrue();
      Row row = rowOf(sheet, slot);
      Cell date = row.getCell(0);
      assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(DateUtil.isCellDateFormatted(date)).as("the date is a date").isTrue();
      assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(today);
      assertThat(row.getCell(1).getStringCellValue()).isEqualTo(stationName("s-003"));
      assertThat(row.getCell(2).getStringCellValue()).isEqualTo("00:00–23:59");
      assertThat(row.getCell(3).getStringCellValue()).isEqualTo("菜市场周边环境");
      assertThat(row.getCell(4).getStringCellValue()).isEqualTo("村委会二楼");
      String deputyName = deputyName(deputy);
      assertThat(row.getCell(5).getStringCellValue()).isEqualTo(deputyName);
      assertThat(row.getCell(6).getStringCellValue()).isEqualTo(deputyName);
      assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
      assertThat(row.getCell(7).getNumericCellValue()).isEqualTo(23);
      assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(3);
      // The opinions received, a line each (another test may send one more while it is on).
      String collected = row.getCell(10).getStringCellValue();
      assertThat(row.getCell(9).getNumericCellValue()).isEqualTo(collected.split("\n").length);
      assertThat(collected.lines())
          .anySatisfy(l -> assertThat(l).startsWith(code + " 交通出行 —（已提交）"));
      assertThat(collected).doesNotContain("菜市场门口积水", "赵大爷", "13900001111");
      assertThat(row.getCell(11).getStringCellValue()).isEqualTo("=群众集中反映菜市场积水");
      assertThat(row.getCell(11).getCellType())
          .as("text, never a formula")
          .isEqualTo(CellType.STRING);
      assertThat(sheet.getColumnWidth(10)).as("the opinions' column is wide").isEqualTo(50 * 256);
      assertThat(sheet.getColumnWidth(0)).isEqualTo(12 * 256);
      assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
    }

    HttpResponse<byte[]> csv =
        manager.download("/api/reception-ledger.csv?station=s-003&month=" + YearMonth.from(today));
    assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(csv.body(), StandardCharsets.UTF_8);
    assertThat(text)
        .contains("日期,站点,时间", today.toString(), "'=群众集中反映菜市场积水", code)
        .doesNotContain("赵大爷", "13900001111", "菜市场门口积水");
  }

  @Test
  void shouldRefuseVisitorsThatAreNotACountOrForAReceptionToComeAndSaveNothing() throws Exception {
    String future = futureReception();
    HttpResponse<String> notYet =
        manager.api("PUT", "/api/receptions/" + future + "/ledger", "{\"visitors\":\"5\"}");
    assertThat(notYet.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(notYet.body()).path("errors").get(0).path("message").asText())
        .contains("还没有举行");
    assertThat(JSON.readTree(notYet.body()).path("errors").get(0).path("messageEn").asText())
        .contains("has not taken place yet");

    String longNote = "很".repeat(ReceptionLedger.MAX_NOTE + 1);
    HttpResponse<String> bad =
        manager.api(
            "PUT",
            "/api/receptions/" + slot + "/ledger",
            JSON.writeValueAsString(Map.of("visitors", "二十", "note", longNote)));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(bad)).containsOnlyKeys("visitors", "note");
    assertThat(hub.bean(ReceptionLedger.class).visitorsAt(future)).isEmpty();
    // Another station's manager cannot read or write it.
    assertThat(otherManager.api("GET", "/api/receptions/" + slot + "/ledger", null).statusCode())
        .isIn(403, 404);
  }

  @Test
  void shouldWriteTheLedgerFromTheReceptionsPageAndPrintItsRecord() {
    StaffClient browser = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    String page = browser.get("/admin/receptions/" + slot + "/ledger").body();
    assertThat(page).contains("接待记录", "村委会二楼", code).doesNotContain("赵大爷", "菜市场门口积水");

    HttpResponse<String> refused =
        browser.submit(
            "/admin/receptions/" + slot + "/ledger",
            browser.csrf(),
            List.of(Map.entry("visitors", "-3"), Map.entry("note", "")));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("来访人数应为 0 至 2000 的整数", "本次没有保存");

    HttpResponse<String> saved =
        browser.submit(
            "/admin/receptions/" + slot + "/ledger",
            browser.csrf(),
            List.of(Map.entry("visitors", "17"), Map.entry("note", "下午人多")));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(browser.get("/admin/receptions/" + slot + "/record").body())
        .contains("接待记录表", "村委会二楼", "17", "下午人多", "代表签字", code);
    assertThat(
            browser
                .get("/admin/reception-ledger?station=s-003&month=" + YearMonth.from(today))
                .body())
        .contains("00:00–23:59", "下午人多");
  }

  @Test
  void shouldLinkAndClearACasesReceptionWithATimelineLineAndAnAuditEntry() throws Exception {
    String id = caseId();
    String other = futureReception();
    HttpResponse<String> elsewhere =
        manager.api("PUT", "/api/cases/" + id + "/reception", "{\"receptionId\":\"r-0001\"}");
    assertThat(elsewhere.statusCode()).as("s-001's reception for s-003's case").isEqualTo(422);

    assertThat(
            manager
                .api(
                    "PUT", "/api/cases/" + id + "/reception", "{\"receptionId\":\"" + other + "\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(hub.bean(CaseReceptions.class).of(id))
        .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(other));
    assertThat(manager.api("PUT", "/api/cases/" + id + "/reception", "{}").statusCode())
        .isEqualTo(200);
    assertThat(hub.bean(CaseReceptions.class).of(id)).isEmpty();
    assertThat(
            manager
                .api("PUT", "/api/cases/" + id + "/reception", "{\"receptionId\":\"" + slot + "\"}")
                .statusCode())
        .isEqualTo(200);

    assertThat(hub.bean(CaseRepository.class).events(id))
        .filteredOn(e -> e.action().equals("reception"))
        .extracting(CaseEvent::note)
        .hasSize(3)
        .element(1)
        .isEqualTo("取消关联接待");
    assertThat(hub.bean(AuditLog.class).latest(50, "case"))
        .filteredOn(e -> e.action().equals("reception-link"))
        .hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void shouldRecordAFollowUpCallAfterAnOnlineRatingInTheTimelineAuditAndLedger() throws Exception {
    String token =
        hub.bean(StationRepository.class).find("s-003").orElseThrow().station().publicToken();
    Resident resident = new Resident(hub, "10.3.0.2");
    String rated =
        Resident.code(
            resident.submit(
                token,
                List.of(Field.text("category", "ENVIRONMENT"), Field.text("text", "河边垃圾没人清"))));
    String id = hub.bean(CaseRepository.class).findByCode(rated).orElseThrow().id();
    String early = "{\"calledOn\":\"" + today + "\",\"caller\":\"林晓梅\",\"result\":\"NOT_REACHED\"}";
    HttpResponse<String> tooEarly = manager.api("POST", "/api/cases/" + id + "/follow-ups", early);
    assertThat(tooEarly.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(tooEarly)).containsKey("result");

    assertThat(
            manager
                .api(
                    "POST",
                    "/api/cases/" + id + "/register",
                    "{\"category\":\"ENVIRONMENT\",\"summary\":\"河边垃圾\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(
            manager
                .api("POST", "/api/cases/" + id + "/answer", "{\"text\":\"已安排保洁每周清理。\"}")
                .statusCode())
        .isEqualTo(200);
    assertThat(resident.rate(rated, "SATISFIED", "").statusCode()).isEqualTo(303);

    HttpResponse<String> bad =
        manager.api(
            "POST",
            "/api/cases/" + id + "/follow-ups",
            "{\"calledOn\":\"" + today.plusDays(1) + "\",\"caller\":\"\",\"result\":\"MAYBE\"}");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(bad)).containsOnlyKeys("calledOn", "caller", "result");
    assertThat(manager.api("GET", "/api/cases/" + id + "/follow-ups", null).body()).isEqualTo("[]");

    HttpResponse<String> call =
        manager.api(
            "POST",
            "/api/cases/" + id + "/follow-ups",
            JSON.writeValueAsString(
                Map.of(
                    "calledOn", today.toString(),
                    "caller", "林晓梅",
                    "result", "REACHED_DISSATISFIED",
                    "note", "说垃圾又堆起来了")));
    assertThat(call.statusCode()).as(call.body()).isEqualTo(201);
    assertThat(hub.bean(CaseRepository.class).find(id).orElseThrow().status().name())
        .as("a call never moves the case")
        .isEqualTo("CLOSED");
    assertThat(hub.bean(CaseRepository.class).events(id))
        .extracting(CaseEvent::action)
        .endsWith("rate", "closed", "follow-up");
    assertThat(hub.bean(AuditLog.class).latest(20, "case"))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("follow-up");
              assertThat(e.summary()).contains(rated, "已联系上，不满意", "说垃圾又堆起来了");
            });
    String ledger =
        new String(
            manager
                .download("/api/ledger.csv?from=" + today + "&to=" + today + "&station=s-003")
                .body(),
            StandardCharsets.UTF_8);
    assertThat(ledger)
        .contains("收集于接待", "回访", today + " 林晓梅 已联系上，不满意：说垃圾又堆起来了")
        .contains(today + " 00:00–23:59");

    StaffClient browser = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    HttpResponse<String> page =
        browser.submit(
            "/admin/cases/" + id + "/follow-up",
            browser.csrf(),
            List.of(
                Map.entry("calledOn", today.toString()),
                Map.entry("caller", "王主任"),
                Map.entry("result", "REACHED_SATISFIED"),
                Map.entry("note", "")));
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(browser.get("/admin/cases/" + id + "?done=follow-up").body())
        .contains("已记录回访", "王主任", "已联系上，满意", "林晓梅", "已联系上，不满意");
  }

  private String futureReception() throws Exception {
    return reception(today.plusDays(20 + futures++), "06:00", "06:30", "PLANNED");
  }

  /** A reception at s-003 with the deputy on duty, themed, in 村委会二楼. */
  private String reception(LocalDate date, String start, String end, String status)
      throws Exception {
    HttpResponse<String> created =
        manager.api(
            "POST",
            "/api/receptions",
            JSON.writeValueAsString(
                Map.of(
                    "stationId",
                    "s-003",
                    "date",
                    date.toString(),
                    "start",
                    start,
                    "end",
                    end,
                    "theme",
                    "菜市场周边环境",
                    "location",
                    "村委会二楼",
                    "status",
                    status,
                    "deputyIds",
                    List.of(deputy))));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).path("id").asText();
  }

  private Row rowOf(Sheet sheet, String slotId) {
    // The reception's row is the one whose time is the whole day (the demo's receptions are not).
    for (Row row : sheet) {
      if (row.getRowNum() > 0 && row.getCell(2).getStringCellValue().equals("00:00–23:59")) {
        return row;
      }
    }
    throw new AssertionError("no row for " + slotId);
  }

  private String stationName(String id) {
    return hub.bean(StationRepository.class).find(id).orElseThrow().station().name();
  }

  private String deputyName(String id) {
    return hub.bean(liaison.hub.deputy.DeputyRepository.class).find(id).orElseThrow().name();
  }
}
