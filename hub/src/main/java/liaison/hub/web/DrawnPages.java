package liaison.hub.web;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import liaison.hub.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws each page before its answer goes out, so that a page which cannot be drawn is answered with
 * the hub's 500 page at once. Micronaut's views hand the response a template still to be run, and
 * run it only while the answer is being written: by then the status line is on its way, and a
 * template that failed (a page's record without a field its template reads) left the request open
 * until the browser gave up, about 30 s later, with nothing in the log but Netty's complaint. Here
 * the template runs while the answer can still change; a failure is logged once, with the request
 * and the cause.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class DrawnPages implements Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(DrawnPages.class);

  private final ProblemHandlers problems;

  public DrawnPages(ProblemHandlers problems) {
    this.problems = problems;
  }

  /** Just before the views' filter: on the way out, just after it has put the template in. */
  @Override
  public int getOrder() {
    return ServerFilterPhase.RENDERING.before();
  }

  @ResponseFilter
  public MutableHttpResponse<?> draw(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (!(response.body() instanceof Writable template)) {
      return response;
    }
    StringWriter page = new StringWriter();
    try {
      template.writeTo(page);
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "{} {}: the page could not be drawn, answered 500",
          request.getMethodName(),
          request.getPath(),
          e);
      return failed(request);
    }
    return response.body(page.toString());
  }

  /** The hub's 500 page; if even that cannot be drawn, its words as plain text. */
  private MutableHttpResponse<?> failed(HttpRequest<?> request) {
    Text message = Text.of("problem.request.hub-error");
    try {
      return problems.fill(request, HttpResponse.serverError(), message, List.of());
    } catch (RuntimeException e) {
      LOG.error("the error page could not be drawn either", e);
      return HttpResponse.serverError()
          .contentType(MediaType.TEXT_PLAIN_TYPE + ";charset=utf-8")
          .body(message.both("\n"));
    }
  }
}
