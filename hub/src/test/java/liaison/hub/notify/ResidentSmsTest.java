package liaison.hub.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.station.StationRepository;
import liaison.hub.text.Texts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Residents told by SMS, through the real HTTP server: the tick on the opinion and booking forms,
 * the messages enqueued with the staff's answer, the booking and its cancellation (by the resident
 * and with the reception), the stop link (its GET stops nothing, its POST stops every later
 * message) and the tracking page's switch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentSmsTest {
  private static final AtomicInteger NEXT_IP = new AtomicInteger(10);
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Pattern BOOKING = Pattern.compile("B-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");

  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private StaffClient admin;
  private String token;

  @BeforeAll
  void start(@TempDir Path dir) {
    // Every resident here is their own address; the bookings all come from this machine's.
    hub =
        RunningHub.start(
            dir,
            Map.of(
                "hub.opinions.client-ip-header",
                "X-Forwarded-For",
                "hub.booking.limit-per-address",
                50));
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    token = hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private Resident resident() {
    return new Resident(hub, "10.7.0." + NEXT_IP.incrementAndGet());
  }

  private static List<Field> opinion(String phone, boolean notify) {
    List<Field> fields =
        new ArrayList<>(
            List.of(
                Field.text("category", "TRANSPORT"),
                Field.text("text", "东门路口的红绿灯太短，老人过不去"),
                Field.text("name", "王女士"),
                Field.text("phone", phone),
                Field.text("consent", "yes")));
    if (notify) {
      fields.add(Field.text("notifySms", "yes"));
    }
    return fields;
  }

  @Test
  void shouldTextTheAnswerToAResidentWhoTickedAndAgainAfterReopening() throws Exception {
    String code = Resident.code(resident().submit(token, opinion("138 1234 1234", true)));
    String id = caseId(code);
    assertThat(resident().get("/t/" + code).body())
        .as("the tracking page says where the answer goes")
        .contains("答复后将短信通知 138****1234");

    answer(id, "您好，红绿灯时长已调整。");

    List<Map<String, Object>> sms = rows("case_id = '" + id + "'");
    assertThat(sms).hasSize(1);
    Map<String, Object> answered = sms.getFirst();
    assertThat(answered.get("kind")).isEqualTo("case-answered");
    assertThat(answered.get("template")).isEqualTo("case-answered");
    assertThat(answered.get("recipient")).isEqualTo("13812341234");
    Map<String, String> params = params(answered);
    assertThat(params).containsOnlyKeys("code", "link", "stop");
    assertThat(params.get("code")).isEqualTo(code);
    assertThat(params.get("link")).isEqualTo("t/" + code);
    assertThat(params.get("stop"))
        .matches("n/[2-9a-zA-Z]{16}")
        .isEqualTo(answered.get("unsubscribe"));
    assertThat(params.values())
        .as("every parameter fits a provider's limit")
        .allMatch(v -> v.length() <= 35);
    String text = rendered("case-answered", params);
    assertThat(text)
        .startsWith("您反映的问题（查询码" + code + "）已有答复")
        .doesNotContain("王女士", "红绿灯", "13812341234");

    // Dissatisfied, reopened, answered again: a new message; the same answer never twice.
    assertThat(resident().rate(code, "DISSATISFIED", "还是太短").statusCode()).isEqualTo(303);
    answer(id, "您好，已再次延长。");
    assertThat(rows("case_id = '" + id + "'")).hasSize(2);
  }

  @Test
  void shouldTextNothingWithoutTheTickAndRefuseATickWithoutAMobile() throws Exception {
    String code = Resident.code(resident().submit(token, opinion("13900001111", false)));
    answer(caseId(code), "您好，已处理。");
    assertThat(rows("case_id = '" + caseId(code) + "'")).isEmpty();
    assertThat(resident().get("/t/" + code).body()).doesNotContain("短信通知");

    int cases = count("SELECT COUNT(*) FROM opinion_case");
    List<Field> noPhone =
        new ArrayList<>(
            List.of(
                Field.text("category", "TRANSPORT"),
                Field.text("text", "没有留电话也想收短信"),
                Field.text("notifySms", "yes")));
    HttpResponse<String> refused = resident().submit(token, noPhone);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("要短信通知，请填写手机号码", "To be texted, give a mobile number")
        .contains("id=\"notifySms-error\"");
    HttpResponse<String> landline = resident().submit(token, opinion("0571-8765432", true));
    assertThat(landline.statusCode()).isEqualTo(422);
    assertThat(landline.body()).contains("短信只能发到手机");
    assertThat(count("SELECT COUNT(*) FROM opinion_case")).as("nothing saved").isEqualTo(cases);
  }

  @Test
  void shouldStopEveryLaterMessageOnlyWhenTheStopPageIsPosted() throws Exception {
    String first = Resident.code(resident().submit(token, opinion("13766660001", true)));
    String second = Resident.code(resident().submit(token, opinion("13766660001", true)));
    answer(caseId(first), "您好，已答复第一件。");
    String stop = (String) rows("case_id = '" + caseId(first) + "'").getFirst().get("unsubscribe");

    // Opened (as a link scanner or the resident does): it says what it stops, and stops nothing.
    StaffClient phone = StaffClient.anonymous(hub);
    HttpResponse<String> page = phone.get("/" + stop);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("137****0001", "确认退订", "method=\"post\"");
    assertThat(hub.bean(SmsStops.class).find(stop.substring(2)).orElseThrow().stopped()).isFalse();

    HttpResponse<String> stopped = phone.postForm("/" + stop, List.of());
    assertThat(stopped.statusCode()).isEqualTo(303);
    assertThat(phone.get("/" + stop).body()).contains("已退订短信通知", "137****0001");
    assertThat(phone.get("/n/NoSuchStopLink2345").statusCode()).isEqualTo(404);

    answer(caseId(second), "您好，已答复第二件。");
    assertThat(rows("case_id = '" + caseId(second) + "'"))
        .as("no SMS is enqueued to a stopped number")
        .isEmpty();
    assertThat(count("SELECT COUNT(*) FROM sms_stop WHERE masked_phone = '137****0001'"))
        .isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM sms_stop WHERE phone_hash LIKE '%13766660001%'"))
        .as("the number itself is not kept")
        .isZero();

    // A new explicit tick outweighs the stop.
    String third = Resident.code(resident().submit(token, opinion("13766660001", true)));
    answer(caseId(third), "您好，已答复第三件。");
    assertThat(rows("case_id = '" + caseId(third) + "'")).hasSize(1);
  }

  @Test
  void shouldLetTheResidentTurnTheCasesMessageOffOnTheTrackingPage() throws Exception {
    String code = Resident.code(resident().submit(token, opinion("13655550002", true)));
    StaffClient phone = StaffClient.anonymous(hub);
    assertThat(phone.get("/t/" + code).body()).contains("不再短信通知");

    HttpResponse<String> off = phone.postForm("/t/" + code + "/sms", List.of());
    assertThat(off.statusCode()).isEqualTo(303);
    assertThat(phone.get("/t/" + code).body()).doesNotContain("答复后将短信通知");

    answer(caseId(code), "您好，已处理。");
    assertThat(rows("case_id = '" + caseId(code) + "'")).isEmpty();
  }

  @Test
  void shouldConfirmAndCancelABookingByTextWhenTicked() throws Exception {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(3);
    String slot = slot(day, "09:30");
    String code = book(slot, "13512340003", true);
    String untickedCode = book(slot, "13512340004", false);

    List<Map<String, Object>> confirmed = rows("kind = 'booking-confirmed'");
    assertThat(confirmed).hasSize(1);
    Map<String, String> params = params(confirmed.getFirst());
    assertThat(params).containsOnlyKeys("code", "time", "station", "stop");
    assertThat(params.get("code")).isEqualTo(code);
    assertThat(params.get("time"))
        .isEqualTo(day.getMonthValue() + "月" + day.getDayOfMonth() + "日 09:30");
    assertThat(params.get("station")).isNotBlank().hasSizeLessThanOrEqualTo(20);
    assertThat(rendered("booking-confirmed", params))
        .contains(code)
        .doesNotContain("陈阿姨", "路灯", "13512340003");

    HttpResponse<String> cancelled =
        StaffClient.anonymous(hub)
            .postForm(
                "/b/cancel", List.of(Map.entry("code", code), Map.entry("phoneLast4", "0003")));
    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
    List<Map<String, Object>> told = rows("kind = 'booking-cancelled'");
    assertThat(told).hasSize(1);
    assertThat(params(told.getFirst()).get("code")).isEqualTo(code);
    assertThat(untickedCode).isNotEqualTo(code);
  }

  @Test
  void shouldTellTheTickedBookingsWhenTheStationCancelsTheReception() throws Exception {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(5);
    String slot = slot(day, "10:15");
    String ticked = book(slot, "13512340005", true);
    book(slot, "13512340006", false);

    JsonNode current = json.readTree(admin.api("GET", "/api/receptions/" + slot, null).body());
    Map<String, Object> body = slotBody(day, current.path("start").asText(), "CANCELLED");
    HttpResponse<String> changed =
        admin.api("PUT", "/api/receptions/" + slot, json.writeValueAsString(body));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

    List<Map<String, Object>> told =
        rows(
            "kind = 'booking-cancelled' AND booking_id IN"
                + " (SELECT id FROM reception_booking WHERE slot_id = '"
                + slot
                + "')");
    assertThat(told).hasSize(1);
    assertThat(params(told.getFirst()).get("code")).isEqualTo(ticked);
  }

  // ---- helpers ----

  private String caseId(String trackingCode) {
    return hub.bean(Database.class)
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM opinion_case WHERE tracking_code = :c")
                    .bind("c", trackingCode)
                    .mapTo(String.class)
                    .one());
  }

  private void answer(String id, String text) throws Exception {
    String status =
        hub.bean(Database.class)
            .withHandle(
                h ->
                    h.createQuery("SELECT status FROM opinion_case WHERE id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    if (status.equals("SUBMITTED")) {
      ok(
          admin.api(
              "POST",
              "/api/cases/" + id + "/register",
              "{\"category\":\"TRANSPORT\",\"summary\":\"红绿灯\"}"));
    }
    ok(
        admin.api(
            "POST", "/api/cases/" + id + "/answer", json.writeValueAsString(Map.of("text", text))));
  }

  private String slot(LocalDate day, String start) throws Exception {
    HttpResponse<String> created =
        admin.api(
            "POST", "/api/receptions", json.writeValueAsString(slotBody(day, start, "ANNOUNCED")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).path("id").asText();
  }

  private static Map<String, Object> slotBody(LocalDate day, String start, String status) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stationId", "s-001");
    body.put("date", day.toString());
    body.put("start", start);
    body.put("end", java.time.LocalTime.parse(start).plusMinutes(30).toString());
    body.put("location", "代表之家测试室");
    body.put("status", status);
    body.put("deputyIds", List.of("d-0004"));
    body.put("capacity", 10);
    return body;
  }

  private String book(String slot, String phone, boolean notify) {
    List<Map.Entry<String, String>> fields =
        new ArrayList<>(
            List.of(
                Map.entry("slotId", slot),
                Map.entry("name", "陈阿姨"),
                Map.entry("phone", phone),
                Map.entry("partySize", "1"),
                Map.entry("topic", "小区门口路灯坏了")));
    if (notify) {
      fields.add(Map.entry("notifySms", "yes"));
    }
    HttpResponse<String> booked = StaffClient.anonymous(hub).postForm("/b/" + token, fields);
    assertThat(booked.statusCode()).as(booked.body()).isEqualTo(303);
    Matcher m = BOOKING.matcher(booked.headers().firstValue("Location").orElseThrow());
    assertThat(m.find()).isTrue();
    return m.group();
  }

  private List<Map<String, Object>> rows(String where) {
    return hub.bean(Database.class)
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT kind, template, recipient, params, unsubscribe FROM notification"
                            + " WHERE channel = 'SMS' AND "
                            + where
                            + " ORDER BY created_at, id")
                    .mapToMap()
                    .list());
  }

  private int count(String sql) {
    return hub.bean(Database.class).withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  private Map<String, String> params(Map<String, Object> row) throws Exception {
    Map<String, String> out = new LinkedHashMap<>();
    json.readTree((String) row.get("params"))
        .properties()
        .forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  /** The message as the resident's phone shows it, from the template the county registers. */
  private static String rendered(String template, Map<String, String> p) {
    String base = "https://lx.example.gov.cn";
    return template.equals("case-answered")
        ? Texts.format(
            "sms.template." + template, Texts.ZH, base, p.get("code"), p.get("link"), p.get("stop"))
        : Texts.format(
            "sms.template." + template,
            Texts.ZH,
            base,
            p.get("code"),
            p.get("time"),
            p.get("station"),
            p.get("stop"));
  }

  private static void ok(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
  }
}
