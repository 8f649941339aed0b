package liaison.hub.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.demo.DemoCases;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calendar through the real HTTP server, on a hub whose clock reads 1 December 2026: the API
 * every account reads, a county administrator's days and CSV import (whole or not at all), the
 * audit log, a deadline counted with the county's own day, and December's warning until 2027 is
 * entered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarApiTest {
  private static final String MISSING = "2027年的节假日安排尚未录入";

  private final ObjectMapper json = new ObjectMapper();
  private RunningHub hub;

  /** Signed in to the pages (session and CSRF token). */
  private StaffClient admin;

  private StaffClient manager;

  /** The API's callers, with HTTP Basic as scripts sign. */
  private StaffClient adminApi;

  private StaffClient managerApi;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir, Map.of("spec.name", "CalendarApiTest"));
    admin = StaffClient.loggedIn(hub, "admin", DemoCounty.PASSWORD);
    manager = StaffClient.loggedIn(hub, "chengguan", DemoCounty.PASSWORD);
    adminApi = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    managerApi = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private JsonNode year(StaffClient who, int year) throws Exception {
    HttpResponse<String> answer = who.api("GET", "/api/calendar?year=" + year, null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private static JsonNode holiday(JsonNode year, String name) {
    for (JsonNode h : year.path("holidays")) {
      if (h.path("name").asText().equals(name)) {
        return h;
      }
    }
    throw new AssertionError("no holiday " + name + " in " + year);
  }

  private List<String> audited(String action) {
    return hub.bean(AuditLog.class).latest(50, CalendarService.AUDITED).stream()
        .filter(e -> e.action().equals(action))
        .map(e -> e.entityId() + " " + e.summary() + " by " + e.actorName())
        .toList();
  }

  @Test
  void shouldListAYearsHolidaysAndMakeUpDaysToEveryStaffAccountButNotToAnonymous()
      throws Exception {
    JsonNode y2026 = year(managerApi, 2026);

    assertThat(y2026.path("known").asBoolean()).isTrue();
    assertThat(holiday(y2026, "国庆节").path("off"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "2026-10-01",
            "2026-10-02",
            "2026-10-03",
            "2026-10-04",
            "2026-10-05",
            "2026-10-06",
            "2026-10-07");
    assertThat(holiday(y2026, "春节").path("off")).hasSize(9);
    assertThat(y2026.path("workDays").toString())
        .contains("{\"date\":\"2026-02-14\",\"holiday\":\"春节\"}")
        .contains("{\"date\":\"2026-10-10\",\"holiday\":\"国庆节\"}");
    assertThat(
            year(StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD), 2025)
                .path("holidays")
                .findValuesAsText("name"))
        .as("a deputy's account reads it too")
        .containsExactly("元旦", "春节", "清明节", "劳动节", "端午节", "国庆节、中秋节");

    JsonNode y2028 = year(adminApi, 2028);
    assertThat(y2028.path("known").asBoolean()).as("no table: Monday to Friday").isFalse();
    assertThat(y2028.path("holidays")).isEmpty();

    assertThat(StaffClient.anonymous(hub).api("GET", "/api/calendar?year=2026", null).statusCode())
        .isEqualTo(401);
    HttpResponse<String> silly = adminApi.api("GET", "/api/calendar?year=1999", null);
    assertThat(silly.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(silly)).containsKey("year");
  }

  @Test
  void shouldCountADeadlineWithTheCountysOwnDayOffWhichOnlyItsAdministratorSets() throws Exception {
    String localDay = "{\"date\":\"2026-12-10\",\"kind\":\"休\",\"name\":\"县庆\"}";
    assertThat(managerApi.api("PUT", "/api/calendar/days", localDay).statusCode()).isEqualTo(403);
    HttpResponse<String> set = adminApi.api("PUT", "/api/calendar/days", localDay);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
    assertThat(holiday(year(managerApi, 2026), "县庆").path("off").get(0).asText())
        .isEqualTo("2026-12-10");

    String id = DemoCases.NEW_CASE;
    HttpResponse<String> registered =
        managerApi.api(
            "POST",
            "/api/cases/" + id + "/register",
            "{\"category\":\"TRANSPORT\",\"summary\":\"公交站缺遮雨棚\"}");
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    HttpResponse<String> forwarded =
        managerApi.api(
            "POST", "/api/cases/" + id + "/forward", "{\"departmentId\":\"dep-transport\"}");
    assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(200);
    LocalDate today = hub.bean(WorkingCalendar.class).today();
    LocalDate expected =
        WorkingDays.of(
                NationalHolidays.builtIn(),
                List.of(new CalendarDay(LocalDate.of(2026, 12, 10), DayKind.OFF, "县庆", false)))
            .after(today, 15);
    assertThat(json.readTree(forwarded.body()).path("summary").path("deadline").asText())
        .as("15 working days from %s, 县庆 not one of them", today)
        .isEqualTo(expected.toString())
        .isNotEqualTo(
            WorkingDays.of(NationalHolidays.builtIn(), List.of()).after(today, 15).toString());

    assertThat(adminApi.api("DELETE", "/api/calendar/days/2026-12-10", null).statusCode())
        .isEqualTo(204);
    assertThat(adminApi.api("DELETE", "/api/calendar/days/2026-12-10", null).statusCode())
        .as("gone already")
        .isEqualTo(404);
    assertThat(adminApi.api("DELETE", "/api/calendar/days/2026-10-01", null).statusCode())
        .as("国庆节 is the State Council's, not the county's")
        .isEqualTo(404);
    assertThat(year(adminApi, 2026).path("holidays").findValuesAsText("name")).doesNotContain("县庆");
    assertThat(audited("update")).anyMatch(a -> a.startsWith("2026-12-10 2026-12-10 休 县庆 by 周建华"));
    assertThat(audited("delete")).anyMatch(a -> a.startsWith("2026-12-10 "));

    HttpResponse<String> weekday =
        adminApi.api(
            "PUT", "/api/calendar/days", "{\"date\":\"2026-12-16\",\"kind\":\"班\",\"name\":\"\"}");
    assertThat(weekday.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(weekday).get("date")).contains("不是周末");
  }

  @Test
  void shouldWarnInDecemberUntilNextYearsFileIsImportedWholeAndRefuseABadOneWhole()
      throws Exception {
    assertThat(admin.get("/admin/dashboard").body()).contains(MISSING, "/admin/calendar?year=2027");
    assertThat(admin.get("/admin").body()).contains(MISSING);
    assertThat(manager.get("/admin").body())
        .as("the county administrator's to do")
        .doesNotContain(MISSING);
    assertThat(hub.bean(MissingYearWarning.class).warn()).contains(DemoCounty.COUNTY);

    String csrf = admin.csrf();
    byte[] bad =
        ("date,kind,name\n2027-01-01,休,元旦\n2027-02-30,休,春节\n2027-02-06,休,春节\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> refused =
        admin.upload("/admin/calendar/import?year=2027", csrf, "file", "2027.csv", bad);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("第 3 行：日期“2027-02-30”无法识别");
    assertThat(year(adminApi, 2027).path("known").asBoolean())
        .as("nothing half-imported")
        .isFalse();
    assertThat(year(adminApi, 2027).path("holidays")).isEmpty();

    byte[] good =
        ("date,kind,name\n2027-01-01,休,元旦\n2027-02-06,休,春节\n2027-02-07,休,春节\n"
                + "2027-02-20,班,春节\n")
            .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> taken =
        admin.upload("/admin/calendar/import?year=2027", csrf, "file", "2027.csv", good);
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(303);
    assertThat(taken.headers().firstValue("Location"))
        .contains("/admin/calendar?year=2027&done=imported");

    JsonNode y2027 = year(managerApi, 2027);
    assertThat(y2027.path("known").asBoolean()).isTrue();
    assertThat(holiday(y2027, "春节").path("off")).hasSize(2);
    assertThat(y2027.path("workDays").get(0).path("date").asText()).isEqualTo("2027-02-20");
    assertThat(audited("import")).anyMatch(a -> a.contains("导入 4 天（2027 年）") && a.contains("周建华"));
    assertThat(admin.get("/admin/dashboard").body()).doesNotContain(MISSING);
    assertThat(hub.bean(MissingYearWarning.class).warn()).doesNotContain(DemoCounty.COUNTY);

    HttpResponse<byte[]> exported = manager.download("/admin/calendar/export?year=2027");
    assertThat(exported.statusCode()).isEqualTo(200);
    assertThat(CalendarFile.read(exported.body(), LocalDate.of(2026, 1, 1)))
        .extracting(d -> d.date() + " " + d.kind().cell() + " " + d.name())
        .containsExactly(
            "2027-01-01 休 元旦", "2027-02-06 休 春节", "2027-02-07 休 春节", "2027-02-20 班 春节");
    assertThat(manager.get("/admin/calendar?year=2027").body())
        .as("a manager reads the page, without the forms")
        .contains("2027-02-20", "调休上班")
        .doesNotContain("/admin/calendar/import");
  }
}
