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
import java.util.Optional;
import liaison.hub.problem.ProblemBody;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * Finds the staff member behind each request (session cookie, or HTTP Basic for scripts calling the
 * API) and keeps everyone else out of the admin and the API: the admin redirects to the log-in
 * page, the API answers 401 in JSON.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class StaffFilter implements Ordered {
  public static final String COOKIE = "liaison_session";
  static final String STAFF = "liaison.staff";
  static final String CSRF = "liaison.csrf";
  static final String VIA_SESSION = "liaison.via-session";
  public static final String MUST_CHANGE = "liaison.must-change-password";

  /** Where a department's account lands: its inbox. */
  public static final String DEPARTMENT_HOME = "/dept";

  /** Where a staff member whose password was reset must go first. */
  public static final String PASSWORD_PAGE = "/admin/password";

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StaffFilter.class);

  private final SessionStore sessions;
  private final StaffAccountRepository accounts;
  private final SignIn signIn;
  private final ClientAddresses clients;

  public StaffFilter(
      SessionStore sessions,
      StaffAccountRepository accounts,
      SignIn signIn,
      ClientAddresses clients) {
    this.sessions = sessions;
    this.accounts = accounts;
    this.signIn = signIn;
    this.clients = clients;
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
                            if (a.mustChangePassword()) {
                              request.setAttribute(MUST_CHANGE, true);
                            }
                          }));
    }
    String path = request.getPath();
    if (request.getAttribute(STAFF).isEmpty()
        && (isApi(path) || isHealth(path))
        && authorization != null) {
      Optional<HttpResponse<?>> refused = basic(request, authorization);
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    if (request.getAttribute(MUST_CHANGE).isPresent()
        && isProtected(path)
        && !path.equals(PASSWORD_PAGE)) {
      // A reset password is a temporary one: nothing else until its owner has chosen their own.
      if (isApi(path)) {
        return HttpResponse.status(HttpStatus.FORBIDDEN)
            .contentType(MediaType.APPLICATION_JSON_TYPE)
            .body(ProblemBody.of(403, Text.of("problem.login.change-password-first")));
      }
      return HttpResponse.seeOther(java.net.URI.create(PASSWORD_PAGE));
    }
    Optional<Staff> signedIn = request.getAttribute(STAFF, Staff.class);
    if (signedIn.isPresent() && signedIn.get().isDepartment() && isProtected(path)) {
      return departmentOnly(request, path);
    }
    if (signedIn.isPresent() || !isProtected(path)) {
      return null;
    }
    if (isApi(path)) {
      return HttpResponse.status(HttpStatus.UNAUTHORIZED)
          .contentType(MediaType.APPLICATION_JSON_TYPE)
          .body(ProblemBody.of(401, Text.of("problem.login.first")));
    }
    String next =
        request.getUri().getRawPath()
            + (request.getUri().getRawQuery() == null ? "" : "?" + request.getUri().getRawQuery());
    return HttpResponse.seeOther(
        java.net.URI.create("/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
  }

  /**
   * A department's account reaches its own desk ({@code /dept}, {@code /api/dept}) and its
   * password, nothing else of the staff's side: whatever a station's page or API would show it, it
   * is refused here, before any controller decides by the rules meant for the county's own people.
   * The staff's home sends it to its inbox.
   */
  private static @Nullable HttpResponse<?> departmentOnly(HttpRequest<?> request, String path) {
    if (isDepartmentDesk(path) || path.equals(PASSWORD_PAGE)) {
      return null;
    }
    if (path.equals("/admin") && request.getMethod() == io.micronaut.http.HttpMethod.GET) {
      return HttpResponse.seeOther(java.net.URI.create(DEPARTMENT_HOME));
    }
    Text refused = Text.of("problem.access.department-desk-only");
    if (isApi(path)) {
      return HttpResponse.status(HttpStatus.FORBIDDEN)
          .contentType(MediaType.APPLICATION_JSON_TYPE)
          .body(ProblemBody.of(403, refused));
    }
    return HttpResponse.status(HttpStatus.FORBIDDEN)
        .contentType(MediaType.TEXT_PLAIN_TYPE)
        .body(refused.both(" · "));
  }

  /**
   * Signs the request in with HTTP Basic, throttled like the log-in form; an answer when the
   * address or account is held back (429), else empty (signed in, or not: the caller decides).
   */
  private Optional<HttpResponse<?>> basic(HttpRequest<?> request, String authorization) {
    Optional<String[]> credentials = basicCredentials(authorization);
    if (credentials.isEmpty()) {
      return Optional.empty();
    }
    String username = credentials.get()[0];
    String address = clients.of(request);
    switch (signIn.check(username, credentials.get()[1], address)) {
      case SignIn.HeldBack held -> {
        LOG.warn("API log-in for '{}' from {} refused: too many failed log-ins", username, address);
        long minutes = LoginThrottle.minutes(held.retryAfter());
        return Optional.of(
            HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(held.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ProblemBody.of(429, Text.of("problem.login.held-back", minutes))));
      }
      case SignIn.Refused refused ->
          LOG.warn("failed API log-in for '{}' from {}", username, address);
      case SignIn.Accepted accepted -> {
        request.setAttribute(STAFF, accepted.staff());
        if (accepted.mustChangePassword()) {
          request.setAttribute(MUST_CHANGE, true);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String[]> basicCredentials(String authorization) {
    if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
  }

  static boolean isApi(String path) {
    return path.startsWith("/api/") && !path.startsWith("/api/public/");
  }

  /**
   * /health answers anyone, with details for a county administrator, who may sign in with Basic.
   */
  static boolean isHealth(String path) {
    return path.equals("/health") || path.startsWith("/health/");
  }

  static boolean isProtected(String path) {
    return (isApi(path) && !isStationUpload(path))
        || path.equals("/admin")
        || path.startsWith("/admin/")
        || isDeputysOwn(path)
        || isDepartmentDesk(path);
  }

  /** A deputy's own pages (我的, issue 18): signed in like the staff's. */
  static boolean isDeputysOwn(String path) {
    return path.equals("/me") || path.startsWith("/me/");
  }

  /** A department's desk: its pages and its API. */
  static boolean isDepartmentDesk(String path) {
    return path.equals(DEPARTMENT_HOME)
        || path.startsWith(DEPARTMENT_HOME + "/")
        || path.startsWith("/api/dept/");
  }

  /**
   * A station's screenshot upload: no staff account behind it; the controller checks the one-time
   * token the hub put in that command.
   */
  static boolean isStationUpload(String path) {
    return path.matches("/api/stations/[a-z0-9-]{1,64}/screenshots");
  }
}
