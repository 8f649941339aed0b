package liaison.hub.deputy;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import liaison.hub.config.TimeFactory;
import liaison.hub.problem.ValidationProblem;

/**
 * The receptions still to come that keep a deputy in place: residents were told to come and meet
 * them, so a deputy on duty is neither deleted nor removed from that station (chosen over a
 * cascade), and the refusal names the receptions.
 */
@Singleton
public class OnDuty {
  private final DeputyRepository deputies;
  private final Clock clock;

  public OnDuty(DeputyRepository deputies, Clock clock) {
    this.deputies = deputies;
    this.clock = clock;
  }

  /** The deputy's receptions from today on that are not cancelled, in time order. */
  public List<Duty> upcoming(String deputyId) {
    return deputies.upcomingDuties(deputyId, today());
  }

  /** Refuses (field {@code stationIds}) to take the deputy off the station while on duty there. */
  public void checkRemoval(String deputyId, String stationId, ValidationProblem.Collector problems) {
    List<Duty> duties = upcoming(deputyId).stream().filter(x -> x.stationId().equals(stationId)).toList();
    if (!duties.isEmpty()) {
      String name = deputies.find(deputyId).map(Deputy::name).orElse(deputyId);
      problems.add(
          "stationIds",
          name + " 还要在 " + zh(duties) + " 值班接待，请先在接待安排中换人，再移出该站",
          name + " is on duty at " + en(duties) + ": change those receptions first, then remove them from the station");
    }
  }

  /** Refuses (field {@code duties}) to delete the deputy while on duty anywhere. */
  public void checkDeletion(Deputy deputy) {
    List<Duty> duties = upcoming(deputy.id());
    if (!duties.isEmpty()) {
      throw ValidationProblem.of(
          "duties",
          deputy.name() + " 还要在 " + zh(duties) + " 值班接待，请先在接待安排中换人或取消，再删除",
          deputy.name() + " is on duty at " + en(duties) + ": change or cancel those receptions first, then delete");
    }
  }

  private LocalDate today() {
    return OffsetDateTime.now(clock).atZoneSameInstant(TimeFactory.ZONE).toLocalDate();
  }

  private static String zh(List<Duty> duties) {
    return duties.stream().limit(3).map(x -> x.stationName() + " " + x.date() + " " + x.start()).collect(Collectors.joining("、"))
        + (duties.size() > 3 ? " 等 " + duties.size() + " 次" : "");
  }

  private static String en(List<Duty> duties) {
    return duties.stream().limit(3).map(x -> x.stationName() + " " + x.date() + " " + x.start()).collect(Collectors.joining(", "))
        + (duties.size() > 3 ? " and " + (duties.size() - 3) + " more" : "");
  }
}
