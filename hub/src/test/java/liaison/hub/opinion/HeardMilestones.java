package liaison.hub.opinion;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;

/**
 * A listener for {@link CaseMilestonesTest} only, as a notification would be: it keeps what it
 * heard, and throws for a case it is told to refuse (as a message that cannot be queued would).
 */
@Singleton
@Requires(property = "spec.name", value = "CaseMilestonesTest")
class HeardMilestones implements CaseMilestones.Listener {
  final List<CaseMilestone> heard = new CopyOnWriteArrayList<>();
  final List<String> refused = new CopyOnWriteArrayList<>();

  @Override
  public void heard(Handle h, CaseMilestone milestone) {
    if (refused.contains(milestone.caseId())) {
      throw new IllegalStateException("the message for " + milestone.caseId() + " was refused");
    }
    heard.add(milestone);
  }
}
