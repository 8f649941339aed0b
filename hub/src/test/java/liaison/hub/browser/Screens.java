package liaison.hub.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * Layout checks for a phone page that a screenshot alone would leave to a person's eye: nothing
 * wider than the screen, no text cut off inside its box, and every control a thumb must hit at
 * least 44 CSS pixels high (Apple's and WCAG 2.5.5's size). Inline links inside a sentence are
 * exempt, as WCAG does.
 */
final class Screens {
  static final int MIN_TOUCH = 44;

  private Screens() {}

  static void checkLayout(Page page) {
    Object width =
        page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
    @SuppressWarnings("unchecked")
    List<Number> w = (List<Number>) width;
    assertThat(w.get(0).intValue())
        .as("page width on %s (wider than the screen: sideways scrolling)", page.url())
        .isLessThanOrEqualTo(w.get(1).intValue());

    @SuppressWarnings("unchecked")
    List<String> small =
        (List<String>)
            page.evaluate(
                """
                (min) => {
                  const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')
                      + ' "' + (e.innerText || e.value || e.getAttribute('name') || '').trim().slice(0, 20) + '"';
                  const targets = [...document.querySelectorAll(
                      'button, select, textarea, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), label.check, label.choice, label.file-pick, nav a, p > a:only-child')];
                  return targets
                      .filter(e => e.offsetParent !== null)
                      .map(e => [e, e.getBoundingClientRect()])
                      .filter(([e, r]) => r.height < min)
                      .map(([e, r]) => name(e) + ' is ' + Math.round(r.width) + '×' + Math.round(r.height));
                }
                """,
                MIN_TOUCH);
    assertThat(small).as("touch targets under %d px on %s", MIN_TOUCH, page.url()).isEmpty();

    @SuppressWarnings("unchecked")
    List<String> clipped =
        (List<String>)
            page.evaluate(
                """
                () => [...document.querySelectorAll('main *, header *')]
                    .filter(e => e.offsetParent !== null && e.tagName !== 'TEXTAREA' && e.tagName !== 'SELECT' && e.tagName !== 'INPUT')
                    .filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0 && getComputedStyle(e).overflowX !== 'visible'
                        || e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .map(e => e.tagName.toLowerCase() + '.' + e.className + ' "' + (e.innerText || '').trim().slice(0, 20) + '"')
                """);
    assertThat(clipped).as("elements cut off or out of the screen on %s", page.url()).isEmpty();
  }
}
