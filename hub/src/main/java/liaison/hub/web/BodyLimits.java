package liaison.hub.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.util.Set;

/**
 * The server takes bodies of up to 510 MB ({@code micronaut.server.max-request-size}) for the media
 * library's uploads alone (a 宣传片 of 500 MB, docs/MEDIA.md); every other request keeps the bound it
 * had before, 210 MB (a station bundle, streamed), refused from its Content-Length before a byte of
 * its body is read ({@link TooLargeHandler} answers). Micronaut's limits are the server's, not a
 * route's; this filter gives the rest back theirs. A chunked body, which declares no length, is
 * held to the server's limit as it comes.
 */
@ServerFilter(
    patterns = "/**",
    methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH})
public class BodyLimits implements Ordered {
  /** What every request but a media upload may send, as before issue 20. */
  public static final long OTHERS = 210L * 1024 * 1024;

  /** The routes that take a video: the library's upload, as the body or the page's form. */
  static final Set<String> MEDIA_UPLOADS = Set.of("/api/media", "/admin/media");

  @Override
  public int getOrder() {
    // Before the sign-in is looked at: a body too large is refused whoever sends it.
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }

  @RequestFilter
  public void check(HttpRequest<?> request) {
    long length = request.getContentLength();
    if (length > OTHERS && !MEDIA_UPLOADS.contains(request.getPath())) {
      throw new ContentLengthExceededException(OTHERS, length);
    }
  }
}
