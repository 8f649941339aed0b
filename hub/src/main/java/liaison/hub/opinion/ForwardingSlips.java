package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.config.TimeFactory;
import liaison.hub.db.Database;
import liaison.hub.db.Sql;
import liaison.hub.department.Department;
import liaison.hub.department.DepartmentRepository;
import liaison.hub.poster.ForwardingSlip;
import liaison.hub.poster.SlipRenderer;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.problem.ConflictProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.station.StationPlace;
import liaison.hub.text.Masks;
import liaison.hub.text.Text;
import liaison.hub.web.PublicLinks;
import org.jspecify.annotations.Nullable;

/**
 * The forwarding slips (交办单) a county prints for its departments: one forwarded case's, or every
 * case forwarded to one department on one day (counties print a day's slips at once and send them
 * together). For the station's staff and the county's administrators, never a deputy's account;
 * each slip printed is in the audit log. A slip carries no contact of the resident.
 */
@Singleton
public class ForwardingSlips {
  private final CaseHandling handling;
  private final CaseInbox inbox;
  private final CaseRepository repository;
  private final DepartmentRepository departments;
  private final Access access;
  private final SlipRenderer renderer;
  private final PublicLinks links;
  private final AuditLog audit;
  private final Database database;

  public ForwardingSlips(
      CaseHandling handling,
      CaseInbox inbox,
      CaseRepository repository,
      DepartmentRepository departments,
      Access access,
      SlipRenderer renderer,
      PublicLinks links,
      AuditLog audit,
      Database database) {
    this.handling = handling;
    this.inbox = inbox;
    this.repository = repository;
    this.departments = departments;
    this.access = access;
    this.renderer = renderer;
    this.links = links;
    this.audit = audit;
    this.database = database;
  }

  /** A printed PDF and the name to save it under. */
  public record Printed(byte[] pdf, String fileName) {}

  /** One forwarded case's slip (409 if the case is not with a department now). */
  public Printed one(Staff staff, String caseId) {
    CaseInbox.Row row = handling.get(staff, caseId);
    StationPlace place = access.requireStationStaff(staff, row.c().stationId());
    if (row.c().status() != CaseStatus.FORWARDED || row.departmentName() == null) {
      throw new ConflictProblem(Text.of("problem.slip.not-forwarded", row.c().status().text()));
    }
    return print(
        staff, List.of(row), place.countyName(), "slip-" + row.c().trackingCode() + ".pdf");
  }

  /**
   * Every case forwarded to this department on this day (today when none is given) and still with
   * it, among the stations the staff member looks after, by case number (409 if there is none).
   */
  public Printed day(Staff staff, String departmentId, @Nullable String date) {
    access.requireEditor(staff);
    Department department =
        departments
            .find(departmentId)
            .filter(d -> d.countyId().equals(staff.countyId()))
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.case.department.unknown")));
    LocalDate day = day(date);
    List<StationPlace> visible = access.visibleStations(staff);
    List<String> stations = visible.stream().map(StationPlace::id).toList();
    List<CaseInbox.Row> rows = new ArrayList<>();
    for (String id : forwardedOn(department.id(), day, stations)) {
      inbox.find(id).ifPresent(rows::add);
    }
    if (rows.isEmpty()) {
      throw new ConflictProblem(
          Text.of("problem.slip.none-that-day", department.name(), day.toString()));
    }
    // A department is one county's, and so is every station a staff member sees.
    String county = visible.getFirst().countyName();
    return print(staff, rows, county, "slips-" + day + ".pdf");
  }

  private LocalDate day(@Nullable String date) {
    if (date == null || date.isBlank()) {
      return inbox.today();
    }
    try {
      return LocalDate.parse(date.strip());
    } catch (DateTimeParseException e) {
      String shown = date.length() > 40 ? date.substring(0, 40) + "…" : date;
      throw new BadRequestProblem("bad-date", Text.of("problem.slip.date.invalid", shown));
    }
  }

  private List<String> forwardedOn(String departmentId, LocalDate day, List<String> stations) {
    if (stations.isEmpty()) {
      return List.of();
    }
    return database.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT c.id FROM opinion_case c
                    WHERE c.department_id = :department AND c.status = 'FORWARDED'
                      AND c.station_id IN (<stations>)
                      AND EXISTS (SELECT 1 FROM case_event e
                                  WHERE e.case_id = c.id AND e.to_status = 'FORWARDED'
                                    AND e.at >= :from AND e.at < :to)
                    ORDER BY c.tracking_code
                    """)
                .bind("department", departmentId)
                .bindList("stations", stations)
                .bind("from", startOf(day))
                .bind("to", startOf(day.plusDays(1)))
                .mapTo(String.class)
                .list());
  }

  private static String startOf(LocalDate day) {
    return Sql.instant(day.atStartOfDay(TimeFactory.ZONE).toOffsetDateTime());
  }

  private Printed print(Staff staff, List<CaseInbox.Row> rows, String county, String fileName) {
    String issuingBody = renderer.issuingBody(county);
    List<ForwardingSlip> slips = rows.stream().map(row -> slip(row, issuingBody)).toList();
    byte[] pdf = renderer.render(slips);
    database.useTransaction(
        h -> {
          for (CaseInbox.Row row : rows) {
            audit.record(
                h,
                staff,
                "print-slip",
                "case",
                row.c().id(),
                row.c().trackingCode() + " → " + row.departmentName());
          }
        });
    return new Printed(pdf, fileName);
  }

  private ForwardingSlip slip(CaseInbox.Row row, String issuingBody) {
    OpinionCase c = row.c();
    return new ForwardingSlip(
        issuingBody,
        c.trackingCode(),
        row.stationName(),
        c.category().zh(),
        c.submittedAt().atZoneSameInstant(TimeFactory.ZONE).toLocalDate(),
        forwardedOn(c.id()),
        c.summary(),
        withoutContact(c),
        row.departmentName() == null ? "" : row.departmentName(),
        c.deadline() == null ? inbox.today() : c.deadline(),
        links.base() + "/dept/cases/" + c.id());
  }

  /**
   * The resident's words without their contact: long numbers hidden, and the name they left, when
   * they also wrote it into the text.
   */
  private String withoutContact(OpinionCase c) {
    String words = Masks.longNumbers(c.text());
    String name = repository.contact(c.id()).map(CaseContact::name).orElse("").strip();
    return name.isEmpty() ? words : words.replace(name, "***");
  }

  /** The day of the case's latest forwarding. */
  private LocalDate forwardedOn(String caseId) {
    return repository.events(caseId).stream()
        .filter(e -> e.to() == CaseStatus.FORWARDED)
        .reduce((a, b) -> b)
        .map(e -> e.at().atZoneSameInstant(TimeFactory.ZONE).toLocalDate())
        .orElseGet(inbox::today);
  }
}
