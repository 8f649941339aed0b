package liaison.hub.mywork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import liaison.hub.problem.BadInput;
import liaison.hub.reception.ReceptionRepository;
import liaison.hub.reception.ReceptionSlot;
import liaison.signage.protocol.ReceptionStatus;
import liaison.signage.protocol.SignInCodes;
import liaison.testkit.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deputy signs in (签到) by scanning the station's screen with their phone, through a running hub
 * whose clock the test moves: the code of this minute signs them in once (a second scan says so),
 * the same code three minutes later, a code made with another station's key, a deputy not on duty
 * and a reception not under way are refused in words with nothing stored, and a scan before logging
 * in goes through the log-in and back. The mark is the deputy's own (marked_by their account) and
 * reaches the station's snapshot, which carries the key the screen makes codes from.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneSignInTest {
  /** 陈秀兰 (chenxl), d-0001, sits at s-001 and s-003. */
  private static final String CHENXL = "d-0001";

  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;
  private TestClock clock;
  private Database database;
  private LocalDate today;
  private int made;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir, Map.of("spec.name", "PhoneSignInTest"));
    clock = (TestClock) hub.bean(java.time.Clock.class);
    database = hub.bean(Database.class);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  /** Every test starts at 14:10 in Beijing, on the day the hub started. */
  @BeforeEach
  void atTenPastTwo() {
    today = clock.instant().atZone(TestClock.SHANGHAI).toLocalDate();
    clock.set(at(LocalTime.of(14, 10)).toInstant());
  }

  private ZonedDateTime at(LocalTime time) {
    return today.atTime(time).atZone(TestClock.SHANGHAI);
  }

  /** A reception today at the station, with the deputies on duty; its id. */
  private String reception(String station, String start, String end, String... deputies) {
    String id = "r-phone-" + (++made);
    database.useTransaction(
        h ->
            hub.bean(ReceptionRepository.class)
                .insert(
                    h,
                    new ReceptionSlot(
                        id,
                        station,
                        today,
                        LocalTime.parse(start),
                        LocalTime.parse(end),
                        "扫码签到",
                        "一楼接待室",
                        ReceptionStatus.ANNOUNCED,
                        List.of(deputies))));
    return id;
  }

  private String key(String station) {
    return hub.bean(SignInKeys.class).keyOf(station).orElseThrow();
  }

  private String scan(String receptionId, String code) {
    return "/me/sign-in?r=" + receptionId + "&c=" + code;
  }

  private String codeNow(String station, String receptionId) {
    return SignInCodes.code(key(station), receptionId, clock.instant());
  }

  /** Who marked the deputy present at the reception; null while nobody has. */
  private String markedBy(String receptionId, String deputyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    "SELECT marked_by FROM reception_attendance WHERE slot_id = :s AND deputy_id = :d")
                .bind("s", receptionId)
                .bind("d", deputyId)
                .mapTo(String.class)
                .findOne()
                .orElse(null));
  }

  private long refusals() {
    return hub.bean(BadInput.class).count(PhoneSignIn.SOURCE);
  }

  private StaffClient deputy() {
    return StaffClient.loggedIn(hub, "chenxl", DemoCounty.PASSWORD);
  }

  @Test
  void shouldSignInWithTheCodeOfThisMinuteOnceAndRefuseItThreeMinutesLater() throws Exception {
    String r = reception("s-001", "14:00", "16:00", CHENXL, "d-0002");
    String code = codeNow("s-001", r);
    StaffClient phone = deputy();

    HttpResponse<String> first = phone.get(scan(r, code));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(first.body()).contains("已签到").contains("城关镇人大代表之家").contains("14:00–16:00");
    assertThat(markedBy(r, CHENXL)).isEqualTo("u-chenxl");

    HttpResponse<String> again = phone.get(scan(r, code));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("已经签到过了");

    // The screen shows who is there: the station's snapshot is published again with the mark.
    StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode content =
                  json.readTree(admin.api("GET", "/api/stations/s-001/content", null).body());
              JsonNode slot = null;
              for (JsonNode s : content.path("receptions")) {
                if (s.path("id").asText().equals(r)) {
                  slot = s;
                }
              }
              assertThat(slot).as("the reception in the snapshot").isNotNull();
              assertThat(slot.path("presentDeputyIds").toString()).contains(CHENXL);
              assertThat(content.path("duty").path("signIn").path("key").asText())
                  .isEqualTo(key("s-001"));
              assertThat(content.path("duty").path("signIn").path("url").asText())
                  .isEqualTo("https://hub.test/me/sign-in");
            });

    // The same code, photographed and used three minutes later: refused, nothing stored.
    String late = reception("s-001", "14:00", "16:00", CHENXL);
    String lateCode = codeNow("s-001", late);
    clock.advance(Duration.ofMinutes(SignInCodes.GRACE_MINUTES + 1));
    long before = refusals();
    HttpResponse<String> expired = phone.get(scan(late, lateCode));
    assertThat(expired.statusCode()).isEqualTo(422);
    assertThat(expired.body()).contains("未能签到").contains("签到码不对或已过期");
    assertThat(markedBy(late, CHENXL)).isNull();
    assertThat(refusals()).isEqualTo(before + 1);
  }

  @Test
  void shouldRefuseACodeMadeWithAnotherStationsKey() {
    String r = reception("s-001", "14:00", "16:00", CHENXL);
    String foreign = SignInCodes.code(key("s-002"), r, clock.instant());
    long before = refusals();

    HttpResponse<String> answer = deputy().get(scan(r, foreign));

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body()).contains("签到码不对或已过期");
    assertThat(markedBy(r, CHENXL)).isNull();
    assertThat(refusals()).isEqualTo(before + 1);
  }

  @Test
  void shouldRefuseADeputyNotOnDutyThere() {
    String r = reception("s-001", "14:00", "16:00", "d-0002");

    HttpResponse<String> answer = deputy().get(scan(r, codeNow("s-001", r)));

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(answer.body()).contains("您不在这场接待的值班代表中");
    assertThat(markedBy(r, CHENXL)).isNull();
  }

  @Test
  void shouldRefuseAReceptionNotUnderWay() {
    // At 14:10: one starting at 15:00 opens for signing in at 14:30; one that ended at 14:05 is
    // over.
    String later = reception("s-001", "15:00", "16:00", CHENXL);
    String over = reception("s-001", "12:00", "14:05", CHENXL);
    StaffClient phone = deputy();
    long before = refusals();

    for (String r : List.of(later, over)) {
      HttpResponse<String> answer = phone.get(scan(r, codeNow("s-001", r)));
      assertThat(answer.statusCode()).isEqualTo(422);
      assertThat(answer.body()).contains("不在签到时间内");
      assertThat(markedBy(r, CHENXL)).isNull();
    }
    assertThat(refusals()).isEqualTo(before + 2);

    // From 30 minutes before its start the same reception takes the deputy's scan.
    clock.set(at(LocalTime.of(14, 30)).toInstant());
    assertThat(phone.get(scan(later, codeNow("s-001", later))).statusCode()).isEqualTo(200);
    assertThat(markedBy(later, CHENXL)).isEqualTo("u-chenxl");
  }

  @Test
  void shouldTakeAnAnonymousScanThroughTheLogInAndBack() {
    String r = reception("s-001", "14:00", "16:00", CHENXL);
    String address = scan(r, codeNow("s-001", r));
    StaffClient phone = StaffClient.anonymous(hub);

    HttpResponse<String> first = phone.get(address);
    assertThat(first.statusCode()).isEqualTo(303);
    String login = first.headers().firstValue("Location").orElseThrow();
    assertThat(login).startsWith("/login?next=");
    String next =
        URLDecoder.decode(login.substring("/login?next=".length()), StandardCharsets.UTF_8);
    assertThat(next).isEqualTo(address);
    assertThat(markedBy(r, CHENXL)).isNull();

    HttpResponse<String> loggedIn =
        phone.postForm(
            "/login",
            List.of(
                Map.entry("username", "chenxl"),
                Map.entry("password", DemoCounty.PASSWORD),
                Map.entry("next", next)));
    assertThat(loggedIn.statusCode()).isEqualTo(303);
    assertThat(loggedIn.headers().firstValue("Location")).hasValue(address);

    HttpResponse<String> back = phone.get(address);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    assertThat(back.body()).contains("已签到");
    assertThat(markedBy(r, CHENXL)).isEqualTo("u-chenxl");
  }

  @Test
  void shouldLandADeputyOnTheirOwnWorkAfterLoggingIn() {
    HttpResponse<String> loggedIn =
        StaffClient.anonymous(hub)
            .postForm(
                "/login",
                List.of(
                    Map.entry("username", "chenxl"), Map.entry("password", DemoCounty.PASSWORD)));
    assertThat(loggedIn.headers().firstValue("Location")).hasValue("/me");
  }

  @Test
  void shouldKeepTheSignInKeyFromADeputyReadingTheSnapshot() throws Exception {
    String r = reception("s-001", "14:00", "16:00", CHENXL);
    // A change, so the station is published with its key.
    deputy().get(scan(r, codeNow("s-001", r)));
    StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                json.readTree(admin.api("GET", "/api/stations/s-001/content", null).body())
                    .path("duty")
                    .path("signIn")
                    .isObject());

    JsonNode seen =
        json.readTree(
            StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD)
                .api("GET", "/api/stations/s-001/content", null)
                .body());

    assertThat(seen.path("stationId").asText()).isEqualTo("s-001");
    assertThat(
            seen.path("duty").path("signIn").isMissingNode()
                || seen.path("duty").path("signIn").isNull())
        .as(seen.path("duty").toString())
        .isTrue();
    assertThat(seen.toString()).doesNotContain(key("s-001"));
  }
}
