package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.software.SoftwareRollouts;
import liaison.hub.software.SoftwareRollouts.Rollout;
import liaison.hub.software.SoftwareRollouts.State;
import liaison.hub.software.StationBundle;
import liaison.hub.software.StationBundles;
import liaison.hub.software.UpdateReport;
import liaison.hub.station.Access;
import liaison.hub.station.StationService;
import liaison.hub.text.Text;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;

/**
 * 站点软件: the station bundles the hub keeps and how to add one, and the rollouts (start one to a
 * station, a township or the county; each stage's progress; advance, halt, resume, cancel), for
 * county administrators. The upload itself is {@code ./liaison publish-bundle} (a bundle is larger
 * than a form takes).
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/software")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SoftwareAdminController {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final StationBundles bundles;
  private final SoftwareRollouts rollouts;
  private final Access access;
  private final StationService stations;

  public SoftwareAdminController(
      StationBundles bundles, SoftwareRollouts rollouts, Access access, StationService stations) {
    this.bundles = bundles;
    this.rollouts = rollouts;
    this.access = access;
    this.stations = stations;
  }

  /** A choice in a select: its value and what people read. */
  public record Choice(String value, String label) {}

  /**
   * A rollout as the page shows it: whom it is for, where it stands in words, each stage's progress
   * in a sentence, and which actions apply.
   */
  public record RolloutRow(
      String id,
      String version,
      String scope,
      String state,
      String stateClass,
      String stage,
      List<String> progress,
      String haltedReason,
      String started,
      boolean canAdvance,
      boolean canHalt,
      boolean canResume,
      boolean canCancel) {}

  /** One bundle as the page shows it: its size in MB, its time in Beijing time. */
  public record Row(
      String version,
      String processor,
      String size,
      String uploadedBy,
      String uploadedAt,
      String sha256,
      String download) {}

  /** 27.4 MB; a small file in KB rather than 0.0 MB. */
  static String size(long bytes) {
    return bytes < 1024 * 1024
        ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
  }

  /**
   * admin/software: the bundles, newest first; the rollouts, newest first; the form that starts one
   * (the versions the hub has, the county's townships and stations), with its mistakes.
   */
  @Introspected
  public record SoftwarePage(
      Frame frame,
      List<Row> bundles,
      List<RolloutRow> rollouts,
      List<String> versions,
      List<Choice> townships,
      List<Choice> stations,
      Map<String, List<String>> errors) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<SoftwarePage> page(HttpRequest<?> request, Staff staff) {
    return page(request, staff, List.of());
  }

  /** Starts a rollout from the form: version, scope (STATION, TOWNSHIP, COUNTY) and whom. */
  @Post(
      uri = "/rollouts",
      consumes = MediaType.APPLICATION_FORM_URLENCODED,
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> start(HttpRequest<?> request, Staff staff, @Body String body) {
    FormData form = FormData.parse(body);
    String scope = form.get("scope");
    SoftwareRollouts.Scope chosen =
        "STATION".equals(scope)
            ? SoftwareRollouts.Scope.STATION
            : "TOWNSHIP".equals(scope)
                ? SoftwareRollouts.Scope.TOWNSHIP
                : SoftwareRollouts.Scope.COUNTY;
    String scopeId =
        switch (chosen) {
          case STATION -> form.get("station");
          case TOWNSHIP -> form.get("township");
          case COUNTY -> "";
        };
    try {
      rollouts.start(staff, new SoftwareRollouts.Draft(form.get("version"), chosen, scopeId));
      return HttpResponse.seeOther(URI.create("/admin/software#rollouts"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(page(request, staff, e.errors()));
    }
  }

  /** Advances, halts, resumes or cancels a rollout, then shows the page again. */
  @Post(
      uri = "/rollouts/{id}/{action}",
      consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN},
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> act(Staff staff, String id, String action) {
    switch (action) {
      case "advance" -> rollouts.advance(staff, id);
      case "halt" -> rollouts.halt(staff, id);
      case "resume" -> rollouts.resume(staff, id);
      case "cancel" -> rollouts.cancel(staff, id);
      default ->
          throw new liaison.hub.problem.NotFoundProblem(Text.of("problem.rollout.not-found"));
    }
    return HttpResponse.seeOther(URI.create("/admin/software#rollouts"));
  }

  private ModelAndView<SoftwarePage> page(
      HttpRequest<?> request, Staff staff, List<FieldError> errors) {
    Lang lang = Lang.of(request);
    List<StationBundle> kept = bundles.list(staff);
    List<Row> rows =
        kept.stream()
            .map(
                b ->
                    new Row(
                        b.version(),
                        b.arch().equals("linux-aarch64") ? "Raspberry Pi (arm64)" : "PC (x86-64)",
                        size(b.sizeBytes()),
                        b.uploadedBy(),
                        AT.format(b.uploadedAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))),
                        b.sha256(),
                        "/install/bundle?arch=" + b.arch() + "&version=" + b.version()))
            .toList();
    var places = access.editableStations(staff);
    Map<String, String> stationNames =
        places.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    p -> p.id(), p -> p.station().name(), (a, b) -> a));
    var townships = stations.townships(staff);
    Map<String, String> townshipNames =
        townships.stream()
            .collect(java.util.stream.Collectors.toMap(t -> t.id(), t -> t.name(), (a, b) -> a));
    return new ModelAndView<>(
        "admin/software",
        new SoftwarePage(
            Frame.of(request, staff),
            rows,
            rollouts.list(staff).stream()
                .map(r -> rolloutRow(lang, r, stationNames, townshipNames))
                .toList(),
            kept.stream().map(StationBundle::version).distinct().toList(),
            townships.stream().map(t -> new Choice(t.id(), t.name())).toList(),
            places.stream()
                .map(p -> new Choice(p.id(), p.station().name() + " · " + p.townshipName()))
                .toList(),
            FormErrors.byField(lang, errors)));
  }

  private static RolloutRow rolloutRow(
      Lang lang, Rollout r, Map<String, String> stationNames, Map<String, String> townshipNames) {
    String scope =
        switch (r.scope()) {
          case STATION ->
              lang.text(
                  Text.of(
                      "software.rollout.scope.station",
                      stationNames.getOrDefault(r.scopeId(), r.scopeId())));
          case TOWNSHIP ->
              lang.text(
                  Text.of(
                      "software.rollout.scope.township",
                      townshipNames.getOrDefault(r.scopeId(), r.scopeId())));
          case COUNTY -> lang.text(Text.of("software.rollout.scope.county"));
        };
    boolean open = r.state() == State.RUNNING || r.state() == State.HALTED;
    return new RolloutRow(
        r.id(),
        r.version(),
        scope,
        lang.text(Text.of("software.rollout.state." + r.state().name().toLowerCase(Locale.ROOT))),
        switch (r.state()) {
          case RUNNING -> "";
          case HALTED -> "bad";
          case CANCELLED -> "";
          case DONE -> "ok";
        },
        lang.text(Text.of("software.rollout.stage", r.stage(), r.stages())),
        r.progress().stream()
            .map(
                p ->
                    lang.text(
                        Text.of(
                            "software.rollout.progress",
                            p.stage(),
                            p.stations(),
                            p.running(),
                            p.rolledBack())))
            .toList(),
        r.haltedReason().isEmpty()
            ? ""
            : stationNames.getOrDefault(r.haltedStation(), "")
                + "："
                + lang.text(UpdateReport.reasonText(r.haltedReason())),
        r.createdBy()
            + " · "
            + AT.format(r.createdAt().atZoneSameInstant(ZoneId.of("Asia/Shanghai"))),
        open && r.stage() < r.stages(),
        r.state() == State.RUNNING,
        r.state() == State.HALTED,
        open);
  }
}
