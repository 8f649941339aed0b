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
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.config.TimeFactory;
import liaison.hub.media.MediaSlides;
import liaison.hub.media.ScheduledSlide;
import liaison.hub.media.SlideDraft;
import liaison.hub.media.SlideItem;
import liaison.hub.media.SlideProof;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.Reach;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.signage.protocol.MediaSlide;

/**
 * 屏幕媒体: the library's items on the screens. The list in the order they play after the boards (moved
 * up and down), the form that puts an item on screens in one submit (the library's "放到屏幕上" link
 * opens it with the item chosen and every field filled), the slide's page with its preview at the
 * stations' screen sizes and its proof of display.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/media/slides")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MediaSlidesAdminController {
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<String> DONE = List.of("created", "saved", "deleted", "moved");

  /** The stations' screen sizes (docs/SCREENS.md), the frames of the preview. */
  static final List<ScreenSize> SIZES =
      List.of(
          new ScreenSize(1920, 1080),
          new ScreenSize(1080, 1920),
          new ScreenSize(1280, 800),
          new ScreenSize(1024, 600),
          new ScreenSize(800, 480));

  private final MediaSlides slides;
  private final Access access;
  private final Clock clock;

  public MediaSlidesAdminController(MediaSlides slides, Access access, Clock clock) {
    this.slides = slides;
    this.access = access;
    this.clock = clock;
  }

  /** A station screen's size in pixels; {@code name} the CSS class of its preview frame. */
  public record ScreenSize(int width, int height) {
    public String name() {
      return width + "x" + height;
    }
  }

  /** A slide in the list: what it shows, when, where, and how far it reached. */
  public record Row(
      ScheduledSlide slide,
      String picture,
      String window,
      String dayparts,
      String where,
      boolean editable,
      int shownAt) {}

  /** One station's line in a slide's proof of display; times in Beijing time. */
  public record ProofRow(
      String stationName, int times, String duration, String first, String last) {}

  /** admin/media-slides: the slides in play order, and what was just done. */
  @Introspected
  public record SlidesPage(Frame frame, List<Row> rows, @Nullable String done) {}

  /**
   * admin/media-slide: a new slide ({@code id} null) or one to change, the typed fields with the
   * messages beside them, the item's preview in a frame of each station size; for a saved slide its
   * proof of display.
   */
  @Introspected
  public record SlidePage(
      Frame frame,
      @Nullable String id,
      SlideForm form,
      Map<String, List<String>> errors,
      List<SlideItem> items,
      @Nullable SlideItem item,
      List<StationPlace> stations,
      Map<String, String> townships,
      List<ScreenSize> sizes,
      boolean editable,
      List<ProofRow> proofs,
      @Nullable String done,
      int minSeconds,
      int maxSeconds) {}

  /** The form's fields as typed; {@code dayparts} always four (empty ones unused). */
  public record SlideForm(
      String itemId,
      String seconds,
      String validFrom,
      String validUntil,
      List<String> dayparts,
      String target,
      String townshipId,
      List<String> stationIds) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<SlidesPage> list(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String done) {
    Lang lang = Lang.of(request);
    List<Row> rows = new ArrayList<>();
    Map<String, StationPlace> visible = visible(staff);
    for (MediaSlides.Listed listed : slides.listed(staff)) {
      ScheduledSlide s = listed.slide();
      rows.add(
          new Row(
              s,
              s.item().pictureSha256(),
              window(s),
              dayparts(s),
              where(lang, visible, s),
              listed.canEdit(),
              listed.stationsProved()));
    }
    return new ModelAndView<>(
        "admin/media-slides",
        new SlidesPage(
            Frame.of(request, staff), rows, done != null && DONE.contains(done) ? done : null));
  }

  /** The form for a new slide, with the item (the library's link) chosen and defaults filled. */
  @Get(uri = "/new", produces = MediaType.TEXT_HTML)
  public ModelAndView<SlidePage> newForm(
      HttpRequest<?> request, Staff staff, @Nullable @QueryValue String item) {
    access.requireEditor(staff);
    SlideItem chosen = item == null || item.isBlank() ? null : slides.item(staff, item);
    OffsetDateTime now = OffsetDateTime.now(clock);
    List<StationPlace> editable = access.editableStations(staff);
    String target;
    List<String> stationIds;
    if (chosen != null && chosen.stationId() != null) {
      target = Reach.Target.STATIONS.name();
      stationIds = List.of(chosen.stationId());
    } else if (staff.isCountyAdmin()) {
      target = Reach.Target.ALL.name();
      stationIds = List.of();
    } else {
      target = Reach.Target.STATIONS.name();
      stationIds = editable.stream().map(StationPlace::id).toList();
    }
    SlideForm form =
        new SlideForm(
            chosen == null ? "" : chosen.id(),
            chosen == null ? "" : String.valueOf(chosen.defaultSeconds()),
            local(now),
            "",
            four(List.of()),
            target,
            "",
            stationIds);
    return page(request, staff, null, form, List.of(), null);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> create(HttpRequest<?> request, Staff staff, @Body String body) {
    return save(request, staff, null, FormData.parse(body));
  }

  @Get(uri = "/{id}", produces = MediaType.TEXT_HTML)
  public ModelAndView<SlidePage> show(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    ScheduledSlide s = slides.get(staff, id);
    SlideForm form =
        new SlideForm(
            s.item().id(),
            String.valueOf(s.seconds()),
            local(s.validFrom()),
            s.validUntil() == null ? "" : local(s.validUntil()),
            four(s.dayparts().stream().map(w -> MediaSlides.daypart(w.from(), w.until())).toList()),
            s.reach().target().name(),
            s.reach().townshipId() == null ? "" : s.reach().townshipId(),
            s.reach().stationIds());
    return page(
        request, staff, id, form, List.of(), done != null && DONE.contains(done) ? done : null);
  }

  @Post(
      uri = "/{id}",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> update(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    slides.requireEdit(staff, id);
    return save(request, staff, id, FormData.parse(body));
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
    slides.delete(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/media/slides?done=deleted"));
  }

  @Post(
      uri = "/{id}/move",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> move(Staff staff, String id, @Body String body) {
    String direction = FormData.parse(body).get("direction");
    slides.move(staff, id, direction == null ? "" : direction);
    return HttpResponse.seeOther(URI.create("/admin/media/slides?done=moved#slide-" + id));
  }

  private HttpResponse<?> save(
      HttpRequest<?> request, Staff staff, @Nullable String id, FormData data) {
    SlideForm form =
        new SlideForm(
            orEmpty(data.get("itemId")),
            orEmpty(data.get("seconds")).strip(),
            orEmpty(data.get("validFrom")),
            orEmpty(data.get("validUntil")),
            four(data.all("dayparts")),
            orEmpty(data.get("target")),
            orEmpty(data.get("townshipId")),
            data.all("stationIds"));
    List<FieldError> typing = new ArrayList<>();
    Integer seconds = null;
    if (!form.seconds().isEmpty()) {
      if (form.seconds().matches("\\d{1,6}")) {
        seconds = Integer.valueOf(form.seconds());
      } else {
        typing.add(
            new FieldError(
                "seconds",
                Text.of(
                    "problem.media-slide.seconds.range",
                    MediaSlide.MIN_SECONDS,
                    MediaSlide.MAX_SECONDS)));
      }
    }
    SlideDraft draft =
        new SlideDraft(
            form.itemId(),
            seconds,
            form.validFrom(),
            form.validUntil(),
            form.dayparts(),
            form.target(),
            form.townshipId(),
            form.stationIds());
    try {
      if (!typing.isEmpty()) {
        throw new ValidationProblem(typing);
      }
      ScheduledSlide saved =
          id == null ? slides.create(staff, draft) : slides.update(staff, id, draft);
      return HttpResponse.seeOther(
          URI.create(
              "/admin/media/slides/" + saved.id() + "?done=" + (id == null ? "created" : "saved")));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(request, staff, id, form, e.errors(), null));
    }
  }

  private ModelAndView<SlidePage> page(
      HttpRequest<?> request,
      Staff staff,
      @Nullable String id,
      SlideForm form,
      List<FieldError> errors,
      @Nullable String done) {
    Lang lang = Lang.of(request);
    List<SlideItem> items = new ArrayList<>(slides.items(staff));
    ScheduledSlide saved = id == null ? null : slides.get(staff, id);
    if (saved != null && items.stream().noneMatch(i -> i.id().equals(saved.item().id()))) {
      items.add(saved.item()); // a retired item still shows on its slide's page
    }
    SlideItem item =
        items.stream().filter(i -> i.id().equals(form.itemId())).findFirst().orElse(null);
    List<StationPlace> editable = access.editableStations(staff);
    Map<String, String> townships = new LinkedHashMap<>();
    editable.forEach(p -> townships.put(p.station().townshipId(), p.townshipName()));
    List<ProofRow> proofs =
        saved == null
            ? List.of()
            : slides.proofs(staff, id).stream().map(p -> proofRow(p, lang)).toList();
    return new ModelAndView<>(
        "admin/media-slide",
        new SlidePage(
            Frame.of(request, staff),
            id,
            form,
            FormErrors.byField(lang, errors),
            items,
            item,
            editable,
            townships,
            SIZES,
            saved == null || slides.canEdit(staff, saved),
            proofs,
            done,
            MediaSlide.MIN_SECONDS,
            MediaSlide.MAX_SECONDS));
  }

  private static ProofRow proofRow(SlideProof p, Lang lang) {
    return new ProofRow(
        p.stationName(),
        p.times(),
        NoticeAdminController.duration(p.seconds(), lang),
        SHOWN.format(p.first().atZoneSameInstant(TimeFactory.ZONE)),
        SHOWN.format(p.last().atZoneSameInstant(TimeFactory.ZONE)));
  }

  /** Where the slide plays, in words: the county, a township's name, or the stations' names. */
  /** The stations this person sees, by id: read once for a page, whatever its slides. */
  private Map<String, StationPlace> visible(Staff staff) {
    Map<String, StationPlace> visible = new LinkedHashMap<>();
    access.visibleStations(staff).forEach(p -> visible.put(p.id(), p));
    return visible;
  }

  private static String where(Lang lang, Map<String, StationPlace> visible, ScheduledSlide s) {
    return switch (s.reach().target()) {
      case ALL -> lang.text(Text.of("media-slides.where.ALL"));
      case TOWNSHIP ->
          visible.values().stream()
              .filter(p -> p.station().townshipId().equals(s.reach().townshipId()))
              .map(StationPlace::townshipName)
              .findFirst()
              .orElse("—");
      case STATIONS ->
          String.join(
              "、",
              s.reach().stationIds().stream()
                  .map(visible::get)
                  .filter(p -> p != null)
                  .map(p -> p.station().name())
                  .toList());
    };
  }

  private static String dayparts(ScheduledSlide s) {
    return String.join(
        "，", s.dayparts().stream().map(w -> MediaSlides.daypart(w.from(), w.until())).toList());
  }

  private static List<String> four(List<String> typed) {
    List<String> four = new ArrayList<>(typed);
    while (four.size() < MediaSlides.MAX_DAYPARTS) {
      four.add("");
    }
    return four;
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  private static String local(OffsetDateTime t) {
    return LOCAL.format(t.atZoneSameInstant(TimeFactory.ZONE));
  }

  private static String window(ScheduledSlide s) {
    return SHOWN.format(s.validFrom().atZoneSameInstant(TimeFactory.ZONE))
        + " — "
        + (s.validUntil() == null
            ? ""
            : SHOWN.format(s.validUntil().atZoneSameInstant(TimeFactory.ZONE)));
  }
}
