package liaison.signage.player.download;

import java.net.http.HttpClient;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * An HTTP client built on its first use. Building a {@link HttpClient} loads its classes and starts
 * its selector thread: a station opening would do it for each part that may download something
 * (about 0.25 s for the first one with an AOT cache on a loaded machine), before the kiosk's first
 * frame, which needs none of them (issue 22).
 */
public final class LazyHttpClient {
  private final Supplier<HttpClient> build;
  private @Nullable HttpClient client;
  private boolean closed;

  public LazyHttpClient(Supplier<HttpClient> build) {
    this.build = build;
  }

  /** The client, built now if this is its first use. */
  public synchronized HttpClient get() {
    if (client == null) {
      client = build.get();
      if (closed) {
        client.shutdownNow();
      }
    }
    return client;
  }

  /** Ends the client's exchanges now, if it was ever built; one built later is ended at once. */
  public synchronized void shutdownNow() {
    closed = true;
    if (client != null) {
      client.shutdownNow();
    }
  }
}
