package liaison.hub.admin;

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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import liaison.hub.config.TimeFactory;
import liaison.hub.ledger.CaseLedger;
import liaison.hub.opinion.CaseContact;
import liaison.hub.opinion.CaseEvent;
import liaison.hub.opinion.CaseHandling;
import liaison.hub.opinion.CaseInbox;
import liaison.hub.opinion.CaseFiles;
import liaison.hub.opinion.CaseStatus;
import liaison.hub.opinion.CaseSteps;
import liaison.hub.opinion.Category;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.StaffSteps;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.web.FormData;
import liaison.hub.web.Lang;
import liaison.hub.web.Pages;

/** The station inbox, a case's page with the steps it may take now, the overdue list and the ledger's page. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CaseAdminController {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<String> DONE =
      Set.of("register", "merge", "forward", "department-reply", "answer", "close", "guidance", "suggestion");

  private final CaseInbox inbox;
  private final CaseHandling handling;
  private final CaseFiles files;
  private final Access access;

  public CaseAdminController(CaseInbox inbox, CaseHandling handling, CaseFiles files, Access access) {
    this.inbox = inbox;
    this.handling = handling;
    this.files = files;
    this.access = access;
  }

  /** A line of the timeline as the page shows it. */
  public record Line(String at, String who, String what, String note, boolean step) {}

  @Get(uri = "/cases", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> inbox(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String station,
      @Nullable @QueryValue String status,
      @Nullable @QueryValue String category,
      @Nullable @QueryValue String q) {
    // The inbox opens on what needs work; "all" shows every status.
    String chosen = status == null ? "open" : status.equals("all") ? "" : status;
    Map<String, Object> model = Pages.model(request, staff);
    model.put("rows", inbox.list(staff, new CaseInbox.Filter(station, chosen, category, q)));
    model.put("stations", access.visibleStations(staff));
    model.put("statuses", CaseStatus.values());
    model.put("categories", Category.values());
    model.put("station", station == null ? "" : station);
    model.put("status", status == null ? "open" : status);
    model.put("category", category == null ? "" : category);
    model.put("q", q == null ? "" : q.strip());
    model.put("today", inbox.today().toString());
    return new ModelAndView<>("admin/cases", model);
  }

  @Get(uri = "/cases/overdue", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> overdue(HttpRequest<?> request, Staff staff) {
    Map<String, Object> model = Pages.model(request, staff);
    model.put("rows", inbox.overdue(staff));
    model.put("today", inbox.today().toString());
    return new ModelAndView<>("admin/cases-overdue", model);
  }

  @Get(uri = "/cases/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> show(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done, @Nullable @QueryValue String contact) {
    Map<String, Object> model = page(request, staff, id, Map.of(), null, Map.of(), null);
    model.put("done", done != null && DONE.contains(done) ? done : null);
    if ("full".equals(contact) && Boolean.TRUE.equals(model.get("maySeeContact"))) {
      Optional<CaseContact> full = handling.contact(staff, id);
      model.put("fullContact", full.orElse(null));
    }
    return new ModelAndView<>("admin/case", model);
  }

  @Post(uri = "/cases/{id}/{step}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> step(HttpRequest<?> request, Staff staff, String id, String step, @Body String body) {
    FormData form = FormData.parse(body);
    try {
      switch (step) {
        case "register" -> handling.register(staff, id, new CaseSteps.Register(form.get("category"), form.get("summary")));
        case "merge" -> handling.merge(staff, id, new CaseSteps.Merge(form.get("into"), form.get("note")));
        case "forward" ->
            handling.forward(staff, id, new CaseSteps.Forward(form.get("departmentId"), form.get("deadline"), form.get("note")));
        case "department-reply" -> handling.departmentReply(staff, id, new CaseSteps.Text(form.get("text")));
        case "answer" -> handling.answer(staff, id, new CaseSteps.Text(form.get("text")));
        case "close" -> handling.close(staff, id, new CaseSteps.Text(form.get("text")));
        case "guidance" -> handling.guidance(staff, id, new CaseSteps.Text(form.get("text")));
        case "suggestion" -> handling.suggestion(staff, id, new CaseSteps.Suggestion(form.get("deputyId"), form.get("note")));
        default -> throw new liaison.hub.problem.NotFoundProblem("没有这个办理环节 " + step, "no step " + step);
      }
      return HttpResponse.seeOther(URI.create("/admin/cases/" + id + "?done=" + step));
    } catch (ValidationProblem e) {
      Map<String, String> input = new HashMap<>();
      for (String f : List.of("category", "summary", "into", "note", "departmentId", "deadline", "text", "deputyId")) {
        String v = form.get(f);
        if (v != null) {
          input.put(f, v);
        }
      }
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(new ModelAndView<>("admin/case", page(request, staff, id, FormErrors.byField(Lang.of(request), e.errors()), step, input, null)));
    } catch (ConflictProblem e) {
      return HttpResponse.status(HttpStatus.CONFLICT)
          .body(new ModelAndView<>("admin/case", page(request, staff, id, Map.of(), step, Map.of(), Lang.of(request).pick(e.zh(), e.en()))));
    }
  }

  @Get(uri = "/ledger", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> ledger(HttpRequest<?> request, Staff staff) {
    access.requireEditor(staff);
    Map<String, Object> model = Pages.model(request, staff);
    java.time.LocalDate today = inbox.today();
    model.put("from", today.withDayOfMonth(1).minusMonths(today.getDayOfMonth() < 5 ? 1 : 0).toString());
    model.put("to", today.toString());
    model.put("stations", access.visibleStations(staff));
    return new ModelAndView<>("admin/ledger", model);
  }

  private Map<String, Object> page(
      HttpRequest<?> request,
      Staff staff,
      String id,
      Map<String, List<String>> errors,
      @Nullable String errorStep,
      Map<String, String> input,
      @Nullable String conflict) {
    CaseFiles.CaseFile file = files.file(staff, id);
    CaseInbox.Row row = file.row();
    OpinionCase c = row.c();
    Lang lang = Lang.of(request);
    Map<String, Object> model = Pages.model(request, staff);
    model.put("row", row);
    model.put("c", c);
    model.put("photos", file.photos());
    model.put("submitted", shown(c.submittedAt()));
    model.put("hasContact", file.hasContact());
    model.put("maskedName", file.maskedName());
    model.put("maySeeContact", handling.maySeeContact(staff, c));
    model.put("steps", staff.canEdit() ? StaffSteps.allowed(c).stream().map(StaffSteps.Step::path).collect(Collectors.toSet()) : Set.of());
    model.put("categories", Category.values());
    model.put("departments", handling.departments(staff));
    model.put("defaultDeadline", handling.defaultDeadline(c.category()).toString());
    model.put("defaultDays", handling.defaultDays(c.category()));
    model.put("deputies", handling.stationDeputies(c));
    model.put("legal", c.category() == Category.LEGAL);
    model.put("mergedCode", file.mergedCode());
    model.put("suggestionDeputy",
        row.suggestionDeputyId() == null ? null
            : handling.stationDeputies(c).stream().filter(d -> d.id().equals(row.suggestionDeputyId())).map(d -> d.name()).findFirst()
                .orElse(row.suggestionDeputyId()));
    model.put("timeline", timeline(file, lang));
    model.put("errors", errors);
    model.put("errorStep", errorStep);
    model.put("input", input);
    model.put("categoryChoice", input.getOrDefault("category", c.category().name()));
    model.put("deadlineValue", input.getOrDefault("deadline", handling.defaultDeadline(c.category()).toString()));
    model.put("conflict", conflict);
    model.put("statusName", lang.pick(c.status().zh(), c.status().en()));
    model.put("categoryName", lang.pick(c.category().zh(), c.category().en()));
    return model;
  }

  private static List<Line> timeline(CaseFiles.CaseFile file, Lang lang) {
    return file.timeline().stream()
        .map(
            line -> {
              CaseEvent e = line.event();
              String who =
                  switch (e.actor()) {
                    case CaseEvent.RESIDENT -> lang.pick("群众", "Resident");
                    case CaseEvent.SYSTEM -> lang.pick("系统", "System");
                    default -> line.staffName() == null ? e.actor() : line.staffName();
                  };
              String what = e.to() != null ? lang.pick(e.to().zh(), e.to().en()) : lang.pick(CaseLedger.what(e), e.action());
              return new Line(shown(e.at()), who, what, e.note(), e.to() != null);
            })
        .toList();
  }

  private static String shown(OffsetDateTime t) {
    return SHOWN.format(t.atZoneSameInstant(TimeFactory.ZONE));
  }
}
