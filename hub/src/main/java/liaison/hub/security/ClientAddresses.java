package liaison.hub.security;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import liaison.hub.config.OpinionConfig;

/**
 * The address a request came from, as the limits count it (log-ins, residents' forms, tracking
 * look-ups, enrolment codes): the connection's, or behind a reverse proxy the configured header's
 * ({@code hub.opinions.client-ip-header}).
 */
@Singleton
public class ClientAddresses {
  private final OpinionConfig config;

  public ClientAddresses(OpinionConfig config) {
    this.config = config;
  }

  public String of(HttpRequest<?> request) {
    String header = config.clientIpHeader();
    if (header != null && !header.isBlank()) {
      String value = request.getHeaders().get(header);
      if (value != null && !value.isBlank()) {
        return value.split(",")[0].strip();
      }
    }
    return request.getRemoteAddress().getAddress().getHostAddress();
  }
}
