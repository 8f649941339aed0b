package liaison.hub.dutyrecord;

import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.deputy.Deputy;
import liaison.hub.deputy.DeputyDirectory;
import liaison.hub.poster.DutyRecordRenderer;
import liaison.hub.poster.DutyRecordSheet;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * Deputies' duty records (履职档案): a deputy's year laid out in the county's duty list, each aspect
 * filled from what the hub knows and from staff's notes. Read by the county's administrators, the
 * managers of a station the deputy sits at, and the deputy (another deputy at the same station does
 * not read it); notes are written by the administrators and those managers.
 */
@Singleton
public class DutyRecords {
  static final int MAX_NOTE = 1000;

  /** The first year a record can be asked for: the hub keeps nothing older. */
  static final int FIRST_YEAR = 2000;

  private final Database database;
  private final DeputyDirectory deputies;
  private final DutyList list;
  private final AspectSources sources;
  private final Access access;
  private final AuditLog audit;
  private final DutyRecordRenderer renderer;
  private final Clock clock;

  public DutyRecords(
      Database database,
      DeputyDirectory deputies,
      DutyList list,
      AspectSources sources,
      Access access,
      AuditLog audit,
      DutyRecordRenderer renderer,
      Clock clock) {
    this.renderer = renderer;
    this.database = database;
    this.deputies = deputies;
    this.list = list;
    this.sources = sources;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** A note as staff type it: the aspect it goes under and its words. */
  @Introspected
  public record NoteDraft(@Nullable String aspectId, @Nullable String text) {}

  public LocalDate today() {
    return LocalDate.now(clock.withZone(Sql.ZONE));
  }

  /** The year as typed ({@code 2026}); this year when empty. 400 for anything else. */
  public int year(@Nullable String typed) {
    int thisYear = today().getYear();
    if (typed == null || typed.isBlank()) {
      return thisYear;
    }
    String year = typed.strip();
    if (!year.matches("[0-9]{4}")
        || Integer.parseInt(year) < FIRST_YEAR
        || Integer.parseInt(year) > thisYear + 1) {
      String shown = year.length() > 40 ? year.substring(0, 40) + "…" : year;
      throw new BadRequestProblem(
          "bad-year", Text.of("problem.duty-record.year.invalid", shown, FIRST_YEAR, thisYear + 1));
    }
    return Integer.parseInt(year);
  }

  /** The deputy's record for the year, if this person may read it. */
  public DutyRecord of(Staff staff, String deputyId, int year) {
    Deputy deputy = reader(staff, deputyId);
    return record(deputy, staff.countyId(), year);
  }

  /** The signed-in deputy's own record (403 for an account that is no deputy's). */
  public DutyRecord own(Staff staff, int year) {
    String deputyId = staff.deputyId();
    if (deputyId == null) {
      throw new ForbiddenProblem(Text.of("problem.duty-record.not-a-deputy"));
    }
    return of(staff, deputyId, year);
  }

  /** A printed PDF and the name to save it under. */
  public record Printed(byte[] pdf, String fileName) {}

  /** The record as an A4 PDF, in Chinese as an official file is. */
  public Printed pdf(DutyRecord record) {
    DutyRecord.Cover cover = record.cover();
    List<DutyRecordSheet.Part> parts = new ArrayList<>();
    for (DutyRecord.Section section : record.sections()) {
      parts.add(
          new DutyRecordSheet.Part(
              section.aspect().nameZh(),
              section.aspect().description(),
              section.summary().zh(),
              section.lines().stream().map(DutyRecords::printed).toList(),
              section.notes().stream()
                  .map(
                      n ->
                          Text.of(
                                  "record.note-by",
                                  n.text(),
                                  n.by(),
                                  day(n.at().atZoneSameInstant(Sql.ZONE).toLocalDate()))
                              .zh())
                  .toList()));
    }
    byte[] pdf =
        renderer.render(
            new DutyRecordSheet(
                cover.countyName(),
                cover.deputyName(),
                String.join("、", cover.levels().stream().map(l -> l.zh()).toList()),
                String.join("、", cover.stations()),
                cover.year(),
                record.today(),
                parts));
    return new Printed(pdf, "duty-record-" + cover.deputyId() + "-" + cover.year() + ".pdf");
  }

  private static String printed(DutyRecord.Line line) {
    return line.date() == null ? line.what().zh() : day(line.date()).zh() + "　" + line.what().zh();
  }

  /** 3月2日. */
  public static Text day(LocalDate date) {
    return Text.of("record.day", date.getMonthValue(), date.getDayOfMonth());
  }

  /** Whether this person may write notes in the deputy's record (never the deputy themself). */
  public boolean mayWrite(Staff staff) {
    return staff.canEdit();
  }

  /**
   * Adds a note under an aspect of the deputy's record for the year; every problem at once, nothing
   * saved on any.
   */
  public DutyRecord.Note addNote(
      Staff staff, String deputyId, @Nullable String typedYear, NoteDraft draft) {
    Deputy deputy = reader(staff, deputyId);
    access.requireEditor(staff);
    int year = year(typedYear);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String aspectId = draft.aspectId() == null ? "" : draft.aspectId().strip();
    DutyAspect aspect =
        list.of(staff.countyId(), year).stream()
            .filter(a -> a.id().equals(aspectId))
            .findFirst()
            .orElse(null);
    if (aspect == null) {
      problems.add("aspectId", Text.of("problem.duty-record.aspect.unknown", year));
    }
    String text = ResidentText.clean(draft.text());
    if (text.isEmpty()) {
      problems.add("text", Text.of("problem.duty-record.note.missing"));
    } else if (ResidentText.length(text) > MAX_NOTE) {
      problems.add("text", Text.of("problem.duty-record.note.too-long", MAX_NOTE));
    }
    problems.throwIfAny();
    DutyRecord.Note note =
        new DutyRecord.Note(Ids.next("drn"), text, staff.displayName(), OffsetDateTime.now(clock));
    database.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO duty_record_note (id, deputy_id, year, aspect_id, text, written_by,
                                                written_at)
                  VALUES (:id, :deputy, :year, :aspect, :text, :by, :at)
                  """)
              .bind("id", note.id())
              .bind("deputy", deputy.id())
              .bind("year", year)
              .bind("aspect", aspectId)
              .bind("text", text)
              .bind("by", note.by())
              .bind("at", Sql.instant(note.at()))
              .execute();
          audit.record(
              h,
              staff,
              "duty-note",
              "duty-record",
              deputy.id(),
              year + " " + (aspect == null ? aspectId : aspect.nameZh()));
        });
    return note;
  }

  /**
   * The deputy, if this person may read the record: the deputy themself and the staff who see them
   * (the county's administrators, the managers of their stations); 403 for another deputy.
   */
  private Deputy reader(Staff staff, String deputyId) {
    Deputy deputy = deputies.get(staff, deputyId);
    if (!staff.canEdit() && !deputyId.equals(staff.deputyId())) {
      throw new ForbiddenProblem(Text.of("problem.duty-record.not-yours"));
    }
    return deputy;
  }

  private DutyRecord record(Deputy deputy, String countyId, int year) {
    List<DutyAspect> aspects = list.of(countyId, year);
    LocalDate today = today();
    AspectSources.Year y = new AspectSources.Year(deputy.id(), year, today);
    return database.withHandle(
        h -> {
          Map<String, List<DutyRecord.Note>> notes = new HashMap<>();
          h.createQuery(
                  """
                  SELECT id, aspect_id, text, written_by, written_at FROM duty_record_note
                  WHERE deputy_id = :deputy AND year = :year ORDER BY written_at, id
                  """)
              .bind("deputy", deputy.id())
              .bind("year", year)
              .map(
                  (rs, ctx) ->
                      Map.entry(
                          rs.getString("aspect_id"),
                          new DutyRecord.Note(
                              rs.getString("id"),
                              rs.getString("text"),
                              rs.getString("written_by"),
                              Sql.instant(rs.getString("written_at")))))
              .forEach(
                  e -> notes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
          List<DutyRecord.Section> sections = new ArrayList<>();
          for (DutyAspect aspect : aspects) {
            AspectSources.Filled filled = sources.fill(h, aspect.source(), y);
            sections.add(
                new DutyRecord.Section(
                    aspect,
                    filled.summary(),
                    filled.lines(),
                    notes.getOrDefault(aspect.id(), List.of())));
          }
          List<String> stations =
              h.createQuery(
                      """
                      SELECT s.name FROM station_deputy sd JOIN station s ON s.id = sd.station_id
                      WHERE sd.deputy_id = :deputy ORDER BY s.id
                      """)
                  .bind("deputy", deputy.id())
                  .mapTo(String.class)
                  .list();
          String county =
              h.createQuery("SELECT name FROM county WHERE id = :id")
                  .bind("id", countyId)
                  .mapTo(String.class)
                  .findFirst()
                  .orElse("");
          return new DutyRecord(
              new DutyRecord.Cover(
                  deputy.id(), deputy.name(), deputy.levels(), stations, county, year),
              sections,
              today);
        });
  }
}
