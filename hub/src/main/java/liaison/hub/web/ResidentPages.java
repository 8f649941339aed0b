package liaison.hub.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import liaison.hub.config.OpinionConfig;
import liaison.hub.problem.FieldError;
import liaison.hub.security.ClientAddresses;
import liaison.hub.security.Throttle;
import liaison.hub.security.Throttles;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * What the residents' pages share: the rate limits of their forms (submissions per client address
 * and per QR token, ratings per tracking code and per address), and the short zh-first pages for
 * "too many", "unknown link".
 *
 * <p>The residents' forms carry no CSRF token on purpose: there is no session or cookie to ride on,
 * a forged submission can do no more than the resident's own, and the forms are addressed by an
 * unguessable token and rate-limited. Staff endpoints keep their CSRF check ({@code CsrfFilter}).
 */
@Singleton
public class ResidentPages {
  private final Throttles.Shared perIp;
  private final Throttles.Shared perToken;
  private final Throttle ratingsPerCode;
  private final Throttle ratingsPerIp;
  private final ClientAddresses addresses;
  private final Throttles throttles;

  public ResidentPages(OpinionConfig config, ClientAddresses addresses, Throttles throttles) {
    this.throttles = throttles;
    this.addresses = addresses;
    // Counted in the database: a resident's sixth form is refused whichever hub it reaches.
    this.perIp = throttles.shared("opinion.address", config.perIp(), config.perIpWindow());
    this.perToken = throttles.shared("opinion.token", config.perToken(), config.perTokenWindow());
    // Ratings apart from submissions: one resident retrying a rating cannot use up the address's
    // submissions, nor the station's neighbours' ratings.
    this.ratingsPerCode =
        throttles.shared("rating.code", config.ratingsPerCode(), config.ratingsWindow());
    this.ratingsPerIp =
        throttles.shared("rating.address", config.ratingsPerIp(), config.ratingsWindow());
  }

  /**
   * A form's photo fields' bytes in order, an empty array for a field left empty (as {@code
   * PhotoStore.prepareUploads} takes them).
   */
  public static List<byte[]> uploads(@Nullable CompletedFileUpload... fields) {
    List<byte[]> bytes = new ArrayList<>();
    for (CompletedFileUpload upload : fields) {
      try {
        bytes.add(upload == null || upload.getSize() == 0 ? new byte[0] : upload.getBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bytes;
  }

  /**
   * A form's problems for the residents' pages: each field's message in the reader's language
   * ({@code errors}, several joined), the same in the other language ({@code other}) to show
   * beneath it, and the list for the box above the form.
   */
  public record FieldMessages(
      Map<String, String> errors, Map<String, String> other, List<String> list) {
    public static final FieldMessages NONE = new FieldMessages(Map.of(), Map.of(), List.of());

    public static FieldMessages of(Lang lang, List<FieldError> problems) {
      Map<String, String> errors = new LinkedHashMap<>();
      Map<String, String> other = new HashMap<>();
      for (FieldError e : problems) {
        errors.merge(e.field(), lang.text(e.text()), (a, b) -> a + "；" + b);
        other.merge(e.field(), lang.other().text(e.text()), (a, b) -> a + "; " + b);
      }
      return new FieldMessages(errors, other, new ArrayList<>(errors.values()));
    }
  }

  /** The page for a QR link that leads nowhere (a mistyped or withdrawn token). */
  public HttpResponse<?> unknownLink(HttpRequest<?> request) {
    return message(
        request,
        HttpStatus.NOT_FOUND,
        Text.of("resident.not-found.title"),
        Text.of("resident.not-found.body"));
  }

  /** Counts a public POST; the 429 answer when the address or the token is over its limit. */
  public Optional<HttpResponse<?>> limit(HttpRequest<?> request, String token) {
    Optional<Duration> wait = perIp.tryAcquire(addresses.of(request));
    if (wait.isEmpty() && token != null) {
      wait = perToken.tryAcquire(token);
    }
    return wait.map(w -> tooMany(request, w));
  }

  /**
   * The 429 answer when the address or the token is at its limit now, counting nothing: looked at
   * before a form's photos are decoded and stored, so a client past its limit costs no more than
   * two reads.
   */
  public Optional<HttpResponse<?>> heldBack(HttpRequest<?> request, String token) {
    Optional<Duration> wait = perIp.blockedFor(addresses.of(request));
    if (wait.isEmpty()) {
      wait = perToken.blockedFor(token);
    }
    return wait.map(w -> tooMany(request, w));
  }

  /**
   * Counts a public POST, as {@link #limit} does, inside the caller's transaction {@code h}: the
   * wait when the address or the token is over its limit, empty to go on. The caller rolls back on
   * a wait, so a refused POST counts nowhere.
   */
  public Optional<Duration> count(Handle h, HttpRequest<?> request, String token) {
    // Both in one go: on PostgreSQL two statements instead of ten.
    return throttles.tryAcquire(h, tries(request, token));
  }

  /**
   * Counts a public POST, as {@link #count} does, in a transaction of its own whose commit waits
   * for no flush: on PostgreSQL one round trip ({@link Throttles#tryAcquireApart}).
   */
  public Optional<Duration> countApart(HttpRequest<?> request, String token) {
    return throttles.tryAcquireApart(tries(request, token));
  }

  private List<Throttles.Try> tries(HttpRequest<?> request, String token) {
    return List.of(
        new Throttles.Try(perIp, addresses.of(request)), new Throttles.Try(perToken, token));
  }

  /** Counts a rating against its tracking code, then against the address. */
  public Optional<HttpResponse<?>> limitRating(HttpRequest<?> request, String trackingCode) {
    Optional<Duration> wait = ratingsPerCode.tryAcquire(trackingCode);
    if (wait.isEmpty()) {
      wait = ratingsPerIp.tryAcquire(addresses.of(request));
    }
    return wait.map(
        w ->
            tooMany(
                request,
                w,
                Text.of("resident.rating.limit.title"),
                minutes -> Text.of("resident.rating.limit.body", minutes)));
  }

  public HttpResponse<?> tooMany(HttpRequest<?> request, Duration wait) {
    return tooMany(
        request,
        wait,
        Text.of("resident.limit.title"),
        minutes -> Text.of("resident.limit.body", minutes));
  }

  /** 429 with Retry-After and a page saying, in the person's words, how many minutes to wait. */
  public HttpResponse<?> tooMany(
      HttpRequest<?> request, Duration wait, Text title, LongFunction<Text> body) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    long minutes = Math.max(1, (seconds + 59) / 60);
    return message(request, HttpStatus.TOO_MANY_REQUESTS, title, body.apply(minutes))
        .header("Retry-After", Long.toString(seconds));
  }

  /**
   * A short page for a resident: a title, what happened in their language, and in the other one.
   */
  @Introspected
  public record MessagePage(String title, String body, String other) {
    public static MessagePage of(Lang lang, Text title, Text body) {
      // Chinese first; the other language underneath for a visitor who reads it better.
      return new MessagePage(lang.text(title), lang.text(body), lang.other().text(body));
    }
  }

  public MutableHttpResponse<?> message(
      HttpRequest<?> request, HttpStatus status, Text title, Text body) {
    return HttpResponse.status(status)
        .contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
        .body(
            new ModelAndView<>("resident-message", MessagePage.of(Lang.of(request), title, body)));
  }
}
