package liaison.hub.deputy;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import liaison.hub.config.TimeFactory;
import liaison.hub.problem.ValidationProblem;
import liaison.hub.text.Text;

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
  public void checkRemoval(
      String deputyId, String stationId, ValidationProblem.Collector problems) {
    List<Duty> duties =
        upcoming(deputyId).stream().filter(x -> x.stationId().equals(stationId)).toList();
    if (!duties.isEmpty()) {
      String name = deputies.find(deputyId).map(Deputy::name).orElse(deputyId);
      problems.add("stationIds", Text.of("problem.deputy.on-duty.removal", name, list(duties)));
    }
  }

  /** Refuses (field {@code duties}) to delete the deputy while on duty anywhere. */
  public void checkDeletion(Deputy deputy) {
    List<Duty> duties = upcoming(deputy.id());
    if (!duties.isEmpty()) {
      throw ValidationProblem.of(
          "duties", Text.of("problem.deputy.on-duty.deletion", deputy.name(), list(duties)));
    }
  }

  private LocalDate today() {
    return OffsetDateTime.now(clock).atZoneSameInstant(TimeFactory.ZONE).toLocalDate();
  }

  /** The first three duties, joined the way each language joins a list, and how many more. */
  private static Text list(List<Duty> duties) {
    List<String> first =
        duties.stream()
            .limit(3)
            .map(x -> x.stationName() + " " + x.date() + " " + x.start())
            .toList();
    String zh = String.join("、", first);
    String en = String.join(", ", first);
    return duties.size() > 3
        ? Text.of("problem.deputy.duties.more", zh, en, duties.size(), duties.size() - 3)
        : Text.of("problem.deputy.duties", zh, en);
  }
}
