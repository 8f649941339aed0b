package liaison.hub.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.demo.DemoCounty;
import liaison.hub.notify.ResidentSms;
import liaison.hub.station.StationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Residents booking and cancelling over real HTTP, staff reading the bookings, the station's
 * snapshot off the broker. Each resident comes from an address of their own (127.0.x.y, all
 * loopback), as phones on different networks do, so the per-address limit only bites where a test
 * wants it to.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BookingTest {
  private static final Pattern CODE = Pattern.compile("B-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);
  private static final AtomicInteger NEXT_SLOT = new AtomicInteger();

  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private TestClient watcher;
  private StaffClient admin;
  private String token;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    watcher = hub.observer("booking-watcher");
    watcher.subscribe(Topic.stationContent("s-001").toString());
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    token = hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
  }

  @AfterAll
  void stop() {
    watcher.close();
    hub.close();
  }

  // ---------------------------------------------------------------- the resident's side

  @Test
  void shouldListAnnouncedReceptionsWithTheirPlacesAndBookOne() {
    String slot = slot(LocalDate.now(SHANGHAI).plusDays(2), "ANNOUNCED", 20);
    Resident resident = new Resident();

    String page = resident.get("/b/" + token).body();
    assertThat(page).contains("预约接待", "已约 0 / 20", "可预约", "为什么要留姓名和手机号", "30 天后自动删除");

    HttpResponse<String> booked = resident.book(slot, "陈阿姨", "138 1234 5678", "2", "小区门口路灯坏了");

    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(303);
    String location = booked.headers().firstValue("Location").orElseThrow();
    Matcher code = CODE.matcher(location);
    assertThat(code.find()).as(location).isTrue();
    String confirmation = resident.get(location).body();
    assertThat(confirmation).contains("预约成功", code.group(), "代表之家测试室", "/b/cancel", "手机号后 4 位");
    assertThat(confirmation).doesNotContain("13812345678", "陈阿姨");
    assertThat(resident.get("/b/" + token).body()).contains("已约 2 / 20");
  }

  @Test
  void shouldCarryCapacityAndBookedPlacesInTheStationsSnapshot() {
    String slot = slot(LocalDate.now(SHANGHAI).plusDays(3), "ANNOUNCED", 5);
    await().until(() -> published(slot).isPresent());
    assertThat(published(slot).orElseThrow().capacity()).isEqualTo(5);
    assertThat(published(slot).orElseThrow().booked()).isZero();

    String code = codeOf(new Resident().book(slot, "李先生", "13900001234", "3", ""));

    await().until(() -> published(slot).map(r -> r.booked() == 3).orElse(false));
    assertThat(published(slot).orElseThrow().freePlaces()).hasValue(2);

    assertThat(new Resident().cancel(code, "1234").statusCode()).isEqualTo(200);
    await().until(() -> published(slot).map(r -> r.booked() == 0).orElse(false));
  }

  @Test
  void shouldCountThePartySizeAgainstThePlacesAndRefuseWhenFull() {
    String slot = slot(LocalDate.now(SHANGHAI).plusDays(4), "ANNOUNCED", 3);

    assertThat(new Resident().book(slot, "甲", "13800000001", "2", "").statusCode()).isEqualTo(303);
    HttpResponse<String> tooMany = new Resident().book(slot, "乙", "13800000002", "2", "");
    assertThat(tooMany.statusCode()).isEqualTo(422);
    assertThat(tooMany.body()).contains("只剩 1 个名额");
    assertThat(new Resident().book(slot, "丙", "13800000003", "1", "").statusCode()).isEqualTo(303);

    HttpResponse<String> full = new Resident().book(slot, "丁", "13800000004", "1", "");
    assertThat(full.statusCode()).isEqualTo(422);
    assertThat(full.body()).contains("这场接待已约满", "已约满", "丁", "13800000004");
    assertThat(bookings(slot)).hasSize(2);
  }

  @Test
  void shouldRefuseCancelledPastPlannedAndWalkInReceptions() {
    LocalDate soon = LocalDate.now(SHANGHAI).plusDays(2);
    Map<String, String> cases =
        Map.of(
            slot(soon, "CANCELLED", 10), "这场接待已取消，不能预约",
            slot(LocalDate.now(SHANGHAI).minusDays(1), "ANNOUNCED", 10), "这场接待已经开始或结束，不能再预约",
            slot(soon, "PLANNED", 10), "这场接待尚未公告，暂不能预约",
            slot(soon, "ANNOUNCED", null), "这场接待不设预约，请在接待时间直接到站");

    cases.forEach(
        (slot, message) -> {
          HttpResponse<String> refused = new Resident().book(slot, "王大爷", "13700001111", "1", "");
          assertThat(refused.statusCode()).as(message).isEqualTo(422);
          assertThat(refused.body()).contains(message, "王大爷", "13700001111");
          assertThat(bookings(slot)).as(message).isEmpty();
        });
  }

  @Test
  @Tag("security")
  void shouldLetOnlyOneOfTwoResidentsRacingForTheLastPlaceHaveIt() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 4; round++) {
        String slot = slot(LocalDate.now(SHANGHAI).plusDays(5), "ANNOUNCED", 1);
        Resident first = new Resident();
        Resident second = new Resident();
        CountDownLatch go = new CountDownLatch(1);
        Future<HttpResponse<String>> a =
            pool.submit(
                () -> {
                  go.await();
                  return first.book(slot, "赵", "13600000001", "1", "");
                });
        Future<HttpResponse<String>> b =
            pool.submit(
                () -> {
                  go.await();
                  return second.book(slot, "钱", "13600000002", "1", "");
                });
        go.countDown();

        List<Integer> statuses = List.of(a.get().statusCode(), b.get().statusCode());
        assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(303, 422);
        assertThat(bookings(slot)).as("round %d", round).hasSize(1);
        HttpResponse<String> loser = a.get().statusCode() == 422 ? a.get() : b.get();
        assertThat(loser.body()).contains("这场接待已约满");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldCancelByCodeAndLastDigitsAndFreeThePlaces() {
    String slot = slot(LocalDate.now(SHANGHAI).plusDays(6), "ANNOUNCED", 1);
    String code = codeOf(new Resident().book(slot, "孙", "13512345678", "1", ""));
    Resident resident = new Resident();

    assertThat(resident.get("/b/cancel?code=" + code).body()).contains("取消预约", code);
    HttpResponse<String> wrongDigits = resident.cancel(code, "0000");
    assertThat(wrongDigits.statusCode()).isEqualTo(422);
    assertThat(wrongDigits.body()).contains("未找到该预约：请核对预约码和手机号后 4 位", code);
    assertThat(bookings(slot)).extracting(Booking::status).containsExactly(BookingStatus.BOOKED);

    // Typed in lower case without dashes, as people do.
    HttpResponse<String> cancelled = resident.cancel(code.toLowerCase().replace("-", ""), "5678");
    assertThat(cancelled.statusCode()).isEqualTo(200);
    assertThat(cancelled.body()).contains("已取消预约", code);
    assertThat(bookings(slot)).extracting(Booking::status).containsExactly(BookingStatus.CANCELLED);
    assertThat(new Resident().get("/b/" + token).body()).contains("已约 0 / 1");

    HttpResponse<String> again = new Resident().cancel(code, "5678");
    assertThat(again.statusCode()).isEqualTo(422);
    assertThat(again.body()).contains("无需重复取消");

    HttpResponse<String> unknown = new Resident().cancel("B-2345-6789", "5678");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(unknown.body()).contains("未找到该预约");
    HttpResponse<String> malformed = new Resident().cancel("B-0O1I", "5678");
    assertThat(malformed.body()).contains("预约码格式不对，应形如 B-7KQ4-M9XD", "B-0O1I");
    assertThat(new Resident().get("/b/booked/B-2345-6789").statusCode()).isEqualTo(404);

    // The freed place can be booked again.
    assertThat(new Resident().book(slot, "周", "13512340000", "1", "").statusCode()).isEqualTo(303);
  }

  @Test
  void shouldShowTheBookingsOfACancelledReceptionAsSuch() throws Exception {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(7);
    String slot = slot(day, "ANNOUNCED", 10);
    String code = codeOf(new Resident().book(slot, "吴", "13312345678", "1", ""));

    JsonNode current = json.readTree(admin.api("GET", "/api/receptions/" + slot, null).body());
    HttpResponse<String> changed =
        admin.api(
            "PUT",
            "/api/receptions/" + slot,
            slotBody(day, current.path("start").asText(), "CANCELLED", 10));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

    assertThat(new Resident().get("/b/booked/" + code).body()).contains("这场接待已被联络站取消");
    HttpResponse<String> cancel = new Resident().cancel(code, "5678");
    assertThat(cancel.statusCode()).isEqualTo(422);
    assertThat(cancel.body()).contains("这场接待已被联络站取消，您的预约随之作废");
    JsonNode list =
        json.readTree(admin.api("GET", "/api/receptions/" + slot + "/bookings", null).body());
    assertThat(list.path("bookings").get(0).path("slotCancelled").asBoolean()).isTrue();
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    assertThat(manager.get("/admin/receptions/" + slot + "/bookings").body()).contains("接待已取消");
  }

  @Test
  void shouldRefuseBadInputWithAMessagePerFieldKeepTheValuesAndSaveNothing() {
    String slot = slot(LocalDate.now(SHANGHAI).plusDays(8), "ANNOUNCED", 10);
    record Case(String name, String phone, String party, String topic, String message) {}
    List<Case> cases =
        List.of(
            new Case("", "13800001234", "1", "", "请填写姓名"),
            new Case("   ", "13800001234", "1", "", "请填写姓名"),
            new Case("老张", "1380000123", "1", "", "请填写 11 位手机号码"),
            new Case("老张", "138000012345", "1", "", "请填写 11 位手机号码"),
            new Case("老张", "", "1", "", "请填写手机号码"),
            new Case("老张", "13800001234", "0", "", "人数须为 1 到 5 人"),
            new Case("老张", "13800001234", "9", "", "人数须为 1 到 5 人"),
            new Case("老张", "13800001234", "两", "", "人数须为 1 到 5 人"),
            new Case("老张", "13800001234", "1", "路".repeat(201), "不能超过 200 字（现有 201 字）"),
            new Case("老\u0007张", "13800001234", "1", "", "姓名含有不可见的控制字符"),
            new Case("老张", "13800001234", "1", "噪音\u0000扰民", "想反映的事项含有不可见的控制字符"),
            new Case("老张\u202e", "13800001234", "1", "", "姓名含有不可见的控制字符"));

    for (Case c : cases) {
      HttpResponse<String> answer =
          new Resident().book(slot, c.name(), c.phone(), c.party(), c.topic());
      assertThat(answer.statusCode()).as(c.message()).isEqualTo(422);
      assertThat(answer.body()).as(c.message()).contains(c.message(), "请改正下面标出的问题，本次没有预约成功");
      if (!c.phone().isEmpty()) {
        assertThat(answer.body()).as("the phone is kept").contains("value=\"" + c.phone() + "\"");
      }
    }
    HttpResponse<String> several =
        new Resident().book(slot, "", "123", "9", "<script>alert(1)</script>");
    assertThat(several.body())
        .contains("请填写姓名", "请填写 11 位手机号码", "人数须为 1 到 5 人", "&lt;script&gt;alert(1)&lt;/script&gt;");
    assertThat(several.body()).doesNotContain("<script>alert(1)</script>");
    HttpResponse<String> noSlot = new Resident().book("", "老张", "13800001234", "1", "");
    assertThat(noSlot.body()).contains("请选择要预约的接待场次");
    HttpResponse<String> otherStation = new Resident().book("r-0002", "老张", "13800001234", "1", "");
    assertThat(otherStation.body()).contains("没有这场接待");
    assertThat(bookings(slot)).isEmpty();
    assertThat(new Resident().get("/b/NoSuchToken1234567").statusCode()).isEqualTo(404);
  }

  @Test
  @Tag("security")
  void shouldAnswer429WithRetryAfterAfterFiveFormsFromOneAddress() {
    String slot = slot(LocalDate.now(SHANGHAI).plusDays(9), "ANNOUNCED", 10);
    Resident busy = new Resident();
    for (int i = 0; i < 5; i++) {
      assertThat(busy.book(slot, "", "", "1", "").statusCode()).isEqualTo(422);
    }

    HttpResponse<String> refused = busy.book(slot, "老张", "13800001234", "1", "");

    assertThat(refused.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 600L);
    assertThat(refused.body()).contains("操作太频繁，请稍后再试", "Too many");
    assertThat(busy.cancel("B-2345-6789", "1234").statusCode())
        .as("cancelling counts too")
        .isEqualTo(429);
    assertThat(refused.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(bookings(slot)).isEmpty();
    assertThat(new Resident().book(slot, "老张", "13800001234", "1", "").statusCode())
        .as("another address")
        .isEqualTo(303);
  }

  // ---------------------------------------------------------------- the staff's side

  @Test
  void shouldListBookingsForStaffWithMaskedPhonesAndShowOneInFullOnRequest() throws Exception {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(10);
    String slot = slot(day, "ANNOUNCED", 20);
    new Resident().book(slot, "郑女士", "13812341234", "2", "菜市场噪音");
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);

    String week = manager.get("/admin/stations/s-001/week?start=" + day).body();
    assertThat(week).contains("已预约 2 / 20", "/admin/receptions/" + slot + "/bookings");
    String list = manager.get("/admin/receptions/" + slot + "/bookings").body();
    assertThat(list).contains("预约名单", "郑女士", "138****1234", "菜市场噪音", "已预约", "已预约 2 / 20");
    assertThat(list).doesNotContain("13812341234");

    JsonNode api =
        json.readTree(
            StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD)
                .api("GET", "/api/receptions/" + slot + "/bookings", null)
                .body());
    assertThat(api.path("capacity").asInt()).isEqualTo(20);
    assertThat(api.path("booked").asInt()).isEqualTo(2);
    JsonNode first = api.path("bookings").get(0);
    assertThat(first.path("phoneMasked").asText()).isEqualTo("138****1234");
    assertThat(api.toString()).doesNotContain("13812341234");

    String bookingId = first.path("id").asText();
    String shown = manager.get("/admin/receptions/" + slot + "/bookings?show=" + bookingId).body();
    assertThat(shown).contains("13812341234");
    HttpResponse<String> contact =
        admin.api("GET", "/api/bookings/" + bookingId + "/contact", null);
    assertThat(contact.body()).contains("13812341234");
    assertThat(hub.bean(AuditLog.class).latest(20, "booking"))
        .extracting(AuditLog.Entry::action, AuditLog.Entry::entityId)
        .contains(org.assertj.core.groups.Tuple.tuple("view-contact", bookingId));

    assertThat(hub.get("/openapi/openapi.yml").body())
        .contains("/api/receptions/{id}/bookings", "/api/bookings/{id}/contact", "phoneMasked");
    JsonNode reception = json.readTree(admin.api("GET", "/api/receptions/" + slot, null).body());
    assertThat(reception.path("capacity").asInt()).isEqualTo(20);
    assertThat(reception.path("booked").asInt()).isEqualTo(2);
  }

  @Test
  @Tag("security")
  void shouldRefuseBookingsToAnotherStationsManagerAndToDeputies() {
    String slot = slot(LocalDate.now(SHANGHAI).plusDays(11), "ANNOUNCED", 20);
    String bookingId = bookings(codeOfSlot(slot)).getFirst().id();

    for (String user : List.of("baisha", "chenxl")) {
      StaffClient other = StaffClient.basic(hub, user, DemoCounty.PASSWORD);
      assertThat(other.api("GET", "/api/receptions/" + slot + "/bookings", null).statusCode())
          .as(user)
          .isEqualTo(403);
      assertThat(other.api("GET", "/api/bookings/" + bookingId + "/contact", null).statusCode())
          .as(user)
          .isEqualTo(403);
      HttpResponse<String> page =
          StaffClient.loggedIn(hub, user, DemoCounty.PASSWORD)
              .get("/admin/receptions/" + slot + "/bookings");
      assertThat(page.statusCode()).as(user).isEqualTo(403);
      assertThat(page.body()).doesNotContain("13812349999");
    }
    assertThat(
            StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD)
                .api("GET", "/api/receptions/" + slot + "/bookings", null)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void shouldCheckThePlacesStaffGiveAReception() throws Exception {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(12);
    String slot = slot(day, "ANNOUNCED", 3);
    new Resident().book(slot, "冯", "13812349999", "2", "");
    String start =
        json.readTree(admin.api("GET", "/api/receptions/" + slot, null).body())
            .path("start")
            .asText();

    for (Object bad : List.of("0", "abc", "501")) {
      HttpResponse<String> answer =
          admin.api("PUT", "/api/receptions/" + slot, slotBody(day, start, "ANNOUNCED", bad));
      assertThat(answer.statusCode()).as("%s", bad).isEqualTo(422);
      assertThat(StaffClient.fieldErrors(answer).get("capacity")).contains("1 到 500");
    }
    HttpResponse<String> fewer =
        admin.api("PUT", "/api/receptions/" + slot, slotBody(day, start, "ANNOUNCED", 1));
    assertThat(StaffClient.fieldErrors(fewer).get("capacity")).isEqualTo("已有 2 人预约，可预约人数不能少于 2");
    HttpResponse<String> none =
        admin.api("PUT", "/api/receptions/" + slot, slotBody(day, start, "ANNOUNCED", null));
    assertThat(StaffClient.fieldErrors(none).get("capacity")).startsWith("已有 2 人预约，不能取消预约名额");
    HttpResponse<String> more =
        admin.api("PUT", "/api/receptions/" + slot, slotBody(day, start, "ANNOUNCED", 30));
    assertThat(more.statusCode()).isEqualTo(200);
    assertThat(json.readTree(more.body()).path("capacity").asInt()).isEqualTo(30);
  }

  @Test
  void shouldEraseContactDetailsAfterTheRetentionPeriodAndKeepTheCount() {
    LocalDate today = LocalDate.now(SHANGHAI);
    String old = slot(today.minusDays(31), "HELD", 20);
    String recent = slot(today.minusDays(30), "HELD", 20);
    java.time.OffsetDateTime then = java.time.OffsetDateTime.now(SHANGHAI).minusDays(40);
    hub.bean(liaison.hub.db.Database.class)
        .useTransaction(
            h -> {
              BookingRepository repository = hub.bean(BookingRepository.class);
              repository.insert(
                  h,
                  new Booking(
                      "b-old",
                      old,
                      "B-2222-3333",
                      "卫",
                      "13812345555",
                      2,
                      "事项",
                      BookingStatus.BOOKED,
                      then,
                      null,
                      null),
                  true);
              repository.insert(
                  h,
                  new Booking(
                      "b-recent",
                      recent,
                      "B-2222-4444",
                      "蒋",
                      "13812346666",
                      1,
                      null,
                      BookingStatus.BOOKED,
                      then,
                      null,
                      null),
                  true);
              // Both residents ticked "text me"; their confirmations are still waiting.
              ResidentSms sms = hub.bean(ResidentSms.class);
              sms.bookingConfirmed(h, "b-old");
              sms.bookingConfirmed(h, "b-recent");
            });

    assertThat(hub.bean(BookingService.class).eraseExpiredContacts(today)).isEqualTo(1);

    Booking erased = bookings(old).getFirst();
    assertThat(erased.name()).isEmpty();
    assertThat(erased.phone()).isEmpty();
    assertThat(erased.topic()).isNull();
    assertThat(erased.erasedAt()).isNotNull();
    assertThat(erased.partySize()).as("the count stays").isEqualTo(2);
    assertThat(bookings(recent).getFirst().phone())
        .as("30 days after: kept")
        .isEqualTo("13812346666");
    List<String> messages =
        hub.bean(liaison.hub.db.Database.class)
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT booking_id || ' ' || status || ' [' || recipient || '] '"
                                + " || last_error FROM notification"
                                + " WHERE booking_id IN ('b-old', 'b-recent')")
                        .mapTo(String.class)
                        .list());
    assertThat(messages)
        .as("the erased booking's waiting SMS forgets the number and is never sent")
        .containsExactlyInAnyOrder(
            "b-old GIVEN_UP [] 联系方式已按期删除", "b-recent PENDING [13812346666] ");
    StaffClient manager = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    assertThat(manager.get("/admin/receptions/" + old + "/bookings").body())
        .contains("已删除", "已预约 2 / 20");
  }

  // ---------------------------------------------------------------- helpers

  /** A reception at s-001 made through the API, at an hour no other test uses that day. */
  private String slot(LocalDate day, String status, Integer capacity) {
    int n = NEXT_SLOT.getAndIncrement();
    String start = String.format("%02d:%02d", 6 + n / 4, (n % 4) * 15);
    HttpResponse<String> created =
        admin.api("POST", "/api/receptions", slotBody(day, start, status, capacity));
    if (created.statusCode() != 201) {
      throw new IllegalStateException("could not create a reception: " + created.body());
    }
    try {
      return json.readTree(created.body()).path("id").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String slotBody(LocalDate day, String start, String status, Object capacity) {
    java.time.LocalTime from = java.time.LocalTime.parse(start);
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("stationId", "s-001");
    body.put("date", day.toString());
    body.put("start", start);
    body.put("end", from.plusMinutes(10).toString());
    body.put("location", "代表之家测试室");
    body.put("status", status);
    body.put("deputyIds", List.of("d-0004"));
    body.put("capacity", capacity);
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Booking> bookings(String slotId) {
    return hub.bean(BookingRepository.class).forSlot(slotId);
  }

  /** Books one place at the slot for a resident whose phone ends in 9999; the slot's id back. */
  private String codeOfSlot(String slot) {
    codeOf(new Resident().book(slot, "褚", "13812349999", "1", ""));
    return slot;
  }

  private static String codeOf(HttpResponse<String> booked) {
    if (booked.statusCode() != 303) {
      throw new IllegalStateException(
          "booking answered " + booked.statusCode() + ": " + booked.body());
    }
    Matcher m = CODE.matcher(booked.headers().firstValue("Location").orElseThrow());
    if (!m.find()) {
      throw new IllegalStateException("no code in " + booked.headers().firstValue("Location"));
    }
    return m.group();
  }

  private Optional<StationContent.Reception> published(String slotId) {
    List<TestClient.Received> got = watcher.receivedOn(Topic.stationContent("s-001").toString());
    if (got.isEmpty()) {
      return Optional.empty();
    }
    return ProtocolCodec.decode(got.getLast().payload(), StationContent.class).receptions().stream()
        .filter(r -> r.id().equals(slotId))
        .findFirst();
  }

  /** A resident's phone: its own address, no cookies, never follows redirects. */
  private final class Resident {
    private final HttpClient http;

    Resident() {
      int n = NEXT_ADDRESS.getAndIncrement();
      try {
        http =
            HttpClient.newBuilder()
                .localAddress(InetAddress.getByName("127.0." + (n / 250) + "." + (n % 250 + 2)))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(hub.url(path)).GET());
    }

    HttpResponse<String> book(
        String slotId, String name, String phone, String party, String topic) {
      return post(
          "/b/" + token,
          Map.of(
              "slotId", slotId, "name", name, "phone", phone, "partySize", party, "topic", topic));
    }

    HttpResponse<String> cancel(String code, String last4) {
      return post("/b/cancel", Map.of("code", code, "phoneLast4", last4));
    }

    private HttpResponse<String> post(String path, Map<String, String> fields) {
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

    private HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
