package liaison.hub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * A body above {@code micronaut.server.max-request-size} (or a file above the multipart limit):
 * a short zh-first page for a resident, JSON for the API, never a stack trace. The fields cannot be
 * kept (the body was not read), so the page says what to change.
 */
@Produces
@Singleton
@io.micronaut.context.annotation.Replaces(io.micronaut.http.server.exceptions.ContentLengthExceededHandler.class)
public class TooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
  private final ProblemHandlers problems;
  private final io.micronaut.views.thymeleaf.ThymeleafViewsRenderer<java.util.Map<String, Object>> views;

  public TooLargeHandler(
      ProblemHandlers problems, io.micronaut.views.thymeleaf.ThymeleafViewsRenderer<java.util.Map<String, Object>> views) {
    this.problems = problems;
    this.views = views;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException e) {
    if (ProblemHandlers.wantsJson(request)) {
      return problems.answer(
          request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "提交的内容太大（上限 32 MB）", "The request is too large (limit 32 MB)", java.util.List.of());
    }
    // An exception handler's answer is not rendered as a view: render the page here.
    boolean english = Lang.of(request) == Lang.EN;
    java.util.Locale zh = java.util.Locale.SIMPLIFIED_CHINESE;
    java.util.Locale en = java.util.Locale.ENGLISH;
    java.util.Map<String, Object> model =
        java.util.Map.of(
            "title", ResidentPages.text("resident.too-large.title", english ? en : zh),
            "body", ResidentPages.text("resident.too-large.body", english ? en : zh),
            "other", ResidentPages.text("resident.too-large.body", english ? zh : en));
    java.io.StringWriter page = new java.io.StringWriter();
    try {
      views.render("resident-message", model, request).writeTo(page);
    } catch (java.io.IOException io) {
      throw new java.io.UncheckedIOException(io);
    }
    return HttpResponse.status(HttpStatus.REQUEST_ENTITY_TOO_LARGE)
        .contentType(io.micronaut.http.MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
        .header("Connection", "close")
        .body(page.toString());
  }
}
