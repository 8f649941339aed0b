package liaison.hub.deputy;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import liaison.hub.db.Ids;
import liaison.hub.db.Sql;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;
import liaison.signage.protocol.DeputyLevel;
import org.jspecify.annotations.Nullable;

/**
 * A deputy's details checked field by field, from a form, the API or a spreadsheet row: every
 * problem is collected (zh and en, beside its field), nothing is written here. On a change, a field
 * left out keeps its value.
 */
@Singleton
public class DeputyFields {
  static final int MAX_NAME = 20;
  static final int MAX_TEXT = 60;
  static final int MAX_SPECIALTY = 20;
  static final int MAX_SPECIALTIES = 10;
  static final int MAX_PHONE = 30;
  private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
  private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]+");

  private final DeputyRepository deputies;

  public DeputyFields(DeputyRepository deputies) {
    this.deputies = deputies;
  }

  /**
   * The id of a new deputy: the spreadsheet's when it names one (checked: its form, and not taken),
   * otherwise a new one.
   */
  public String newId(@Nullable String id, ValidationProblem.Collector problems) {
    if (id == null || id.isBlank()) {
      return Ids.next("d");
    }
    String newId = id.strip();
    if (!ID.matcher(newId).matches()) {
      problems.add("id", Text.of("problem.deputy.id.invalid"));
    } else if (deputies.countyOf(newId).isPresent()) {
      problems.add("id", Text.of("problem.deputy.id.taken", newId));
    }
    return newId;
  }

  /**
   * The deputy as the draft makes them: {@code before}'s values where the draft leaves a field out.
   * A name and constituency another deputy of the county already has is refused (that is how a
   * spreadsheet row without an id finds an existing deputy).
   */
  public Deputy check(
      String countyId,
      String id,
      DeputyDraft d,
      @Nullable Deputy before,
      ValidationProblem.Collector problems) {
    String name = text(d.name(), before == null ? null : before.name());
    if (name.isEmpty()) {
      problems.add("name", Text.of("problem.deputy.name.missing"));
    } else if (name.length() > MAX_NAME) {
      problems.add("name", Text.of("problem.deputy.name.too-long", MAX_NAME));
    }
    List<DeputyLevel> levels = before == null ? List.of() : before.levels();
    if (d.levels() != null) {
      Set<DeputyLevel> chosen = new TreeSet<>();
      for (String text : d.levels()) {
        if (text == null || text.isBlank()) {
          continue;
        }
        for (String part : Sql.list(text)) {
          DeputyLevel level = parseLevel(part);
          if (level == null) {
            problems.add("levels", Text.of("problem.deputy.level.unknown", part));
          } else {
            chosen.add(level);
          }
        }
      }
      levels = List.copyOf(chosen);
    }
    if (levels.isEmpty() && !problems.has("levels")) {
      problems.add("levels", Text.of("problem.deputy.level.missing"));
    }
    String constituency = text(d.constituency(), before == null ? null : before.constituency());
    if (constituency.isEmpty()) {
      problems.add("constituency", Text.of("problem.deputy.constituency.missing"));
    } else if (constituency.length() > MAX_TEXT) {
      problems.add("constituency", Text.of("problem.deputy.constituency.too-long", MAX_TEXT));
    }
    String occupation = text(d.occupation(), before == null ? null : before.occupation());
    if (occupation.length() > MAX_TEXT) {
      problems.add("occupation", Text.of("problem.deputy.occupation.too-long", MAX_TEXT));
    }
    String workUnit = text(d.workUnit(), before == null ? null : before.workUnit());
    if (workUnit.length() > MAX_TEXT) {
      problems.add("workUnit", Text.of("problem.deputy.work-unit.too-long", MAX_TEXT));
    }
    List<String> specialties = before == null ? List.of() : before.specialties();
    if (d.specialties() != null) {
      specialties =
          d.specialties().stream()
              .filter(Objects::nonNull)
              .flatMap(s -> Sql.list(s).stream())
              .distinct()
              .toList();
    }
    if (specialties.size() > MAX_SPECIALTIES) {
      problems.add("specialties", Text.of("problem.deputy.specialties.too-many", MAX_SPECIALTIES));
    }
    for (String s : specialties) {
      if (s.length() > MAX_SPECIALTY) {
        problems.add("specialties", Text.of("problem.deputy.specialty.too-long", s, MAX_SPECIALTY));
      }
    }
    String phone =
        d.phone() == null ? (before == null ? null : before.phone()) : blankToNull(d.phone());
    if (phone != null) {
      phone = phone.replaceAll("\\s+", " ");
      if (!PHONE.matcher(phone).matches() || phone.chars().noneMatch(Character::isDigit)) {
        problems.add("phone", Text.of("problem.deputy.phone.invalid"));
      } else if (phone.length() > MAX_PHONE) {
        problems.add("phone", Text.of("problem.deputy.phone.too-long", MAX_PHONE));
      }
    }
    boolean phonePublic =
        d.phonePublic() == null ? before != null && before.phonePublic() : d.phonePublic();
    if (phonePublic && phone == null) {
      problems.add("phonePublic", Text.of("problem.deputy.phone.public-without"));
    }
    if (!name.isEmpty() && !constituency.isEmpty()) {
      deputies
          .idByNameAndConstituency(countyId, name, constituency)
          .filter(other -> !other.equals(id))
          .ifPresent(other -> problems.add("name", Text.of("problem.deputy.same-person", other)));
    }
    return new Deputy(
        id,
        name,
        levels,
        constituency,
        occupation,
        workUnit,
        specialties,
        before == null ? null : before.photoHash(),
        phone,
        phonePublic);
  }

  /** NATIONAL, 全国, 全国人大代表, National; 省/自治区/直辖市, 市/州, 县/区, 乡/镇/乡镇/街道. */
  public static @Nullable DeputyLevel parseLevel(String text) {
    String t = text.strip();
    for (DeputyLevel level : DeputyLevel.values()) {
      if (level.name().equalsIgnoreCase(t)
          || level.zh().equals(t)
          || level.en().equalsIgnoreCase(t)) {
        return level;
      }
    }
    String shortName = t.replace("人大代表", "").replace("级", "");
    return switch (shortName) {
      case "全国" -> DeputyLevel.NATIONAL;
      case "省", "自治区", "直辖市", "省级" -> DeputyLevel.PROVINCIAL;
      case "市", "州", "设区的市" -> DeputyLevel.MUNICIPAL;
      case "县", "区", "县区", "县（区）", "县(区)" -> DeputyLevel.COUNTY;
      case "乡", "镇", "乡镇", "街道" -> DeputyLevel.TOWNSHIP;
      default -> null;
    };
  }

  private static String text(@Nullable String given, @Nullable String current) {
    if (given == null) {
      return current == null ? "" : current;
    }
    return given.strip();
  }

  static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
