package liaison.hub.metrics;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.ClientAddresses;
import liaison.hub.text.Text;

/**
 * {@code GET /metrics}: the operator's figures in Prometheus' text format, for a request carrying
 * {@code Authorization: Bearer <hub.metrics.token>}; 401 otherwise, whoever is signed in; 404 when
 * the hub has no token (nothing to read). Not in the API document: it is no part of the hub's API,
 * like {@code /health}.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/metrics")
public class MetricsController {
  /** Prometheus' text exposition format. */
  static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final Scrapes scrapes;
  private final ClientAddresses addresses;

  public MetricsController(Scrapes scrapes, ClientAddresses addresses) {
    this.scrapes = scrapes;
    this.addresses = addresses;
  }

  @Get(produces = TEXT_FORMAT)
  public HttpResponse<String> metrics(HttpRequest<?> request) {
    if (!scrapes.enabled()) {
      throw new NotFoundProblem(Text.of("metrics.off"));
    }
    if (!scrapes.admits(
        request.getHeaders().get(HttpHeaders.AUTHORIZATION), addresses.of(request))) {
      Text refused = Text.of("metrics.token.wrong");
      return HttpResponse.<String>status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")
          .contentType(MediaType.TEXT_PLAIN + ";charset=utf-8")
          .body(refused.zh() + "\n" + refused.en() + "\n");
    }
    return HttpResponse.ok(scrapes.text()).contentType(TEXT_FORMAT);
  }
}
