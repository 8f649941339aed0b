package liaison.hub.dutyrecord;

import io.micronaut.core.annotation.Introspected;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.ResidentText;
import liaison.hub.text.Text;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * A county's duty list (履职清单): the aspects its deputies' records are laid out in. A county that has
 * none yet gets the {@link DefaultAspects} the first time its list is read. Its administrators
 * rename, describe, reorder and retire aspects and add their own (filled by staff's notes); an
 * aspect is never deleted, so a past year's record keeps the aspects it had.
 */
@Singleton
public class DutyList {
  static final int MAX_NAME = 40;
  static final int MAX_DESCRIPTION = 500;

  private final Database database;
  private final Access access;
  private final AuditLog audit;
  private final Clock clock;

  public DutyList(Database database, Access access, AuditLog audit, Clock clock) {
    this.database = database;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** What an administrator types for an aspect. */
  @Introspected
  public record Draft(
      @Nullable String nameZh, @Nullable String nameEn, @Nullable String description) {}

  /** What an administrator does to an aspect besides changing its words. */
  public enum Step {
    UP("move-up"),
    DOWN("move-down"),
    RETIRE("retire"),
    RESTORE("restore");

    /** Its action in the audit log ({@code audit.action.*}). */
    private final String action;

    Step(String action) {
      this.action = action;
    }
  }

  /** Every aspect of the county, retired ones too, in the list's order. */
  public List<DutyAspect> all(String countyId) {
    List<DutyAspect> aspects = read(countyId);
    if (!aspects.isEmpty()) {
      return aspects;
    }
    database.useTransaction(h -> startWithDefaults(h, countyId, "system"));
    return read(countyId);
  }

  /** The aspects a record of this year is laid out in. */
  public List<DutyAspect> of(String countyId, int year) {
    return all(countyId).stream().filter(a -> a.shownIn(year)).toList();
  }

  /**
   * Writes the default list for a county that has none (a second hub doing the same at the same
   * moment writes nothing twice: the ids are the county's and the defaults' keys).
   */
  public void startWithDefaults(Handle h, String countyId, String by) {
    String now = Sql.instant(OffsetDateTime.now(clock));
    int position = 1;
    for (DefaultAspects.Default d : DefaultAspects.LIST) {
      h.createUpdate(
              """
              INSERT INTO duty_aspect (id, county_id, position, name_zh, name_en, description,
                                       source, from_year, retired_from, updated_at, updated_by)
              VALUES (:id, :county, :position, :zh, :en, :description, :source, 0, NULL, :now, :by)
              ON CONFLICT (id) DO NOTHING
              """)
          .bind("id", defaultId(countyId, d.key()))
          .bind("county", countyId)
          .bind("position", position++)
          .bind("zh", d.nameZh())
          .bind("en", d.nameEn())
          .bind("description", d.description())
          .bind("source", d.source().name())
          .bind("now", now)
          .bind("by", by)
          .execute();
    }
  }

  /** A default aspect's id in a county: {@code asp-c-qingxi-support}. */
  public static String defaultId(String countyId, String key) {
    return "asp-" + countyId + "-" + key;
  }

  /** The county's aspects for its administrator to edit. */
  public List<DutyAspect> forEditing(Staff staff) {
    access.requireCountyAdmin(staff);
    return all(staff.countyId());
  }

  /** A new aspect filled by staff's notes, at the end of the list, shown from this year on. */
  public DutyAspect add(Staff staff, Draft draft) {
    access.requireCountyAdmin(staff);
    Draft checked = checked(draft);
    List<DutyAspect> aspects = all(staff.countyId());
    String id = Ids.next("asp");
    int position = aspects.stream().mapToInt(DutyAspect::position).max().orElse(0) + 1;
    database.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  INSERT INTO duty_aspect (id, county_id, position, name_zh, name_en, description,
                                           source, from_year, retired_from, updated_at, updated_by)
                  VALUES (:id, :county, :position, :zh, :en, :description, 'MANUAL', :year, NULL,
                          :now, :by)
                  """)
              .bind("id", id)
              .bind("county", staff.countyId())
              .bind("position", position)
              .bind("zh", checked.nameZh())
              .bind("en", checked.nameEn())
              .bind("description", checked.description())
              .bind("year", thisYear())
              .bind("now", Sql.instant(OffsetDateTime.now(clock)))
              .bind("by", staff.displayName())
              .execute();
          audit.record(h, staff, "create", "duty-aspect", id, checked.nameZh());
        });
    return find(staff, id);
  }

  /** Renames and describes an aspect; every problem at once, nothing saved on any. */
  public DutyAspect change(Staff staff, String aspectId, Draft draft) {
    DutyAspect aspect = find(staff, aspectId);
    Draft checked = checked(draft);
    database.useTransaction(
        h -> {
          h.createUpdate(
                  """
                  UPDATE duty_aspect SET name_zh = :zh, name_en = :en, description = :description,
                         updated_at = :now, updated_by = :by
                  WHERE id = :id
                  """)
              .bind("zh", checked.nameZh())
              .bind("en", checked.nameEn())
              .bind("description", checked.description())
              .bind("now", Sql.instant(OffsetDateTime.now(clock)))
              .bind("by", staff.displayName())
              .bind("id", aspect.id())
              .execute();
          audit.record(
              h,
              staff,
              "update",
              "duty-aspect",
              aspect.id(),
              aspect.nameZh() + " → " + checked.nameZh());
        });
    return find(staff, aspectId);
  }

  /**
   * Moves an aspect up or down the list (swapping places with its neighbour), retires it from this
   * year on, or brings it back.
   */
  public DutyAspect step(Staff staff, String aspectId, Step step) {
    DutyAspect aspect = find(staff, aspectId);
    List<DutyAspect> aspects = all(staff.countyId());
    int at = aspects.indexOf(aspect);
    database.useTransaction(
        h -> {
          switch (step) {
            case UP, DOWN -> {
              int other = step == Step.UP ? at - 1 : at + 1;
              if (other >= 0 && other < aspects.size()) {
                DutyAspect neighbour = aspects.get(other);
                position(h, aspect.id(), neighbour.position());
                position(h, neighbour.id(), aspect.position());
              }
            }
            case RETIRE -> retiredFrom(h, aspect.id(), thisYear());
            case RESTORE -> retiredFrom(h, aspect.id(), null);
          }
          audit.record(h, staff, step.action, "duty-aspect", aspect.id(), aspect.nameZh());
        });
    return find(staff, aspectId);
  }

  /** An aspect of the staff member's county (404 for another county's, as if it did not exist). */
  public DutyAspect find(Staff staff, String aspectId) {
    access.requireCountyAdmin(staff);
    return all(staff.countyId()).stream()
        .filter(a -> a.id().equals(aspectId))
        .findFirst()
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.duty-aspect.not-found")));
  }

  int thisYear() {
    return LocalDate.now(clock.withZone(Sql.ZONE)).getYear();
  }

  private void position(Handle h, String id, int position) {
    h.createUpdate("UPDATE duty_aspect SET position = :position WHERE id = :id")
        .bind("position", position)
        .bind("id", id)
        .execute();
  }

  private void retiredFrom(Handle h, String id, @Nullable Integer year) {
    h.createUpdate("UPDATE duty_aspect SET retired_from = :year WHERE id = :id")
        .bind("year", year)
        .bind("id", id)
        .execute();
  }

  private static Draft checked(Draft draft) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String zh = ResidentText.cleanLine(draft.nameZh());
    String en = ResidentText.cleanLine(draft.nameEn());
    String description = ResidentText.clean(draft.description());
    if (zh.isEmpty()) {
      problems.add("nameZh", Text.of("problem.duty-aspect.name.missing"));
    } else if (ResidentText.length(zh) > MAX_NAME) {
      problems.add("nameZh", Text.of("problem.duty-aspect.name.too-long", MAX_NAME));
    }
    if (ResidentText.length(en) > MAX_NAME * 2) {
      problems.add("nameEn", Text.of("problem.duty-aspect.name.too-long", MAX_NAME * 2));
    }
    if (ResidentText.length(description) > MAX_DESCRIPTION) {
      problems.add(
          "description", Text.of("problem.duty-aspect.description.too-long", MAX_DESCRIPTION));
    }
    problems.throwIfAny();
    return new Draft(zh, en, description);
  }

  private List<DutyAspect> read(String countyId) {
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, county_id, position, name_zh, name_en, description, source,
                           from_year, retired_from
                    FROM duty_aspect WHERE county_id = :county ORDER BY position, id
                    """)
                .bind("county", countyId)
                .map(
                    (rs, ctx) -> {
                      int retired = rs.getInt("retired_from");
                      Integer retiredFrom = rs.wasNull() ? null : retired;
                      return new DutyAspect(
                          rs.getString("id"),
                          rs.getString("county_id"),
                          rs.getInt("position"),
                          rs.getString("name_zh"),
                          rs.getString("name_en"),
                          rs.getString("description"),
                          AspectSource.valueOf(rs.getString("source")),
                          rs.getInt("from_year"),
                          retiredFrom);
                    })
                .list());
  }
}
