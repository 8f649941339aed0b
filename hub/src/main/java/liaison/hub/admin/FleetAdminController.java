package liaison.hub.admin;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import liaison.hub.command.CommandRecord;
import liaison.hub.command.CommandRules;
import liaison.hub.command.CommandService;
import liaison.hub.config.TimeFactory;
import liaison.hub.fleet.FleetOverview;
import liaison.hub.security.Staff;
import liaison.hub.software.SoftwareRollouts;
import liaison.hub.software.UpdateReport;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Text;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.signage.protocol.CommandName;
import liaison.signage.protocol.StationState;
import org.jspecify.annotations.Nullable;

/** 设备状态: every station the staff member looks after, alive or not, showing what it should. */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/fleet")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FleetAdminController {
  private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("M-d HH:mm");

  private final FleetOverview fleet;
  private final Access access;
  private final CommandService commands;
  private final SoftwareRollouts rollouts;

  public FleetAdminController(
      FleetOverview fleet, Access access, CommandService commands, SoftwareRollouts rollouts) {
    this.rollouts = rollouts;
    this.fleet = fleet;
    this.access = access;
    this.commands = commands;
  }

  /**
   * A row as the page shows it: times in Beijing time, sizes in GB, the latest screenshot (hash and
   * when it was asked for) if any.
   */
  public record Line(
      FleetOverview.Row row,
      String since,
      String lastSeen,
      String disk,
      String cpu,
      String memory,
      @org.jspecify.annotations.Nullable String screenshot,
      String screenshotAt,
      String malformedSince,
      String software,
      String update,
      String media,
      String mediaFailed) {}

  /** admin/fleet: every screen, how many need attention, and the commands this person may send. */
  @Introspected
  public record FleetPage(
      Frame frame, List<Line> lines, long attention, List<CommandName> commands) {}

  /** A command in a station's history, its times in Beijing time. */
  public record HistoryRow(CommandRecord c, String at, String answered) {}

  /** admin/fleet-commands: a station's commands, newest first; {@code sent} the one just sent. */
  @Introspected
  public record CommandsPage(
      Frame frame,
      StationPlace place,
      List<HistoryRow> list,
      @Nullable String sent,
      List<CommandName> commands) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<FleetPage> page(HttpRequest<?> request, Staff staff) {
    access.requireEditor(staff);
    Lang lang = Lang.of(request);
    Map<String, SoftwareRollouts.StationUpdateState> updates = rollouts.updateStates();
    List<Line> lines =
        fleet.rows(access.visibleStations(staff)).stream()
            .map(
                r ->
                    new Line(
                        r,
                        r.since() == null
                            ? "—"
                            : AT.format(r.since().atZoneSameInstant(TimeFactory.ZONE)),
                        r.lastSeen() == null
                            ? "—"
                            : AT.format(r.lastSeen().atZoneSameInstant(TimeFactory.ZONE)),
                        r.telemetry() == null
                            ? "—"
                            : String.format("%.1f GB", r.telemetry().diskFreeBytes() / 1e9),
                        r.telemetry() == null || r.telemetry().cpuCelsius() == null
                            ? "—"
                            : String.format("%.0f °C", r.telemetry().cpuCelsius()),
                        r.telemetry() == null || r.telemetry().memoryMaxBytes() == 0
                            ? "—"
                            : Math.round(
                                    100.0
                                        * r.telemetry().memoryUsedBytes()
                                        / r.telemetry().memoryMaxBytes())
                                + "%",
                        latest(staff, r.place().id())
                            .map(CommandRecord::screenshotHash)
                            .orElse(null),
                        latest(staff, r.place().id())
                            .map(c -> AT.format(c.issuedAt().atZoneSameInstant(TimeFactory.ZONE)))
                            .orElse(""),
                        r.malformed() == null
                            ? ""
                            : AT.format(r.malformed().since().atZone(TimeFactory.ZONE)),
                        r.appVersion() == null ? "—" : r.appVersion(),
                        update(lang, r.appVersion(), updates.get(r.place().id())),
                        media(lang, r.telemetry() == null ? null : r.telemetry().media()),
                        r.telemetry() == null
                                || r.telemetry().media() == null
                                || r.telemetry().media().failed() == 0
                            ? ""
                            : lang.text(
                                Text.of("fleet.media.failed", r.telemetry().media().failed()))))
            .toList();
    return new ModelAndView<>(
        "admin/fleet",
        new FleetPage(
            Frame.of(request, staff),
            lines,
            lines.stream().filter(l -> !l.row().alerts().isEmpty()).count(),
            CommandRules.allowed(staff)));
  }

  private Optional<CommandRecord> latest(Staff staff, String stationId) {
    return commands.latestScreenshot(staff, stationId);
  }

  /** A button on the fleet page: sends the command, waits for the answer, shows the history. */
  @Post(
      uri = "/{id}/commands/{name}",
      consumes = {
        MediaType.APPLICATION_FORM_URLENCODED,
        MediaType.MULTIPART_FORM_DATA,
        MediaType.TEXT_PLAIN
      },
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> send(Staff staff, String id, String name) {
    CommandRecord sent = commands.send(staff, id, name);
    return HttpResponse.seeOther(URI.create("/admin/fleet/" + id + "/commands?sent=" + sent.id()));
  }

  /** A station's commands, newest first, with the answer to the one just sent on top. */
  @Get(uri = "/{id}/commands", produces = MediaType.TEXT_HTML)
  public ModelAndView<CommandsPage> history(HttpRequest<?> request, Staff staff, String id) {
    StationPlace place = access.requireStationStaff(staff, id);
    List<CommandRecord> list = commands.history(staff, id, 50);
    List<HistoryRow> rows =
        list.stream()
            .map(
                c ->
                    new HistoryRow(
                        c,
                        AT.format(c.issuedAt().atZoneSameInstant(TimeFactory.ZONE)),
                        c.answeredAt() == null
                            ? "—"
                            : AT.format(c.answeredAt().atZoneSameInstant(TimeFactory.ZONE))))
            .toList();
    return new ModelAndView<>(
        "admin/fleet-commands",
        new CommandsPage(
            Frame.of(request, staff),
            place,
            rows,
            request.getParameters().get("sent"),
            CommandRules.allowed(staff)));
  }

  /**
   * A screenshot, to the staff of the station it came from (it may show a resident at the screen).
   */
  @Get(uri = "/screenshots/{file}")
  public HttpResponse<?> screenshot(Staff staff, String file) {
    String hash = file.endsWith(".png") ? file.substring(0, file.length() - 4) : file;
    return commands
        .screenshot(staff, hash)
        .<HttpResponse<?>>map(
            bytes ->
                HttpResponse.ok(bytes)
                    .contentType(MediaType.IMAGE_PNG_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400, immutable"))
        .orElseGet(HttpResponse::notFound);
  }

  /**
   * The station's media cache in a few words: files of its slides ready out of all, the space used
   * of its bound, and how many are still downloading; empty from a station without one.
   */
  static String media(Lang lang, StationState.@Nullable MediaCache cache) {
    if (cache == null) {
      return "";
    }
    String text =
        lang.text(
            Text.of(
                "fleet.media.cache",
                cache.ready(),
                cache.ready() + cache.waiting() + cache.failed(),
                gigabytes(cache.usedBytes()),
                gigabytes(cache.limitBytes())));
    return cache.waiting() == 0
        ? text
        : text + " · " + lang.text(Text.of("fleet.media.waiting", cache.waiting()));
  }

  private static String gigabytes(long bytes) {
    return String.format("%.1f GB", bytes / 1e9);
  }

  /**
   * The station's update in a sentence: the version a rollout wants and the last step the station
   * reported; empty when it runs that version and has nothing more to say.
   */
  private static String update(
      Lang lang, @Nullable String running, SoftwareRollouts.@Nullable StationUpdateState state) {
    if (state == null
        || (state.version().equals(running)
            && (state.outcome().isEmpty() || state.outcome().equals("healthy")))) {
      return "";
    }
    String step = state.outcome().isEmpty() ? "waiting" : state.outcome();
    return lang.text(
        Text.of(
            "fleet.update." + step,
            state.version(),
            lang.text(UpdateReport.reasonText(state.reason()))));
  }
}
