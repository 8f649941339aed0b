package liaison.hub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import liaison.hub.config.OpinionConfig;
import liaison.hub.security.ClientAddresses;
import liaison.hub.security.RateLimiter;

/**
 * What the residents' pages share: the rate limits of their forms (per client address and per QR
 * token), and the short zh-first pages for "too many", "unknown link".
 *
 * <p>The residents' forms carry no CSRF token on purpose: there is no session or cookie to ride on,
 * a forged submission can do no more than the resident's own, and the forms are addressed by an
 * unguessable token and rate-limited. Staff endpoints keep their CSRF check ({@code CsrfFilter}).
 */
@Singleton
public class ResidentPages {
  private final RateLimiter perIp;
  private final RateLimiter perToken;
  private final ClientAddresses addresses;

  public ResidentPages(OpinionConfig config, ClientAddresses addresses, Clock clock) {
    this.addresses = addresses;
    this.perIp = new RateLimiter(config.perIp(), config.perIpWindow(), clock);
    this.perToken = new RateLimiter(config.perToken(), config.perTokenWindow(), clock);
  }

  /** Counts a public POST; the 429 answer when the address or the token is over its limit. */
  public Optional<HttpResponse<?>> limit(HttpRequest<?> request, String token) {
    Optional<Duration> wait = perIp.tryAcquire(addresses.of(request));
    if (wait.isEmpty() && token != null) {
      wait = perToken.tryAcquire(token);
    }
    return wait.map(w -> tooMany(request, w));
  }

  /** Counts a public POST against the address only (ratings). */
  public Optional<HttpResponse<?>> limitByIp(HttpRequest<?> request) {
    return perIp.tryAcquire(addresses.of(request)).map(w -> tooMany(request, w));
  }

  public HttpResponse<?> tooMany(HttpRequest<?> request, Duration wait) {
    return tooMany(request, wait, "resident.limit.title", "resident.limit.body");
  }

  /** 429 with Retry-After and a page saying, in the person's words, how many minutes to wait. */
  public HttpResponse<?> tooMany(HttpRequest<?> request, Duration wait, String titleKey, String bodyKey) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    long minutes = Math.max(1, (seconds + 59) / 60);
    return message(request, HttpStatus.TOO_MANY_REQUESTS, titleKey, bodyKey, minutes).header("Retry-After", Long.toString(seconds));
  }

  public io.micronaut.http.MutableHttpResponse<?> message(
      HttpRequest<?> request, HttpStatus status, String titleKey, String bodyKey, Object... args) {
    Locale zh = Locale.SIMPLIFIED_CHINESE;
    Locale en = Locale.ENGLISH;
    boolean english = Lang.of(request) == Lang.EN;
    String title = text(titleKey, english ? en : zh);
    String body = text(bodyKey, english ? en : zh, args);
    // Chinese first; the other language underneath for a visitor who reads it better.
    String other = text(bodyKey, english ? zh : en, args);
    return HttpResponse.status(status)
        .contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
        .body(new ModelAndView<>("resident-message", Map.of("title", title, "body", body, "other", other)));
  }

  /**
   * The model of a residents' page with its language switch: {@code lang} ("zh" or "en") and the
   * links that set the language cookie and come back to {@code path}.
   */
  public static Map<String, Object> languageSwitch(Lang lang, String path) {
    Map<String, Object> model = new java.util.HashMap<>();
    model.put("lang", lang == Lang.EN ? "en" : "zh");
    String back = java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8);
    model.put("switchZh", "/lang/zh?next=" + back);
    model.put("switchEn", "/lang/en?next=" + back);
    return model;
  }

  public static String text(String key, Locale locale, Object... args) {
    String pattern = java.util.ResourceBundle.getBundle("i18n.messages", locale).getString(key);
    return args.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale).format(args);
  }
}
