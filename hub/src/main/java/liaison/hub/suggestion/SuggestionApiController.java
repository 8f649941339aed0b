package liaison.hub.suggestion;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.security.Staff;
import liaison.hub.web.ApiAnswers;
import liaison.hub.web.ApiTimes;

/**
 * Deputies' suggestions over JSON: the list and one suggestion as the person asking may read them
 * (a deputy their own, a county administrator the county's, a department those forwarded to it;
 * another is not found), and every step: make, withdraw, forward, forward again, reply, rate,
 * close; the promise ledger and its steps (review date, review, kept) for county administrators.
 * Files are attached on the page.
 */
@Controller("/api/suggestions")
@ApiAnswers.Staff
@ExecuteOn(TaskExecutors.BLOCKING)
public class SuggestionApiController {
  private final Suggestions suggestions;
  private final Promises promises;

  public SuggestionApiController(Suggestions suggestions, Promises promises) {
    this.suggestions = suggestions;
    this.promises = promises;
  }

  /** A suggestion in a list. */
  public record SuggestionView(
      String id,
      String deputyId,
      String deputyName,
      String title,
      String category,
      String categoryZh,
      String status,
      String statusZh,
      String submittedAt,
      String updatedAt) {
    static SuggestionView of(Suggestion s) {
      return new SuggestionView(
          s.id(),
          s.deputyId(),
          s.deputyName(),
          s.title(),
          s.category().name(),
          s.category().zh(),
          s.status().name(),
          s.status().text().zh(),
          ApiTimes.instant(s.submittedAt()),
          ApiTimes.instant(s.updatedAt()));
    }
  }

  /** A department's part in one round: the forward, its reply, the deputy's rating. */
  public record ForwardingView(
      String departmentId,
      String departmentName,
      int round,
      boolean lead,
      String forwardedAt,
      String deadline,
      @Nullable String reply,
      @Nullable String repliedAt,
      @Nullable String rating,
      @Nullable String ratingZh,
      String ratingComment) {
    static ForwardingView of(Forwarding f) {
      return new ForwardingView(
          f.departmentId(),
          f.departmentName(),
          f.round(),
          f.lead(),
          ApiTimes.instant(f.forwardedAt()),
          ApiTimes.date(f.deadline()),
          f.reply(),
          ApiTimes.instantOrNull(f.repliedAt()),
          f.rating() == null ? null : f.rating().name(),
          f.rating() == null ? null : f.rating().zh(),
          f.ratingComment());
    }
  }

  /** A review of a promise. */
  public record ReviewView(String on, String finding, String by) {}

  /** A promise on the ledger. */
  public record PromiseView(
      String id,
      String suggestionId,
      String suggestionTitle,
      String departmentId,
      String departmentName,
      String text,
      String dueOn,
      String state,
      String stateZh,
      @Nullable String nextReviewOn,
      int reviewMonths,
      @Nullable String keptAt,
      String keptNote,
      List<ReviewView> reviews) {
    static PromiseView of(Promise p, LocalDate today) {
      PromiseState state = p.state(today);
      return new PromiseView(
          p.id(),
          p.suggestionId(),
          p.suggestionTitle(),
          p.departmentId(),
          p.departmentName(),
          p.text(),
          ApiTimes.date(p.dueOn()),
          state.name(),
          state.text().zh(),
          p.nextReviewOn() == null ? null : ApiTimes.date(p.nextReviewOn()),
          p.reviewMonths(),
          ApiTimes.instantOrNull(p.keptAt()),
          p.keptNote(),
          p.reviews().stream()
              .map(r -> new ReviewView(ApiTimes.date(r.on()), r.finding(), r.by()))
              .toList());
    }
  }

  /** A suggestion with everything it went through. */
  public record DossierView(
      SuggestionView suggestion,
      String body,
      List<ForwardingView> forwardings,
      List<PromiseView> promises,
      List<String> files) {
    static DossierView of(Suggestions.Dossier d, LocalDate today) {
      return new DossierView(
          SuggestionView.of(d.suggestion()),
          d.suggestion().body(),
          d.forwardings().stream().map(ForwardingView::of).toList(),
          d.promises().stream().map(p -> PromiseView.of(p, today)).toList(),
          d.files().stream().map(SuggestionFile::fileName).toList());
    }
  }

  /** 提出建议 (a county administrator names the deputy; a deputy's own leaves it out). */
  @Introspected
  public record Make(
      @Nullable String deputyId,
      @Nullable String title,
      @Nullable String body,
      @Nullable String category) {}

  /** 交办: the lead department, co-handling ones, working days to reply (60 when left out). */
  @Introspected
  public record Forward(
      @Nullable String lead, @Nullable List<String> co, @Nullable Integer workingDays) {}

  /** 再交办: the department rated 不满意, working days to reply (60 when left out). */
  @Introspected
  public record ForwardAgain(@Nullable String department, @Nullable Integer workingDays) {}

  /** 答复: the reply and its promises. */
  @Introspected
  public record Reply(@Nullable String text, @Nullable List<Suggestions.PromiseDraft> promises) {}

  /** 评价: the department and the rating (SATISFIED, BASICALLY_SATISFIED, DISSATISFIED). */
  @Introspected
  public record Rate(
      @Nullable String department, @Nullable String rating, @Nullable String comment) {}

  /** The next review date ({@code 2026-06-01}) and how many months apart reviews come. */
  @Introspected
  public record ReviewDate(@Nullable String on, @Nullable Integer everyMonths) {}

  /** 回头看: the day (today when left out) and what was found. */
  @Introspected
  public record Review(@Nullable String on, @Nullable String finding) {}

  /** 已兑现: how the promise was kept. */
  @Introspected
  public record Kept(@Nullable String note) {}

  @Get(produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listSuggestions",
      summary =
          "代表建议: a deputy's own, the county's (county administrators) or those forwarded to a"
              + " department (its account), newest first; status: submitted, forwarded, replied,"
              + " closed, withdrawn")
  @ApiAnswers.BadRequest
  public List<SuggestionView> list(
      @Parameter(hidden = true) Staff staff, @Nullable @QueryValue String status) {
    return suggestions.list(staff, status(status)).stream().map(SuggestionView::of).toList();
  }

  @Get(uri = "/{id}", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "getSuggestion",
      summary =
          "One suggestion with its forwards, replies, ratings and promises (404 for another's)")
  @ApiAnswers.NotFound
  public DossierView one(@Parameter(hidden = true) Staff staff, String id) {
    return DossierView.of(suggestions.open(staff, id), promises.today());
  }

  @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "makeSuggestion",
      summary = "提出建议: a deputy's own, or registered by a county administrator for a deputy")
  @ApiAnswers.BadRequest
  @ApiAnswers.Invalid
  public HttpResponse<SuggestionView> make(@Parameter(hidden = true) Staff staff, @Body Make body) {
    Suggestion made =
        suggestions.make(
            staff,
            new Suggestions.Draft(body.deputyId(), body.title(), body.body(), body.category()),
            List.of());
    return HttpResponse.created(SuggestionView.of(made));
  }

  @Post(
      uri = "/{id}/withdraw",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "withdrawSuggestion",
      summary = "撤回: the deputy takes back their own suggestion before it is forwarded")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public SuggestionView withdraw(@Parameter(hidden = true) Staff staff, String id) {
    return SuggestionView.of(suggestions.withdraw(staff, id));
  }

  @Post(
      uri = "/{id}/forward",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "forwardSuggestion",
      summary =
          "交办: to the lead department (主办) and co-handling ones (协办), due in working days"
              + " (county administrators)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public SuggestionView forward(
      @Parameter(hidden = true) Staff staff, String id, @Body Forward body) {
    return SuggestionView.of(
        suggestions.forward(staff, id, body.lead(), body.co(), body.workingDays()));
  }

  @Post(
      uri = "/{id}/forward-again",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "forwardSuggestionAgain",
      summary = "再交办: again to a department whose reply the deputy rated 不满意")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public SuggestionView forwardAgain(
      @Parameter(hidden = true) Staff staff, String id, @Body ForwardAgain body) {
    return SuggestionView.of(
        suggestions.forwardAgain(staff, id, body.department(), body.workingDays()));
  }

  @Post(
      uri = "/{id}/reply",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "replyToSuggestion",
      summary = "答复: the department's reply with its promises (答复承诺事项), each a text and a day")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public SuggestionView reply(@Parameter(hidden = true) Staff staff, String id, @Body Reply body) {
    return SuggestionView.of(suggestions.reply(staff, id, body.text(), body.promises()));
  }

  @Post(
      uri = "/{id}/rate",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "rateSuggestionReply",
      summary = "评价: the deputy rates a department's reply (满意, 基本满意, 不满意)")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public SuggestionView rate(@Parameter(hidden = true) Staff staff, String id, @Body Rate body) {
    return SuggestionView.of(
        suggestions.rate(staff, id, body.department(), body.rating(), body.comment()));
  }

  @Post(
      uri = "/{id}/close",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "closeSuggestion",
      summary = "办结: every reply rated, a 不满意 standing (county administrators)")
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  public SuggestionView close(@Parameter(hidden = true) Staff staff, String id) {
    return SuggestionView.of(suggestions.close(staff, id));
  }

  @Get(uri = "/promises", produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "listPromises",
      summary =
          "The promise ledger (答复承诺事项台账) of the county, by due day; state: open (default),"
              + " overdue, kept, all (county administrators)")
  @ApiAnswers.BadRequest
  public List<PromiseView> ledger(
      @Parameter(hidden = true) Staff staff, @Nullable @QueryValue String state) {
    LocalDate today = promises.today();
    return promises.ledger(staff, Promises.Filter.of(state)).stream()
        .map(p -> PromiseView.of(p, today))
        .toList();
  }

  @Get(uri = "/promises/ledger.csv", produces = "text/csv")
  @Operation(
      operationId = "downloadPromisesCsv",
      summary = "The promise ledger as CSV (UTF-8 with BOM), every promise of the county")
  @ApiAnswers.CsvFile
  public HttpResponse<byte[]> ledgerCsv(@Parameter(hidden = true) Staff staff) {
    return csv(promises.csv(staff));
  }

  /** The ledger's file, named for the browser (in Chinese where it reads RFC 5987). */
  public static HttpResponse<byte[]> csv(byte[] file) {
    return HttpResponse.ok(file)
        .contentType("text/csv; charset=utf-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"promises.csv\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(
                    "承诺事项台账.csv", java.nio.charset.StandardCharsets.UTF_8));
  }

  @Post(
      uri = "/promises/{id}/review-date",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(
      operationId = "schedulePromiseReview",
      summary = "定期回头看: the next review date and how many months apart reviews come")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public PromiseView reviewDate(
      @Parameter(hidden = true) Staff staff, String id, @Body ReviewDate body) {
    return PromiseView.of(
        promises.scheduleReview(staff, id, body.on(), body.everyMonths()), promises.today());
  }

  @Post(
      uri = "/promises/{id}/review",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "reviewPromise", summary = "回头看: a review and what was found")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Invalid
  public PromiseView review(@Parameter(hidden = true) Staff staff, String id, @Body Review body) {
    return PromiseView.of(promises.review(staff, id, body.on(), body.finding()), promises.today());
  }

  @Post(
      uri = "/promises/{id}/kept",
      consumes = MediaType.APPLICATION_JSON,
      produces = MediaType.APPLICATION_JSON)
  @Operation(operationId = "markPromiseKept", summary = "已兑现: the promise kept, with a note")
  @ApiAnswers.BadRequest
  @ApiAnswers.NotFound
  @ApiAnswers.Conflict
  @ApiAnswers.Invalid
  public PromiseView kept(@Parameter(hidden = true) Staff staff, String id, @Body Kept body) {
    return PromiseView.of(promises.kept(staff, id, body.note()), promises.today());
  }

  /** The status a list asks for, or every status. */
  public static @Nullable SuggestionStatus status(@Nullable String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    for (SuggestionStatus s : SuggestionStatus.values()) {
      if (s.name().equalsIgnoreCase(typed.strip())) {
        return s;
      }
    }
    throw BadRequestProblem.unknownChoice(
        "status",
        typed,
        java.util.Arrays.stream(SuggestionStatus.values())
            .map(s -> s.name().toLowerCase(Locale.ROOT))
            .toList());
  }
}
