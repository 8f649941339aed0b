package liaison.hub.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.audit.AuditLog;
import liaison.hub.demo.DemoCounty;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;
import liaison.signage.protocol.Topic;
import liaison.testkit.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Marking on-duty deputies as arrived (签到) through the API, and what the station's screen gets. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttendanceApiTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  private final ObjectMapper json = new ObjectMapper();

  private RunningHub hub;
  private TestClient watcher;
  private StaffClient manager;
  private String todaysSlot;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    hub = RunningHub.start(dir);
    watcher = hub.observer("attendance-watcher");
    watcher.subscribe(Topic.stationContent("s-001").toString());
    manager = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
    // Its own slot today, at an hour the demo (and its monthly rule on the 15th) leaves free, with
    // 李建国 and 王美玲 on duty.
    todaysSlot = create(TODAY, "17:30", "18:30", List.of("d-0003", "d-0004"));
  }

  @AfterAll
  void stop() {
    watcher.close();
    hub.close();
  }

  @Test
  void shouldPublishADeputyMarkedPresentAndTakeTheMarkBackOnUndo() throws Exception {
    await().until(() -> published(todaysSlot).isPresent());

    HttpResponse<String> marked =
        manager.api("PUT", "/api/receptions/" + todaysSlot + "/present/d-0004", null);

    assertThat(marked.statusCode()).as(marked.body()).isEqualTo(200);
    assertThat(json.readTree(marked.body()).path("presentDeputyIds").toString())
        .isEqualTo("[\"d-0004\"]");
    await()
        .until(
            () ->
                published(todaysSlot)
                    .map(r -> r.presentDeputyIds().equals(List.of("d-0004")))
                    .orElse(false));
    assertThat(hub.bean(AuditLog.class).latest(20, "reception"))
        .anyMatch(
            e ->
                e.action().equals("present")
                    && e.entityId().equals(todaysSlot)
                    && e.summary().contains("王美玲"));

    // Marking again changes nothing; undoing takes the deputy off the screen's "present" list.
    assertThat(
            manager
                .api("PUT", "/api/receptions/" + todaysSlot + "/present/d-0004", null)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> undone =
        manager.api("DELETE", "/api/receptions/" + todaysSlot + "/present/d-0004", null);

    assertThat(undone.statusCode()).as(undone.body()).isEqualTo(200);
    assertThat(json.readTree(undone.body()).path("presentDeputyIds").size()).isZero();
    await()
        .until(() -> published(todaysSlot).map(r -> r.presentDeputyIds().isEmpty()).orElse(false));
    assertThat(hub.bean(AuditLog.class).latest(20, "reception"))
        .anyMatch(e -> e.action().equals("absent") && e.entityId().equals(todaysSlot));
  }

  @Test
  void shouldRefuseToMarkAnyoneAtAReceptionOfAnotherDay() throws Exception {
    String tomorrows = create(TODAY.plusDays(1), "12:00", "13:00", List.of("d-0004"));

    HttpResponse<String> answer =
        manager.api("PUT", "/api/receptions/" + tomorrows + "/present/d-0004", null);

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(answer).get("date")).startsWith("只能为今天");
    assertThat(json.readTree(answer.body()).path("errors").get(0).path("messageEn").asText())
        .contains("on the day only");
    assertThat(
            manager
                .api("DELETE", "/api/receptions/" + tomorrows + "/present/d-0004", null)
                .statusCode())
        .isEqualTo(422);
  }

  @Test
  void shouldRefuseToMarkADeputyWhoIsNotOnDuty() {
    // 陈秀兰 sits at this station but is not on duty at this slot.
    HttpResponse<String> answer =
        manager.api("PUT", "/api/receptions/" + todaysSlot + "/present/d-0001", null);

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(StaffClient.fieldErrors(answer)).containsEntry("deputyId", "陈秀兰 不是这次接待的值班代表，不能签到");
  }

  @Test
  void shouldForbidAnotherStationsManagerAndADeputysAccount() {
    HttpResponse<String> otherManager =
        StaffClient.basic(hub, "baisha", DemoCounty.PASSWORD)
            .api("PUT", "/api/receptions/" + todaysSlot + "/present/d-0003", null);
    HttpResponse<String> deputy =
        StaffClient.basic(hub, "chenxl", DemoCounty.PASSWORD)
            .api("PUT", "/api/receptions/" + todaysSlot + "/present/d-0003", null);
    HttpResponse<String> countyAdmin =
        StaffClient.basic(hub, "admin", DemoCounty.PASSWORD)
            .api("DELETE", "/api/receptions/" + todaysSlot + "/present/d-0003", null);

    assertThat(otherManager.statusCode()).as(otherManager.body()).isEqualTo(403);
    assertThat(deputy.statusCode()).as(deputy.body()).isEqualTo(403);
    assertThat(countyAdmin.statusCode()).as("a county administrator may").isEqualTo(200);
  }

  @Test
  void shouldShowTheDemosArrivedDeputyOnTheScreen() {
    await().until(() -> published("r-0001").isPresent());

    assertThat(published("r-0001").orElseThrow().presentDeputyIds()).containsExactly("d-0001");
    StationContent content = lastSnapshot();
    assertThat(content.deputies())
        .allSatisfy(
            d ->
                assertThat(d.messageUrl())
                    .startsWith("https://hub.test/o/")
                    .isNotEqualTo(content.links().opinion()));
  }

  @Test
  void shouldListTheOpenApiPaths() {
    assertThat(hub.get("/openapi/openapi.yml").body())
        .contains("/api/receptions/{id}/present/{deputyId}");
  }

  private StationContent lastSnapshot() {
    List<TestClient.Received> got = watcher.receivedOn(Topic.stationContent("s-001").toString());
    return got.isEmpty()
        ? null
        : ProtocolCodec.decode(got.getLast().payload(), StationContent.class);
  }

  private Optional<StationContent.Reception> published(String slotId) {
    StationContent content = lastSnapshot();
    return content == null
        ? Optional.empty()
        : content.receptions().stream().filter(r -> r.id().equals(slotId)).findFirst();
  }

  private String create(LocalDate day, String start, String end, List<String> deputies)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stationId", "s-001");
    body.put("date", day.toString());
    body.put("start", start);
    body.put("end", end);
    body.put("location", "代表之家一楼接待室");
    body.put("status", "ANNOUNCED");
    body.put("deputyIds", deputies);
    HttpResponse<String> created =
        manager.api("POST", "/api/receptions", json.writeValueAsString(body));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode node = json.readTree(created.body());
    return node.path("id").asText();
  }
}
