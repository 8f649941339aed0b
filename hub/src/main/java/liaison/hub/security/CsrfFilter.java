package liaison.hub.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import liaison.hub.problem.ProblemBody;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change made with a session cookie must carry that session's CSRF token: the admin's forms
 * in their address ({@code ?_csrf=…}), scripts in an {@code X-CSRF-Token} header. Requests signed
 * with HTTP Basic carry no cookie and need none.
 *
 * <p>Why in the address and not in the body: reading the body in a filter made Micronaut 4.10 trip
 * over its own shared body buffer now and then (an AssertionError in BaseSharedBuffer under {@code
 * -ea}); the address is read without touching the body, uploads included. Pages send {@code
 * Referrer-Policy: same-origin}, so the token never leaves the site.
 */
@ServerFilter(
    patterns = {"/admin/**", "/api/**", "/dept/**", "/me/**", "/logout"},
    methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
public class CsrfFilter implements Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(CsrfFilter.class);
  public static final String FIELD = "_csrf";
  public static final String HEADER = "X-CSRF-Token";

  @Override
  public int getOrder() {
    return -90;
  }

  @RequestFilter
  public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
    if (request.getAttribute(StaffFilter.VIA_SESSION).isEmpty()) {
      return null;
    }
    String expected = request.getAttribute(StaffFilter.CSRF, String.class).orElse("");
    String given = request.getHeaders().get(HEADER);
    if (given == null) {
      given = request.getParameters().get(FIELD);
    }
    if (given != null
        && !expected.isEmpty()
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
      return null;
    }
    LOG.warn("refused {} {}: missing or wrong CSRF token", request.getMethod(), request.getPath());
    if (StaffFilter.isApi(request.getPath())) {
      return HttpResponse.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.APPLICATION_JSON_TYPE)
          .body(ProblemBody.of(403, Text.of("problem.csrf.api")));
    }
    return HttpResponse.status(HttpStatus.FORBIDDEN)
        .contentType(MediaType.TEXT_PLAIN_TYPE)
        .body(Text.of("problem.csrf.page").both(" · "));
  }
}
