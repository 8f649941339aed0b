package liaison.hub.resident;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.util.Optional;
import liaison.hub.livelihood.Ratings;
import liaison.hub.livelihood.Supervision;
import liaison.hub.photo.PhotoController;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.ClientAddresses;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.ResidentPages;

/**
 * A resident's part in the year's evaluation of 民生实事 projects, from the public page: an anonymous
 * rating while the ratings are open, limited as the opinions' ratings are ({@link
 * ResidentPages#limitRating}: per project and per address); and the progress photos staff
 * published. Like the other residents' forms it carries no CSRF token (see {@link ResidentPages}).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/livelihood/projects/{projectId}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LivelihoodRatingController {
  private final Ratings ratings;
  private final Supervision supervision;
  private final PhotoStore photos;
  private final ResidentPages pages;
  private final ClientAddresses addresses;

  public LivelihoodRatingController(
      Ratings ratings,
      Supervision supervision,
      PhotoStore photos,
      ResidentPages pages,
      ClientAddresses addresses) {
    this.ratings = ratings;
    this.supervision = supervision;
    this.photos = photos;
    this.pages = pages;
    this.addresses = addresses;
  }

  @Post(
      uri = "/rating",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> rate(
      HttpRequest<?> request, String projectId, @Body @Nullable String body) {
    // A project is everyone's, not one resident's as a tracking code is: counted per project and
    // address (one person trying again and again), then per address as every rating is.
    Optional<HttpResponse<?>> limited =
        pages.limitRating(request, "livelihood:" + projectId + "@" + addresses.of(request));
    if (limited.isPresent()) {
      return limited.get();
    }
    try {
      ratings.rateAsResident(projectId, FormData.parse(body).get("choice"));
    } catch (NotFoundProblem e) {
      return pages.unknownLink(request);
    } catch (ConflictProblem e) {
      return pages.message(
          request, HttpStatus.CONFLICT, Text.of("livelihood.public.rate.closed.title"), e.text());
    } catch (ValidationProblem e) {
      return pages.message(
          request,
          HttpStatus.UNPROCESSABLE_ENTITY,
          Text.of("livelihood.public.rate.closed.title"),
          e.errors().getFirst().text());
    }
    return HttpResponse.seeOther(URI.create("/livelihood?rated=" + projectId + "#p-" + projectId));
  }

  /** A progress photo staff published; any other is not found. */
  @Get(uri = "/photos/{file}", produces = MediaType.IMAGE_JPEG)
  public HttpResponse<?> photo(
      String projectId,
      String file,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    String hash = PhotoController.hashOf(file);
    if (!supervision.isPublished(projectId, hash)) {
      return HttpResponse.notFound();
    }
    return PhotoController.privately(photos, hash, ifNoneMatch);
  }
}
