package liaison.hub.web;

import io.micronaut.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffBinder;

/** What every admin page needs in its model: who is signed in, the form token, the language. */
public final class Pages {
  private Pages() {}

  public static Map<String, Object> model(HttpRequest<?> request, Staff staff) {
    Map<String, Object> model = new HashMap<>();
    model.put("staff", staff);
    model.put("csrf", StaffBinder.csrfToken(request));
    model.put("lang", Lang.of(request) == Lang.EN ? "en" : "zh");
    // Where the language switch comes back to: this page, unless it answered a form (not a GET).
    String query = request.getUri().getRawQuery();
    model.put(
        "path",
        request.getMethod() == io.micronaut.http.HttpMethod.GET
            ? request.getPath() + (query == null ? "" : "?" + query)
            : "/admin");
    return model;
  }

  /** A local address to go back to after log-in or a language switch; never another site. */
  public static String safeNext(@org.jspecify.annotations.Nullable String next, String fallback) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return fallback;
    }
    return next;
  }
}
