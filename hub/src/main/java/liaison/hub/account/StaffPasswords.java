package liaison.hub.account;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.List;
import liaison.hub.audit.AuditLog;
import liaison.hub.db.Database;
import liaison.hub.problem.ForbiddenProblem;
import liaison.hub.problem.NotFoundProblem;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.security.PasswordHasher;
import liaison.hub.security.Role;
import liaison.hub.security.SecurityConfig;
import liaison.hub.security.SessionStore;
import liaison.hub.security.Staff;
import liaison.hub.security.StaffAccountRepository;
import liaison.hub.text.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Staff passwords: a county administrator resets a station manager's (or a deputy's) forgotten
 * password to a temporary one, which the owner must replace at the next log-in; anyone changes
 * their own. A reset closes every session of the account. Both are audited, neither logs a
 * password.
 */
@Singleton
public class StaffPasswords {
  private static final Logger LOG = LoggerFactory.getLogger(StaffPasswords.class);

  /** No look-alikes (0/O, 1/I/L), so it can be read out over the phone. */
  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Database database;
  private final StaffAccountRepository accounts;
  private final PasswordHasher hasher;
  private final SessionStore sessions;
  private final AuditLog audit;
  private final SecurityConfig config;

  public StaffPasswords(
      Database database,
      StaffAccountRepository accounts,
      PasswordHasher hasher,
      SessionStore sessions,
      AuditLog audit,
      SecurityConfig config) {
    this.database = database;
    this.accounts = accounts;
    this.hasher = hasher;
    this.sessions = sessions;
    this.audit = audit;
    this.config = config;
  }

  /** An account on the administrator's list. */
  public record Listed(Staff staff, boolean mustChangePassword, boolean resettable) {
    /** The account's stations, sorted, joined with 、 (empty for a county administrator). */
    public String stations() {
      return String.join("、", new java.util.TreeSet<>(staff.stationIds()));
    }
  }

  /** The county's accounts, for its administrator. */
  public List<Listed> accounts(Staff admin) {
    requireAdmin(admin);
    return accounts.all().stream()
        .filter(s -> s.countyId().equals(admin.countyId()))
        .map(
            s -> {
              boolean must =
                  accounts
                      .byId(s.id())
                      .map(StaffAccountRepository.Account::mustChangePassword)
                      .orElse(false);
              return new Listed(s, must, s.role() != Role.COUNTY_ADMIN);
            })
        .toList();
  }

  /**
   * Gives the account a new temporary password ({@code K7QX-M4PD-2HWP}, about 59 bits) that its
   * owner must change at the next log-in, and closes its sessions.
   *
   * @return the temporary password, to tell the owner (shown once, never stored in the clear)
   */
  public Reset reset(Staff admin, String accountId) {
    requireAdmin(admin);
    StaffAccountRepository.Account target =
        accounts
            .byId(accountId)
            .filter(a -> a.staff().countyId().equals(admin.countyId()))
            .orElseThrow(() -> new NotFoundProblem(Text.of("problem.account.not-found")));
    if (target.staff().role() == Role.COUNTY_ADMIN) {
      throw new ForbiddenProblem(Text.of("problem.account.admin-not-reset"));
    }
    String temporary = temporaryPassword();
    String hash = hasher.hash(temporary);
    database.useTransaction(
        h -> {
          accounts.setPassword(h, accountId, hash, true);
          audit.record(
              h,
              admin,
              "reset-password",
              "staff",
              accountId,
              Text.of("audit.summary.password-reset", target.staff().username()).both("· "));
        });
    sessions.closeAll(accountId);
    LOG.info(
        "password of '{}' reset by {}; its sessions closed",
        target.staff().username(),
        admin.username());
    return new Reset(target.staff().username(), target.staff().displayName(), temporary);
  }

  /** A department account as the administrator types it. */
  @io.micronaut.core.annotation.Introspected
  public record DepartmentAccount(
      @org.jspecify.annotations.Nullable String departmentId,
      @org.jspecify.annotations.Nullable String username,
      @org.jspecify.annotations.Nullable String displayName) {}

  /**
   * Creates a department's account (承办单位) for one of the county's departments, with a temporary
   * password its owner must change at the first log-in (a department may have several accounts).
   *
   * @return the temporary password, to tell the owner (shown once, never stored in the clear)
   * @throws ValidationProblem on fields {@code departmentId}, {@code username}, {@code displayName}
   */
  public Reset createDepartmentAccount(Staff admin, DepartmentAccount draft) {
    requireAdmin(admin);
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    String department = draft.departmentId() == null ? "" : draft.departmentId().strip();
    boolean known =
        !department.isEmpty()
            && database.withHandle(
                h ->
                    h.createQuery(
                                "SELECT COUNT(*) FROM department WHERE id = :id AND county_id = :county")
                            .bind("id", department)
                            .bind("county", admin.countyId())
                            .mapTo(Integer.class)
                            .one()
                        > 0);
    if (!known) {
      problems.add("departmentId", Text.of("problem.staff.department.missing"));
    }
    String username = draft.username() == null ? "" : draft.username().strip();
    if (username.isEmpty()) {
      problems.add("username", Text.of("problem.staff.username.missing"));
    } else if (!username.matches("[a-z0-9-]{3,32}")) {
      problems.add("username", Text.of("problem.staff.username.format"));
    } else if (accounts.exists(username)) {
      problems.add("username", Text.of("problem.staff.username.taken", username));
    }
    String name = draft.displayName() == null ? "" : draft.displayName().strip();
    if (name.isEmpty()) {
      problems.add("displayName", Text.of("problem.staff.name.missing"));
    } else if (name.length() > 60) {
      problems.add("displayName", Text.of("problem.case.text.too-long-given", 60, name.length()));
    }
    problems.throwIfAny();
    String temporary = temporaryPassword();
    String hash = hasher.hash(temporary);
    Staff account =
        new Staff(
            liaison.hub.db.Ids.next("u"),
            username,
            name,
            Role.DEPARTMENT,
            admin.countyId(),
            null,
            java.util.Set.of(),
            department);
    database.useTransaction(
        h -> {
          accounts.insert(h, account, hash);
          accounts.setPassword(h, account.id(), hash, true);
          audit.record(
              h,
              admin,
              "create-account",
              "staff",
              account.id(),
              Text.of("audit.summary.department-account", username).both(" · "));
        });
    LOG.info("department account '{}' created by {}", username, admin.username());
    return new Reset(username, name, temporary);
  }

  /** A reset's outcome: whose, and the temporary password. */
  public record Reset(String username, String displayName, String temporaryPassword) {}

  /**
   * Changes one's own password after checking the current one.
   *
   * @throws ValidationProblem on fields {@code current}, {@code password}, {@code repeat}
   */
  public void change(Staff staff, String current, String next, String repeat) {
    StaffAccountRepository.Account account = accounts.byId(staff.id()).orElseThrow();
    ValidationProblem.Collector problems = new ValidationProblem.Collector();
    if (!hasher.matches(current == null ? "" : current, account.passwordHash())) {
      problems.add("current", Text.of("problem.password.current-wrong"));
    }
    String chosen = next == null ? "" : next;
    if (chosen.codePointCount(0, chosen.length()) < config.minPasswordLength()) {
      problems.add("password", Text.of("problem.password.too-short", config.minPasswordLength()));
    } else if (chosen.length() > 200) {
      problems.add("password", Text.of("problem.password.too-long", 200));
    } else if (chosen.equals(current)) {
      problems.add("password", Text.of("problem.password.unchanged"));
    } else if (chosen.equalsIgnoreCase(staff.username())) {
      problems.add("password", Text.of("problem.password.user-name"));
    }
    if (!chosen.equals(repeat)) {
      problems.add("repeat", Text.of("problem.password.repeat-differs"));
    }
    problems.throwIfAny();
    String hash = hasher.hash(chosen);
    database.useTransaction(
        h -> {
          accounts.setPassword(h, staff.id(), hash, false);
          audit.record(
              h,
              staff,
              "change-password",
              "staff",
              staff.id(),
              Text.of("audit.summary.password-changed").both(" · "));
        });
    sessions.closeAll(staff.id());
    LOG.info("'{}' changed their password; their other sessions closed", staff.username());
  }

  private static void requireAdmin(Staff staff) {
    if (!staff.isCountyAdmin()) {
      throw new ForbiddenProblem(Text.of("problem.account.reset-admin-only"));
    }
  }

  static String temporaryPassword() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      if (i > 0 && i % 4 == 0) {
        out.append('-');
      }
      out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return out.toString();
  }
}
