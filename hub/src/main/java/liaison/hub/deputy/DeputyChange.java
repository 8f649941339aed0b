package liaison.hub.deputy;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A checked change of a deputy, ready to write: {@code before} is null for a new deputy. It knows
 * which screens show the deputy, and how the audit log describes it.
 */
public record DeputyChange(
    @Nullable Deputy before,
    Deputy after,
    List<String> stationsBefore,
    List<String> stationsAfter) {
  public DeputyChange {
    stationsBefore = List.copyOf(stationsBefore);
    stationsAfter = List.copyOf(stationsAfter);
  }

  public boolean isNew() {
    return before == null;
  }

  public boolean changesSomething() {
    return before == null
        || !before.equals(after)
        || !Set.copyOf(stationsBefore).equals(Set.copyOf(stationsAfter));
  }

  /** Every station whose screen shows this deputy before or after. */
  public Set<String> stations() {
    Set<String> all = new TreeSet<>(stationsBefore);
    all.addAll(stationsAfter);
    return all;
  }

  /** The audit log's summary: the deputy as they were (if they were) → as they are. */
  public String summary() {
    return isNew()
        ? describe(after, stationsAfter)
        : describe(Objects.requireNonNull(before), stationsBefore)
            + " → "
            + describe(after, stationsAfter);
  }

  /**
   * A deputy in one line of the audit log: what is stored, whether a phone is, and where they sit.
   */
  static String describe(Deputy d, List<String> stationIds) {
    return d.id()
        + " "
        + d.name()
        + " "
        + d.levels()
        + " 「"
        + d.constituency()
        + "」 「"
        + d.occupation()
        + "」 「"
        + d.workUnit()
        + "」 "
        + d.specialties()
        + " "
        + (d.phone() == null ? "" : "phone" + (d.phonePublic() ? " public" : ""))
        + " "
        + stationIds;
  }
}
