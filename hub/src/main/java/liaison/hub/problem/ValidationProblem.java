package liaison.hub.problem;

import java.util.ArrayList;
import java.util.List;
import liaison.hub.text.Text;

/** Input that cannot be saved; nothing was saved. Carries every problem found, per field. */
public final class ValidationProblem extends RuntimeException {
  private final List<FieldError> errors;

  public ValidationProblem(List<FieldError> errors) {
    super(summary(errors));
    this.errors = List.copyOf(errors);
  }

  public static ValidationProblem of(String field, Text text) {
    return new ValidationProblem(List.of(new FieldError(field, text)));
  }

  public List<FieldError> errors() {
    return errors;
  }

  private static String summary(List<FieldError> errors) {
    return errors.stream()
        .map(e -> e.field() + ": " + e.en())
        .reduce((a, b) -> a + "; " + b)
        .orElse("invalid input");
  }

  /** Collects problems while a draft is checked; throws them all at once. */
  public static final class Collector {
    private final List<FieldError> errors = new ArrayList<>();

    public Collector add(String field, Text text) {
      errors.add(new FieldError(field, text));
      return this;
    }

    public boolean has(String field) {
      return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    public boolean isEmpty() {
      return errors.isEmpty();
    }

    public void throwIfAny() {
      if (!errors.isEmpty()) {
        throw new ValidationProblem(errors);
      }
    }
  }
}
