package liaison.hub.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.db.Database;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook notifications hang on: every forward, reply, extension request and decision, and
 * hand-back is heard by the listeners inside the step's transaction, with the case, the department
 * and the deadline after the step; a listener that fails takes the step back with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseMilestonesTest {
  private RunningHub hub;
  private HeardMilestones listener;
  private StaffClient admin;
  private StaffClient transport;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir, Map.of("spec.name", "CaseMilestonesTest"));
    listener = hub.bean(HeardMilestones.class);
    admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
    transport = StaffClient.basic(hub, "jiaotong", DemoCounty.PASSWORD);
  }

  @AfterAll
  void stop() {
    hub.close();
  }

  @Test
  void shouldTellTheListenersOfEveryStepWithTheDeadlineAfterIt() {
    String id = forwarded("公交车站的候车亭玻璃碎了。");
    CaseMilestone forward = listener.heard.getLast();
    assertThat(forward.kind()).isEqualTo(CaseMilestone.Kind.FORWARDED);
    assertThat(forward.caseId()).isEqualTo(id);
    assertThat(forward.departmentId()).isEqualTo("dep-transport");
    assertThat(forward.deadline()).isAfter(LocalDate.now(liaison.hub.db.Sql.ZONE));
    assertThat(forward.by()).isEqualTo("admin");

    LocalDate later = forward.deadline().plusDays(20);
    ok(
        transport.api(
            "POST",
            "/api/dept/cases/" + id + "/extension",
            "{\"deadline\":\"" + later + "\",\"reason\":\"玻璃需定制\"}"));
    ok(admin.api("POST", "/api/cases/" + id + "/extension-decision", "{\"approve\":true}"));
    ok(transport.api("POST", "/api/dept/cases/" + id + "/reply", "{\"text\":\"已更换玻璃。\"}"));
    assertThat(listener.heard.stream().filter(m -> m.caseId().equals(id)))
        .extracting(CaseMilestone::kind, CaseMilestone::deadline, CaseMilestone::by)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                CaseMilestone.Kind.FORWARDED, forward.deadline(), "admin"),
            org.assertj.core.groups.Tuple.tuple(
                CaseMilestone.Kind.EXTENSION_ASKED, forward.deadline(), "jiaotong"),
            org.assertj.core.groups.Tuple.tuple(CaseMilestone.Kind.EXTENDED, later, "admin"),
            org.assertj.core.groups.Tuple.tuple(CaseMilestone.Kind.REPLIED, later, "jiaotong"));

    String other = forwarded("路边护栏倒了。");
    ok(transport.api("POST", "/api/dept/cases/" + other + "/return", "{\"reason\":\"属住建局\"}"));
    assertThat(listener.heard.getLast().kind()).isEqualTo(CaseMilestone.Kind.RETURNED);
    assertThat(listener.heard.getLast().caseId()).isEqualTo(other);
  }

  @Test
  void shouldTakeTheStepBackWhenAListenerFails() {
    String id = forwarded("红绿灯不亮。");
    listener.refused.add(id);
    HttpResponse<String> reply =
        transport.api("POST", "/api/dept/cases/" + id + "/reply", "{\"text\":\"已修好。\"}");
    assertThat(reply.statusCode()).isEqualTo(500);
    OpinionCase c = hub.bean(CaseRepository.class).find(id).orElseThrow();
    assertThat(c.status()).as("no reply without its message").isEqualTo(CaseStatus.FORWARDED);
    assertThat(c.departmentReply()).isNull();
    listener.refused.remove(id);
    ok(transport.api("POST", "/api/dept/cases/" + id + "/reply", "{\"text\":\"已修好。\"}"));
  }

  private String forwarded(String text) {
    String id = liaison.hub.db.Ids.next("case");
    OffsetDateTime now = OffsetDateTime.now().withNano(0);
    hub.bean(Database.class)
        .useTransaction(
            h ->
                hub.bean(CaseRepository.class)
                    .insert(
                        h,
                        OpinionCase.submitted(
                            id,
                            TrackingCodes.next(),
                            "s-001",
                            null,
                            Category.TRANSPORT,
                            text,
                            now,
                            false)));
    ok(
        admin.api(
            "POST",
            "/api/cases/" + id + "/register",
            "{\"category\":\"TRANSPORT\",\"summary\":\"" + text + "\"}"));
    ok(admin.api("POST", "/api/cases/" + id + "/forward", "{\"departmentId\":\"dep-transport\"}"));
    return id;
  }

  private static void ok(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }
}
