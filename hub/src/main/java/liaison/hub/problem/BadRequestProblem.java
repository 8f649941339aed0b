package liaison.hub.problem;

import java.util.List;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * A request that cannot be read as it came (a form that is not URL-encoded, a query value that is
 * none of its choices): answered 400 with the message in both languages, counted as bad input under
 * {@code reason}, a short stable word. Nothing was changed.
 */
public final class BadRequestProblem extends RuntimeException {
  private final Text text;
  private final String reason;

  public BadRequestProblem(String reason, Text text) {
    super(text.en());
    this.reason = reason;
    this.text = text;
  }

  /**
   * A query parameter such as {@code ?level=FOO} whose value is none of the allowed ones; the
   * message lists them (the value is cut to 40 characters).
   */
  public static BadRequestProblem unknownChoice(
      String parameter, String value, List<String> allowed) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return new BadRequestProblem(
        "unknown-choice",
        Text.of(
            "problem.unknown-choice",
            parameter,
            shown,
            String.join("、", allowed),
            String.join(", ", allowed)));
  }

  /**
   * The value of a query parameter that must be one of {@code allowed} (exactly as written there):
   * null when it is absent or blank.
   *
   * @throws BadRequestProblem for any other value, listing the allowed ones
   */
  public static @Nullable String choice(
      String parameter, @Nullable String value, List<String> allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!allowed.contains(value)) {
      throw unknownChoice(parameter, value, allowed);
    }
    return value;
  }

  public Text text() {
    return text;
  }

  public String zh() {
    return text.zh();
  }

  public String en() {
    return getMessage();
  }

  public String reason() {
    return reason;
  }
}
