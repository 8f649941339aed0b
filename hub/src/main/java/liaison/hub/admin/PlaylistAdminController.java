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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import liaison.hub.problem.FieldError;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.signage.PlaylistCheck;
import liaison.hub.signage.PlaylistDraft;
import liaison.hub.signage.PlaylistDraft.DaypartDraft;
import liaison.hub.signage.PlaylistDraft.EntryDraft;
import liaison.hub.signage.StationPlaylists;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.web.FormData;
import liaison.hub.web.Frame;
import liaison.hub.web.Lang;
import liaison.signage.protocol.Board;
import liaison.signage.protocol.Playlist;

/**
 * The editor of a station's signage playlist, without script: the main boards and the dayparts,
 * each a list of rows (board, seconds). Adding, removing and moving a row or a daypart sends the
 * form back with what was typed and shows it changed, nothing saved; "保存" checks and saves it, and
 * a refused playlist comes back with each reason beside its field.
 */
@io.swagger.v3.oas.annotations.Hidden
@Controller("/admin/stations/{id}/playlist")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlaylistAdminController {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Key of the main list in field names and actions; a daypart's is "d" and its number. */
  private static final String MAIN = "m";

  private final StationPlaylists playlists;
  private final Access access;

  public PlaylistAdminController(StationPlaylists playlists, Access access) {
    this.playlists = playlists;
    this.access = access;
  }

  /**
   * A row of a list as the form shows it, with the reasons beside its two fields.
   *
   * @param known false when the board typed is none of the select's (sent by hand), so it is kept
   */
  public record RowView(
      int index,
      String board,
      boolean known,
      String seconds,
      List<String> boardErrors,
      List<String> secondsErrors) {}

  /**
   * A list of rows.
   *
   * @param key "m" or "d0", "d1", … in field names and actions
   * @param cycle the seconds of one round, where every row has a number
   */
  public record ListView(
      String key, List<RowView> rows, List<String> errors, @Nullable Integer cycle) {}

  /** A daypart of the form. */
  public record DaypartView(
      int index,
      String from,
      String until,
      List<String> fromErrors,
      List<String> untilErrors,
      List<String> errors,
      ListView entries) {}

  /**
   * admin/playlist: the playlist as stored or as being edited ({@code unsaved}), each reason beside
   * its field; {@code done} what was just saved.
   *
   * @param custom whether the station has a playlist of its own (else it plays the defaults)
   */
  @Introspected
  public record PlaylistPage(
      Frame frame,
      StationPlace place,
      boolean custom,
      @Nullable String updatedAt,
      @Nullable String updatedBy,
      boolean unsaved,
      Map<String, List<String>> errors,
      Board[] boards,
      ListView main,
      List<DaypartView> dayparts,
      List<Playlist.Entry> defaults,
      int maxEntries,
      int maxDayparts,
      @Nullable String done) {}

  @Get(produces = MediaType.TEXT_HTML)
  public ModelAndView<PlaylistPage> show(
      HttpRequest<?> request, Staff staff, String id, @Nullable @QueryValue String done) {
    access.requireEdit(staff, id);
    StationPlaylists.Current current = playlists.get(staff, id);
    return page(
        request,
        staff,
        current,
        PlaylistDraft.of(current.playlist()),
        List.of(),
        false,
        "saved".equals(done) || "reset".equals(done) ? done : null);
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
  public HttpResponse<?> submit(HttpRequest<?> request, Staff staff, String id, @Body String body) {
    access.requireEdit(staff, id);
    FormData form = FormData.parse(body);
    Editing editing = Editing.of(form);
    String action = form.get("action") == null ? "save" : form.get("action");
    if (!"save".equals(action)) {
      editing.apply(action);
      return HttpResponse.ok(
          page(request, staff, playlists.get(staff, id), editing.draft(), List.of(), true, null));
    }
    try {
      playlists.save(staff, id, editing.draft());
      return HttpResponse.seeOther(URI.create("/admin/stations/" + id + "/playlist?done=saved"));
    } catch (ValidationProblem e) {
      return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY)
          .body(
              page(
                  request,
                  staff,
                  playlists.get(staff, id),
                  editing.draft(),
                  e.errors(),
                  false,
                  null));
    }
  }

  @Post(
      uri = "/reset",
      consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.TEXT_PLAIN},
      produces = MediaType.TEXT_HTML)
  public HttpResponse<?> reset(Staff staff, String id) {
    playlists.reset(staff, id);
    return HttpResponse.seeOther(URI.create("/admin/stations/" + id + "/playlist?done=reset"));
  }

  private ModelAndView<PlaylistPage> page(
      HttpRequest<?> request,
      Staff staff,
      StationPlaylists.Current current,
      PlaylistDraft draft,
      List<FieldError> errors,
      boolean unsaved,
      @Nullable String done) {
    Map<String, List<String>> byField = FormErrors.byField(Lang.of(request), errors);
    List<DaypartView> dayparts = new ArrayList<>();
    List<DaypartDraft> parts = draft.daypartsOrNone();
    for (int i = 0; i < parts.size(); i++) {
      DaypartDraft d = parts.get(i);
      String at = "dayparts[" + i + "]";
      dayparts.add(
          new DaypartView(
              i,
              text(d.from()),
              text(d.until()),
              field(byField, at + ".from"),
              field(byField, at + ".until"),
              field(byField, at),
              list(
                  "d" + i,
                  at + ".entries",
                  d.entries() == null ? List.of() : d.entries(),
                  byField)));
    }
    return new ModelAndView<>(
        "admin/playlist",
        new PlaylistPage(
            Frame.of(request, staff),
            current.place(),
            current.custom(),
            current.updatedAt() == null
                ? null
                : SHOWN.format(current.updatedAt().atZoneSameInstant(SHANGHAI)),
            current.updatedBy(),
            unsaved,
            byField,
            Board.values(),
            list(MAIN, "entries", draft.entriesOrNone(), byField),
            dayparts,
            Playlist.DEFAULT.entries(),
            PlaylistCheck.MAX_ENTRIES,
            PlaylistCheck.MAX_DAYPARTS,
            done));
  }

  private static ListView list(
      String key, String field, List<EntryDraft> rows, Map<String, List<String>> errors) {
    List<RowView> views = new ArrayList<>();
    Integer cycle = 0;
    for (int j = 0; j < rows.size(); j++) {
      EntryDraft row = rows.get(j);
      String at = field + "[" + j + "]";
      String board = text(row.board()).strip();
      views.add(
          new RowView(
              j,
              board,
              board.isEmpty() || Board.find(board).isPresent(),
              text(row.seconds()),
              field(errors, at + ".board"),
              field(errors, at + ".seconds")));
      if (!row.unfilled()) {
        cycle = cycle == null ? null : plus(cycle, row.seconds());
      }
    }
    if (views.isEmpty()) {
      // An empty list still shows a row to fill in.
      views.add(new RowView(0, "", true, "", List.of(), List.of()));
      cycle = null;
    }
    return new ListView(key, views, field(errors, field), cycle);
  }

  private static @Nullable Integer plus(int sum, @Nullable String seconds) {
    try {
      return sum + Integer.parseInt(seconds == null ? "" : seconds.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static List<String> field(Map<String, List<String>> errors, String field) {
    return errors.getOrDefault(field, List.of());
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }

  /** The form as typed, with the row and daypart moves applied to it. */
  static final class Editing {
    /** A bound on what a forged form can make the hub build. */
    private static final int MAX_ROWS = PlaylistCheck.MAX_ENTRIES + 5;

    private final List<EntryDraft> main;
    private final List<DaypartDraft> dayparts;

    private Editing(List<EntryDraft> main, List<DaypartDraft> dayparts) {
      this.main = main;
      this.dayparts = dayparts;
    }

    static Editing of(FormData form) {
      int count;
      try {
        count =
            Math.clamp(
                Integer.parseInt(String.valueOf(form.get("dayparts"))),
                0,
                PlaylistCheck.MAX_DAYPARTS + 5);
      } catch (NumberFormatException e) {
        count = 0;
      }
      List<DaypartDraft> dayparts = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        dayparts.add(
            new DaypartDraft(
                form.get("d" + i + ".from"), form.get("d" + i + ".until"), rows(form, "d" + i)));
      }
      return new Editing(rows(form, MAIN), dayparts);
    }

    private static List<EntryDraft> rows(FormData form, String key) {
      List<String> boards = form.all(key + ".board");
      List<String> seconds = form.all(key + ".seconds");
      List<EntryDraft> rows = new ArrayList<>();
      for (int j = 0; j < Math.min(MAX_ROWS, Math.max(boards.size(), seconds.size())); j++) {
        rows.add(
            new EntryDraft(
                j < boards.size() ? boards.get(j) : "", j < seconds.size() ? seconds.get(j) : ""));
      }
      return rows;
    }

    PlaylistDraft draft() {
      return new PlaylistDraft(List.copyOf(main), List.copyOf(dayparts));
    }

    /**
     * Carries out one button of the form: {@code add:m}, {@code up:d1:2}, {@code down:m:0}, {@code
     * remove:m:3}, {@code add-daypart}, {@code remove-daypart:1}. Anything else changes nothing.
     */
    void apply(String action) {
      String[] parts = action.split(":");
      switch (parts[0]) {
        case "add-daypart" -> {
          if (dayparts.size() < PlaylistCheck.MAX_DAYPARTS) {
            dayparts.add(new DaypartDraft("", "", List.of(new EntryDraft("", ""))));
          }
        }
        case "remove-daypart" -> {
          int i = number(parts, 1);
          if (i >= 0 && i < dayparts.size()) {
            dayparts.remove(i);
          }
        }
        case "add", "up", "down", "remove" -> {
          if (parts.length < 2) {
            return;
          }
          List<EntryDraft> rows = rowsOf(parts[1]);
          if (rows == null) {
            return;
          }
          int j = number(parts, 2);
          switch (parts[0]) {
            case "add" -> {
              if (rows.size() < PlaylistCheck.MAX_ENTRIES) {
                rows.add(new EntryDraft("", ""));
              }
            }
            case "up" -> {
              if (j > 0 && j < rows.size()) {
                Collections.swap(rows, j, j - 1);
              }
            }
            case "down" -> {
              if (j >= 0 && j < rows.size() - 1) {
                Collections.swap(rows, j, j + 1);
              }
            }
            default -> {
              if (j >= 0 && j < rows.size()) {
                rows.remove(j);
              }
            }
          }
          store(parts[1], rows);
        }
        default -> {
          // An unknown button: show the form again as it was.
        }
      }
    }

    private @Nullable List<EntryDraft> rowsOf(String key) {
      if (MAIN.equals(key)) {
        return new ArrayList<>(main);
      }
      int i = daypart(key);
      if (i < 0) {
        return null;
      }
      DaypartDraft d = dayparts.get(i);
      return new ArrayList<>(d.entries() == null ? List.of() : d.entries());
    }

    private void store(String key, List<EntryDraft> rows) {
      if (MAIN.equals(key)) {
        main.clear();
        main.addAll(rows);
      } else {
        int i = daypart(key);
        DaypartDraft d = dayparts.get(i);
        dayparts.set(i, new DaypartDraft(d.from(), d.until(), rows));
      }
    }

    private int daypart(String key) {
      if (!key.startsWith("d")) {
        return -1;
      }
      try {
        int i = Integer.parseInt(key.substring(1));
        return i >= 0 && i < dayparts.size() ? i : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    private static int number(String[] parts, int at) {
      try {
        return parts.length > at ? Integer.parseInt(parts[at]) : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
  }
}
