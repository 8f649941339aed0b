package liaison.hub.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.problem.BadRequestProblem;
import liaison.hub.text.Text;
import org.jspecify.annotations.Nullable;

/**
 * A submitted {@code application/x-www-form-urlencoded} form, with repeated fields kept in order.
 */
public final class FormData {
  private final Map<String, List<String>> fields;

  private FormData(Map<String, List<String>> fields) {
    this.fields = fields;
  }

  /**
   * @throws BadRequestProblem when the body is not URL-encoded ({@code %zz}, a cut-off escape): no
   *     browser sends that, so nothing of it is kept
   */
  public static FormData parse(@Nullable String body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (body != null && !body.isEmpty()) {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return new FormData(fields);
  }

  private static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new BadRequestProblem("malformed-form", Text.of("problem.request.malformed-form"));
    }
  }

  public @Nullable String get(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  public List<String> all(String name) {
    return fields.getOrDefault(name, List.of());
  }
}
