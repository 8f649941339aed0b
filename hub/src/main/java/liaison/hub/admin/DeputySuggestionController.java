package liaison.hub.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import liaison.hub.security.Staff;
import liaison.hub.suggestion.Suggestions;
import liaison.hub.web.FormData;

/**
 * A deputy's suggestions (我的建议), phone first: the list, the form to make one (with photos or a
 * PDF), and a suggestion with each department's reply, the promises made, the rating of each reply
 * and the withdrawal while it waits to be forwarded. Only the deputy's own are found.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/me/suggestions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeputySuggestionController {
  static final Set<String> DONE = Set.of("made", "rate", "withdraw");

  private final SuggestionPages pages;
  private final Suggestions suggestions;

  public DeputySuggestionController(SuggestionPages pages, Suggestions suggestions) {
    this.pages = pages;
    this.suggestions = suggestions;
  }

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<SuggestionPages.ListPage> list(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String status) {
    return pages.list(request, staff, SuggestionPages.Side.DEPUTY, status);
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<SuggestionPages.FormPage> form(HttpRequest<?> request, Staff staff) {
    return new ModelAndView<>(
        "suggestions/new",
        pages.form(request, staff, SuggestionPages.Side.DEPUTY, Map.of(), Map.of()));
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> make(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @Part("title") String title,
      @Nullable @Part("body") String body,
      @Nullable @Part("category") String category,
      @Nullable @Part("file1") CompletedFileUpload file1,
      @Nullable @Part("file2") CompletedFileUpload file2,
      @Nullable @Part("file3") CompletedFileUpload file3) {
    return pages.make(
        request,
        staff,
        SuggestionPages.Side.DEPUTY,
        SuggestionAdminController.typed(null, title, body, category),
        Arrays.asList(file1, file2, file3));
  }

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<SuggestionPages.SuggestionPage> show(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    return new ModelAndView<>(
        "suggestions/suggestion",
        pages.page(
            request,
            staff,
            SuggestionPages.Side.DEPUTY,
            id,
            Map.of(),
            null,
            Map.of(),
            null,
            done != null && DONE.contains(done) ? done : null));
  }

  @Post(
      uri = "/{id}/rate",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> rate(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    return pages.step(
        request,
        staff,
        SuggestionPages.Side.DEPUTY,
        id,
        "rate",
        DepartmentDeskController.typed(form, "department", "rating", "comment"),
        () ->
            suggestions.rate(
                staff, id, form.get("department"), form.get("rating"), form.get("comment")));
  }

  @Post(
      uri = "/{id}/withdraw",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> withdraw(
      HttpRequest<?> request, Staff staff, String id, @Nullable @Body String body) {
    return pages.step(
        request,
        staff,
        SuggestionPages.Side.DEPUTY,
        id,
        "withdraw",
        Map.of(),
        () -> suggestions.withdraw(staff, id));
  }

  /** A photo or PDF attached to the suggestion. */
  @Get(uri = "/{id}/files/{file}")
  public HttpResponse<?> file(Staff staff, String id, String file) {
    SuggestionPages.require(staff, SuggestionPages.Side.DEPUTY);
    return DepartmentDeskController.download(suggestions.file(staff, id, file), id);
  }
}
