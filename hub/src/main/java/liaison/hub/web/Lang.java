package liaison.hub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import java.util.Locale;
import liaison.hub.text.Text;
import liaison.hub.text.Texts;

/** The language a person chose: Chinese unless the {@code lang} cookie says English. */
public enum Lang {
  ZH,
  EN;

  public static final String COOKIE = "lang";

  public static Lang of(HttpRequest<?> request) {
    return request
        .getCookies()
        .findCookie(COOKIE)
        .map(Cookie::getValue)
        .filter("en"::equals)
        .map(v -> EN)
        .orElse(ZH);
  }

  /** "zh" or "en", as the pages name it ({@code frame.lang}). */
  public String code() {
    return this == EN ? "en" : "zh";
  }

  public Locale locale() {
    return this == EN ? Texts.EN : Texts.ZH;
  }

  /** The other one: a message is shown in the reader's language with the other underneath. */
  public Lang other() {
    return this == EN ? ZH : EN;
  }

  /** The sentence in this language. */
  public String text(Text text) {
    return text.in(locale());
  }

  /**
   * One of two words someone else gives in both languages (the protocol's names of deputies'
   * levels, which the stations show too); the hub's own words are {@link Text}s.
   */
  public String pick(String zh, String en) {
    return this == EN ? en : zh;
  }
}
