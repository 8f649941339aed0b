package liaison.hub.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a phone reads off the ballot page before it votes: the form's token. */
public final class BallotForms {
  private static final Pattern FORM =
      Pattern.compile("name=\"form\"\\s+value=\"([A-Za-z0-9_-]{22})\"");

  private BallotForms() {}

  /** The token of the ballot form in a ballot page's HTML. */
  public static String token(String html) {
    Matcher m = FORM.matcher(html);
    if (!m.find()) {
      throw new IllegalStateException("no ballot form on the page: " + html);
    }
    return m.group(1);
  }
}
