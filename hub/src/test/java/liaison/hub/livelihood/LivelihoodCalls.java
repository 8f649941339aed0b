package liaison.hub.livelihood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Sql;
import liaison.hub.publish.PublicationRepository;
import liaison.signage.protocol.ProtocolCodec;
import liaison.signage.protocol.StationContent;

/**
 * The livelihood staff API's calls as the tests make them, one staff member's: open a round, enter
 * a proposal heard at a reception, make and edit a project, take a step, read the round's state;
 * each answer's status checked, its body shown when it is not the one expected.
 */
final class LivelihoodCalls {
  private final StaffClient staff;
  private final ObjectMapper json = new ObjectMapper();

  LivelihoodCalls(StaffClient staff) {
    this.staff = staff;
  }

  /** Opens a round of the county (township empty) or a township, collecting for three weeks. */
  String open(String townshipId, int year, String title, List<String> categories) {
    LocalDate today = LocalDate.now(Sql.ZONE);
    return created(
        "/api/livelihood/rounds",
        Map.of(
            "townshipId",
            townshipId,
            "year",
            Integer.toString(year),
            "title",
            title,
            "opensOn",
            today.toString(),
            "closesOn",
            today.plusDays(20).toString(),
            "categories",
            categories));
  }

  /** A proposal staff write down at a reception at the station: accepted as entered. */
  String enter(String round, String stationId, String category, String title) {
    return created(
        "/api/livelihood/rounds/" + round + "/proposals",
        Map.of(
            "source",
            "RECEPTION",
            "stationId",
            stationId,
            "words",
            Map.of(
                "category",
                category,
                "title",
                title,
                "description",
                title + "：群众在接待日反映，希望明年办理。",
                "place",
                "")));
  }

  /** One project made of the proposals (duplicates merged). */
  String project(String round, String... proposals) {
    return created(
        "/api/livelihood/rounds/" + round + "/projects", Map.of("proposalIds", List.of(proposals)));
  }

  /** The project's words, department, cost and timetable (March to October of the year). */
  JsonNode edit(
      String round,
      String project,
      String category,
      String title,
      String department,
      String cost,
      int year) {
    return body(
        staff.api(
            "POST",
            "/api/livelihood/rounds/" + round + "/projects/" + project,
            write(
                Map.of(
                    "category",
                    category,
                    "title",
                    title,
                    "description",
                    title + "：经审议纳入候选。",
                    "place",
                    "",
                    "departmentId",
                    department,
                    "costYuan",
                    cost,
                    "startsOn",
                    year + "-03",
                    "endsOn",
                    year + "-10"))),
        200);
  }

  /**
   * A step of the round ({@code /close}, {@code /publish}, {@code /vote/open}, …) that succeeds.
   */
  JsonNode step(String round, String step, String body) {
    return body(staff.api("POST", "/api/livelihood/rounds/" + round + step, body), 200);
  }

  String state(String round) {
    return body(staff.api("GET", "/api/livelihood/rounds/" + round, null), 200)
        .path("round")
        .path("state")
        .asText();
  }

  String created(String path, Map<String, ?> body) {
    return body(staff.api("POST", path, write(body)), 201).path("id").asText();
  }

  JsonNode body(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    try {
      return json.readTree(answer.body());
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + answer.body(), e);
    }
  }

  private String write(Map<String, ?> body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** The snapshot last published to the station, once it satisfies {@code until}. */
  static StationContent published(
      RunningHub hub, String stationId, Predicate<StationContent> until) {
    PublicationRepository publications = hub.bean(PublicationRepository.class);
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                publications
                    .current(stationId)
                    .map(
                        p ->
                            ProtocolCodec.decode(
                                p.payload().getBytes(StandardCharsets.UTF_8),
                                StationContent.class)),
            c -> c.isPresent() && until.test(c.get()))
        .orElseThrow();
  }
}
