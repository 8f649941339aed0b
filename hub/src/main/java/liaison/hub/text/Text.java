package liaison.hub.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A sentence people read, named by its key in the message bundles ({@link Texts}), with the values
 * it puts at {@code {0}}, {@code {1}}, …. Java holds keys, the bundles hold the words: a problem, a
 * page or a stored note carries a {@code Text} and whoever shows it picks the language. A value
 * that is itself a {@code Text} is put in the same language as the sentence around it.
 */
public record Text(String key, List<@Nullable Object> args) {
  public Text {
    Objects.requireNonNull(key, "key");
    args = Collections.unmodifiableList(new ArrayList<>(args));
  }

  /** The sentence under {@code key} with these values. */
  public static Text of(String key, @Nullable Object... args) {
    return new Text(key, Arrays.asList(args));
  }

  /** In Chinese (the default language). */
  public String zh() {
    return in(Texts.ZH);
  }

  /** In English. */
  public String en() {
    return in(Texts.EN);
  }

  /**
   * Chinese, {@code between}, then English: for words stored once for readers of either language
   * (an audit summary, a timeline line), which are not translated afterwards.
   */
  public String both(String between) {
    return zh() + between + en();
  }

  public String in(Locale locale) {
    return Texts.format(this, locale);
  }
}
