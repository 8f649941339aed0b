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
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.notice.DisplayProofs;
import liaison.hub.notice.DeliveryReceipt;
import liaison.hub.notice.Notice;
import liaison.hub.notice.NoticeDraft;
import liaison.hub.notice.NoticeService;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.station.Access;
import liaison.hub.security.Staff;
import liaison.hub.station.StationPlace;
import liaison.hub.web.FormData;
import liaison.hub.web.Lang;
import liaison.hub.web.Pages;
import liaison.signage.protocol.NoticePriority;

/** The notices list, the composer with its target picker and kiosk preview, and each notice's receipts. */
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

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> list(
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
          new Row(n, window(n), notices.canEdit(staff, n), (int) receipts.stream().filter(r -> r.shownAt() != null).count(), receipts.size()));
    }
    Map<String, Object> model = Pages.model(request, staff);
    model.put("rows", rows);
    model.put("done", done != null && List.of("created", "saved", "deleted").contains(done) ? done : null);
    model.put("q", query);
    model.put("priority", priority == null ? "" : priority);
    model.put("state", state == null ? "" : state);
    model.put("priorities", PRIORITIES);
    model.put("states", STATES);
    return new ModelAndView<>("admin/notices", model);
  }

  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> newForm(HttpRequest<?> request, Staff staff, @Nullable @QueryValue String station) {
    access.requireEditor(staff);
    OffsetDateTime now = OffsetDateTime.now(clock).atZoneSameInstant(SHANGHAI).toOffsetDateTime();
    NoticeDraft draft =
        new NoticeDraft("", "", "NORMAL", LOCAL.format(now), LOCAL.format(now.plusDays(7)),
            staff.isCountyAdmin() && station == null ? "ALL" : "STATIONS", null, station == null ? List.of() : List.of(station));
    return form(request, staff, null, draft, List.of(), false);
  }

  @Get(uri = "/{id}/edit", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> editForm(HttpRequest<?> request, Staff staff, String id) {
    Notice n = notices.requireEdit(staff, id);
    NoticeDraft draft =
        new NoticeDraft(n.title(), n.body(), n.priority().name(), local(n.validFrom()), n.validUntil() == null ? "" : local(n.validUntil()),
            n.target().name(), n.townshipId(), n.stationIds());
    return form(request, staff, id, draft, List.of(), false);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    return save(request, staff, null, FormData.parse(body));
  }

  @Post(uri = "/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    return save(request, staff, id, FormData.parse(body));
  }

  /** "Preview" shows the notice as a kiosk would; "Publish" saves it. Nothing is saved on preview. */
  private HttpResponse<?> save(HttpRequest<?> request, Staff staff, @Nullable String id, FormData form) {
    NoticeDraft draft =
        new NoticeDraft(form.get("title"), form.get("body"), form.get("priority"), form.get("validFrom"),
            form.get("validUntil"), form.get("target"), form.get("townshipId"), form.all("stationIds"));
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
      return HttpResponse.seeOther(URI.create("/admin/notices/" + saved.id() + "?done=" + (id == null ? "created" : "saved")));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(form(request, staff, id, draft, e.errors(), false));
    }
  }

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> show(HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    Notice n = notices.get(staff, id);
    List<ReceiptRow> receipts =
        notices.receipts(staff, id).stream()
            .map(r -> new ReceiptRow(r.stationId(), r.stationName(), r.shownAt() == null ? null : SHOWN.format(r.shownAt().atZoneSameInstant(SHANGHAI))))
            .toList();
    Map<String, Object> model = Pages.model(request, staff);
    model.put("notice", n);
    model.put("window", window(n));
    model.put("editable", notices.canEdit(staff, n));
    model.put("receipts", receipts);
    model.put("shown", receipts.stream().filter(r -> r.shownAt() != null).count());
    model.put("missing", receipts.stream().filter(r -> r.shownAt() == null).toList());
    model.put("done", done != null && List.of("created", "saved").contains(done) ? done : null);
    Lang lang = Lang.of(request);
    List<DisplayProofs.AtStation> proofs = notices.displayProofs(staff, id);
    model.put("proofs", proofs.stream().map(p -> proofRow(p, lang)).toList());
    model.put("proofsShown", proofs.stream().anyMatch(p -> p.total().times() > 0));
    model.put(
        "proofDays",
        proofs.isEmpty() ? List.of() : proofs.getFirst().days().stream().map(d -> DAY.format(d.day())).toList());
    return new ModelAndView<>("admin/notice", model);
  }

  @Get(uri = "/{id}/delete", produces = MediaType.TEXT_HTML)
  public ModelAndView<Map<String, Object>> confirmDelete(HttpRequest<?> request, Staff staff, String id) {
    Notice n = notices.requireEdit(staff, id);
    Map<String, Object> model = Pages.model(request, staff);
    model.put("notice", n);
    model.put("window", window(n));
    return new ModelAndView<>("admin/notice-delete", model);
  }

  @Post(uri = "/{id}/delete", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN}, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> delete(Staff staff, String id) {
    notices.delete(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/notices?done=deleted"));
  }

  private ModelAndView<Map<String, Object>> form(
      HttpRequest<?> request, Staff staff, @Nullable String id, NoticeDraft draft, List<FieldError> errors, boolean preview) {
    List<StationPlace> editable = access.visibleStations(staff).stream().filter(p -> access.canEdit(staff, p)).toList();
    Map<String, String> townships = new LinkedHashMap<>();
    editable.forEach(p -> townships.put(p.station().townshipId(), p.townshipName()));
    Map<String, Object> model = Pages.model(request, staff);
    model.put("id", id);
    model.put("draft", draft);
    model.put("chosen", draft.stationIds() == null ? List.of() : draft.stationIds());
    model.put("errors", FormErrors.byField(Lang.of(request), errors));
    model.put("stations", editable);
    model.put("townships", townships);
    model.put("priorities", List.of("NORMAL", "URGENT", "EMERGENCY"));
    model.put("preview", preview);
    String plate = editable.stream()
        .filter(p -> draft.stationIds() != null && draft.stationIds().contains(p.id()))
        .map(p -> p.station().signPlate())
        .findFirst()
        .orElse(editable.isEmpty() ? "" : editable.getFirst().station().signPlate());
    model.put("plate", plate);
    model.put("maxTitle", NoticeService.MAX_TITLE);
    model.put("maxBody", NoticeService.MAX_BODY);
    return new ModelAndView<>("admin/notice-form", model);
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
    StringBuilder text = new StringBuilder();
    if (h > 0) {
      text.append(h).append(lang.pick("小时", " h "));
    }
    if (h > 0 || m > 0) {
      text.append(m).append(lang.pick("分", " min "));
    }
    text.append(s).append(lang.pick("秒", " s"));
    return text.toString();
  }

  private static String local(OffsetDateTime t) {
    return LOCAL.format(t.atZoneSameInstant(SHANGHAI));
  }

  private static String window(Notice n) {
    return SHOWN.format(n.validFrom().atZoneSameInstant(SHANGHAI)) + " — "
        + (n.validUntil() == null ? "" : SHOWN.format(n.validUntil().atZoneSameInstant(SHANGHAI)));
  }
}
