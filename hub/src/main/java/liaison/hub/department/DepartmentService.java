package liaison.hub.department;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.regex.Pattern;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.db.Ids;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.Staff;
import liaison.hub.station.Access;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * Every staff member of a county sees its departments (to forward to them); only a county
 * administrator adds or changes one. Departments are not deleted: forwarded cases keep naming them.
 */
@Singleton
public class DepartmentService {
  public static final int MAX_NAME = 60;
  public static final int MAX_CONTACT = 200;
  public static final int MAX_EMAILS = 3;
  public static final int MAX_EMAIL = 254;

  /** An address as a mail server takes it: no spaces, one @, a dot in the domain. */
  private static final Pattern ADDRESS =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");

  /** Addresses may be typed apart by commas, semicolons (either width), 、 or spaces. */
  private static final Pattern BETWEEN = Pattern.compile("[,;，；、\\s]+");

  private final Database database;
  private final DepartmentRepository departments;
  private final Access access;
  private final AuditLog audit;

  public DepartmentService(
      Database database, DepartmentRepository departments, Access access, AuditLog audit) {
    this.database = database;
    this.departments = departments;
    this.access = access;
    this.audit = audit;
  }

  /** The input of the department form or API. */
  @io.micronaut.core.annotation.Introspected
  public record Draft(@Nullable String name, @Nullable String contact, @Nullable String email) {}

  /**
   * The county's departments, for its staff (cases are forwarded to them; a deputy's account does
   * not).
   */
  public List<Department> list(Staff staff) {
    access.requireEditor(staff);
    return departments.inCounty(staff.countyId());
  }

  /** The name of a department's account's own department; empty for every other account. */
  public String ownName(Staff staff) {
    String id = staff.departmentId();
    return staff.isDepartment() && id != null
        ? departments.find(id).map(Department::name).orElse("")
        : "";
  }

  public Department get(Staff staff, String id) {
    access.requireEditor(staff);
    return departments
        .find(id)
        .filter(d -> d.countyId().equals(staff.countyId()))
        .orElseThrow(() -> new NotFoundProblem(Text.of("problem.department.not-found", id)));
  }

  public Department create(Staff staff, Draft draft) {
    access.requireCountyAdmin(staff);
    Department d = check(staff, Ids.next("dep"), draft);
    database.useTransaction(
        h -> {
          departments.insert(h, d);
          audit.record(h, staff, "create", "department", d.id(), d.name());
        });
    return d;
  }

  public Department update(Staff staff, String id, Draft draft) {
    access.requireCountyAdmin(staff);
    Department before = get(staff, id);
    Department after = check(staff, id, draft);
    database.useTransaction(
        h -> {
          departments.update(h, after);
          audit.record(
              h,
              staff,
              "update",
              "department",
              id,
              before.name()
                  + " → "
                  + after.name()
                  + " · "
                  + after.contact()
                  + " · "
                  + after.email());
        });
    return after;
  }

  private Department check(Staff staff, String id, Draft draft) {
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String name = draft.name() == null ? "" : draft.name().strip();
    String contact = draft.contact() == null ? "" : draft.contact().strip();
    if (name.isEmpty()) {
      problems.add("name", Text.of("problem.department.name.missing"));
    } else if (name.length() > MAX_NAME) {
      problems.add("name", Text.of("problem.department.name.too-long", MAX_NAME));
    } else if (departments.nameTaken(staff.countyId(), name, id)) {
      problems.add("name", Text.of("problem.department.name.taken"));
    }
    if (contact.length() > MAX_CONTACT) {
      problems.add("contact", Text.of("problem.department.contact.too-long", MAX_CONTACT));
    }
    String email = emails(problems, draft.email());
    problems.throwIfAny();
    return new Department(id, staff.countyId(), name, contact, email);
  }

  /** The addresses as stored ({@code a@x.cn, b@x.cn}), each checked; '' for none. */
  private static String emails(ValidationProblem.Collector problems, @Nullable String typed) {
    String text = typed == null ? "" : typed.strip();
    if (text.isEmpty()) {
      return "";
    }
    List<String> addresses = List.of(BETWEEN.split(text));
    if (addresses.size() > MAX_EMAILS) {
      problems.add("email", Text.of("problem.department.email.too-many", MAX_EMAILS));
      return "";
    }
    for (String a : addresses) {
      if (a.length() > MAX_EMAIL || !ADDRESS.matcher(a).matches()) {
        problems.add("email", Text.of("problem.department.email.invalid", a));
        return "";
      }
    }
    return String.join(", ", addresses);
  }
}
