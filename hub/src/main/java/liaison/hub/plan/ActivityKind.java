package liaison.hub.plan;

import java.util.Optional;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/** What kind of activity a plan lists, in the words of the stations' standards. */
public enum ActivityKind {
  /** 接待日: deputies receive residents. */
  RECEPTION_DAY,
  /** 视察. */
  INSPECTION,
  /** 调研. */
  RESEARCH,
  /** 述职: deputies report on their work to their voters. */
  REPORT,
  /** 培训. */
  TRAINING,
  OTHER;

  /** Its name as people read it ({@code plan.kind.*} in the bundles). */
  public Text text() {
    return Text.of("plan.kind." + name());
  }

  public static Optional<ActivityKind> of(@Nullable String name) {
    for (ActivityKind k : values()) {
      if (k.name().equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
