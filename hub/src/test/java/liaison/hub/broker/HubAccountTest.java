package liaison.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import liaison.hub.config.HubConfig;
import liaison.hub.config.MqttConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub's MQTT password kept in the data folder, which the county's hubs share. */
class HubAccountTest {
  @Test
  void shouldKeepOnePasswordForEveryHubStartingAtOnceOnTheSharedDataFolder(@TempDir Path data)
      throws Exception {
    int hubs = 8;
    MqttConfig mqtt = new MqttConfig("127.0.0.1", 1883, null, "liaison_hub", null, null);
    HubConfig config = new HubConfig(8080, "127.0.0.1", data.toString(), "", "never");
    CyclicBarrier together = new CyclicBarrier(hubs);
    ExecutorService threads = Executors.newFixedThreadPool(hubs);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < hubs; i++) {
        started.add(
            threads.submit(
                () -> {
                  together.await(10, TimeUnit.SECONDS);
                  return new String(
                      new HubAccount(mqtt, config).password(), StandardCharsets.UTF_8);
                }));
      }
      Set<String> passwords = new HashSet<>();
      for (Future<String> f : started) {
        passwords.add(f.get(30, TimeUnit.SECONDS));
      }

      String kept = Files.readString(data.resolve(HubAccount.SECRET_FILE)).strip();
      assertThat(passwords).as("every hub uses the password kept").containsExactly(kept);
      try (Stream<Path> left = Files.list(data)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .as("no temporary file left beside it")
            .containsExactly(HubAccount.SECRET_FILE);
      }
      assertThat(new String(new HubAccount(mqtt, config).password(), StandardCharsets.UTF_8))
          .as("a hub started later reads it")
          .isEqualTo(kept);
    } finally {
      threads.shutdownNow();
    }
  }
}
