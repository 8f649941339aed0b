package liaison.hub.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.util.List;
import java.util.Set;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * The server takes bodies of up to 510 MB ({@code micronaut.server.max-request-size}) for the media
 * library's uploads alone (a 宣传片 of 500 MB, docs/MEDIA.md); every other request keeps the bound it
 * had before, 210 MB (a station bundle, streamed), refused from its Content-Length before a byte of
 * its body is read ({@link TooLargeHandler} answers). Micronaut's limits are the server's, not a
 * route's; this filter gives the rest back theirs. A chunked body declares no length, so it could
 * only be held to the server's 510 MB as it comes: it is taken on the streamed uploads alone (the
 * media library's, a station bundle's) and refused elsewhere with 411 before its body is read (a
 * browser, the kiosk and the stations always send a length), so the residents' anonymous forms keep
 * their old bound.
 */
@ServerFilter(
    patterns = "/**",
    methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
public class BodyLimits implements Ordered {
  /** What every request but a media upload may send, as before issue 20. */
  public static final long OTHERS = 210L * 1024 * 1024;

  /** The routes that take a video: the library's upload, as the body or the page's form. */
  static final Set<String> MEDIA_UPLOADS = Set.of("/api/media", "/admin/media");

  /** The routes that may stream a body of no declared length: the uploads of large files. */
  static final Set<String> STREAMED = Set.of("/api/media", "/admin/media", "/api/software/bundles");

  private final ProblemHandlers problems;

  public BodyLimits(ProblemHandlers problems) {
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    // Before the sign-in is looked at: a body too large is refused whoever sends it.
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @RequestFilter
  public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
    long length = request.getContentLength();
    if (length > OTHERS && !MEDIA_UPLOADS.contains(request.getPath())) {
      throw new ContentLengthExceededException(OTHERS, length);
    }
    if (length < 0 && isChunked(request) && !STREAMED.contains(request.getPath())) {
      return problems.answer(
          request,
          HttpStatus.LENGTH_REQUIRED,
          Text.of("problem.request.length-required"),
          List.of());
    }
    return null;
  }

  private static boolean isChunked(HttpRequest<?> request) {
    return request.getHeaders().getAll(HttpHeaders.TRANSFER_ENCODING).stream()
        .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("chunked"));
  }
}
