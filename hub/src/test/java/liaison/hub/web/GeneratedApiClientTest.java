package liaison.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import liaison.apiclient.ApiClient;
import liaison.apiclient.ApiException;
import liaison.apiclient.api.NoticeApi;
import liaison.apiclient.model.FieldError;
import liaison.apiclient.model.NoticeApiControllerNoticeView;
import liaison.apiclient.model.NoticeDraft;
import liaison.apiclient.model.Problem;
import liaison.hub.RunningHub;
import liaison.hub.demo.DemoCounty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API document is one a generator can use: a Java client generated from it while the tests
 * build (openapi-generator's "native" library, {@code liaison.apiclient} in
 * target/generated-test-sources/api-client; see hub/pom.xml) runs a staff workflow against a real
 * hub over HTTP, and reads the hub's refusals as the document's {@code Problem}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedApiClientTest {
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private RunningHub hub;

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir);
  }

  @AfterAll
  void stop() {
    if (hub != null) {
      hub.close();
    }
  }

  @Test
  void shouldPutANoticeOnAStationReadItBackBeRefusedABadOneAndDeleteItAsTheDemoAdministrator()
      throws Exception {
    NoticeApi notices = new NoticeApi(signedIn("admin"));
    String nextWeek = LocalDate.now(BEIJING).plusDays(7) + "T18:00";

    NoticeApiControllerNoticeView made =
        notices.createNotice(
            new NoticeDraft()
                .title("周六停水通知")
                .body("本周六 8:00–12:00 城关镇停水检修。")
                .priority("NORMAL")
                .validUntil(nextWeek)
                .target("STATIONS")
                .stationIds(List.of("s-001")));
    assertThat(made.getId()).isNotBlank();
    assertThat(made.getTitle()).isEqualTo("周六停水通知");
    assertThat(made.getStationIds()).containsExactly("s-001");
    assertThat(made.getValidUntil()).isEqualTo(nextWeek + ":00+08:00");
    assertThat(made.getAuthor()).isEqualTo("周建华");

    assertThat(notices.getNotice(made.getId())).isEqualTo(made);
    assertThat(notices.listNotices())
        .extracting(NoticeApiControllerNoticeView::getId)
        .contains(made.getId());
    int listed = notices.listNotices().size();

    ApiException refused =
        catchThrowableOfType(
            ApiException.class,
            () ->
                notices.createNotice(
                    new NoticeDraft()
                        .title(" ")
                        .priority("NORMAL")
                        .target("STATIONS")
                        .stationIds(List.of("s-001"))));
    assertThat(refused.getCode()).isEqualTo(422);
    Problem invalid = problem(refused);
    assertThat(invalid.getStatus()).isEqualTo(422);
    assertThat(invalid.getMessage()).isEqualTo("输入有误，未保存");
    assertThat(invalid.getMessageEn()).isEqualTo("Invalid input; nothing was saved");
    assertThat(invalid.getErrors())
        .extracting(FieldError::getField, FieldError::getMessage, FieldError::getMessageEn)
        .contains(tuple("title", "请填写标题", "Enter a title"));
    assertThat(notices.listNotices()).as("nothing saved for the refused notice").hasSize(listed);

    notices.deleteNotice(made.getId());
    ApiException gone =
        catchThrowableOfType(ApiException.class, () -> notices.getNotice(made.getId()));
    assertThat(gone.getCode()).isEqualTo(404);
    assertThat(problem(gone).getMessageEn()).isEqualTo("no notice " + made.getId());
    assertThat(notices.listNotices())
        .extracting(NoticeApiControllerNoticeView::getId)
        .doesNotContain(made.getId());
  }

  @Test
  void shouldBeRefusedWithA401ProblemWithoutSigningIn() {
    ApiClient anonymous = new ApiClient();
    anonymous.updateBaseUri(hub.url("").toString());

    ApiException refused =
        catchThrowableOfType(ApiException.class, () -> new NoticeApi(anonymous).listNotices());

    assertThat(refused.getCode()).isEqualTo(401);
    assertThat(problem(refused).getMessage()).isEqualTo("请先登录");
    assertThat(problem(refused).getMessageEn()).isEqualTo("Please log in");
  }

  @Test
  void shouldTalkToTheDemoHubByDefaultAsTheDocumentsServerSays() {
    assertThat(new ApiClient().getBaseUri()).isEqualTo("http://localhost:8080");
  }

  /**
   * A generated client pointed at this hub, signing every call with HTTP Basic as a demo account.
   */
  private ApiClient signedIn(String username) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(hub.url("").toString());
    String credentials =
        Base64.getEncoder()
            .encodeToString(
                (username + ":" + DemoCounty.PASSWORD).getBytes(StandardCharsets.UTF_8));
    // The "native" library leaves signing to the caller; the document names the scheme (basic).
    client.setRequestInterceptor(
        request -> request.header("Authorization", "Basic " + credentials));
    return client;
  }

  /** The refusal's body as the document describes it. */
  private static Problem problem(ApiException e) {
    try {
      return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
    } catch (JsonProcessingException x) {
      throw new AssertionError("not a Problem: " + e.getResponseBody(), x);
    }
  }
}
