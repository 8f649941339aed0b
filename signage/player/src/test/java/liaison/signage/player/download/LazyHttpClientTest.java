package liaison.signage.player.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyHttpClientTest {

  @Test
  void shouldBuildTheClientOnFirstUseOnly() {
    AtomicInteger builds = new AtomicInteger();
    LazyHttpClient lazy = counting(builds);

    assertThat(builds).hasValue(0);
    HttpClient first = lazy.get();
    HttpClient second = lazy.get();

    assertThat(builds).hasValue(1);
    assertThat(second).isSameAs(first);
    lazy.shutdownNow();
  }

  @Test
  void shouldEndAClientBuiltAfterShutdownAtOnce() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    LazyHttpClient lazy = counting(builds);

    lazy.shutdownNow();
    assertThat(builds).as("shutting down builds nothing").hasValue(0);

    HttpClient late = lazy.get();

    assertThat(builds).hasValue(1);
    assertThat(late.awaitTermination(Duration.ofSeconds(10))).as("ended at once").isTrue();
  }

  /** A lazy client that counts how often it was built. */
  private static LazyHttpClient counting(AtomicInteger builds) {
    return new LazyHttpClient(
        () -> {
          builds.incrementAndGet();
          return HttpClient.newHttpClient();
        });
  }
}
