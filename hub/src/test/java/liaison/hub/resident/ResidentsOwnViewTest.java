package liaison.hub.resident;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.config.OpinionConfig;
import liaison.hub.demo.DemoCounty;
import liaison.hub.opinion.CaseRepository;
import liaison.hub.opinion.Resident;
import liaison.hub.opinion.Resident.Field;
import liaison.hub.station.StationRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a resident sees of their own case through the real pages, and the limits they meet, with the
 * hub's default limits: the whole exchange stays on the tracking page after a reopening; a
 * station's Wi-Fi full of residents on a reception day is served, while one tracking code hammering
 * the rating form is held back alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentsOwnViewTest {
  /** The station's Wi-Fi: every resident at the reception shares its one address. */
  private static final String STATION_WIFI = "10.9.9.9";

  private RunningHub hub;
  private StaffClient staff;
  private String token;

  @BeforeAll
  void start(@TempDir Path dir) {
    // The defaults of application.yml, only the address read from the header as behind a proxy.
    hub = RunningHub.start(dir, Map.of("hub.opinions.client-ip-header", "X-Forwarded-For"));
    staff = StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
    token = hub.bean(StationRepository.class).find("s-001").orElseThrow().station().publicToken();
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  private String submitted(Resident resident, String text) {
    HttpResponse<String> sent =
        resident.submit(
            token, List.of(Field.text("category", "TRANSPORT"), Field.text("text", text)));
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
    return Resident.code(sent);
  }

  private void staffStep(String id, String step, String json) {
    HttpResponse<String> answer = staff.api("POST", "/api/cases/" + id + "/" + step, json);
    assertThat(answer.statusCode()).as(step + " " + answer.body()).isEqualTo(200);
  }

  @Test
  void shouldShowEveryAnswerAndTheResidentsOwnRatingsInOrderAfterAReopening() {
    Resident resident = new Resident(hub, "10.1.1.1");
    String code = submitted(resident, "学校门口没有红绿灯，孩子过马路危险");
    String id = hub.bean(CaseRepository.class).findByCode(code).orElseThrow().id();
    staffStep(id, "register", "{\"category\":\"TRANSPORT\",\"summary\":\"学校门口红绿灯\"}");
    staffStep(id, "answer", "{\"text\":\"交警已在上下学时段派人值守。\"}");

    assertThat(resident.rate(code, "DISSATISFIED", "只有早上有人，下午没人").statusCode()).isEqualTo(303);
    assertThat(resident.get("/t/" + code).body())
        .as("reopened: the first answer and the rating stay")
        .contains("交警已在上下学时段派人值守。", "您的评价：不满意", "只有早上有人，下午没人", "将重新办理");

    staffStep(id, "answer", "{\"text\":\"红绿灯已于本周安装。\"}");
    assertThat(resident.rate(code, "SATISFIED", "").statusCode()).isEqualTo(303);

    String page = resident.get("/t/" + code).body();
    List<String> inOrder =
        List.of("交警已在上下学时段派人值守。", "您的评价：不满意", "只有早上有人，下午没人", "红绿灯已于本周安装。", "您的评价：满意");
    int at = -1;
    for (String said : inOrder) {
      int next = page.indexOf(said, at + 1);
      assertThat(next).as("«%s» after what came before it on the page", said).isGreaterThan(at);
      at = next;
    }
    assertThat(page.split("您的评价：", -1)).as("two ratings, each once").hasSize(3);
    assertThat(page).doesNotContain("chengguan", "林晓梅", "DISSATISFIED", "name=\"rating\"");
  }

  @Test
  void shouldServeSixtyResidentsOnTheStationsWiFiWithinTheHour() {
    OpinionConfig limits = hub.bean(OpinionConfig.class);
    assertThat(limits.perIp()).as("the default per address").isGreaterThanOrEqualTo(60);
    List<Integer> answers = new ArrayList<>();
    for (int i = 1; i <= 60; i++) {
      HttpResponse<String> sent =
          new Resident(hub, STATION_WIFI)
              .submit(
                  token,
                  List.of(
                      Field.text("category", "OTHER"), Field.text("text", "第 " + i + " 位群众的意见")));
      answers.add(sent.statusCode());
    }
    assertThat(answers).as("every resident's submission").containsOnly(303);
  }

  @Test
  void shouldHoldBackOneCodeHammeringRatingsWithoutAffectingTheOthers() {
    OpinionConfig limits = hub.bean(OpinionConfig.class);
    Resident hammer = new Resident(hub, STATION_WIFI);
    String code = submitted(hammer, "路灯不亮");
    String id = hub.bean(CaseRepository.class).findByCode(code).orElseThrow().id();
    staffStep(id, "register", "{\"category\":\"TRANSPORT\",\"summary\":\"路灯\"}");
    staffStep(id, "answer", "{\"text\":\"已修好。\"}");

    // Within the limit each try is answered (the rating itself, then "already rated").
    for (int i = 0; i < limits.ratingsPerCode(); i++) {
      assertThat(hammer.rate(code, "SATISFIED", "").statusCode()).isIn(303, 409);
    }
    HttpResponse<String> held = hammer.rate(code, "SATISFIED", "");
    assertThat(held.statusCode()).isEqualTo(429);
    assertThat(held.headers().firstValue("Retry-After")).isPresent();
    assertThat(held.body()).contains("评价太频繁", "This tracking code sent too many ratings");
    assertThat(held.body().indexOf("评价太频繁"))
        .as("Chinese first")
        .isLessThan(held.body().indexOf("This tracking code"));

    // A neighbour on the same Wi-Fi rates their own case at once.
    Resident neighbour = new Resident(hub, STATION_WIFI);
    String theirs = submitted(neighbour, "垃圾桶满了");
    String theirId = hub.bean(CaseRepository.class).findByCode(theirs).orElseThrow().id();
    staffStep(theirId, "register", "{\"category\":\"TRANSPORT\",\"summary\":\"垃圾桶\"}");
    staffStep(theirId, "answer", "{\"text\":\"已清运。\"}");
    assertThat(neighbour.rate(theirs, "BASICALLY_SATISFIED", "").statusCode()).isEqualTo(303);
    assertThat(neighbour.get("/t/" + theirs).body()).contains("您的评价：基本满意");
  }
}
