package liaison.hub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import liaison.hub.db.DatabaseBusy;
import liaison.hub.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write that did not get the database in time is answered 503 with Retry-After and the reason in
 * both languages, never a 500: nothing of it was saved and the same request may simply be sent
 * again.
 */
@Produces
@Singleton
public class BusyHandler implements ExceptionHandler<DatabaseBusy, HttpResponse<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(BusyHandler.class);
  static final int RETRY_AFTER_SECONDS = 5;

  private final ProblemHandlers problems;

  public BusyHandler(ProblemHandlers problems) {
    this.problems = problems;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, DatabaseBusy e) {
    LOG.warn("{} {} answered 503: {}", request.getMethod(), request.getPath(), e.getMessage());
    HttpResponse<?> answer =
        problems.answer(
            request, HttpStatus.SERVICE_UNAVAILABLE, Text.of("problem.busy"), List.of());
    return ((MutableHttpResponse<?>) answer)
        .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
  }
}
