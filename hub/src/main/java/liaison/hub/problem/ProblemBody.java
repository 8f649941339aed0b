package liaison.hub.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import liaison.hub.text.Text;

/**
 * The JSON of a refusal, the API's {@code Problem}: {@code {status, message, messageEn}}, Chinese
 * in {@code message} and English in {@code messageEn}, whoever refuses: a controller's problem, the
 * framework's own refusal, or a filter that answers before any controller (the log-in's 401, the
 * CSRF check's 403, the throttle's 429). Its keys keep this order (Map.of's changes from run to
 * run).
 */
public final class ProblemBody {
  private ProblemBody() {}

  public static Map<String, Object> of(int status, Text message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status);
    body.put("message", message.zh());
    body.put("messageEn", message.en());
    return body;
  }
}
