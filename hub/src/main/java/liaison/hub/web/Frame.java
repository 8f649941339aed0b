package liaison.hub.web;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffBinder;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * What every page shows around its own content, the same for all: who is signed in (nobody on a
 * public page or the log-in), the token the staff's forms send back, the language ("zh" or "en"),
 * the page the language switch comes back to, and where the page is ({@code here}: the menu marks
 * its section by it, also on a page that answered a form). Every page model carries one as {@code
 * frame}; the layout reads {@code ${frame.staff}}, {@code ${frame.csrf}}, {@code ${frame.lang}},
 * {@code ${frame.path}}.
 */
public record Frame(@Nullable Staff staff, String csrf, String lang, String path, String here) {

  /** A staff page. */
  public static Frame of(HttpRequest<?> request, Staff staff) {
    // Where the language switch comes back to: this page, unless it answered a form (not a GET).
    String query = request.getUri().getRawQuery();
    String path =
        request.getMethod() == HttpMethod.GET
            ? request.getPath() + (query == null ? "" : "?" + query)
            : "/admin";
    return new Frame(
        staff, StaffBinder.csrfToken(request), Lang.of(request).code(), path, request.getPath());
  }

  /** A page before anyone signs in (the log-in), coming back to {@code path}. */
  public static Frame signedOut(HttpRequest<?> request, String path) {
    return new Frame(null, "", Lang.of(request).code(), path, request.getPath());
  }

  /** A residents' page: no staff, no token; its language switch comes back to {@code path}. */
  public static Frame resident(Lang lang, String path) {
    return new Frame(null, "", lang.code(), path, path);
  }

  /** The residents' language switch: sets Chinese and comes back here. */
  public String switchZh() {
    return "/lang/zh?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  public String switchEn() {
    return "/lang/en?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  /**
   * The English beside a Chinese heading, on a page that shows both to a reader who has not chosen
   * (the station's page a QR code opens: a visitor who reads no Chinese finds their way before
   * finding the switch); null once English is chosen, since the heading is then English itself.
   */
  public @Nullable String english(String key) {
    return "en".equals(lang) ? null : Text.of(key).en();
  }
}
