package liaison.hub.security;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the staff member behind each request (session cookie, or HTTP Basic for scripts calling the
 * API) and keeps everyone else out of the admin and the API: the admin redirects to the log-in page,
 * the API answers 401 in JSON.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class StaffFilter implements Ordered {
  public static final String COOKIE = "liaison_session";
  static final String STAFF = "liaison.staff";
  static final String CSRF = "liaison.csrf";
  static final String VIA_SESSION = "liaison.via-session";

  private final SessionStore sessions;
  private final StaffAccountRepository accounts;
  private final PasswordHasher hasher;

  public StaffFilter(SessionStore sessions, StaffAccountRepository accounts, PasswordHasher hasher) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.hasher = hasher;
  }

  @Override
  public int getOrder() {
    return -100;
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  public @Nullable HttpResponse<?> authenticate(
      HttpRequest<?> request,
      @Nullable @CookieValue(COOKIE) String token,
      @Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization) {
    if (token != null && !token.isBlank()) {
      sessions
          .find(token)
          .ifPresent(
              session ->
                  accounts
                      .byId(session.accountId())
                      .filter(a -> !a.disabled())
                      .ifPresent(
                          a -> {
                            request.setAttribute(STAFF, a.staff());
                            request.setAttribute(CSRF, session.csrfToken());
                            request.setAttribute(VIA_SESSION, true);
                          }));
    }
    String path = request.getPath();
    if (request.getAttribute(STAFF).isEmpty() && isApi(path) && authorization != null) {
      basic(authorization).ifPresent(staff -> request.setAttribute(STAFF, staff));
    }
    if (request.getAttribute(STAFF).isPresent() || !isProtected(path)) {
      return null;
    }
    if (isApi(path)) {
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .contentType(MediaType.APPLICATION_JSON_TYPE)
          .body(Map.of("message", "请先登录 · Please log in", "status", 401));
    }
    String next = request.getUri().getRawPath() + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
    return HttpResponse.seeOther(
        java.net.URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
  }

  private Optional<Staff> basic(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    String username = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    return accounts
        .byUsername(username)
        .filter(a -> !a.disabled() && hasher.matches(password, a.passwordHash()))
        .map(StaffAccountRepository.Account::staff);
  }

  static boolean isApi(String path) {
    return path.startsWith("/api/") && !path.startsWith("/api/public/");
  }

  static boolean isProtected(String path) {
    return (isApi(path) && !isStationUpload(path)) || path.equals("/admin") || path.startsWith("/admin/");
  }

  /**
   * A station's screenshot upload: no staff account behind it; the controller checks the one-time
   * token the hub put in that command.
   */
  static boolean isStationUpload(String path) {
    return path.matches("/api/stations/[a-z0-9-]{1,64}/screenshots");
  }
}
