package liaison.hub.satisfaction;

import java.util.Optional;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/** A resident's rating: 满意 / 基本满意 / 不满意. */
public enum Satisfaction {
  SATISFIED,
  BASICALLY_SATISFIED,
  DISSATISFIED;

  /** The event type a station sends when a resident presses a rating button. */
  public static final String EVENT_TYPE = "satisfaction";

  /** Its name as people read it ({@code satisfaction.*} in the bundles). */
  public Text text() {
    return Text.of("satisfaction." + name());
  }

  public String zh() {
    return text().zh();
  }

  public String en() {
    return text().en();
  }

  /**
   * The rating an event body carries as {@code rating}, exactly as named here; empty for anything
   * else.
   */
  public static Optional<Satisfaction> of(@Nullable Object rating) {
    if (rating instanceof String text) {
      for (Satisfaction s : values()) {
        if (s.name().equals(text)) {
          return Optional.of(s);
        }
      }
    }
    return Optional.empty();
  }
}
