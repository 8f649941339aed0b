package liaison.hub.resident;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import liaison.hub.RunningHub;
import liaison.hub.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A page whose template fails while it is drawn (its model lacks a field the template reads) is
 * answered at once with the hub's own 500 page, in both languages, and logged once with the cause;
 * it used to hold the request open until the client gave up (about 30 s).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenderFaultTest {
  private RunningHub hub;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final ch.qos.logback.classic.Logger root =
      (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @BeforeAll
  void start(@TempDir Path dir) {
    hub = RunningHub.start(dir, Map.of("spec.name", "RenderFaultTest"));
    log.start();
    root.addAppender(log);
  }

  @AfterAll
  void stop() {
    root.detachAppender(log);
    hub.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            // A bound, so that a page left hanging fails the test instead of the whole run.
            HttpRequest.newBuilder(hub.url(path))
                .header("Accept", "text/html")
                .timeout(Duration.ofMinutes(2))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldAnswerAPageThatFailsToDrawWithABilingual500AndLogItOnceWithTheCause()
      throws Exception {
    log.list.clear();

    HttpResponse<String> answer = get("/test/broken");

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(answer.body())
        .contains(
            Text.of("problem.request.hub-error").zh(), Text.of("problem.request.hub-error").en())
        .doesNotContain("stationName", "Exception", "thymeleaf", "liaison.");
    assertThat(log.list)
        .filteredOn(e -> e.getLevel() == Level.ERROR && e.getThrowableProxy() != null)
        .as("logged once, with the cause")
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getFormattedMessage()).contains("GET /test/broken");
              StringBuilder causes = new StringBuilder();
              for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                causes.append(t.getClassName()).append(": ").append(t.getMessage()).append('\n');
              }
              assertThat(causes)
                  .as("the cause, down to the template's line")
                  .contains("TemplateProcessingException", "stationName", "test/broken");
            });
  }

  @Test
  void shouldStillDrawAPageWhoseModelHasEveryField() throws Exception {
    HttpResponse<String> answer = get("/test/fine");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("<h1>一页</h1>");
  }
}
