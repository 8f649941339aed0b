package liaison.signage.protocol;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Field checks shared by the message records, so every record fails with the same kind of message.
 */
final class Checks {
  private Checks() {}

  static <T> T required(@Nullable T value, String field) {
    return Objects.requireNonNull(value, () -> "missing field '" + field + "'");
  }

  static String text(@Nullable String value, String field) {
    if (required(value, field).isBlank()) {
      throw new IllegalArgumentException("field '" + field + "' is blank");
    }
    return value;
  }

  static <T> List<T> list(@Nullable List<T> values, String field) {
    if (values == null) {
      return List.of();
    }
    for (T value : values) {
      if (value == null) {
        throw new IllegalArgumentException("field '" + field + "' holds a null element");
      }
    }
    return List.copyOf(values);
  }
}
