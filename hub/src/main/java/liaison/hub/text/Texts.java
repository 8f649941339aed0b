package liaison.hub.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one home of the sentences people read: the bundles {@code i18n/messages_zh.properties} (the
 * default, also {@code messages.properties}) and {@code messages_en.properties}. Pages read them
 * through Thymeleaf's {@code #{…}} and Java through {@link Text}; both format here, once, the same
 * way: a {@link MessageFormat} pattern whose values are put in as written (a number is not grouped,
 * {@code 2001} stays {@code 2001}), so an apostrophe is written {@code ''} in every text and a brace
 * that is not a value is quoted ({@code '{'}).
 */
public final class Texts {
  public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
  public static final Locale EN = Locale.ENGLISH;
  static final String BUNDLE = "i18n.messages";

  private static final Logger LOG = LoggerFactory.getLogger(Texts.class);

  private Texts() {}

  public static String format(Text text, Locale locale) {
    Object[] values = new Object[text.args().size()];
    for (int i = 0; i < values.length; i++) {
      Object value = text.args().get(i);
      values[i] = value instanceof Text inner ? format(inner, locale) : String.valueOf(value);
    }
    return format(text.key(), locale, values);
  }

  /**
   * The sentence under {@code key} in {@code locale} with {@code values} put in as text; a key that
   * is missing shows as {@code ??key_locale??} (as Thymeleaf shows one) and is logged, never
   * thrown: an error answer must not fail on its own words. {@code TranslationKeysTest} keeps that
   * from happening.
   */
  public static String format(String key, Locale locale, @Nullable Object... values) {
    String pattern;
    try {
      pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
    } catch (MissingResourceException e) {
      LOG.warn("no text for key {} in {}", key, locale);
      return "??" + key + "_" + locale + "??";
    }
    Object[] texts = new Object[values.length];
    for (int i = 0; i < values.length; i++) {
      texts[i] = String.valueOf(values[i]);
    }
    return new MessageFormat(pattern, locale).format(texts);
  }
}
