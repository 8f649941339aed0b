package liaison.hub.web;

import org.jspecify.annotations.Nullable;

/** Where a page may send a person next. */
public final class Pages {
  private Pages() {}

  /** A local address to go back to after log-in or a language switch; never another site. */
  public static String safeNext(@Nullable String next, String fallback) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")) {
      return fallback;
    }
    return next;
  }
}
