package liaison.hub.notify;

import java.util.Map;

/**
 * One SMS: the provider sends its approved template with these parameters filled in.
 *
 * @param phone a mainland mobile number, 11 digits
 * @param template the hub's name for the template ({@code case-answered}, {@code
 *     booking-confirmed}, {@code booking-cancelled}); the channel's configuration maps it to the
 *     provider's template code
 * @param params the template's variables (short: providers limit each to about 35 characters)
 */
public record SmsMessage(String phone, String template, Map<String, String> params) {
  public SmsMessage {
    params = Map.copyOf(params);
  }
}
