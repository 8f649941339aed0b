package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.util.List;
import java.util.Map;
import liaison.hub.account.StaffPasswords;
import liaison.hub.department.Department;
import liaison.hub.department.DepartmentService;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.SecurityConfig;
import liaison.hub.security.SessionCookies;
import liaison.hub.security.SessionStore;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffFilter;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * 账号: the county administrator's list of staff accounts with a password reset for each station
 * manager and deputy; and 修改密码, where everyone changes their own (first of all after a reset).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin")
@ExecuteOn(TaskExecutors.BLOCKING)
public class StaffAdminController {
  private final StaffPasswords passwords;
  private final SessionStore sessions;
  private final SecurityConfig config;
  private final Access access;
  private final DepartmentService departmentService;

  public StaffAdminController(
      StaffPasswords passwords,
      SessionStore sessions,
      SecurityConfig config,
      Access access,
      DepartmentService departmentService) {
    this.access = access;
    this.departmentService = departmentService;
    this.passwords = passwords;
    this.sessions = sessions;
    this.config = config;
  }

  /** An account's line: its stations by their names, not their ids. */
  public record AccountRow(
      Staff staff, boolean mustChangePassword, boolean resettable, String stationNames) {}

  /**
   * admin/staff: the county's accounts, and the form for a department's account with, after a
   * refused one, the messages beside its fields and what was typed.
   */
  @Introspected
  public record StaffPage(
      Frame frame,
      List<AccountRow> accounts,
      List<Department> departments,
      Map<String, List<String>> errors,
      Map<String, String> input) {}

  /** admin/staff-created: a new account's temporary password, shown this once. */
  @Introspected
  public record CreatedPage(Frame frame, StaffPasswords.Reset created) {}

  /** admin/staff-reset: the temporary password, shown this once. */
  @Introspected
  public record ResetPage(Frame frame, StaffPasswords.Reset reset) {}

  /**
   * admin/password: the messages beside the fields, whether it was just changed ({@code done}), and
   * whether a temporary password must be replaced first.
   */
  @Introspected
  public record PasswordPage(
      Frame frame,
      Map<String, List<String>> errors,
      boolean done,
      int minLength,
      boolean mustChange) {}

  @Get(uri = "/staff", produces = MediaType.TEXT_HTML)
  public ModelAndView<StaffPage> list(HttpRequest<?> request, Staff staff) {
    return staffPage(request, staff, Map.of(), Map.of());
  }

  /**
   * Creates a department's account (承办单位) and shows its temporary password once; the page is not
   * cached.
   */
  @Post(
      uri = "/staff/departments",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> createDepartmentAccount(
      HttpRequest<?> request, Staff staff, @Body String body) {
    FormData form = FormData.parse(body);
    StaffPasswords.DepartmentAccount draft =
        new StaffPasswords.DepartmentAccount(
            form.get("departmentId"), form.get("username"), form.get("displayName"));
    try {
      StaffPasswords.Reset created = passwords.createDepartmentAccount(staff, draft);
      return HttpResponse.ok(
              new ModelAndView<>(
                  "admin/staff-created", new CreatedPage(Frame.of(request, staff), created)))
          .header(HttpHeaders.CACHE_CONTROL, "no-store");
    } catch (ValidationProblem e) {
      Map<String, String> input = new java.util.HashMap<>();
      for (String f : List.of("departmentId", "username", "displayName")) {
        if (form.get(f) != null) {
          input.put(f, form.get(f));
        }
      }
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(staffPage(request, staff, FormErrors.byField(Lang.of(request), e.errors()), input));
    }
  }

  private ModelAndView<StaffPage> staffPage(
      HttpRequest<?> request,
      Staff staff,
      Map<String, List<String>> errors,
      Map<String, String> input) {
    List<StaffPasswords.Listed> listed = passwords.accounts(staff);
    Map<String, String> names =
        access.visibleStations(staff).stream()
            .collect(java.util.stream.Collectors.toMap(StationPlace::id, p -> p.station().name()));
    List<Department> departments = departmentService.list(staff);
    Map<String, String> departmentNames =
        departments.stream()
            .collect(java.util.stream.Collectors.toMap(Department::id, Department::name));
    List<AccountRow> rows =
        listed.stream()
            .map(
                a ->
                    new AccountRow(
                        a.staff(),
                        a.mustChangePassword(),
                        a.resettable(),
                        a.staff().departmentId() != null
                            ? departmentNames.getOrDefault(a.staff().departmentId(), "")
                            : String.join(
                                "、",
                                new java.util.TreeSet<>(a.staff().stationIds())
                                    .stream().map(id -> names.getOrDefault(id, id)).toList())))
            .toList();
    return new ModelAndView<>(
        "admin/staff", new StaffPage(Frame.of(request, staff), rows, departments, errors, input));
  }

  /** Resets and shows the temporary password once; the page is not cached. */
  @Post(
      uri = "/staff/{id}/reset",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> reset(HttpRequest<?> request, Staff staff, String id) {
    StaffPasswords.Reset reset = passwords.reset(staff, id);
    return HttpResponse.ok(
            new ModelAndView<>("admin/staff-reset", new ResetPage(Frame.of(request, staff), reset)))
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @Get(uri = "/password", produces = MediaType.TEXT_HTML)
  public ModelAndView<PasswordPage> passwordForm(HttpRequest<?> request, Staff staff) {
    return passwordPage(request, staff, List.of(), request.getParameters().get("done") != null);
  }

  @Post(
      uri = "/password",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> changePassword(HttpRequest<?> request, Staff staff, @Body String body) {
    FormData form = FormData.parse(body);
    try {
      passwords.change(staff, form.get("current"), form.get("password"), form.get("repeat"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(passwordPage(request, staff, e.errors(), false));
    }
    // Every session of the account was closed; this browser gets a fresh one.
    SessionStore.Opened opened = sessions.open(staff.id());
    return HttpResponse.seeOther(URI.create("/admin/password?done=changed"))
        .cookie(SessionCookies.of(config, request, opened.token(), config.sessionMax()));
  }

  private ModelAndView<PasswordPage> passwordPage(
      HttpRequest<?> request, Staff staff, List<FieldError> errors, boolean done) {
    return new ModelAndView<>(
        "admin/password",
        new PasswordPage(
            Frame.of(request, staff),
            FormErrors.byField(Lang.of(request), errors),
            done,
            config.minPasswordLength(),
            request.getAttribute(StaffFilter.MUST_CHANGE).isPresent()));
  }
}
