package liaison.hub.opinion;

import org.jspecify.annotations.Nullable;

/**
 * Cleans what a resident typed: line breaks made uniform, control characters dropped (they are
 * invisible and can garble a ledger or a terminal), outer blanks trimmed. Emoji and their joiners
 * are kept. Text that arrived as broken UTF-8 (decoded to U+FFFD) is reported, not guessed at.
 */
public final class ResidentText {
  private ResidentText() {}

  public static String clean(@Nullable String text) {
    if (text == null) {
      return "";
    }
    String unified = text.replace("\r\n", "\n").replace('\r', '\n');
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

  public static boolean hasBrokenEncoding(@Nullable String text) {
    return text != null && text.indexOf('\uFFFD') >= 0;
  }

  /** Characters as a person counts them: an emoji is one. */
  public static int length(String text) {
    return text.codePointCount(0, text.length());
  }
}
