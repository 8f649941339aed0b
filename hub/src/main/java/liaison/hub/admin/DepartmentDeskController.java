package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
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
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liaison.hub.department.DepartmentService;
import liaison.hub.opinion.CaseContact;
import liaison.hub.opinion.DepartmentDesk;
import liaison.hub.opinion.Extensions;
import liaison.hub.opinion.OpinionCase;
import liaison.hub.opinion.ReplyFiles;
import liaison.hub.photo.PhotoController;
import liaison.hub.photo.PhotoStore;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * A department's desk (承办单位), phone first: its inbox at {@code /dept} and a case at {@code
 * /dept/cases/{id}} (the address a forwarding slip's QR code opens), where it replies with files,
 * asks for a later deadline or hands the case back. Only a department's account gets here (the
 * staff filter keeps it out of everything else, and the desk refuses every other account).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/dept")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DepartmentDeskController {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<String> DONE = Set.of("reply", "extension", "return");

  private final DepartmentDesk desk;
  private final DepartmentService departments;
  private final PhotoStore photos;

  public DepartmentDeskController(
      DepartmentDesk desk, DepartmentService departments, PhotoStore photos) {
    this.desk = desk;
    this.departments = departments;
    this.photos = photos;
  }

  /** A tab of the inbox: its address, its name, whether it is the one shown. */
  public record TabLink(String href, String label, boolean on) {}

  /**
   * A case as the inbox lists it, its words ready.
   *
   * @param due "剩余3个工作日" or "今天到期" while it waits and is not overdue; empty otherwise
   * @param overdue "逾期2天" while it waits past its deadline; empty otherwise
   */
  public record Line(
      String id,
      String code,
      String summary,
      String station,
      String category,
      String status,
      String deadline,
      String due,
      String overdue,
      boolean escalated,
      boolean pendingExtension,
      boolean withUs) {}

  /** dept/inbox: the department's cases on the chosen tab. */
  @Introspected
  public record InboxPage(Frame frame, String department, List<TabLink> tabs, List<Line> lines) {}

  /** A line of the case's timeline as the department reads it. */
  public record Event(String at, String who, String what, String note) {}

  /** A request for a later deadline as the department reads it. */
  public record Request(
      String asked, String wanted, String reason, String status, String decisionNote) {}

  /** A file attached to the case, with its address and its size as people read it. */
  public record File(String href, String name, String size, boolean image) {
    static File of(String folder, ReplyFiles.Attachment a) {
      long kb = Math.max(1, (a.sizeBytes() + 1023) / 1024);
      String size = kb >= 1024 ? String.format(Locale.ROOT, "%.1f MB", kb / 1024.0) : kb + " KB";
      return new File(folder + a.file(), a.fileName(), size, a.isImage());
    }
  }

  /**
   * dept/case: the case, and while it is with the department its three forms; after a refused step,
   * the messages beside its fields ({@code errors}, for {@code errorStep}) with what was typed
   * ({@code input}), or why it cannot take the step ({@code conflict}).
   *
   * @param contact the resident's contact, when asked for and allowed
   * @param contactLine what is said about the contact when it is not shown
   */
  @Introspected
  public record CasePage(
      Frame frame,
      Line line,
      OpinionCase c,
      String submitted,
      List<String> photos,
      List<File> files,
      @Nullable CaseContact contact,
      boolean mayAskContact,
      String contactLine,
      List<Event> timeline,
      List<Request> requests,
      boolean pendingExtension,
      String minDeadline,
      Map<String, List<String>> errors,
      @Nullable String errorStep,
      Map<String, String> input,
      @Nullable String conflict,
      @Nullable String done,
      int maxFiles) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<InboxPage> inbox(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String tab) {
    DepartmentDesk.Tab chosen = DepartmentDesk.Tab.of(tab);
    Lang lang = Lang.of(request);
    List<TabLink> tabs =
        Arrays.stream(DepartmentDesk.Tab.values())
            .map(
                t ->
                    new TabLink(
                        "/dept?tab=" + t.name().toLowerCase(Locale.ROOT),
                        lang.text(t.text()),
                        t == chosen))
            .toList();
    return new ModelAndView<>(
        "dept/inbox",
        new InboxPage(
            Frame.of(request, staff),
            departments.ownName(staff),
            tabs,
            desk.inbox(staff, chosen).stream().map(r -> line(r, lang)).toList()));
  }

  @Get(uri = "/cases/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<CasePage> show(
      HttpRequest<?> request,
      Staff staff,
      String id,
      @Nullable @QueryValue String done,
      @Nullable @QueryValue String contact) {
    return new ModelAndView<>(
        "dept/case",
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
      uri = "/cases/{id}/reply",
      consumes = MediaType.MULTIPART_FORM_DATA,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> reply(
      HttpRequest<?> request,
      Staff staff,
      String id,
      @Nullable @Part("text") String text,
      @Nullable @Part("file1") CompletedFileUpload file1,
      @Nullable @Part("file2") CompletedFileUpload file2,
      @Nullable @Part("file3") CompletedFileUpload file3) {
    List<ReplyFiles.Upload> uploads = new ArrayList<>();
    for (CompletedFileUpload file : Arrays.asList(file1, file2, file3)) {
      if (file != null) {
        uploads.add(upload(file));
      }
    }
    Map<String, String> input = text == null ? Map.of() : Map.of("text", text);
    return step(request, staff, id, "reply", input, () -> desk.reply(staff, id, text, uploads));
  }

  @Post(
      uri = "/cases/{id}/extension",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> extension(
      HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    return step(
        request,
        staff,
        id,
        "extension",
        typed(form, "deadline", "reason"),
        () -> desk.askExtension(staff, id, form.get("deadline"), form.get("reason")));
  }

  @Post(
      uri = "/cases/{id}/return",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> handBack(
      HttpRequest<?> request, Staff staff, String id, @Body String body) {
    FormData form = FormData.parse(body);
    return step(
        request,
        staff,
        id,
        "return",
        typed(form, "returnReason"),
        () -> desk.handBack(staff, id, form.get("returnReason")));
  }

  /** A photo the resident attached, for the department; kept privately by the browser. */
  @Get(uri = "/cases/{id}/photos/{file}", produces = MediaType.IMAGE_JPEG)
  public HttpResponse<?> photo(
      Staff staff,
      String id,
      String file,
      @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
    String hash = PhotoController.hashOf(file);
    if (!desk.hasPhoto(staff, id, hash)) {
      throw new NotFoundProblem(Text.of("problem.case.photo.not-found", id));
    }
    return PhotoController.privately(photos, hash, ifNoneMatch);
  }

  /** A file attached to the case's reply, for the department. */
  @Get(uri = "/cases/{id}/files/{file}")
  public HttpResponse<?> file(Staff staff, String id, String file) {
    return download(desk.attachment(staff, id, file), id);
  }

  /**
   * The attached file as a download: a photo shown inline, a PDF saved under the name it was sent
   * with; never cached by anyone but the reader's browser.
   */
  static HttpResponse<?> download(java.util.Optional<ReplyFiles.Download> found, String caseId) {
    ReplyFiles.Download d =
        found.orElseThrow(
            () -> new NotFoundProblem(Text.of("problem.case.file.not-found", caseId)));
    boolean image = d.kind() == ReplyFiles.Kind.IMAGE;
    String name = URLEncoder.encode(d.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return HttpResponse.ok(d.bytes())
        .contentType(image ? MediaType.IMAGE_JPEG_TYPE : MediaType.of("application/pdf"))
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            (image ? "inline" : "attachment") + "; filename*=UTF-8''" + name);
  }

  // ---- helpers ----

  private HttpResponse<?> step(
      HttpRequest<?> request,
      Staff staff,
      String id,
      String step,
      Map<String, String> input,
      Runnable action) {
    try {
      action.run();
      return HttpResponse.seeOther(URI.create("/dept/cases/" + id + "?done=" + step));
    } catch (ValidationProblem e) {
      return refused(
          request,
          staff,
          id,
          HttpStatus.UNPROCESSABLE_ENTITY,
          FormErrors.byField(Lang.of(request), e.errors()),
          step,
          input,
          null);
    } catch (ConflictProblem e) {
      return refused(
          request,
          staff,
          id,
          HttpStatus.CONFLICT,
          Map.of(),
          step,
          Map.of(),
          Lang.of(request).text(e.text()));
    }
  }

  /** The case page again after a refused step: the messages beside the fields, or why not. */
  private HttpResponse<?> refused(
      HttpRequest<?> request,
      Staff staff,
      String id,
      HttpStatus status,
      Map<String, List<String>> errors,
      String step,
      Map<String, String> input,
      @Nullable String conflict) {
    return HttpResponse.status(status)
        .body(
            new ModelAndView<>(
                "dept/case", page(request, staff, id, errors, step, input, conflict, null, false)));
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
    Lang lang = Lang.of(request);
    DepartmentDesk.DeskCase file = desk.open(staff, id, contactWanted);
    DepartmentDesk.Row row = file.row();
    OpinionCase c = row.c();
    boolean mayAsk = desk.maySeeContact(row);
    String contactLine =
        lang.text(
            mayAsk
                ? Text.of("dept.contact.ask")
                : file.contactKept()
                    ? Text.of("dept.contact.kept")
                    : row.withUs() || !c.contactToDepartment()
                        ? Text.of("dept.contact.none")
                        : Text.of("dept.contact.over"));
    LocalDate deadline = c.deadline() == null ? desk.today() : c.deadline();
    return new CasePage(
        Frame.of(request, staff),
        line(row, lang),
        c,
        SHOWN.format(c.submittedAt().atZoneSameInstant(liaison.hub.config.TimeFactory.ZONE)),
        file.photos(),
        file.attachments().stream()
            .map(a -> File.of("/dept/cases/" + c.id() + "/files/", a))
            .toList(),
        file.contact(),
        mayAsk,
        contactLine,
        file.timeline().stream()
            .map(
                l ->
                    new Event(
                        SHOWN.format(
                            l.event().at().atZoneSameInstant(liaison.hub.config.TimeFactory.ZONE)),
                        l.staffName() == null ? "" : l.staffName(),
                        CaseAdminController.what(l.event(), lang),
                        l.event().note()))
            .toList(),
        file.extensions().stream().map(x -> request(x, lang)).toList(),
        row.pendingExtension(),
        (deadline.isBefore(desk.today()) ? desk.today() : deadline).plusDays(1).toString(),
        errors,
        errorStep,
        input,
        conflict,
        done,
        ReplyFiles.MAX_FILES);
  }

  private static Request request(Extensions.Request x, Lang lang) {
    return new Request(
        SHOWN.format(x.askedAt().atZoneSameInstant(liaison.hub.config.TimeFactory.ZONE)),
        chineseDate(x.wantedDeadline(), lang),
        x.reason(),
        lang.text(x.status().text()),
        x.decisionNote());
  }

  private Line line(DepartmentDesk.Row r, Lang lang) {
    OpinionCase c = r.c();
    String due = "";
    String overdue = "";
    if (r.withUs()) {
      if (r.overdue()) {
        overdue = lang.text(Text.of("dept.overdue", r.daysOverdue()));
      } else if (c.deadline() != null) {
        due =
            lang.text(
                r.workingDaysLeft() == 0
                    ? Text.of("dept.due.today")
                    : Text.of("dept.due.left", r.workingDaysLeft()));
      }
    }
    return new Line(
        c.id(),
        c.trackingCode(),
        c.summary().isBlank() ? abbreviate(c.text()) : c.summary(),
        r.stationName(),
        lang.text(c.category().text()),
        lang.text(c.status().text()),
        c.deadline() == null ? "—" : chineseDate(c.deadline(), lang),
        due,
        overdue,
        r.escalated(),
        r.pendingExtension(),
        r.withUs());
  }

  /** 2026年3月5日, or 5 Mar 2026 in English. */
  static String chineseDate(LocalDate day, Lang lang) {
    return lang == Lang.EN
        ? day.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH))
        : day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /** The fields of a form as typed, for the form shown again after a refusal. */
  static Map<String, String> typed(FormData form, String... fields) {
    Map<String, String> input = new HashMap<>();
    for (String f : fields) {
      String v = form.get(f);
      if (v != null) {
        input.put(f, v);
      }
    }
    return input;
  }

  /** A browser's uploaded file as the hub's file checks take it. */
  static ReplyFiles.Upload upload(CompletedFileUpload file) {
    try {
      return new ReplyFiles.Upload(
          file.getFilename() == null ? "" : file.getFilename(), file.getBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
