package liaison.hub.reception;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Recurring receptions: the slots they make, their exceptions, clashes, changes and removal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReceptionRuleTest {
  private final ObjectMapper json = new ObjectMapper();
  private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private RunningHub hub;
  private StaffClient manager;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldHoldAMonthlyReceptionOnlyInMonthsThatHaveTheDay() {
    ReceptionRule rule =
        new ReceptionRule(
            "rr-x",
            "s-001",
            ReceptionRule.Kind.MONTHLY,
            null,
            31,
            LocalTime.of(9, 0),
            LocalTime.of(11, 0),
            null,
            "一楼",
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 6, 30),
            List.of("d-0001"),
            Set.of(LocalDate.of(2027, 3, 31)));

    assertThat(rule.datesBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31)))
        .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 5, 31));
  }

  @Test
  void shouldHaveNoDatesWhenTheRuleStartsAfterThePeriodAsked() {
    // A rule announced months ahead: the hub fills the coming four weeks with none of its dates (it
    // answered 500).
    ReceptionRule rule =
        new ReceptionRule(
            "rr-y",
            "s-001",
            ReceptionRule.Kind.WEEKLY,
            DayOfWeek.SATURDAY,
            null,
            LocalTime.of(19, 0),
            LocalTime.of(20, 0),
            null,
            "一楼",
            LocalDate.of(2028, 1, 1),
            null,
            List.of("d-0001"),
            Set.of());

    assertThat(rule.datesBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31))).isEmpty();
    assertThat(rule.datesBetween(LocalDate.of(2027, 12, 1), LocalDate.of(2028, 1, 8)))
        .containsExactly(LocalDate.of(2028, 1, 1), LocalDate.of(2028, 1, 8));
  }

  @Test
  void shouldMakePlannedSlotsForTheComingFourWeeksExceptOnExceptionDays() throws Exception {
    // Sundays: the demo holds no reception then, so nothing clashes.
    LocalDate firstSunday = today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    HttpResponse<String> created =
        manager.api(
            "POST",
            "/api/rules",
            rule(
                "s-001",
                "WEEKLY",
                "7",
                null,
                "08:00",
                "08:45",
                List.of("d-0003"),
                firstSunday.plusWeeks(1).toString()));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    List<String> sundays = slotDates("s-001", "08:00");
    assertThat(sundays)
        .contains(firstSunday.toString(), firstSunday.plusWeeks(2).toString())
        .doesNotContain(firstSunday.plusWeeks(1).toString())
        .allMatch(d -> LocalDate.parse(d).getDayOfWeek() == DayOfWeek.SUNDAY);
    assertThat(sundays.size()).isBetween(2, 4);
  }

  @Test
  void shouldRefuseARuleThatPutsADeputyInTwoPlacesNamingTheDate() throws Exception {
    // 陈秀兰 (d-0001) receives at s-001 every other day from 09:00 in the demo week.
    HttpResponse<String> clash =
        manager.api(
            "POST",
            "/api/rules",
            rule(
                "s-003",
                "WEEKLY",
                String.valueOf(today.getDayOfWeek().getValue()),
                null,
                "10:00",
                "10:30",
                List.of("d-0001"),
                ""));

    assertThat(clash.statusCode()).isEqualTo(422);
    JsonNode errors = json.readTree(clash.body()).path("errors");
    assertThat(errors.get(0).path("field").asText()).isEqualTo("deputyIds");
    assertThat(errors.get(0).path("message").asText()).contains("陈秀兰 在 " + today, "可把这天列为例外");
    assertThat(json.readTree(manager.api("GET", "/api/stations/s-003/rules", null).body()))
        .isEmpty();
  }

  @Test
  void shouldRemakePlannedSlotsOnChangeButKeepAnAnnouncedOne() throws Exception {
    LocalDate firstSaturday =
        today.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
    String id =
        json.readTree(
                manager
                    .api(
                        "POST",
                        "/api/rules",
                        rule("s-001", "WEEKLY", "6", null, "15:00", "16:00", List.of("d-0004"), ""))
                    .body())
            .path("id")
            .asText();
    JsonNode first = slotOn("s-001", firstSaturday, "15:00");
    // The manager announces the first Saturday by hand.
    Map<String, Object> announced = new LinkedHashMap<>();
    announced.put("stationId", "s-001");
    announced.put("date", firstSaturday.toString());
    announced.put("start", "15:00");
    announced.put("end", "16:00");
    announced.put("location", "代表之家一楼接待室");
    announced.put("status", "ANNOUNCED");
    announced.put("deputyIds", List.of("d-0004"));
    assertThat(
            manager
                .api(
                    "PUT",
                    "/api/receptions/" + first.path("id").asText(),
                    json.writeValueAsString(announced))
                .statusCode())
        .isEqualTo(200);

    HttpResponse<String> changed =
        manager.api(
            "PUT",
            "/api/rules/" + id,
            rule("s-001", "WEEKLY", "6", null, "16:30", "17:30", List.of("d-0004"), ""));

    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(slotOn("s-001", firstSaturday, "15:00").path("status").asText())
        .as("kept as announced")
        .isEqualTo("ANNOUNCED");
    assertThat(slotOn("s-001", firstSaturday, "16:30")).as("no second slot that day").isNull();
    assertThat(slotOn("s-001", firstSaturday.plusWeeks(1), "16:30")).isNotNull();
    assertThat(slotOn("s-001", firstSaturday.plusWeeks(1), "15:00")).isNull();

    assertThat(manager.api("DELETE", "/api/rules/" + id, null).statusCode()).isEqualTo(204);
    assertThat(slotOn("s-001", firstSaturday.plusWeeks(1), "16:30"))
        .as("planned slots go with the rule")
        .isNull();
    assertThat(slotOn("s-001", firstSaturday, "15:00")).as("the announced one stays").isNotNull();
  }

  @Test
  void shouldLetOnlyTheStationsManagersMakeRules() {
    HttpResponse<String> other =
        StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD)
            .api(
                "POST",
                "/api/rules",
                rule("s-001", "MONTHLY", null, "15", "09:00", "11:00", List.of("d-0003"), ""));
    HttpResponse<String> deputy =
        StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD)
            .api(
                "POST",
                "/api/rules",
                rule("s-001", "MONTHLY", null, "15", "09:00", "11:00", List.of("d-0003"), ""));

    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(deputy.statusCode()).isEqualTo(403);
  }

  private List<String> slotDates(String station, String start) throws Exception {
    JsonNode slots =
        json.readTree(
            manager
                .api(
                    "GET",
                    "/api/stations/"
                        + station
                        + "/receptions?from="
                        + today
                        + "&to="
                        + today.plusDays(40),
                    null)
                .body());
    List<String> dates = new ArrayList<>();
    slots.forEach(
        s -> {
          if (s.path("start").asText().equals(start)) {
            dates.add(s.path("date").asText());
          }
        });
    return dates;
  }

  private JsonNode slotOn(String station, LocalDate day, String start) throws Exception {
    JsonNode slots =
        json.readTree(
            manager
                .api(
                    "GET",
                    "/api/stations/" + station + "/receptions?from=" + day + "&to=" + day,
                    null)
                .body());
    for (JsonNode s : slots) {
      if (s.path("start").asText().equals(start)) {
        return s;
      }
    }
    return null;
  }

  private String rule(
      String station,
      String kind,
      String weekday,
      String monthDay,
      String start,
      String end,
      List<String> deputies,
      String exceptions) {
    try {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("stationId", station);
      r.put("kind", kind);
      r.put("weekday", weekday);
      r.put("monthDay", monthDay);
      r.put("start", start);
      r.put("end", end);
      r.put("location", "代表之家一楼接待室");
      r.put("deputyIds", deputies);
      r.put("exceptions", exceptions);
      return json.writeValueAsString(r);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
