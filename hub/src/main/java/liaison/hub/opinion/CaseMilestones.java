package liaison.hub.opinion;

import jakarta.inject.Singleton;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Tells every listener of a {@link CaseMilestone}, in the transaction of the step: notifications
 * queue their messages here (a listener that throws rolls the step back, so a step is never taken
 * without its message). With no listener, a milestone is simply not heard.
 */
@Singleton
public class CaseMilestones {

  /** Hears the milestones of every case; a bean of any feature above {@code opinion}. */
  public interface Listener {
    void heard(Handle h, CaseMilestone milestone);
  }

  private final List<Listener> listeners;

  public CaseMilestones(List<Listener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public void announce(Handle h, CaseMilestone milestone) {
    for (Listener listener : listeners) {
      listener.heard(h, milestone);
    }
  }
}
