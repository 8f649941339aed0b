package liaison.hub.satisfaction;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A resident's rating: 满意 / 基本满意 / 不满意. */
public enum Satisfaction {
  SATISFIED("满意", "Satisfied"),
  BASICALLY_SATISFIED("基本满意", "Basically satisfied"),
  DISSATISFIED("不满意", "Dissatisfied");

  /** The event type a station sends when a resident presses a rating button. */
  public static final String EVENT_TYPE = "satisfaction";

  private final String zh;
  private final String en;

  Satisfaction(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  /** The rating an event body carries as {@code rating}, exactly as named here; empty for anything else. */
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
