package liaison.hub.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;

/** The language a person chose: Chinese unless the {@code lang} cookie says English. */
public enum Lang {
  ZH,
  EN;

  public static final String COOKIE = "lang";

  public static Lang of(HttpRequest<?> request) {
    return request.getCookies().findCookie(COOKIE).map(Cookie::getValue).filter("en"::equals).map(v -> EN).orElse(ZH);
  }

  public String pick(String zh, String en) {
    return this == EN ? en : zh;
  }
}
