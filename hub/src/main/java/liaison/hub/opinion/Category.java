package liaison.hub.opinion;

import java.util.Optional;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/** What an opinion is about, as the resident picks it on the form. */
public enum Category {
  URBAN_RURAL,
  TRANSPORT,
  EDUCATION,
  HEALTH,
  ELDERLY_CARE,
  SOCIAL_SECURITY,
  ENVIRONMENT,
  EMPLOYMENT,
  SAFETY,
  /** 涉法涉诉: not forwarded; the resident is guided to legal channels. */
  LEGAL,
  OTHER;

  /** Its name as people read it ({@code category.*} in the bundles). */
  public Text text() {
    return Text.of("category." + name());
  }

  public String zh() {
    return text().zh();
  }

  public String en() {
    return text().en();
  }

  public static Optional<Category> of(@Nullable String name) {
    for (Category c : values()) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
