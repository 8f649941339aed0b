package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import liaison.hub.security.ClientAddresses;
import liaison.hub.security.LoginThrottle;
import liaison.hub.security.SecurityConfig;
import liaison.hub.security.SessionCookies;
import liaison.hub.security.SessionStore;
import liaison.hub.security.SignIn;
import liaison.hub.security.StaffFilter;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.hub.web.Pages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log-in and log-out (the language switch is the residents' {@code LanguageController}: every page
 * links to it).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class LoginController {
  private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

  private final SignIn signIn;
  private final SecurityConfig config;
  private final ClientAddresses clients;

  private static final String DASHBOARD = "/admin/dashboard";

  public LoginController(SignIn signIn, SecurityConfig config, ClientAddresses clients) {
    this.signIn = signIn;
    this.config = config;
    this.clients = clients;
  }

  @Get(uri = "/", produces = MediaType.TEXT_HTML)
  public HttpResponse<?> root() {
    return HttpResponse.seeOther(URI.create("/admin"));
  }

  @Get(uri = "/login", produces = MediaType.TEXT_HTML)
  public ModelAndView<LoginPage> form(HttpRequest<?> request, @Nullable @QueryValue String next) {
    return page(request, Pages.safeNext(next, "/admin"), "", null);
  }

  @Post(
      uri = "/login",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> login(HttpRequest<?> request, @Body String body) {
    FormData form = FormData.parse(body);
    String username = Optional.ofNullable(form.get("username")).orElse("").strip();
    String password = Optional.ofNullable(form.get("password")).orElse("");
    String next = Pages.safeNext(form.get("next"), "/admin");
    String address = clients.of(request);
    return switch (signIn.check(username, password, address)) {
      case SignIn.HeldBack held -> {
        // Held back without looking at the password: guessing gets nowhere and costs no hashing.
        long minutes = LoginThrottle.minutes(held.retryAfter());
        LOG.warn("log-in for '{}' from {} refused: too many failed log-ins", username, address);
        yield HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
            .header(
                io.micronaut.http.HttpHeaders.RETRY_AFTER,
                Long.toString(held.retryAfter().toSeconds()))
            .body(
                page(
                    request,
                    next,
                    username,
                    Lang.of(request).text(Text.of("login.held-back", minutes))));
      }
      case SignIn.Refused refused -> {
        LOG.warn("failed log-in for '{}' from {}", username, address);
        yield HttpResponse.status(HttpStatus.UNAUTHORIZED)
            .body(page(request, next, username, Lang.of(request).text(Text.of("login.refused"))));
      }
      case SignIn.Accepted accepted -> {
        SessionStore.Opened opened = signIn.open(accepted.staff());
        LOG.info("{} logged in", username);
        // After a reset the temporary password must be replaced first.
        // A county administrator's home is the dashboard, a department's its inbox, a deputy's
        // their own work (我的), unless they were on their way elsewhere (a forwarding slip's QR
        // code opens the case itself).
        String target =
            accepted.mustChangePassword()
                ? StaffFilter.PASSWORD_PAGE
                : home(accepted.staff(), next);
        yield HttpResponse.seeOther(URI.create(target))
            .cookie(sessionCookie(request, opened.token(), config.sessionMax()));
      }
    };
  }

  private static String home(liaison.hub.security.Staff staff, String next) {
    if (!next.equals("/admin")) {
      return next;
    }
    if (staff.isDeputy()) {
      return StaffFilter.DEPUTY_HOME;
    }
    return staff.isCountyAdmin()
        ? DASHBOARD
        : staff.isDepartment() ? StaffFilter.DEPARTMENT_HOME : next;
  }

  @Post(
      uri = "/logout",
      consumes = {
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA,
        MediaType.TEXT_PLAIN
      },
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> logout(
      HttpRequest<?> request, @Nullable @CookieValue(StaffFilter.COOKIE) String token) {
    if (token != null) {
      signIn.close(token);
    }
    return HttpResponse.seeOther(URI.create("/login"))
        .cookie(sessionCookie(request, "", Duration.ZERO));
  }

  private Cookie sessionCookie(HttpRequest<?> request, String value, Duration maxAge) {
    return SessionCookies.of(config, request, value, maxAge);
  }

  /** login: where to go after it, the user name typed, and why the last try was refused. */
  @Introspected
  public record LoginPage(Frame frame, String next, String username, @Nullable String error) {}

  private static ModelAndView<LoginPage> page(
      HttpRequest<?> request, String next, String username, @Nullable String error) {
    return new ModelAndView<>(
        "login", new LoginPage(Frame.signedOut(request, "/login"), next, username, error));
  }
}
