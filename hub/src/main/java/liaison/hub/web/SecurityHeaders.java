package liaison.hub.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every page and answer carries: a Content-Security-Policy that allows only this site's own
 * styles, scripts and images (no inline script, so injected text cannot run), no framing, no
 * sniffing, and a referrer that never leaves the site (the admin's form tokens ride in addresses).
 * Over HTTPS, Strict-Transport-Security too: a browser that once reached the hub securely will not
 * be talked into plain HTTP (and its session cookie) again. Not over plain HTTP, where the header
 * means nothing and would only confuse a hub that serves both.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders implements Ordered {
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
          + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  /** A year; no subdomains or preload: the county's other sites are not the hub's to decide. */
  static final String HSTS = "max-age=31536000";

  /**
   * Outermost of all filters, so its headers go on every answer, also those a filter gives before
   * any route (the log-in filter's 401 and 429 went out without them).
   */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @ResponseFilter
  public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
    response.getHeaders().add("Content-Security-Policy", CSP);
    response.getHeaders().add("Referrer-Policy", "same-origin");
    response.getHeaders().add("X-Content-Type-Options", "nosniff");
    response.getHeaders().add("X-Frame-Options", "DENY");
    if (request.isSecure()) {
      response.getHeaders().add("Strict-Transport-Security", HSTS);
    }
  }
}
