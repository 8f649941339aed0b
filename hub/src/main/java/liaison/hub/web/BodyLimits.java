package liaison.hub.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
 *
 * <p>A form's parts ({@code multipart/form-data}, and a plain form body alike) are held by the
 * server to {@code multipart.max-file-size}, which the media library's forms need at 500 MB: so a
 * form sent to any other route is held here, from its Content-Length, to what that route's files
 * may be (the most files its form takes times each one's limit, and a megabyte for its fields): the
 * residents' form (three photos of 8 MB) to the 32 MB its page names, every other form to 76 MB
 * (three files of 25 MB, each part's bound before issue 20). A part beyond it never reaches the
 * disk.
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

  /** A form's fields beside its files (its words, its choices). */
  static final long FORM_FIELDS = 1024L * 1024;

  /** Any form but the media library's: three files of 25 MB at most, as before issue 20. */
  static final long FORMS = 3 * 25L * 1024 * 1024 + FORM_FIELDS;

  /**
   * The residents' forms, an opinion ({@code /o/{token}}) and a 民生实事 proposal ({@code /l/{token}}):
   * three photos of 8 MB and the words, within the 32 MB its page names when it refuses a form
   * (resident.too-large.body).
   */
  static final long RESIDENTS_FORM = 32L * 1024 * 1024;

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
      throw new Exceeded(OTHERS, length);
    }
    long formBound = formBound(request);
    if (length > formBound) {
      throw new Exceeded(formBound, length);
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

  /** What a form sent to this route may declare; no bound here for other bodies. */
  static long formBound(HttpRequest<?> request) {
    // A plain form body too: the residents' form without photos is sent so (opinion-form.js), and
    // is held to the same bound and answered with the same page as when it carries them.
    boolean form =
        request
            .getContentType()
            .map(
                t ->
                    t.matches(MediaType.MULTIPART_FORM_DATA_TYPE)
                        || t.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE))
            .orElse(false);
    if (!form || MEDIA_UPLOADS.contains(request.getPath())) {
      return Long.MAX_VALUE;
    }
    String path = request.getPath();
    return path.startsWith("/o/") || path.startsWith("/l/") ? RESIDENTS_FORM : FORMS;
  }

  /** A body above its route's bound, which the refusal names ({@link TooLargeHandler}). */
  static final class Exceeded extends ContentLengthExceededException {
    private final long limit;

    Exceeded(long limit, long length) {
      super(limit, length);
      this.limit = limit;
    }

    /** The route's bound in whole megabytes, as people read it. */
    long limitMegabytes() {
      return limit / (1024 * 1024);
    }
  }

  private static boolean isChunked(HttpRequest<?> request) {
    return request.getHeaders().getAll(HttpHeaders.TRANSFER_ENCODING).stream()
        .anyMatch(v -> v.toLowerCase(java.util.Locale.ROOT).contains("chunked"));
  }
}
