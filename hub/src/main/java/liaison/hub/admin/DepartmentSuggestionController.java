package liaison.hub.admin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liaison.hub.security.Staff;
import liaison.hub.suggestion.Suggestions;
import liaison.hub.web.FormData;

/**
 * A department's suggestions on its desk (承办单位): those forwarded to it, and the reply with its
 * promises (答复承诺事项), each a text and the day it is to be done by. Another department's are not
 * found.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/dept/suggestions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DepartmentSuggestionController {
  private static final Set<String> DONE = Set.of("reply");

  private final SuggestionPages pages;
  private final Suggestions suggestions;

  public DepartmentSuggestionController(SuggestionPages pages, Suggestions suggestions) {
    this.pages = pages;
    this.suggestions = suggestions;
  }

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<SuggestionPages.ListPage> list(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String status) {
    return pages.list(request, staff, SuggestionPages.Side.DEPARTMENT, status);
  }

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<SuggestionPages.SuggestionPage> show(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    return new ModelAndView<>(
        "suggestions/suggestion",
        pages.page(
            request,
            staff,
            SuggestionPages.Side.DEPARTMENT,
            id,
            Map.of(),
            null,
            Map.of(),
            null,
            done != null && DONE.contains(done) ? done : null));
  }

  @Post(
      uri = "/{id}/reply",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> reply(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    Map<String, String> input = new HashMap<>(DepartmentDeskController.typed(form, "text"));
    List<Suggestions.PromiseDraft> promises = new ArrayList<>();
    for (int i = 0; i < SuggestionPages.PROMISE_ROWS; i++) {
      String text = form.get("promise" + i);
      String due = form.get("due" + i);
      input.putAll(DepartmentDeskController.typed(form, "promise" + i, "due" + i));
      promises.add(new Suggestions.PromiseDraft(text, due));
    }
    return pages.step(
        request,
        staff,
        SuggestionPages.Side.DEPARTMENT,
        id,
        "reply",
        input,
        () -> suggestions.reply(staff, id, form.get("text"), promises));
  }

  /** A photo or PDF the deputy attached. */
  @Get(uri = "/{id}/files/{file}")
  public HttpResponse<?> file(Staff staff, String id, String file) {
    SuggestionPages.require(staff, SuggestionPages.Side.DEPARTMENT);
    return DepartmentDeskController.download(suggestions.file(staff, id, file), id);
  }
}
