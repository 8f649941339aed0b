package liaison.hub.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.problem.FieldError;
import liaison.hub.web.Lang;

/** A form's problems by field, in the reader's language, for the messages beside the fields. */
final class FormErrors {
  private FormErrors() {}

  static Map<String, List<String>> byField(Lang lang, List<FieldError> errors) {
    Map<String, List<String>> byField = new LinkedHashMap<>();
    for (FieldError e : errors) {
      byField.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(lang.pick(e.zh(), e.en()));
    }
    return byField;
  }
}
