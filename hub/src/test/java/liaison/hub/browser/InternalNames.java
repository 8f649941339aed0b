package liaison.hub.browser;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hub's own names where a person reads them: an enum's name ({@code ROSTER}, {@code
 * DISSATISFIED}), a record's id ({@code s-001}, {@code case-demo0009}), a Java name ({@code
 * liaison.hub…}). Everything a reader sees is searched: every text of the page, its title, and the
 * words a control or a picture shows or says instead ({@code title}, {@code alt}, {@code
 * placeholder}, {@code aria-label}, a button's {@code value}). Form values the staff typed or may
 * change (an input's value) are theirs, not the hub's, and are not searched.
 */
final class InternalNames {
  /**
   * Capitals people read as words: file formats and the codes on the stations' posters. A word here
   * must be one a resident or a member of staff meets outside the hub.
   */
  static final Set<String> READ_BY_PEOPLE =
      Set.of("CSV", "XLSX", "PDF", "JPEG", "PNG", "QR", "HTTP", "HTTPS");

  /**
   * A station's 编号 where a staff page shows it as such (an element marked {@code data-station-id}):
   * the staff choose it when they add the station and type it on the station's screen to enrol it,
   * so it is theirs to read, unlike every other record's id.
   */
  private static final Pattern STATION_ID = Pattern.compile("s-\\d{3}");

  private static final List<Pattern> NAMES =
      List.of(
          // An enum's name: four capitals or more, or capitals joined by "_"; not a code people are
          // given to read out or type, in groups joined by "-" (a tracking or booking code).
          Pattern.compile("(?<![A-Za-z0-9-])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9-])"),
          Pattern.compile("(?<![A-Za-z0-9_-])[A-Z]{4,}(?![A-Za-z0-9_-])"),
          // A record's id as the demo and the code make them.
          Pattern.compile(
              "(?<![A-Za-z0-9])(?:s-\\d{3}|d-\\d{4}|r-\\d{4}|rr-\\d{4}|n-\\d{4}|b-[a-z0-9]{8,}|case-[a-z0-9]+|dep-[a-z-]+)(?![A-Za-z0-9])"),
          // A Java name: a package's, or an exception's.
          Pattern.compile("liaison\\.[a-z][A-Za-z.]*|\\b[A-Z][A-Za-z]+(?:Exception|Error)\\b"));

  private InternalNames() {}

  /** Each internal name on the page, with where it stands ("td: s-001"); empty when none. */
  static List<String> in(Page page) {
    @SuppressWarnings("unchecked")
    List<List<String>> texts =
        (List<List<String>>)
            page.evaluate(
                """
                () => {
                  const out = [['title', document.title]];
                  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
                  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                    const parent = n.parentElement;
                    if (parent && !skip.has(parent.tagName) && n.textContent.trim()) {
                      const where = parent.closest('[data-station-id]') ? 'station-id' : parent.tagName.toLowerCase()
                          + (parent.className ? '.' + String(parent.className).split(' ')[0] : '');
                      out.push([where, n.textContent.trim()]);
                    }
                  }
                  for (const e of document.querySelectorAll('[title], [alt], [placeholder], [aria-label], input[type=submit][value], input[type=button][value]')) {
                    for (const a of ['title', 'alt', 'placeholder', 'aria-label']) {
                      if (e.getAttribute(a)) out.push([e.tagName.toLowerCase() + '[' + a + ']', e.getAttribute(a)]);
                    }
                    if (e.tagName === 'INPUT' && e.value) out.push(['input[value]', e.value]);
                  }
                  return out;
                }
                """);
    List<String> found = new ArrayList<>();
    for (List<String> text : texts) {
      for (Pattern name : NAMES) {
        Matcher m = name.matcher(text.get(1));
        while (m.find()) {
          boolean stationsNumber =
              text.get(0).equals("station-id") && STATION_ID.matcher(m.group()).matches();
          if (!READ_BY_PEOPLE.contains(m.group()) && !stationsNumber) {
            found.add(text.get(0) + ": «" + m.group() + "» in «" + abbreviated(text.get(1)) + "»");
          }
        }
      }
    }
    return found;
  }

  private static String abbreviated(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
