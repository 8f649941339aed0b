package liaison.hub.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.problem.BadInput;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.BusyProblem;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ProblemBody;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;

/**
 * Problems become answers: JSON with per-field details for the API, a page for the admin (both
 * languages, the chosen one first). Admin forms catch {@link ValidationProblem} themselves to show
 * the messages beside the fields. The framework's own refusals come the same way ({@link
 * ErrorAnswers}).
 */
@Singleton
public class ProblemHandlers {
  private final ThymeleafViewsRenderer<Object> views;
  private final BadInput badInput;

  public ProblemHandlers(ThymeleafViewsRenderer<Object> views, BadInput badInput) {
    this.views = views;
    this.badInput = badInput;
  }

  /**
   * The door a bad request came through, for {@link BadInput}: a screen's enrolment request, a JSON
   * body, or anything else in a request (query, path, form, upload).
   */
  static String source(HttpRequest<?> request) {
    if (request.getPath().equals("/api/public/enrolments")) {
      return "enrolment";
    }
    boolean json =
        request
            .getContentType()
            .map(t -> t.matches(MediaType.APPLICATION_JSON_TYPE) || t.getExtension().equals("json"))
            .orElse(false);
    return json ? "http.json" : "http.request";
  }

  /** Counts a bad request (sampled in the log with the method, path and what was wrong). */
  void recordBadInput(HttpRequest<?> request, String reason, String detail) {
    badInput.record(
        source(request), reason, request.getMethodName() + " " + request.getPath() + ": " + detail);
  }

  static boolean wantsJson(HttpRequest<?> request) {
    return request.getPath().startsWith("/api/")
        || request.accept().stream().anyMatch(t -> t.matches(MediaType.APPLICATION_JSON_TYPE))
            && request.accept().stream().noneMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
  }

  HttpResponse<?> answer(
      HttpRequest<?> request, HttpStatus status, Text message, List<FieldError> errors) {
    return fill(request, HttpResponse.status(status), message, errors);
  }

  /**
   * One field's reason, its keys always in the same order (Map.of's order changes from run to run).
   */
  private static Map<String, String> fieldAnswer(FieldError e) {
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("field", e.field());
    answer.put("message", e.zh());
    answer.put("messageEn", e.en());
    return answer;
  }

  /**
   * The error page: the message in the reader's language, the other language under it, the details.
   */
  @Introspected
  public record ErrorPage(int status, String message, String other, List<String> details) {}

  /** Writes the problem into {@code response} (its status set by the caller), as JSON or a page. */
  <T> MutableHttpResponse<T> fill(
      HttpRequest<?> request,
      MutableHttpResponse<?> response,
      Text message,
      List<FieldError> errors) {
    @SuppressWarnings("unchecked")
    MutableHttpResponse<Object> out = (MutableHttpResponse<Object>) response;
    HttpStatus status = response.getStatus();
    if (wantsJson(request)) {
      Map<String, Object> body = ProblemBody.of(status.getCode(), message);
      if (!errors.isEmpty()) {
        body.put("errors", errors.stream().map(ProblemHandlers::fieldAnswer).toList());
      }
      @SuppressWarnings("unchecked")
      MutableHttpResponse<T> json =
          (MutableHttpResponse<T>) out.contentType(MediaType.APPLICATION_JSON_TYPE).body(body);
      return json;
    }
    Lang lang = Lang.of(request);
    // The other language underneath, for a reader who reads it better.
    ErrorPage model =
        new ErrorPage(
            status.getCode(),
            lang.text(message),
            lang.other().text(message),
            errors.stream().map(e -> lang.text(e.text())).toList());
    @SuppressWarnings("unchecked")
    MutableHttpResponse<T> html =
        (MutableHttpResponse<T>)
            out.contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .body(render("error", model, request));
    return html;
  }

  /**
   * A page rendered here, for an answer that is not a controller's (an exception handler's is not
   * rendered as a view).
   */
  String render(String view, Object model, HttpRequest<?> request) {
    StringWriter page = new StringWriter();
    try {
      views.render(view, model, request).writeTo(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return page.toString();
  }

  @Produces
  @Singleton
  public static class Validation implements ExceptionHandler<ValidationProblem, HttpResponse<?>> {
    private final ProblemHandlers problems;

    public Validation(ProblemHandlers problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ValidationProblem e) {
      return problems.answer(
          request, HttpStatus.UNPROCESSABLE_ENTITY, Text.of("problem.invalid-input"), e.errors());
    }
  }

  @Produces
  @Singleton
  public static class Forbidden implements ExceptionHandler<ForbiddenProblem, HttpResponse<?>> {
    private final ProblemHandlers problems;

    public Forbidden(ProblemHandlers problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ForbiddenProblem e) {
      return problems.answer(request, HttpStatus.FORBIDDEN, e.text(), List.of());
    }
  }

  @Produces
  @Singleton
  public static class NotFound implements ExceptionHandler<NotFoundProblem, HttpResponse<?>> {
    private final ProblemHandlers problems;

    public NotFound(ProblemHandlers problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, NotFoundProblem e) {
      return problems.answer(request, HttpStatus.NOT_FOUND, e.text(), List.of());
    }
  }

  @Produces
  @Singleton
  public static class BadRequest implements ExceptionHandler<BadRequestProblem, HttpResponse<?>> {
    private final ProblemHandlers problems;

    public BadRequest(ProblemHandlers problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, BadRequestProblem e) {
      problems.recordBadInput(request, e.reason(), e.en());
      return problems.answer(request, HttpStatus.BAD_REQUEST, e.text(), List.of());
    }
  }

  @Produces
  @Singleton
  public static class Conflict implements ExceptionHandler<ConflictProblem, HttpResponse<?>> {
    private final ProblemHandlers problems;

    public Conflict(ProblemHandlers problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConflictProblem e) {
      return problems.answer(request, HttpStatus.CONFLICT, e.text(), List.of());
    }
  }

  @Produces
  @Singleton
  public static class Busy implements ExceptionHandler<BusyProblem, HttpResponse<?>> {
    private final ProblemHandlers problems;

    public Busy(ProblemHandlers problems) {
      this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, BusyProblem e) {
      return ((MutableHttpResponse<?>)
              problems.answer(request, HttpStatus.SERVICE_UNAVAILABLE, e.text(), List.of()))
          .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
    }
  }
}
