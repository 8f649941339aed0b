package liaison.hub.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A submitted {@code application/x-www-form-urlencoded} form, with repeated fields kept in order. */
public final class FormData {
  private final Map<String, List<String>> fields;

  private FormData(Map<String, List<String>> fields) {
    this.fields = fields;
  }

  public static FormData parse(@Nullable String body) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    if (body != null && !body.isEmpty()) {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
      }
    }
    return new FormData(fields);
  }

  public @Nullable String get(String name) {
    List<String> values = fields.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  public List<String> all(String name) {
    return fields.getOrDefault(name, List.of());
  }
}
