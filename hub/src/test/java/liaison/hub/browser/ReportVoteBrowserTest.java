package liaison.hub.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.demo.DemoCounty;
import liaison.hub.report.ReportsOverHttp;
import liaison.signage.player.StationConfig;
import liaison.signage.player.StationRuntime;
import liaison.signage.protocol.VoteTally;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report to voters from the first ballot to the result, end to end: staff schedule it and print
 * slips, voters vote from their own phones (separate Chromium profiles at 390×844) with the slips'
 * codes, and a real station runtime's {@code feed().tally()} follows the count. A form sent again,
 * a code used twice, a phone voting twice and a ballot after the close are refused and counted
 * nowhere; the hub restarts in the middle of the vote on the same store and loses no ballot, counts
 * none twice, and the station's tally converges on the database's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportVoteBrowserTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private final ObjectMapper json = new ObjectMapper();

  private Path hubDir;
  private int mqttPort;
  private RunningHub hub;
  private Chromium chromium;
  private StationRuntime station;

  @BeforeAll
  void start(@TempDir Path dir) {
    hubDir = dir.resolve("hub");
    hub = RunningHub.start(hubDir);
    mqttPort = hub.mqttPort();
    chromium = Chromium.launch();
    station =
        StationRuntime.open(
            StationConfig.of("s-001", hub.brokerUri(), dir.resolve("s-001"))
                .withLogin("s-001", hub.stationPassword("s-001")),
            Clock.system(SHANGHAI));
    station.start();
  }

  @AfterAll
  void stop() {
    station.close();
    chromium.close();
    hub.close();
  }

  private StaffClient admin() {
    return StaffClient.basic(hub, "chengguan", DemoCounty.PASSWORD);
  }

  private JsonNode report(String id) throws Exception {
    return json.readTree(admin().api("GET", "/api/reports/" + id, null).body());
  }

  private Optional<VoteTally> shown() {
    return station.feed().tally().get();
  }

  /** A voter's own phone opens the slip's QR code, chooses, writes, sends. */
  private Page vote(String reportId, String code, String choice, String comment, String shot) {
    Page phone = chromium.phone();
    phone.navigate(hub.url("/r/" + reportId + "?c=" + code).toString());
    assertThat(phone.getByLabel("评议码（选票上的 8 位码）")).hasValue(code);
    if (shot != null) {
      Chromium.screenshot(phone, shot);
    }
    phone.getByLabel(choice, new Page.GetByLabelOptions().setExact(true)).check();
    if (!comment.isEmpty()) {
      phone.getByLabel("意见和建议（可不填，200 字以内）").fill(comment);
    }
    phone.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评议")).click();
    return phone;
  }

  @Test
  void shouldCountEveryPhonesBallotOnceThroughARestartAndShowTheCountOnTheStation()
      throws Exception {
    // Staff schedule the report and print the slips.
    String id = ReportsOverHttp.scheduleTomorrow(admin(), "d-0001", "s-001");
    List<String> codes = ReportsOverHttp.slips(admin(), id, 8);
    assertThat(codes).hasSize(8);

    // Before the vote opens, a phone is told when it will.
    Page early = chromium.phone();
    early.navigate(hub.url("/r/" + id + "?c=" + codes.get(7)).toString());
    assertThat(early.getByRole(AriaRole.ALERT)).containsText("评议还没有开始");
    Chromium.screenshot(early, "report-vote-not-open-phone");

    // 开始评议: the station shows the open vote at once.
    assertThat(admin().api("POST", "/api/reports/" + id + "/open", null).statusCode())
        .isEqualTo(200);
    await()
        .until(() -> shown().map(t -> t.reportId().equals(id) && t.ballots() == 0).orElse(false));

    // Three voters, three phones.
    Page first = vote(id, codes.get(0), "满意", "讲得实在，路灯的事办得快", "report-vote-ballot-phone");
    assertThat(first.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("已提交，感谢您的评议")))
        .isVisible();
    Chromium.screenshot(first, "report-vote-thanks-phone");
    vote(id, codes.get(1), "基本满意", "", null);
    vote(id, codes.get(2), "不满意", "停车难还没解决", null);
    await().until(() -> shown().map(t -> t.ballots() == 3).orElse(false));

    // A form sent again (the same token, as a replay or a double tap) counts nothing.
    Page replayed = chromium.phone();
    replayed.navigate(hub.url("/r/" + id).toString());
    String form = replayed.locator("input[name=form]").inputValue();
    replayed.getByLabel("评议码（选票上的 8 位码）").fill(codes.get(3));
    replayed.getByLabel("满意", new Page.GetByLabelOptions().setExact(true)).check();
    replayed.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评议")).click();
    assertThat(replayed.getByText("已提交，感谢您的评议")).isVisible();
    HttpResponse<String> replay =
        StaffClient.anonymous(hub)
            .postForm(
                "/r/" + id,
                List.of(
                    Map.entry("form", form),
                    Map.entry("code", codes.get(4)),
                    Map.entry("choice", "DISSATISFIED")));
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(replay.body()).contains("这张评议已经计入，不会重复计票。");

    // A code used twice, on another phone: refused, said why.
    Page reused = vote(id, codes.get(0), "不满意", "", null);
    assertThat(reused.getByText("这个评议码已经用过了，每个码只能用一次。")).isVisible();
    Chromium.screenshot(reused, "report-vote-code-used-phone");
    // The first phone tries again with a new slip: one vote a phone.
    first.navigate(hub.url("/r/" + id + "?c=" + codes.get(4)).toString());
    first.getByLabel("满意", new Page.GetByLabelOptions().setExact(true)).check();
    first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评议")).click();
    assertThat(first.getByText("这部手机已经评议过了，每人只能评议一次。")).isVisible();

    JsonNode before = report(id);
    assertThat(before.path("ballots").asInt()).isEqualTo(4);
    await().until(() -> shown().map(t -> t.ballots() == 4).orElse(false));

    // The hub restarts in the middle of the vote, on the same store and broker port.
    hub.close();
    hub = RunningHub.start(hubDir, mqttPort, Map.of());
    JsonNode after = report(id);
    assertThat(after.path("ballots").asInt()).as("no ballot lost").isEqualTo(4);
    assertThat(after.path("tallySeq").asLong()).isEqualTo(before.path("tallySeq").asLong());
    vote(id, codes.get(4), "满意", "", null);
    vote(id, codes.get(5), "满意", "", null);
    // A code used before the restart is still used after it.
    assertThat(vote(id, codes.get(1), "满意", "", null).getByText("这个评议码已经用过了，每个码只能用一次。"))
        .isVisible();

    // A voter still filling the form when staff close the vote.
    Page late = chromium.phone();
    late.navigate(hub.url("/r/" + id + "?c=" + codes.get(6)).toString());
    late.getByLabel("不满意", new Page.GetByLabelOptions().setExact(true)).check();

    // 结束评议: the result, final on the station.
    assertThat(admin().api("POST", "/api/reports/" + id + "/close", null).statusCode())
        .isEqualTo(200);
    JsonNode closed = report(id);
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("satisfied").asInt()).isEqualTo(4);
    assertThat(closed.path("basicallySatisfied").asInt()).isEqualTo(1);
    assertThat(closed.path("dissatisfied").asInt()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                shown()
                    .map(
                        t ->
                            t.state() == VoteTally.State.CLOSED
                                && t.seq() == closed.path("tallySeq").asLong())
                    .orElse(false));
    VoteTally result = shown().orElseThrow();
    assertThat(List.of(result.satisfied(), result.basicallySatisfied(), result.dissatisfied()))
        .containsExactly(4, 1, 1);

    // The ballot sent after the close is refused and counted nowhere.
    late.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交评议")).click();
    assertThat(late.getByText("评议已经结束，本票没有计入。")).isVisible();
    Chromium.screenshot(late, "report-vote-closed-phone");
    assertThat(report(id).path("ballots").asInt()).isEqualTo(6);

    // Staff read the result with the voters' words, never who wrote them.
    Page staff = chromium.laptop();
    staff.navigate(hub.url("/login").toString());
    staff.getByLabel("用户名").fill("chengguan");
    staff.getByLabel("密码").fill(DemoCounty.PASSWORD);
    staff.getByLabel("密码").press("Enter");
    staff.waitForURL("**/admin");
    staff.navigate(hub.url("/admin/reports/" + id).toString());
    assertThat(staff.locator("main")).containsText("共 6 票，满意和基本满意占 83%");
    assertThat(staff.locator("main")).containsText("停车难还没解决");
    Chromium.screenshot(staff, "report-vote-result-laptop");
  }
}
