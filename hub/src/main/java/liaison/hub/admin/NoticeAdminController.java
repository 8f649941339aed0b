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
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.notice.DeliveryReceipt;
import liaison.hub.notice.DisplayProofs;
import liaison.hub.notice.Notice;
import liaison.hub.notice.NoticeDraft;
import liaison.hub.notice.NoticeService;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.signage.protocol.NoticePriority;

/**
 * The notices list, the composer with its target picker and kiosk preview, and each notice's
 * receipts.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/notices")
@ExecuteOn(TaskExecutors.BLOCKING)
public class NoticeAdminController {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final NoticeService notices;
  private final Access access;
  private final Clock clock;

  public NoticeAdminController(NoticeService notices, Access access, Clock clock) {
    this.notices = notices;
    this.access = access;
    this.clock = clock;
  }

  /** A notice in the list, with how far it has reached. */
  public record Row(Notice notice, String window, boolean editable, int shown, int targets) {}

  /** A target station on the notice's page. */
  public record ReceiptRow(String stationId, String stationName, @Nullable String shownAt) {}

  /** A station's line in the notice's proof of display; times in Beijing time. */
  public record ProofRow(
      String stationId,
      String stationName,
      int times,
      int loop,
      int urgent,
      int emergency,
      String duration,
      @Nullable String first,
      @Nullable String last,
      List<Integer> days) {}

  private static final List<String> PRIORITIES =
      java.util.Arrays.stream(NoticePriority.values()).map(Enum::name).toList();
  private static final List<String> STATES = List.of("active", "upcoming", "ended");

  /** admin/notices: the notices with how far they reached, the filters as chosen. */
  @Introspected
  public record NoticesPage(
      Frame frame,
      List<Row> rows,
      @Nullable String done,
      String q,
      String priority,
      String state,
      List<String> priorities,
      List<String> states) {}

  /**
   * admin/notice-form: a new notice ({@code id} null) or one to change, with the messages beside
   * the fields; {@code preview} shows it as a kiosk would, on the first chosen station's plate.
   */
  @Introspected
  public record NoticeFormPage(
      Frame frame,
      @Nullable String id,
      NoticeDraft draft,
      List<String> chosen,
      Map<String, List<String>> errors,
      List<StationPlace> stations,
      Map<String, String> townships,
      List<String> priorities,
      boolean preview,
      String plate,
      int maxTitle,
      int maxBody) {}

  /** admin/notice: a notice with its receipts per target station and its proof of display. */
  @Introspected
  public record NoticePage(
      Frame frame,
      Notice notice,
      String window,
      boolean editable,
      List<ReceiptRow> receipts,
      long shown,
      List<ReceiptRow> missing,
      @Nullable String done,
      List<ProofRow> proofs,
      boolean proofsShown,
      List<String> proofDays,
      String issuer,
      String issued) {}

  /** admin/notice-delete: the notice to delete. */
  @Introspected
  public record NoticeDeletePage(Frame frame, Notice notice, String window) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<NoticesPage> list(
      HttpRequest<?> request,
      Staff staff,
      @Nullable @QueryValue String done,
      @Nullable @QueryValue String q,
      @Nullable @QueryValue String priority,
      @Nullable @QueryValue String state) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String query = q == null ? "" : q.strip();
    BadRequestProblem.choice("priority", priority, PRIORITIES);
    BadRequestProblem.choice("state", state, STATES);
    List<Row> rows = new ArrayList<>();
    for (Notice n : notices.list(staff)) {
      if (!query.isEmpty() && !(n.title().contains(query) || n.body().contains(query))) {
        continue;
      }
      if (priority != null && !priority.isBlank() && !n.priority().name().equals(priority)) {
        continue;
      }
      boolean started = !n.validFrom().isAfter(now);
      boolean ended = n.validUntil() != null && !n.validUntil().isAfter(now);
      if ("active".equals(state) && (!started || ended)
          || "upcoming".equals(state) && started
          || "ended".equals(state) && !ended) {
        continue;
      }
      List<DeliveryReceipt> receipts = notices.receipts(staff, n.id());
      rows.add(
          new Row(
              n,
              window(n),
              notices.canEdit(staff, n),
              (int) receipts.stream().filter(r -> r.shownAt() != null).count(),
              receipts.size()));
    }
    return new ModelAndView<>(
        "admin/notices",
        new NoticesPage(
            Frame.of(request, staff),
            rows,
            done != null && List.of("created", "saved", "deleted").contains(done) ? done : null,
            query,
            priority == null ? "" : priority,
            state == null ? "" : state,
            PRIORITIES,
            STATES));
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<NoticeFormPage> newForm(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String station) {
    access.requireEditor(staff);
    OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    NoticeDraft draft =
        new NoticeDraft(
            "",
            "",
            "NORMAL",
            LOCAL.format(now),
            LOCAL.format(now.plusDays(7)),
            staff.isCountyAdmin() && station == null ? "ALL" : "STATIONS",
            null,
            station == null ? List.of() : List.of(station));
    return form(request, staff, null, draft, List.of(), false);
  }

  @Get(uri = "/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<NoticeFormPage> editForm(HttpRequest<?> request, Staff staff, String id) {
    Notice n = notices.requireEdit(staff, id);
    NoticeDraft draft =
        new NoticeDraft(
            n.title(),
            n.body(),
            n.priority().name(),
            local(n.validFrom()),
            n.validUntil() == null ? "" : local(n.validUntil()),
            n.target().name(),
            n.townshipId(),
            n.stationIds());
    return form(request, staff, id, draft, List.of(), false);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    return save(request, staff, null, FormData.parse(body));
  }

  @Post(
      uri = "/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    return save(request, staff, id, FormData.parse(body));
  }

  /**
   * "Preview" shows the notice as a kiosk would; "Publish" saves it. Nothing is saved on preview.
   */
  private HttpResponse<?> save(
      HttpRequest<?> request, Staff staff, @Nullable String id, FormData form) {
    NoticeDraft draft =
        new NoticeDraft(
            form.get("title"),
            form.get("body"),
            form.get("priority"),
            form.get("validFrom"),
            form.get("validUntil"),
            form.get("target"),
            form.get("townshipId"),
            form.all("stationIds"));
    boolean preview = "preview".equals(form.get("action"));
    if (id != null) {
      // A preview of a change is refused like the change itself.
      notices.requireEdit(staff, id);
    }
    try {
      if (preview) {
        notices.check(staff, id == null ? "n-preview" : id, draft);
        return HttpResponse.ok(form(request, staff, id, draft, List.of(), true));
      }
      Notice saved = id == null ? notices.create(staff, draft) : notices.update(staff, id, draft);
      return HttpResponse.seeOther(
          URI.create(
              "/admin/notices/" + saved.id() + "?done=" + (id == null ? "created" : "saved")));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(form(request, staff, id, draft, e.errors(), false));
    }
  }

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<NoticePage> show(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    Notice n = notices.get(staff, id);
    List<ReceiptRow> receipts =
        notices.receipts(staff, id).stream()
            .map(
                r ->
                    new ReceiptRow(
                        r.stationId(),
                        r.stationName(),
                        r.shownAt() == null
                            ? null
                            : SHOWN.format(r.shownAt().atZoneSameInstant(SHANGHAI))))
            .toList();
    boolean editable = notices.canEdit(staff, n);
    Lang lang = Lang.of(request);
    List<DisplayProofs.AtStation> proofs = notices.displayProofs(staff, id);
    return new ModelAndView<>(
        "admin/notice",
        new NoticePage(
            Frame.of(request, staff),
            n,
            window(n),
            editable,
            receipts,
            receipts.stream().filter(r -> r.shownAt() != null).count(),
            receipts.stream().filter(r -> r.shownAt() == null).toList(),
            done != null && List.of("created", "saved").contains(done) ? done : null,
            proofs.stream().map(p -> proofRow(p, lang)).toList(),
            proofs.stream().anyMatch(p -> p.total().times() > 0),
            proofs.isEmpty()
                ? List.of()
                : proofs.getFirst().days().stream().map(d -> DAY.format(d.day())).toList(),
            // Printed for a station's notice board: headed with the stations it is for, signed
            // by its author and dated the day it starts to show.
            String.join("、", receipts.stream().map(ReceiptRow::stationName).toList()),
            lang.text(
                ReceptionAdminController.longDate(
                    n.validFrom().atZoneSameInstant(SHANGHAI).toLocalDate()))));
  }

  @Get(uri = "/{id}/delete", produces = MediaType.TEXT_HTML)
  public ModelAndView<NoticeDeletePage> confirmDelete(
      HttpRequest<?> request, Staff staff, String id) {
    Notice n = notices.requireEdit(staff, id);
    return new ModelAndView<>(
        "admin/notice-delete", new NoticeDeletePage(Frame.of(request, staff), n, window(n)));
  }

  @Post(
      uri = "/{id}/delete",
      consumes = {
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA,
        MediaType.TEXT_PLAIN
      },
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> delete(Staff staff, String id) {
    notices.delete(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/notices?done=deleted"));
  }

  private ModelAndView<NoticeFormPage> form(
      HttpRequest<?> request,
      Staff staff,
      @Nullable String id,
      NoticeDraft draft,
      List<FieldError> errors,
      boolean preview) {
    List<StationPlace> editable =
        access.visibleStations(staff).stream().filter(p -> access.canEdit(staff, p)).toList();
    Map<String, String> townships = new LinkedHashMap<>();
    editable.forEach(p -> townships.put(p.station().townshipId(), p.townshipName()));
    String plate =
        editable.stream()
            .filter(p -> draft.stationIds() != null && draft.stationIds().contains(p.id()))
            .map(p -> p.station().signPlate())
            .findFirst()
            .orElse(editable.isEmpty() ? "" : editable.getFirst().station().signPlate());
    return new ModelAndView<>(
        "admin/notice-form",
        new NoticeFormPage(
            Frame.of(request, staff),
            id,
            draft,
            draft.stationIds() == null ? List.of() : draft.stationIds(),
            FormErrors.byField(Lang.of(request), errors),
            editable,
            townships,
            List.of("NORMAL", "URGENT", "EMERGENCY"),
            preview,
            plate,
            NoticeService.MAX_TITLE,
            NoticeService.MAX_BODY));
  }

  private static ProofRow proofRow(DisplayProofs.AtStation p, Lang lang) {
    return new ProofRow(
        p.stationId(),
        p.stationName(),
        p.total().times(),
        p.of(DisplayProofs.Kind.LOOP).times(),
        p.of(DisplayProofs.Kind.URGENT_INTERRUPT).times(),
        p.of(DisplayProofs.Kind.EMERGENCY_HOLD).times(),
        duration(p.total().seconds(), lang),
        p.first() == null ? null : SHOWN.format(p.first().atZoneSameInstant(SHANGHAI)),
        p.last() == null ? null : SHOWN.format(p.last().atZoneSameInstant(SHANGHAI)),
        p.days().stream().map(DisplayProofs.DayCount::times).toList());
  }

  /** "1小时2分5秒" or "1 h 2 min 5 s": long enough to read, short enough for a table cell. */
  static String duration(long seconds, Lang lang) {
    long h = seconds / 3600;
    long m = seconds % 3600 / 60;
    long s = seconds % 60;
    Text text =
        h > 0
            ? Text.of("proofs.duration.hours", h, m, s)
            : m > 0
                ? Text.of("proofs.duration.minutes", m, s)
                : Text.of("proofs.duration.seconds", s);
    return lang.text(text);
  }

  private static String local(OffsetDateTime t) {
    return LOCAL.format(t.atZoneSameInstant(SHANGHAI));
  }

  private static String window(Notice n) {
    return SHOWN.format(n.validFrom().atZoneSameInstant(SHANGHAI))
        + " — "
        + (n.validUntil() == null ? "" : SHOWN.format(n.validUntil().atZoneSameInstant(SHANGHAI)));
  }
}
