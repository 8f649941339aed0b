package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import liaison.hub.config.TimeFactory;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.ReplyFiles;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.satisfaction.Satisfaction;
import liaison.hub.security.Staff;
import liaison.hub.suggestion.Forwarding;
import liaison.hub.suggestion.Promise;
import liaison.hub.suggestion.PromiseState;
import liaison.hub.suggestion.Suggestion;
import liaison.hub.suggestion.SuggestionApiController;
import liaison.hub.suggestion.SuggestionStatus;
import liaison.hub.suggestion.Suggestions;
import liaison.hub.text.Text;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * The suggestions' pages as the three people who use them read them: a deputy under {@code
 * /me/suggestions} (phone first), the county's administrator under {@code /admin/suggestions}, a
 * department under {@code /dept/suggestions}. One list, one form and one suggestion page serve all
 * three; what each may do there comes from who asks ({@link Side}).
 */
@Singleton
class SuggestionPages {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Promise rows on the department's reply form. */
  static final int PROMISE_ROWS = 3;

  /** Whose pages: the address they live under and what may be done there. */
  enum Side {
    DEPUTY("/me/suggestions"),
    COUNTY("/admin/suggestions"),
    DEPARTMENT("/dept/suggestions");

    final String base;

    Side(String base) {
      this.base = base;
    }
  }

  /** A choice of a select or a radio group: its value, its label, whether chosen. */
  public record Choice(String value, String label, boolean on) {}

  /** A suggestion in a list, its words ready. */
  public record Row(
      String href,
      String title,
      String deputy,
      String category,
      String status,
      String statusName,
      String submitted) {}

  /** suggestions/list: a list of suggestions with its tabs (by status). */
  @Introspected
  public record ListPage(
      Frame frame,
      String side,
      List<DepartmentDeskController.TabLink> tabs,
      List<Row> rows,
      @Nullable String newHref) {}

  /** suggestions/new: the form (with the deputy to choose, for the county). */
  @Introspected
  public record FormPage(
      Frame frame,
      String side,
      String action,
      boolean chooseDeputy,
      List<Choice> deputies,
      List<Choice> categories,
      Map<String, List<String>> errors,
      Map<String, String> input,
      int maxFiles) {}

  /**
   * A department's part in the suggestion, one round: the forward, the reply, the rating.
   *
   * @param rateable the deputy may rate this reply now
   * @param again the county may forward it again (its reply rated 不满意)
   */
  public record Part(
      String departmentId,
      String department,
      String role,
      int round,
      String deadline,
      String reply,
      String replied,
      String rating,
      String ratingComment,
      boolean rateable,
      boolean again) {}

  /** A promise, its words ready. */
  public record PromiseLine(
      String id,
      String suggestionHref,
      String suggestionTitle,
      String department,
      String text,
      String due,
      String state,
      String stateName,
      String nextReview,
      int reviewMonths,
      List<String> reviews,
      String keptNote,
      boolean open) {}

  /** A file of the suggestion with its address. */
  public record FileLink(String href, String name) {}

  /**
   * suggestions/suggestion: the suggestion, each department's part, the promises, and the forms of
   * the person reading it; after a refused step the messages beside its fields.
   */
  @Introspected
  public record SuggestionPage(
      Frame frame,
      String side,
      String base,
      String id,
      String title,
      String body,
      String deputy,
      String category,
      String status,
      String statusName,
      String submitted,
      List<FileLink> files,
      List<Part> parts,
      List<PromiseLine> promises,
      boolean mayWithdraw,
      boolean mayForward,
      boolean mayClose,
      boolean mayReply,
      List<Part> toRate,
      List<Part> toForwardAgain,
      List<Choice> departments,
      List<Choice> ratings,
      int defaultDays,
      int promiseRows,
      String today,
      Map<String, List<String>> errors,
      @Nullable String errorStep,
      Map<String, String> input,
      @Nullable String conflict,
      @Nullable String done) {}

  private final Suggestions suggestions;

  SuggestionPages(Suggestions suggestions) {
    this.suggestions = suggestions;
  }

  /** Each side's pages are its own people's: another account is refused (403) before anything. */
  static void require(Staff staff, Side side) {
    boolean may =
        switch (side) {
          case DEPUTY -> staff.role() == liaison.hub.security.Role.DEPUTY;
          case COUNTY -> staff.isCountyAdmin();
          case DEPARTMENT -> staff.isDepartment();
        };
    if (!may) {
      throw new liaison.hub.problem.ForbiddenProblem(
          Text.of("problem.suggestion.page." + side.name().toLowerCase(Locale.ROOT)));
    }
  }

  ModelAndView<ListPage> list(
      HttpRequest<?> request, Staff staff, Side side, @Nullable String status) {
    require(staff, side);
    SuggestionStatus chosen = SuggestionApiController.status(status);
    Lang lang = Lang.of(request);
    List<DepartmentDeskController.TabLink> tabs = new ArrayList<>();
    tabs.add(
        new DepartmentDeskController.TabLink(
            side.base, lang.text(Text.of("suggestions.tab.all")), chosen == null));
    for (SuggestionStatus s : SuggestionStatus.values()) {
      tabs.add(
          new DepartmentDeskController.TabLink(
              side.base + "?status=" + s.name().toLowerCase(Locale.ROOT),
              lang.text(s.text()),
              s == chosen));
    }
    List<Row> rows =
        suggestions.list(staff, chosen).stream()
            .map(
                s ->
                    new Row(
                        side.base + "/" + s.id(),
                        s.title(),
                        s.deputyName(),
                        lang.text(s.category().text()),
                        lang.text(s.status().text()),
                        s.status().name().toLowerCase(Locale.ROOT),
                        shown(s.submittedAt())))
            .toList();
    return new ModelAndView<>(
        "suggestions/list",
        new ListPage(
            Frame.of(request, staff),
            side.name().toLowerCase(Locale.ROOT),
            tabs,
            rows,
            side == Side.DEPARTMENT ? null : side.base + "/new"));
  }

  FormPage form(
      HttpRequest<?> request,
      Staff staff,
      Side side,
      Map<String, List<String>> errors,
      Map<String, String> input) {
    require(staff, side);
    Lang lang = Lang.of(request);
    String deputy = input.getOrDefault("deputyId", "");
    String category = input.getOrDefault("category", "");
    List<Choice> deputies =
        side == Side.COUNTY
            ? suggestions.deputies(staff).entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), e.getKey().equals(deputy)))
                .toList()
            : List.of();
    List<Choice> categories =
        Arrays.stream(Category.values())
            .filter(c -> c != Category.LEGAL)
            .map(c -> new Choice(c.name(), lang.text(c.text()), c.name().equals(category)))
            .toList();
    return new FormPage(
        Frame.of(request, staff),
        side.name().toLowerCase(Locale.ROOT),
        side.base,
        side == Side.COUNTY,
        deputies,
        categories,
        errors,
        input,
        ReplyFiles.MAX_FILES);
  }

  /** Makes the suggestion from the form; its page, or the form again with what was wrong. */
  HttpResponse<?> make(
      HttpRequest<?> request,
      Staff staff,
      Side side,
      Map<String, String> input,
      List<CompletedFileUpload> files) {
    require(staff, side);
    List<ReplyFiles.Upload> uploads = new ArrayList<>();
    for (CompletedFileUpload file : files) {
      if (file != null) {
        uploads.add(DepartmentDeskController.upload(file));
      }
    }
    try {
      Suggestion made =
          suggestions.make(
              staff,
              new Suggestions.Draft(
                  input.get("deputyId"),
                  input.get("title"),
                  input.get("body"),
                  input.get("category")),
              uploads);
      return HttpResponse.seeOther(URI.create(side.base + "/" + made.id() + "?done=made"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .contentType(MediaType.TEXT_HTML_TYPE)
          .body(
              new ModelAndView<>(
                  "suggestions/new",
                  form(
                      request,
                      staff,
                      side,
                      FormErrors.byField(Lang.of(request), e.errors()),
                      input)));
    }
  }

  SuggestionPage page(
      HttpRequest<?> request,
      Staff staff,
      Side side,
      String id,
      Map<String, List<String>> errors,
      @Nullable String errorStep,
      Map<String, String> input,
      @Nullable String conflict,
      @Nullable String done) {
    require(staff, side);
    Lang lang = Lang.of(request);
    Suggestions.Dossier d = suggestions.open(staff, id);
    Suggestion s = d.suggestion();
    LocalDate today = suggestions.today();
    List<Part> parts = d.forwardings().stream().map(f -> part(f, d, side, lang)).toList();
    List<Part> latest = d.latest().stream().map(f -> part(f, d, side, lang)).toList();
    boolean mayReply =
        side == Side.DEPARTMENT
            && d.latest().stream()
                .anyMatch(f -> f.departmentId().equals(staff.departmentId()) && !f.replied());
    boolean allRated = !d.latest().isEmpty() && d.latest().stream().allMatch(Forwarding::rated);
    return new SuggestionPage(
        Frame.of(request, staff),
        side.name().toLowerCase(Locale.ROOT),
        side.base,
        s.id(),
        s.title(),
        s.body(),
        s.deputyName(),
        lang.text(s.category().text()),
        lang.text(s.status().text()),
        s.status().name().toLowerCase(Locale.ROOT),
        shown(s.submittedAt()),
        d.files().stream()
            .map(f -> new FileLink(side.base + "/" + s.id() + "/files/" + f.file(), f.fileName()))
            .toList(),
        parts,
        d.promises().stream().map(p -> promise(p, side, today, lang)).toList(),
        side == Side.DEPUTY && s.status() == SuggestionStatus.SUBMITTED,
        side == Side.COUNTY && s.status() == SuggestionStatus.SUBMITTED,
        side == Side.COUNTY && s.status() == SuggestionStatus.REPLIED && allRated,
        mayReply,
        latest.stream().filter(Part::rateable).toList(),
        latest.stream().filter(Part::again).toList(),
        side == Side.COUNTY
            ? suggestions.departments(staff).entrySet().stream()
                .map(e -> new Choice(e.getKey(), e.getValue(), false))
                .toList()
            : List.of(),
        Arrays.stream(Satisfaction.values())
            .map(r -> new Choice(r.name(), lang.text(r.text()), false))
            .toList(),
        Suggestions.DEFAULT_WORKING_DAYS,
        PROMISE_ROWS,
        today.toString(),
        errors,
        errorStep,
        input,
        conflict,
        done);
  }

  /**
   * Takes a step of the suggestion's page: on success back to the page with {@code done}; refused,
   * the page again with the messages beside the step's fields (422) or why not (409).
   */
  HttpResponse<?> step(
      HttpRequest<?> request,
      Staff staff,
      Side side,
      String id,
      String step,
      Map<String, String> input,
      Supplier<?> action) {
    require(staff, side);
    try {
      action.get();
      return HttpResponse.seeOther(URI.create(side.base + "/" + id + "?done=" + step));
    } catch (ValidationProblem e) {
      return again(
          request,
          staff,
          side,
          id,
          HttpStatus.UNPROCESSABLE_ENTITY,
          FormErrors.byField(Lang.of(request), e.errors()),
          step,
          input,
          null);
    } catch (ConflictProblem e) {
      return again(
          request,
          staff,
          side,
          id,
          HttpStatus.CONFLICT,
          Map.of(),
          step,
          Map.of(),
          Lang.of(request).text(e.text()));
    }
  }

  private HttpResponse<?> again(
      HttpRequest<?> request,
      Staff staff,
      Side side,
      String id,
      HttpStatus status,
      Map<String, List<String>> errors,
      String step,
      Map<String, String> input,
      @Nullable String conflict) {
    return HttpResponse.status(status)
        .contentType(MediaType.TEXT_HTML_TYPE)
        .body(
            new ModelAndView<>(
                "suggestions/suggestion",
                page(request, staff, side, id, errors, step, input, conflict, null)));
  }

  private static Part part(Forwarding f, Suggestions.Dossier d, Side side, Lang lang) {
    boolean latest = d.latest().contains(f);
    boolean open =
        d.suggestion().status() != SuggestionStatus.CLOSED
            && d.suggestion().status() != SuggestionStatus.WITHDRAWN;
    return new Part(
        f.departmentId(),
        f.departmentName(),
        lang.text(Text.of(f.lead() ? "suggestion.role.lead" : "suggestion.role.co")),
        f.round(),
        DepartmentDeskController.chineseDate(f.deadline(), lang),
        f.reply() == null ? "" : f.reply(),
        f.repliedAt() == null ? "" : shown(f.repliedAt()),
        f.rating() == null ? "" : lang.text(f.rating().text()),
        f.ratingComment(),
        side == Side.DEPUTY && latest && open && f.replied() && !f.rated(),
        side == Side.COUNTY && latest && open && f.rating() == Satisfaction.DISSATISFIED);
  }

  static PromiseLine promise(Promise p, Side side, LocalDate today, Lang lang) {
    PromiseState state = p.state(today);
    return new PromiseLine(
        p.id(),
        side.base + "/" + p.suggestionId(),
        p.suggestionTitle(),
        p.departmentName(),
        p.text(),
        DepartmentDeskController.chineseDate(p.dueOn(), lang),
        lang.text(state.text()),
        state.name().toLowerCase(Locale.ROOT),
        p.nextReviewOn() == null
            ? ""
            : DepartmentDeskController.chineseDate(p.nextReviewOn(), lang),
        p.reviewMonths(),
        p.reviews().stream()
            .map(
                r ->
                    lang.text(
                        Text.of(
                            "suggestions.review.line",
                            DepartmentDeskController.chineseDate(r.on(), lang),
                            r.by(),
                            r.finding())))
            .toList(),
        p.keptNote(),
        state != PromiseState.KEPT);
  }

  static String shown(OffsetDateTime at) {
    return SHOWN.format(at.atZoneSameInstant(TimeFactory.ZONE));
  }
}
