package liaison.hub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.LinkedHashMap;
import java.util.Map;
import liaison.hub.security.StaffBinder;

/**
 * {@code /health} tells everyone whether the hub and each of its parts is up (the demo script and
 * load balancers read it), but only a county administrator (signed in, or HTTP Basic) sees the
 * details: the database's JDBC address, the data directory's disk, the broker's address and
 * counters. Anyone else gets each component's name and status.
 */
@ServerFilter({"/health", "/health/**"})
public class HealthDetails {

  @ResponseFilter
  public void hideDetails(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (!(response.getBody().orElse(null) instanceof HealthResult result)) {
      return;
    }
    if (StaffBinder.staff(request).filter(s -> s.isCountyAdmin()).isPresent()) {
      return;
    }
    @SuppressWarnings("unchecked")
    MutableHttpResponse<Object> out = (MutableHttpResponse<Object>) response;
    out.body(statusOnly(result, true));
  }

  /** The result's name and status, and its components' the same way; nothing else. */
  static Map<String, Object> statusOnly(HealthResult result, boolean withComponents) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("name", result.getName());
    shown.put("status", result.getStatus().getName());
    if (withComponents && result.getDetails() instanceof Map<?, ?> details) {
      Map<String, Object> components = new LinkedHashMap<>();
      details.forEach(
          (name, value) -> {
            if (value instanceof HealthResult component) {
              components.put(String.valueOf(name), statusOnly(component, false));
            }
          });
      if (!components.isEmpty()) {
        shown.put("details", components);
      }
    }
    return shown;
  }
}
