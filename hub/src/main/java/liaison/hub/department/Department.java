package liaison.hub.department;

import java.util.Arrays;
import java.util.List;

/**
 * A department (承办单位) of the county that handles forwarded opinions and replies.
 *
 * @param email where its notifications go: one or more addresses separated by {@code ", "}, or
 *     {@code ""} for none
 */
public record Department(String id, String countyId, String name, String contact, String email) {

  /** Its notification addresses, each on its own; empty when it has none. */
  public List<String> emails() {
    return emails(email);
  }

  /** Addresses as stored ({@code a@x.cn, b@x.cn}), each on its own. */
  public static List<String> emails(String stored) {
    return stored.isBlank()
        ? List.of()
        : Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
