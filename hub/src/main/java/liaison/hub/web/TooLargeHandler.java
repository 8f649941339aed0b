package liaison.hub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import liaison.hub.text.Text;

/**
 * A body above {@code micronaut.server.max-request-size} (or a file above the multipart limit): a
 * short zh-first page for a resident, JSON for the API, never a stack trace. The fields cannot be
 * kept (the body was not read), so the page says what to change.
 */
@Produces
@Singleton
@io.micronaut.context.annotation.Replaces(
    io.micronaut.http.server.exceptions.ContentLengthExceededHandler.class)
public class TooLargeHandler
    implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
  private final ProblemHandlers problems;

  public TooLargeHandler(ProblemHandlers problems) {
    this.problems = problems;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException e) {
    // The route's own bound when BodyLimits refused it; the server's (a part or a whole body
    // beyond Micronaut's limits) is not told by its exception, so the words name none.
    Text said =
        e instanceof BodyLimits.Exceeded x
            ? Text.of("problem.request.too-large.limit", x.limitMegabytes())
            : Text.of("problem.request.too-large.any");
    if (ProblemHandlers.wantsJson(request)) {
      return problems.answer(
          request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, said, java.util.List.of());
    }
    // An exception handler's answer is not rendered as a view: render the page here.
    ResidentPages.MessagePage page =
        ResidentPages.MessagePage.of(
            Lang.of(request),
            Text.of("resident.too-large.title"),
            e instanceof BodyLimits.Exceeded x
                ? Text.of("resident.too-large.body", x.limitMegabytes())
                : Text.of("resident.too-large.body-any"));
    return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .contentType(io.micronaut.http.MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
        .header("Connection", "close")
        .body(problems.render("resident-message", page, request));
  }
}
