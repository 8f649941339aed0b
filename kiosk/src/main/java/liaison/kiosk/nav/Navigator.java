package liaison.kiosk.nav;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kiosk's page and the visitor's settings, as plain state driven by taps and the clock: no
 * toolkit, so navigation and the idle timeout are tested with a controllable clock.
 *
 * <p>After {@link #IDLE} without a touch the kiosk returns to Home and forgets the visitor's
 * settings; after a satisfaction rating it thanks the visitor for {@link #THANKS} and then returns
 * Home.
 */
public final class Navigator {

  public static final Duration IDLE = Duration.ofSeconds(60);
  public static final Duration THANKS = Duration.ofSeconds(6);

  private final Deque<Page> history = new ArrayDeque<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private Page page = new Page.Home();
  private Settings settings = Settings.DEFAULT;
  private Instant lastTouch;
  private Optional<Instant> thankedUntil = Optional.empty();

  public Navigator(Instant now) {
    this.lastTouch = now;
  }

  public Page page() {
    return page;
  }

  public Settings settings() {
    return settings;
  }

  public Instant lastTouch() {
    return lastTouch;
  }

  /** Whether the visitor's rating is being thanked for on screen. */
  public boolean thanking() {
    return thankedUntil.isPresent();
  }

  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  /** Any touch anywhere: the idle timer starts again. */
  public void touch(Instant now) {
    lastTouch = now;
  }

  /** Opens a page; Back returns to the one before. Opening Home clears the way back. */
  public void go(Page next, Instant now) {
    touch(now);
    if (next.equals(page)) {
      return;
    }
    if (next instanceof Page.Home) {
      history.clear();
    } else if (next.tab() != page.tab()) {
      // Another tab: Back leads Home from there.
      history.clear();
      history.push(new Page.Home());
    } else if (!(isListPage(next) && isListPage(page))) {
      // A detail page within the tab: Back returns to where the visitor was.
      history.push(page);
    }
    // (Paging or filtering a list replaces the page: Back leaves the list.)
    thankedUntil = Optional.empty();
    page = next;
    changed();
  }

  private static boolean isListPage(Page p) {
    return p instanceof Page.Deputies
        || p instanceof Page.Stars
        || p instanceof Page.Schedule
        || p instanceof Page.Notices;
  }

  /** Back one page, or Home. */
  public void back(Instant now) {
    touch(now);
    Page previous = history.isEmpty() ? new Page.Home() : history.pop();
    if (previous.equals(page)) {
      return;
    }
    page = previous;
    thankedUntil = Optional.empty();
    changed();
  }

  public void settings(Settings next, Instant now) {
    touch(now);
    if (!next.equals(settings)) {
      settings = next;
      changed();
    }
  }

  /** The visitor rated the visit: thank them, then return Home. */
  public void thanked(Instant now) {
    touch(now);
    thankedUntil = Optional.of(now.plus(THANKS));
    changed();
  }

  /**
   * Called every second: returns Home and resets the settings after the idle timeout, ends the
   * thanks. Returns whether anything changed.
   */
  public boolean tick(Instant now) {
    if (thankedUntil.isPresent() && !now.isBefore(thankedUntil.get())) {
      thankedUntil = Optional.empty();
      history.clear();
      page = new Page.Home();
      changed();
      return true;
    }
    boolean idle = !now.isBefore(lastTouch.plus(IDLE));
    if (idle && (!(page instanceof Page.Home) || !settings.equals(Settings.DEFAULT))) {
      history.clear();
      page = new Page.Home();
      settings = Settings.DEFAULT;
      thankedUntil = Optional.empty();
      changed();
      return true;
    }
    return false;
  }

  private void changed() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
