package liaison.hub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every page and answer carries: a Content-Security-Policy that allows only this site's own
 * styles, scripts and images (no inline script, so injected text cannot run), no framing, no
 * sniffing, and a referrer that never leaves the site (the admin's form tokens ride in addresses).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {
  static final String CSP =
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
          + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

  @ResponseFilter
  public void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
    response.getHeaders().add("Content-Security-Policy", CSP);
    response.getHeaders().add("Referrer-Policy", "same-origin");
    response.getHeaders().add("X-Content-Type-Options", "nosniff");
    response.getHeaders().add("X-Frame-Options", "DENY");
  }
}
