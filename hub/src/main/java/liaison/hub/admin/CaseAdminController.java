package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liaison.hub.config.TimeFactory;
import liaison.hub.department.Department;
import liaison.hub.deputy.Deputy;
import liaison.hub.ledger.CaseLedger;
import liaison.hub.notify.Notifications;
import liaison.hub.opinion.CaseContact;
import liaison.hub.opinion.CaseEvent;
import liaison.hub.opinion.CaseFiles;
import liaison.hub.opinion.CaseHandling;
import liaison.hub.opinion.CaseInbox;
import liaison.hub.opinion.CaseReceptions;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.CaseSteps;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.Extensions;
import liaison.hub.opinion.FollowUpResult;
import liaison.hub.opinion.FollowUps;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.Ratings;
import liaison.hub.opinion.StaffSteps;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.results.PublishedSummaries;
import liaison.hub.results.PublishedSummary;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * The station inbox, a case's page with the steps it may take now, the overdue list and the
 * ledger's page.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseAdminController {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<String> DONE =
      Set.of(
          "register",
          "merge",
          "forward",
          "department-reply",
          "answer",
          "close",
          "guidance",
          "suggestion",
          "reception",
          "follow-up",
          "withdraw-summary",
          "extension-approve",
          "extension-refuse");

  private final CaseInbox inbox;
  private final CaseHandling handling;
  private final CaseFiles files;
  private final Access access;
  private final CaseReceptions receptions;
  private final FollowUps followUps;
  private final PublishedSummaries summaries;
  private final Notifications notifications;
  private final Extensions extensions;

  public CaseAdminController(
      CaseInbox inbox,
      CaseHandling handling,
      CaseFiles files,
      Access access,
      CaseReceptions receptions,
      FollowUps followUps,
      PublishedSummaries summaries,
      Notifications notifications,
      Extensions extensions) {
    this.inbox = inbox;
    this.handling = handling;
    this.files = files;
    this.access = access;
    this.receptions = receptions;
    this.followUps = followUps;
    this.summaries = summaries;
    this.notifications = notifications;
    this.extensions = extensions;
  }

  /** A choice of a select: its value and what it says. */
  public record Choice(String value, String label) {}

  /** A follow-up call (回访) as the case page lists it. */
  public record Call(String on, String caller, String result, String note) {}

  /**
   * The case page's part for the reception ledger: the reception it was received at ({@code
   * reception}, a line; null when none) with the station's receptions it may be linked to, and the
   * follow-up calls with the form's choices when one may be recorded now.
   */
  public record ReceptionAndCalls(
      @Nullable String reception,
      String receptionId,
      List<Choice> receptions,
      List<Call> calls,
      boolean mayFollowUp,
      List<Choice> results,
      String today) {}

  /** A line of the timeline as the page shows it. */
  public record Line(String at, String who, String what, String note, boolean step) {}

  /** admin/cases: the inbox with its filters as chosen ({@code status} "open" unless chosen). */
  @Introspected
  public record InboxPage(
      Frame frame,
      List<CaseInbox.Row> rows,
      List<StationPlace> stations,
      CaseStatus[] statuses,
      Category[] categories,
      String station,
      String status,
      String category,
      String q,
      String today) {}

  /**
   * admin/cases-overdue: open cases past their deadline or escalated, and for a county
   * administrator the departments' requests for a later deadline awaiting a decision.
   */
  @Introspected
  public record OverduePage(
      Frame frame, List<CaseInbox.Row> rows, String today, List<Extensions.Request> requests) {}

  /** admin/ledger: the ledger's form, proposing this month (or the last one early in a month). */
  @Introspected
  public record LedgerPage(Frame frame, String from, String to, List<StationPlace> stations) {}

  /**
   * admin/case: the case with its timeline and the steps it may take now; after a refused step, the
   * messages beside its fields ({@code errors}, for {@code errorStep}) with what was typed ({@code
   * input}), or the reason it cannot take it ({@code conflict}).
   *
   * @param done the step just taken, for its confirmation
   * @param fullContact the resident's contact in full, when asked for by someone who may see it
   */
  @Introspected
  public record CasePage(
      Frame frame,
      CaseInbox.Row row,
      OpinionCase c,
      List<String> photos,
      String submitted,
      boolean hasContact,
      String maskedName,
      boolean maySeeContact,
      Set<String> steps,
      Category[] categories,
      List<Department> departments,
      String defaultDeadline,
      int defaultDays,
      List<Deputy> deputies,
      boolean legal,
      @Nullable String mergedCode,
      @Nullable String suggestionDeputy,
      List<Line> timeline,
      Map<String, List<String>> errors,
      @Nullable String errorStep,
      Map<String, String> input,
      String categoryChoice,
      String deadlineValue,
      @Nullable String conflict,
      String statusName,
      String categoryName,
      @Nullable String done,
      @Nullable CaseContact fullContact,
      ReceptionAndCalls ledger,
      @Nullable PublishedSummary publicSummary,
      boolean mayWithdrawSummary,
      List<NotificationLine> notifications,
      boolean departmentWithoutEmail,
      List<DepartmentDeskController.File> files,
      List<Extensions.Request> extensions,
      boolean mayDecideExtension) {}

  @Get(uri = "/cases", produces = MediaType.TEXT_HTML)
  public ModelAndView<InboxPage> inbox(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String station,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String category,
      @Nullable @QueryValue String q) {
    // The inbox opens on what needs work; "all" shows every status.
    String chosen = status == null ? "open" : status.equals("all") ? "" : status;
    return new ModelAndView<>(
        "admin/cases",
        new InboxPage(
            Frame.of(request, staff),
            inbox.list(staff, new CaseInbox.Filter(station, chosen, category, q)),
            access.visibleStations(staff),
            CaseStatus.values(),
            Category.values(),
            station == null ? "" : station,
            status == null ? "open" : status,
            category == null ? "" : category,
            q == null ? "" : q.strip(),
            inbox.today().toString()));
  }

  @Get(uri = "/cases/overdue", produces = MediaType.TEXT_HTML)
  public ModelAndView<OverduePage> overdue(HttpRequest<?> request, Staff staff) {
    return new ModelAndView<>(
        "admin/cases-overdue",
        new OverduePage(
            Frame.of(request, staff),
            inbox.overdue(staff),
            inbox.today().toString(),
            staff.isCountyAdmin() ? extensions.pending(staff) : List.of()));
  }

  @Get(uri = "/cases/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<CasePage> show(
      HttpRequest<?> request,
      Staff staff,
      String id,
      @Nullable @QueryValue String done,
      @Nullable @QueryValue String contact) {
    return new ModelAndView<>(
        "admin/case",
        page(
            request,
            staff,
            id,
            Map.of(),
            null,
            Map.of(),
            null,
            done != null && DONE.contains(done) ? done : null,
            "full".equals(contact)));
  }

  @Post(
      uri = "/cases/{id}/{step}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> step(
      HttpRequest<?> request, Staff staff, String id, String step, @Body String body) {
    FormData form = FormData.parse(body);
    try {
      switch (step) {
        case "register" ->
            handling.register(
                staff, id, new CaseSteps.Register(form.get("category"), form.get("summary")));
        case "merge" ->
            handling.merge(staff, id, new CaseSteps.Merge(form.get("into"), form.get("note")));
        case "forward" ->
            handling.forward(
                staff,
                id,
                new CaseSteps.Forward(
                    form.get("departmentId"), form.get("deadline"), form.get("note")));
        case "department-reply" ->
            handling.departmentReply(staff, id, new CaseSteps.Text(form.get("text")));
        case "answer" ->
            handling.answer(
                staff,
                id,
                new CaseSteps.Answer(
                    form.get("text"), form.get("publicSummary"), form.get("publish") != null));
        case "withdraw-summary" -> summaries.withdraw(staff, id);
        case "extension-approve" -> extensions.decide(staff, id, true, form.get("decisionNote"));
        case "extension-refuse" -> extensions.decide(staff, id, false, form.get("decisionNote"));
        case "close" -> handling.close(staff, id, new CaseSteps.Text(form.get("text")));
        case "guidance" -> handling.guidance(staff, id, new CaseSteps.Text(form.get("text")));
        case "suggestion" ->
            handling.suggestion(
                staff, id, new CaseSteps.Suggestion(form.get("deputyId"), form.get("note")));
        case "reception" -> receptions.link(staff, id, form.get("receptionId"));
        case "follow-up" ->
            followUps.record(
                staff,
                id,
                new FollowUps.Call(
                    form.get("calledOn"),
                    form.get("caller"),
                    form.get("result"),
                    form.get("note")));
        default -> throw new NotFoundProblem(Text.of("problem.case.step.unknown", step));
      }
      return HttpResponse.seeOther(URI.create("/admin/cases/" + id + "?done=" + step));
    } catch (ValidationProblem e) {
      Map<String, String> input = new HashMap<>();
      for (String f :
          List.of(
              "category",
              "summary",
              "into",
              "note",
              "departmentId",
              "deadline",
              "text",
              "deputyId",
              "receptionId",
              "calledOn",
              "caller",
              "result",
              "publicSummary",
              "publish",
              "decisionNote")) {
        String v = form.get(f);
        if (v != null) {
          input.put(f, v);
        }
      }
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              new ModelAndView<>(
                  "admin/case",
                  page(
                      request,
                      staff,
                      id,
                      FormErrors.byField(Lang.of(request), e.errors()),
                      step,
                      input,
                      null,
                      null,
                      false)));
    } catch (ConflictProblem e) {
      return HttpResponse.status(HttpStatus.CONFLICT)
          .body(
              new ModelAndView<>(
                  "admin/case",
                  page(
                      request,
                      staff,
                      id,
                      Map.of(),
                      step,
                      Map.of(),
                      Lang.of(request).text(e.text()),
                      null,
                      false)));
    }
  }

  /** A file a department attached to its reply, for whoever may see the case. */
  @Get(uri = "/cases/{id}/files/{file}")
  public HttpResponse<?> file(Staff staff, String id, String file) {
    return DepartmentDeskController.download(files.attachment(staff, id, file), id);
  }

  @Get(uri = "/ledger", produces = MediaType.TEXT_HTML)
  public ModelAndView<LedgerPage> ledger(HttpRequest<?> request, Staff staff) {
    access.requireEditor(staff);
    java.time.LocalDate today = inbox.today();
    return new ModelAndView<>(
        "admin/ledger",
        new LedgerPage(
            Frame.of(request, staff),
            today.withDayOfMonth(1).minusMonths(today.getDayOfMonth() < 5 ? 1 : 0).toString(),
            today.toString(),
            access.visibleStations(staff)));
  }

  private CasePage page(
      HttpRequest<?> request,
      Staff staff,
      String id,
      Map<String, List<String>> errors,
      @Nullable String errorStep,
      Map<String, String> input,
      @Nullable String conflict,
      @Nullable String done,
      boolean contactWanted) {
    Frame frame = Frame.of(request, staff);
    CaseFiles.CaseFile file = files.file(staff, id);
    CaseInbox.Row row = file.row();
    OpinionCase c = row.c();
    Lang lang = Lang.of(request);
    boolean maySeeContact = handling.maySeeContact(staff, c);
    List<Deputy> deputies = handling.stationDeputies(c);
    java.util.Optional<PublishedSummary> publicSummary = summaries.ofCase(c.id());
    List<Department> departments = handling.departments(staff);
    List<Extensions.Request> caseRequests = extensions.ofCase(c.id());
    return new CasePage(
        frame,
        row,
        c,
        file.photos(),
        shown(c.submittedAt()),
        file.hasContact(),
        file.maskedName(),
        maySeeContact,
        staff.canEdit()
            ? StaffSteps.allowed(c).stream().map(StaffSteps.Step::path).collect(Collectors.toSet())
            : Set.of(),
        Category.values(),
        departments,
        handling.defaultDeadline(staff, c.category()).toString(),
        handling.defaultDays(c.category()),
        deputies,
        c.category() == Category.LEGAL,
        file.mergedCode(),
        row.suggestionDeputyId() == null
            ? null
            : deputies.stream()
                .filter(d -> d.id().equals(row.suggestionDeputyId()))
                .map(d -> d.name())
                .findFirst()
                .orElse(row.suggestionDeputyId()),
        timeline(file, lang),
        errors,
        errorStep,
        input,
        input.getOrDefault("category", c.category().name()),
        input.getOrDefault("deadline", handling.defaultDeadline(staff, c.category()).toString()),
        conflict,
        lang.text(c.status().text()),
        lang.text(c.category().text()),
        done,
        contactWanted && maySeeContact ? handling.contact(staff, id).orElse(null) : null,
        receptionAndCalls(c, lang),
        publicSummary.orElse(null),
        staff.isCountyAdmin() && publicSummary.filter(p -> !p.isWithdrawn()).isPresent(),
        // The messages name departments' addresses and masked phones: for the station's staff.
        staff.canEdit()
            ? notifications.aboutCase(c.id()).stream()
                .map(m -> NotificationLine.of(m, lang))
                .toList()
            : List.of(),
        departments.stream().anyMatch(d -> d.id().equals(c.departmentId()) && d.emails().isEmpty()),
        file.attachments().stream()
            .map(a -> DepartmentDeskController.File.of("/admin/cases/" + c.id() + "/files/", a))
            .toList(),
        caseRequests,
        staff.isCountyAdmin() && caseRequests.stream().anyMatch(Extensions.Request::pending));
  }

  private ReceptionAndCalls receptionAndCalls(OpinionCase c, Lang lang) {
    var linked = receptions.of(c.id());
    return new ReceptionAndCalls(
        linked.map(s -> receptionLine(s)).orElse(null),
        linked.map(s -> s.id()).orElse(""),
        receptions.choices(c).stream().map(s -> new Choice(s.id(), receptionLine(s))).toList(),
        followUps.of(c.id()).stream()
            .map(
                f ->
                    new Call(
                        f.calledOn().toString(),
                        f.caller(),
                        lang.text(f.result().text()),
                        f.note()))
            .toList(),
        FollowUps.canFollowUp(c),
        java.util.Arrays.stream(FollowUpResult.values())
            .map(r -> new Choice(r.name(), lang.text(r.text())))
            .toList(),
        inbox.today().toString());
  }

  private static String receptionLine(liaison.hub.reception.ReceptionSlot s) {
    return s.date()
        + " "
        + s.start()
        + "–"
        + s.end()
        + (s.theme() == null ? "" : " " + s.theme())
        + " · "
        + s.location();
  }

  private static List<Line> timeline(CaseFiles.CaseFile file, Lang lang) {
    return file.timeline().stream()
        .map(
            line -> {
              CaseEvent e = line.event();
              String who =
                  CaseLedger.actor(e.actor())
                      .map(lang::text)
                      .orElseGet(() -> line.staffName() == null ? e.actor() : line.staffName());
              return new Line(shown(e.at()), who, what(e, lang), note(e, lang), e.to() != null);
            })
        .toList();
  }

  /**
   * What a line of the timeline did, in the reader's words: a step by the status it led to, the
   * other lines as the ledger names them (the English page showed their action's code, "submit",
   * "rate").
   */
  static String what(CaseEvent e, Lang lang) {
    if (e.to() != null) {
      return lang.text(e.to().text());
    }
    return switch (e.action()) {
      case "submit",
          "escalated",
          "suggestion",
          "merged-from",
          "rate",
          "extension-asked",
          "extension-approved",
          "extension-refused" ->
          lang.text(Text.of("ledger.event." + e.action()));
      default -> CaseLedger.what(e);
    };
  }

  private static final java.util.regex.Pattern PHOTOS =
      java.util.regex.Pattern.compile("(\\d+) photo\\(s\\)");

  /**
   * A line's note in the reader's words: the resident's lines were stored with the rating's code
   * ("DISSATISFIED: …") and a count of photos ("1 photo(s)"), which no person should read.
   */
  static String note(CaseEvent e, Lang lang) {
    String note = e.note() == null ? "" : e.note();
    switch (e.action()) {
      case "rate" -> {
        return Ratings.rated(e)
            .map(
                r ->
                    r.comment().isEmpty()
                        ? lang.text(r.rating().text())
                        : lang.text(
                            Text.of("case.note.rated-with", r.rating().text(), r.comment())))
            .orElse(note);
      }
      case "submit" -> {
        java.util.regex.Matcher m = PHOTOS.matcher(note);
        return m.matches() ? lang.text(Text.of("case.note.photos", m.group(1))) : note;
      }
      default -> {
        return note;
      }
    }
  }

  private static String shown(OffsetDateTime t) {
    return SHOWN.format(t.atZoneSameInstant(TimeFactory.ZONE));
  }
}
