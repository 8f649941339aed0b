package liaison.hub.text;

import org.jspecify.annotations.Nullable;

/**
 * What a resident typed, made fit to keep: the one place that knows which characters a form takes.
 * Line breaks are made uniform and outer blanks trimmed ({@link #trimmed}); a form that stores free
 * text drops the invisible control characters (they can garble a ledger or a terminal) and keeps
 * emoji and their joiners ({@link #clean}); a form whose every character matters (a name, a phone
 * number, a booking's topic) refuses hidden characters instead ({@link #hasHiddenCharacters}). Text
 * that arrived as broken UTF-8 (decoded to U+FFFD) is reported, not guessed at. Lengths count
 * characters as a person does.
 */
public final class ResidentText {
  private ResidentText() {}

  /**
   * A mainland mobile number as typed ({@code 138 1234-1234}, {@code +86 138…}, {@code 86138…}) as
   * its 11 digits; empty when it is not one (a landline, a typo).
   */
  public static String mobile(@Nullable String phone) {
    String digits = trimmed(phone).replaceAll("[\\s\\-()（）]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    } else if (digits.startsWith("86") && digits.length() == 13) {
      digits = digits.substring(2);
    }
    return digits.matches("1\\d{10}") ? digits : "";
  }

  /** Line breaks made uniform ({@code \n}), outer blanks trimmed; nothing else changed. */
  public static String trimmed(@Nullable String text) {
    if (text == null) {
      return "";
    }
    return text.replace("\r\n", "\n").replace('\r', '\n').strip();
  }

  /**
   * {@link #trimmed}, without control characters (tabs and line breaks stay) or line separators.
   */
  public static String clean(@Nullable String text) {
    String unified = trimmed(text);
    StringBuilder out = new StringBuilder(unified.length());
    unified
        .codePoints()
        .filter(cp -> cp == '\n' || cp == '\t' || Character.getType(cp) != Character.CONTROL)
        .filter(cp -> cp != 0x2028 && cp != 0x2029)
        .forEach(out::appendCodePoint);
    return out.toString().strip();
  }

  /** One line: line breaks and tabs become spaces as well. */
  public static String cleanLine(@Nullable String text) {
    return clean(text).replaceAll("\\s+", " ");
  }

  /**
   * Control characters (line breaks only where a text may have them) and the bidi overrides that
   * make text read differently than it is stored: for a form that refuses them with a message.
   */
  public static boolean hasHiddenCharacters(String text, boolean lineBreaksAllowed) {
    return text.codePoints()
        .anyMatch(
            c ->
                (Character.isISOControl(c) && !(lineBreaksAllowed && c == '\n'))
                    || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069));
  }

  public static boolean hasBrokenEncoding(@Nullable String text) {
    return text != null && text.indexOf('\uFFFD') >= 0;
  }

  /** Characters as a person counts them: an emoji is one. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
