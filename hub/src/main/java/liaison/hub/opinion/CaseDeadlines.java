package liaison.hub.opinion;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How long a department has to reply ({@code hub.cases.*}): a default and, per category (its enum
 * name), other numbers of working days; how often overdue cases are looked for (督办).
 *
 * @param days working days per category, e.g. {@code EDUCATION: 20}
 */
@ConfigurationProperties("hub.cases")
public record CaseDeadlines(
    @Min(1) @Max(120) int defaultDays,
    @Nullable Map<String, ?> days,
    @Nullable Duration escalationCheck) {

  /** The working days a department gets for a case of this category. */
  public int daysFor(Category category) {
    if (days != null) {
      // Configuration keys may arrive as written (EDUCATION) or normalized (education,
      // social-security).
      for (String key :
          new String[] {
            category.name(),
            category.name().toLowerCase(java.util.Locale.ROOT),
            category.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
          }) {
        Object n = days.get(key);
        if (n instanceof Number number && number.intValue() > 0) {
          return number.intValue();
        }
        if (n instanceof String text && text.matches("\\d{1,3}") && Integer.parseInt(text) > 0) {
          return Integer.parseInt(text);
        }
      }
    }
    return defaultDays;
  }
}
