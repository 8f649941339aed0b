package liaison.hub.problem;

import liaison.hub.text.Text;

/** What is wrong with one field of a form or an API body: a sentence of the bundles. */
public record FieldError(String field, Text text) {
  public String zh() {
    return text.zh();
  }

  public String en() {
    return text.en();
  }
}
