package liaison.hub.browser;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * axe-core, Deque's WCAG checker, run inside the page under test. It comes as a webjar from the
 * Maven registry (no Node, no download at test time) and is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not govern: the page itself still allows
 * no inline script.
 */
final class Axe {
  static final String VERSION = "4.6.3";

  /** WCAG 2.0 and 2.1, levels A and AA: what a public service's pages owe their readers. */
  private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private static final String SOURCE = load();

  private Axe() {}

  private static String load() {
    String path = "META-INF/resources/webjars/axe-core/" + VERSION + "/axe.min.js";
    try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("axe-core is not on the test class path: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Each violation of WCAG 2.1 A/AA on the page as it is now, one line per rule with the elements
   * it found ("color-contrast: span.badge «已督办» …"); empty when there is none.
   */
  @SuppressWarnings("unchecked")
  static List<String> violations(Page page) {
    if (!(boolean) page.evaluate("() => typeof window.axe === 'object'")) {
      page.evaluate(SOURCE);
    }
    return (List<String>)
        page.evaluate(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags },
                  resultTypes: ['violations'] });
              return result.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                  + v.nodes.slice(0, 5).map(n => n.target.join(' ')
                      + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ').slice(0, 160) + ']' : ''))
                      .join('; ')
                  + (v.nodes.length > 5 ? '; … ' + (v.nodes.length - 5) + ' more' : ''));
            }
            """,
            TAGS);
  }

  /** The page's width against the window's: a page wider than the window scrolls sideways. */
  static Map<String, Object> widths(Page page) {
    @SuppressWarnings("unchecked")
    Map<String, Object> widths =
        (Map<String, Object>)
            page.evaluate(
                "() => ({ scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth })");
    return widths;
  }
}
