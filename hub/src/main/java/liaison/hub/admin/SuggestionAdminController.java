package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
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
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.suggestion.Promises;
import liaison.hub.suggestion.SuggestionApiController;
import liaison.hub.suggestion.Suggestions;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * The county's side of deputies' suggestions (county administrators): every suggestion of the
 * county, registering one made at a meeting for a deputy, forwarding (交办) to a lead department and
 * co-handling ones, forwarding again after a 不满意, closing; and the promise ledger (答复承诺事项台账) with
 * its review dates, reviews (定期回头看), kept promises and its CSV.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/suggestions")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SuggestionAdminController {
  private static final Set<String> DONE = Set.of("made", "forward", "again", "close");
  private static final Set<String> PROMISE_DONE = Set.of("review-date", "review", "kept");

  private final SuggestionPages pages;
  private final Suggestions suggestions;
  private final Promises promises;

  public SuggestionAdminController(
      SuggestionPages pages, Suggestions suggestions, Promises promises) {
    this.pages = pages;
    this.suggestions = suggestions;
    this.promises = promises;
  }

  /**
   * suggestions/promises: the ledger on a filter; after a refused step, the messages beside the
   * promise's fields ({@code errors}, for {@code errorPromise}'s {@code errorStep}).
   */
  @Introspected
  public record LedgerPage(
      Frame frame,
      List<DepartmentDeskController.TabLink> tabs,
      List<SuggestionPages.PromiseLine> promises,
      String today,
      Map<String, List<String>> errors,
      @Nullable String errorPromise,
      @Nullable String errorStep,
      Map<String, String> input,
      @Nullable String conflict,
      @Nullable String done) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<SuggestionPages.ListPage> list(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String status) {
    return pages.list(request, staff, SuggestionPages.Side.COUNTY, status);
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<SuggestionPages.FormPage> form(HttpRequest<?> request, Staff staff) {
    return new ModelAndView<>(
        "suggestions/new",
        pages.form(request, staff, SuggestionPages.Side.COUNTY, Map.of(), Map.of()));
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> make(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @Part("deputyId") String deputyId,
      @Nullable @Part("title") String title,
      @Nullable @Part("body") String body,
      @Nullable @Part("category") String category,
      @Nullable @Part("file1") CompletedFileUpload file1,
      @Nullable @Part("file2") CompletedFileUpload file2,
      @Nullable @Part("file3") CompletedFileUpload file3) {
    return pages.make(
        request,
        staff,
        SuggestionPages.Side.COUNTY,
        typed(deputyId, title, body, category),
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
            SuggestionPages.Side.COUNTY,
            id,
            Map.of(),
            null,
            Map.of(),
            null,
            done != null && DONE.contains(done) ? done : null));
  }

  @Post(
      uri = "/{id}/forward",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> forward(
      HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    return pages.step(
        request,
        staff,
        SuggestionPages.Side.COUNTY,
        id,
        "forward",
        DepartmentDeskController.typed(form, "lead", "workingDays"),
        () -> suggestions.forward(staff, id, form.get("lead"), form.all("co"), days(form)));
  }

  @Post(
      uri = "/{id}/forward-again",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> forwardAgain(
      HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    return pages.step(
        request,
        staff,
        SuggestionPages.Side.COUNTY,
        id,
        "again",
        DepartmentDeskController.typed(form, "department", "workingDays"),
        () -> suggestions.forwardAgain(staff, id, form.get("department"), days(form)));
  }

  @Post(
      uri = "/{id}/close",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> close(
      HttpRequest<?> request, Staff staff, String id, @Nullable @Body String body) {
    return pages.step(
        request,
        staff,
        SuggestionPages.Side.COUNTY,
        id,
        "close",
        Map.of(),
        () -> suggestions.close(staff, id));
  }

  /** A photo or PDF the deputy attached. */
  @Get(uri = "/{id}/files/{file}")
  public HttpResponse<?> file(Staff staff, String id, String file) {
    SuggestionPages.require(staff, SuggestionPages.Side.COUNTY);
    return DepartmentDeskController.download(suggestions.file(staff, id, file), id);
  }

  // ---- the promise ledger ----

  @Get(uri = "/promises", produces = MediaType.TEXT_HTML)
  public ModelAndView<LedgerPage> ledger(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String state,
      @Nullable @QueryValue String done) {
    return new ModelAndView<>(
        "suggestions/promises",
        ledgerPage(
            request,
            staff,
            Promises.Filter.of(state),
            Map.of(),
            null,
            null,
            Map.of(),
            null,
            done != null && PROMISE_DONE.contains(done) ? done : null));
  }

  @Get(uri = "/promises/ledger.csv", produces = "text/csv")
  public HttpResponse<byte[]> csv(Staff staff) {
    return SuggestionApiController.csv(promises.csv(staff));
  }

  @Post(
      uri = "/promises/{id}/review-date",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> reviewDate(
      HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    return promiseStep(
        request,
        staff,
        id,
        "review-date",
        DepartmentDeskController.typed(form, "on", "everyMonths"),
        () -> promises.scheduleReview(staff, id, form.get("on"), number(form, "everyMonths")));
  }

  @Post(
      uri = "/promises/{id}/review",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> review(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    return promiseStep(
        request,
        staff,
        id,
        "review",
        DepartmentDeskController.typed(form, "on", "finding"),
        () -> promises.review(staff, id, form.get("on"), form.get("finding")));
  }

  @Post(
      uri = "/promises/{id}/kept",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> kept(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    return promiseStep(
        request,
        staff,
        id,
        "kept",
        DepartmentDeskController.typed(form, "note"),
        () -> promises.kept(staff, id, form.get("note")));
  }

  private HttpResponse<?> promiseStep(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String step,
      Map<String, String> input,
      Runnable action) {
    promises.find(staff, id);
    try {
      action.run();
      return HttpResponse.seeOther(URI.create("/admin/suggestions/promises?done=" + step));
    } catch (ValidationProblem e) {
      return HttpResponse.unprocessableEntity()
          .contentType(MediaType.TEXT_HTML_TYPE)
          .body(
              new ModelAndView<>(
                  "suggestions/promises",
                  ledgerPage(
                      request,
                      staff,
                      Promises.Filter.ALL,
                      FormErrors.byField(Lang.of(request), e.errors()),
                      id,
                      step,
                      input,
                      null,
                      null)));
    } catch (ConflictProblem e) {
      return HttpResponse.status(io.micronaut.http.HttpStatus.CONFLICT)
          .contentType(MediaType.TEXT_HTML_TYPE)
          .body(
              new ModelAndView<>(
                  "suggestions/promises",
                  ledgerPage(
                      request,
                      staff,
                      Promises.Filter.ALL,
                      Map.of(),
                      id,
                      step,
                      Map.of(),
                      Lang.of(request).text(e.text()),
                      null)));
    }
  }

  private LedgerPage ledgerPage(
      HttpRequest<?> request,
      Staff staff,
      Promises.Filter filter,
      Map<String, List<String>> errors,
      @Nullable String errorPromise,
      @Nullable String errorStep,
      Map<String, String> input,
      @Nullable String conflict,
      @Nullable String done) {
    Lang lang = Lang.of(request);
    LocalDate today = promises.today();
    List<DepartmentDeskController.TabLink> tabs =
        Arrays.stream(Promises.Filter.values())
            .map(
                f ->
                    new DepartmentDeskController.TabLink(
                        "/admin/suggestions/promises?state=" + f.name().toLowerCase(Locale.ROOT),
                        lang.text(f.text()),
                        f == filter))
            .toList();
    return new LedgerPage(
        Frame.of(request, staff),
        tabs,
        promises.ledger(staff, filter).stream()
            .map(p -> SuggestionPages.promise(p, SuggestionPages.Side.COUNTY, today, lang))
            .toList(),
        today.toString(),
        errors,
        errorPromise,
        errorStep,
        input,
        conflict,
        done);
  }

  // ---- helpers ----

  /** The make form's fields as typed. */
  static Map<String, String> typed(
      @Nullable String deputyId,
      @Nullable String title,
      @Nullable String body,
      @Nullable String category) {
    Map<String, String> input = new HashMap<>();
    putIfGiven(input, "deputyId", deputyId);
    putIfGiven(input, "title", title);
    putIfGiven(input, "body", body);
    putIfGiven(input, "category", category);
    return input;
  }

  private static void putIfGiven(Map<String, String> input, String field, @Nullable String value) {
    if (value != null) {
      input.put(field, value);
    }
  }

  private static @Nullable Integer days(FormData form) {
    return number(form, "workingDays");
  }

  /**
   * A number typed in a form; a typed word becomes -1, which every step refuses as out of range.
   */
  private static @Nullable Integer number(FormData form, String field) {
    String given = form.get(field);
    if (given == null || given.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(given.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
