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
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.reception.AttendanceService;
import liaison.hub.reception.ReceptionDetails;
import liaison.hub.reception.ReceptionDraft;
import liaison.hub.reception.ReceptionRuleService;
import liaison.hub.reception.ReceptionService;
import liaison.hub.reception.ReceptionSlot;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.signage.protocol.ReceptionStatus;

/** A station's week of receptions, and the form to add, change or remove one. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReceptionAdminController {
  private final ReceptionService receptions;
  private final liaison.hub.reception.ReceptionRuleService rules;
  private final AttendanceService attendanceService;
  private final ReceptionDetails details;
  private final DeputyDirectory deputies;
  private final Access access;
  private final Clock clock;

  public ReceptionAdminController(
      ReceptionService receptions,
      liaison.hub.reception.ReceptionRuleService rules,
      AttendanceService attendanceService,
      ReceptionDetails details,
      DeputyDirectory deputies,
      Access access,
      Clock clock) {
    this.receptions = receptions;
    this.attendanceService = attendanceService;
    this.details = details;
    this.rules = rules;
    this.deputies = deputies;
    this.access = access;
    this.clock = clock;
  }

  /**
   * One day column of the week calendar; {@code past} days go below the rest on a phone, so that
   * today comes first.
   */
  public record Day(
      LocalDate date, String label, boolean today, boolean past, List<SlotRow> slots) {}

  /** A recurring rule under the calendar, in the reader's language. */
  public record RuleRow(String id, String summary) {
    static RuleRow of(liaison.hub.reception.ReceptionRule r, Lang lang) {
      return new RuleRow(
          r.id(),
          lang.text(ReceptionRuleService.when(r))
              + " "
              + r.start()
              + "—"
              + r.end()
              + " · "
              + r.location()
              + (r.theme() == null ? "" : " · " + r.theme())
              + (r.exceptions().isEmpty()
                  ? ""
                  : " · " + lang.text(Text.of("rules.exception-days", r.exceptions().size()))));
    }
  }

  /**
   * A slot as the calendar and lists show it; {@code duties} are its on-duty deputies with their
   * arrival marks, and {@code takesAttendance} when it is today's and not cancelled.
   */
  public record SlotRow(
      ReceptionSlot slot,
      String deputyNames,
      List<Duty> duties,
      boolean takesAttendance,
      int booked) {
    public boolean anyPresent() {
      return duties.stream().anyMatch(Duty::present);
    }
  }

  /** An on-duty deputy at a slot, and whether staff marked them as arrived. */
  public record Duty(String deputyId, String name, boolean present) {}

  /**
   * admin/week: a station's week of receptions with the weeks around it, and its recurring rules.
   */
  @Introspected
  public record WeekPage(
      Frame frame,
      StationPlace place,
      List<Day> days,
      LocalDate monday,
      LocalDate previous,
      LocalDate next,
      boolean canEdit,
      List<StationPlace> stations,
      @Nullable String done,
      List<RuleRow> rules,
      boolean anyPast,
      String period,
      String printedOn) {}

  /**
   * admin/reception-form: a new reception ({@code id} null) or one to change, with the messages
   * beside the fields.
   */
  @Introspected
  public record ReceptionFormPage(
      Frame frame,
      @Nullable String id,
      ReceptionDraft draft,
      List<String> chosen,
      Map<String, List<String>> errors,
      StationPlace place,
      List<Deputy> deputies,
      List<String> statuses) {}

  /** admin/reception-delete: the reception to delete. */
  @Introspected
  public record ReceptionDeletePage(Frame frame, SlotRow row, StationPlace place) {}

  @Get(uri = "/stations/{stationId}/week", produces = MediaType.TEXT_HTML)
  public ModelAndView<WeekPage> week(
      HttpRequest<?> request,
      Staff staff,
      String stationId,
      @Nullable @QueryValue String start,
      @Nullable @QueryValue String done) {
    StationPlace place = access.requireSee(staff, stationId);
    LocalDate today = LocalDate.now(clock);
    LocalDate monday =
        parseOr(start, today).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<ReceptionDetails.Detailed> slots =
        details.of(receptions.list(staff, stationId, monday, monday.plusDays(6)));
    Lang lang = Lang.of(request);
    List<Day> days = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      LocalDate date = monday.plusDays(i);
      days.add(
          new Day(
              date,
              lang.text(
                  Text.of(
                      "week.day",
                      Text.of("week.weekday." + (i + 1)),
                      date.getMonthValue(),
                      date.getDayOfMonth())),
              date.equals(today),
              date.isBefore(today),
              slots.stream()
                  .filter(d -> d.slot().date().equals(date))
                  .map(d -> row(d, today))
                  .toList()));
    }
    return new ModelAndView<>(
        "admin/week",
        new WeekPage(
            Frame.of(request, staff),
            place,
            days,
            monday,
            monday.minusWeeks(1),
            monday.plusWeeks(1),
            access.canEdit(staff, place),
            access.visibleStations(staff),
            done != null
                    && List.of(
                            "created",
                            "saved",
                            "deleted",
                            "rule-created",
                            "rule-saved",
                            "rule-deleted",
                            "present",
                            "absent")
                        .contains(done)
                ? done
                : null,
            rules.list(staff, stationId).stream().map(r -> RuleRow.of(r, lang)).toList(),
            days.stream().anyMatch(Day::past),
            lang.text(Text.of("print.period", longDate(monday), longDate(monday.plusDays(6)))),
            lang.text(Text.of("print.dated", longDate(today)))));
  }

  /** A date as a public notice writes it: 2026年11月23日 / 23 November 2026. */
  static Text longDate(LocalDate date) {
    return Text.of(
        "print.date", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), monthName(date));
  }

  private static Text monthName(LocalDate date) {
    return Text.of("print.month." + date.getMonthValue());
  }

  @Get(uri = "/receptions/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<ReceptionFormPage> newForm(
      HttpRequest<?> request,
      Staff staff,
      @QueryValue String station,
      @Nullable @QueryValue String date) {
    access.requireEdit(staff, station);
    ReceptionDraft draft =
        new ReceptionDraft(
            station,
            parseOr(date, LocalDate.now(clock)).toString(),
            "09:00",
            "11:30",
            "",
            "",
            "ANNOUNCED",
            List.of(),
            "");
    return form(request, staff, null, draft, List.of());
  }

  @Get(uri = "/receptions/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<ReceptionFormPage> editForm(HttpRequest<?> request, Staff staff, String id) {
    ReceptionSlot s = receptions.get(staff, id);
    access.requireEdit(staff, s.stationId());
    ReceptionDraft draft =
        new ReceptionDraft(
            s.stationId(),
            s.date().toString(),
            s.start().toString(),
            s.end().toString(),
            s.theme(),
            s.location(),
            s.status().name(),
            s.deputyIds(),
            s.capacity() == null ? "" : s.capacity().toString());
    return form(request, staff, id, draft, List.of());
  }

  @Post(
      uri = "/receptions",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    ReceptionDraft draft = draft(FormData.parse(body));
    try {
      ReceptionSlot slot = receptions.create(staff, draft);
      return backToWeek(slot, "created");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, null, draft, e.errors()));
    }
  }

  @Post(
      uri = "/receptions/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    ReceptionDraft draft = draft(FormData.parse(body));
    try {
      ReceptionSlot slot = receptions.update(staff, id, draft);
      return backToWeek(slot, "saved");
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, id, draft, e.errors()));
    }
  }

  @Get(uri = "/receptions/{id}/delete", produces = MediaType.TEXT_HTML)
  public ModelAndView<ReceptionDeletePage> confirmDelete(
      HttpRequest<?> request, Staff staff, String id) {
    ReceptionSlot slot = receptions.get(staff, id);
    access.requireEdit(staff, slot.stationId());
    SlotRow row = row(details.of(slot), LocalDate.now(clock));
    return new ModelAndView<>(
        "admin/reception-delete",
        new ReceptionDeletePage(
            Frame.of(request, staff), row, access.requireSee(staff, slot.stationId())));
  }

  @Post(
      uri = "/receptions/{id}/delete",
      consumes = {
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA,
        MediaType.TEXT_PLAIN
      },
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> delete(Staff staff, String id) {
    ReceptionSlot slot = receptions.get(staff, id);
    receptions.delete(staff, id);
    return backToWeek(slot, "deleted");
  }

  /**
   * The 签到 / 取消签到 buttons beside each on-duty deputy of today's slots: {@code present=true} marks
   * the deputy as arrived, {@code present=false} takes the mark back.
   */
  @Post(
      uri = "/receptions/{id}/attendance/{deputyId}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> attendance(Staff staff, String id, String deputyId, @Body String body) {
    boolean present = "true".equals(FormData.parse(body).get("present"));
    ReceptionSlot slot =
        present
            ? attendanceService.markPresent(staff, id, deputyId)
            : attendanceService.markAbsent(staff, id, deputyId);
    return HttpResponse.seeOther(
        URI.create(
            "/admin/stations/"
                + slot.stationId()
                + "/week?start="
                + slot.date()
                + "&done="
                + (present ? "present" : "absent")
                + "#slot-"
                + slot.id()));
  }

  /**
   * The form again with the messages beside the fields. A form that names no station was not sent
   * by this page: it gets the messages on the error page instead.
   */
  private ModelAndView<ReceptionFormPage> form(
      HttpRequest<?> request,
      Staff staff,
      @Nullable String id,
      ReceptionDraft draft,
      List<FieldError> errors) {
    if ((draft.stationId() == null || draft.stationId().isBlank()) && !errors.isEmpty()) {
      throw new ValidationProblem(errors);
    }
    String stationId = draft.stationId() == null ? "" : draft.stationId();
    Map<String, List<String>> byField = FormErrors.byField(Lang.of(request), errors);
    StationPlace place = access.requireSee(staff, stationId);
    return new ModelAndView<>(
        "admin/reception-form",
        new ReceptionFormPage(
            Frame.of(request, staff),
            id,
            draft,
            draft.deputyIds() == null ? List.of() : draft.deputyIds(),
            byField,
            place,
            deputies.atStation(staff, stationId),
            List.of("PLANNED", "ANNOUNCED", "HELD", "CANCELLED")));
  }

  private static ReceptionDraft draft(FormData form) {
    return new ReceptionDraft(
        form.get("stationId"),
        form.get("date"),
        form.get("start"),
        form.get("end"),
        form.get("theme"),
        form.get("location"),
        form.get("status"),
        form.all("deputyIds"),
        form.get("capacity"));
  }

  private static HttpResponse<?> backToWeek(ReceptionSlot slot, String done) {
    return HttpResponse.seeOther(
        URI.create(
            "/admin/stations/"
                + slot.stationId()
                + "/week?start="
                + slot.date()
                + "&done="
                + done));
  }

  private static SlotRow row(ReceptionDetails.Detailed d, LocalDate today) {
    ReceptionSlot s = d.slot();
    List<Duty> duties =
        d.onDuty().stream().map(m -> new Duty(m.deputyId(), m.name(), m.present())).toList();
    String who = duties.stream().map(Duty::name).collect(Collectors.joining("、"));
    return new SlotRow(
        s,
        who,
        duties,
        s.date().equals(today) && s.status() != ReceptionStatus.CANCELLED,
        d.booked());
  }

  private static LocalDate parseOr(@Nullable String text, LocalDate fallback) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return fallback;
    }
  }
}
