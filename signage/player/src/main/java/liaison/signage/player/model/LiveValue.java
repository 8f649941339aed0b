package liaison.signage.player.model;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A value that tells its watchers when it changes: the runtime's model, with no UI toolkit in it.
 * Watchers are called on the thread that set the value; a view hands over to its own thread.
 */
public final class LiveValue<T> {
  private volatile T value;
  private final List<Consumer<? super T>> watchers = new CopyOnWriteArrayList<>();

  public LiveValue(T initial) {
    this.value = Objects.requireNonNull(initial);
  }

  public T get() {
    return value;
  }

  /** Sets the value; watchers hear of it only when it differs from the current one. */
  public void set(T next) {
    Objects.requireNonNull(next);
    synchronized (this) {
      if (next.equals(value)) {
        return;
      }
      value = next;
    }
    for (Consumer<? super T> watcher : watchers) {
      watcher.accept(next);
    }
  }

  /** Calls the watcher now with the current value and after every change; close to stop. */
  public AutoCloseable watch(Consumer<? super T> watcher) {
    watchers.add(watcher);
    watcher.accept(value);
    return () -> watchers.remove(watcher);
  }
}
