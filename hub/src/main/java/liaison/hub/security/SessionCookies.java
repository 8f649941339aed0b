package liaison.hub.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.time.Duration;

/** The staff session cookie: HttpOnly, SameSite=Lax, Secure over HTTPS (or as configured). */
public final class SessionCookies {
  private SessionCookies() {}

  public static Cookie of(
      SecurityConfig config, HttpRequest<?> request, String value, Duration maxAge) {
    boolean secure =
        switch (config.secureCookies()) {
          case "always" -> true;
          case "never" -> false;
          default -> request.isSecure();
        };
    return Cookie.of(StaffFilter.COOKIE, value)
        .path("/")
        .httpOnly(true)
        .sameSite(SameSite.Lax)
        .secure(secure)
        .maxAge(maxAge);
  }
}
