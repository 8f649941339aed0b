package liaison.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.exceptions.BeanInstantiationException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import liaison.hub.config.StartupProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hub refuses to start on a bad path or a taken port, and says which. */
class HubStartupTest {

  @TempDir Path dir;

  @Test
  void shouldNameTheDataDirectoryWhenItCannotBeCreated() throws Exception {
    // A directory inside a regular file cannot exist, whoever runs the test (root included).
    Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
    Path dataDir = file.resolve("data");

    assertThatThrownBy(
            () -> HubMain.preflight(Map.of("hub.data-dir", dataDir.toString(), "hub.http-port", 0)))
        .isInstanceOf(StartupProblem.class)
        .hasMessageContaining(dataDir.toAbsolutePath().toString())
        .hasMessageContaining("--data-dir");
  }

  @Test
  void shouldNameTheWebPortWhenItIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();

      assertThatThrownBy(
              () ->
                  HubMain.preflight(
                      Map.of(
                          "hub.data-dir",
                          dir.toString(),
                          "hub.http-host",
                          "127.0.0.1",
                          "hub.http-port",
                          port)))
          .isInstanceOf(StartupProblem.class)
          .hasMessageContaining("port " + port)
          .hasMessageContaining("--http-port");
    }
  }

  @Test
  void shouldNameTheBrokerPortWhenItIsTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = taken.getLocalPort();

      assertThatThrownBy(() -> RunningHub.start(dir, port, Map.of()))
          .isInstanceOf(BeanInstantiationException.class)
          .rootCause()
          .isInstanceOf(StartupProblem.class)
          .hasMessageContaining("MQTT broker port " + port)
          .hasMessageContaining("--mqtt-port");
    }
  }

  @Test
  void shouldMakeAFreshDataDirectoryItself() {
    Path fresh = dir.resolve("fresh").resolve("data");

    try (RunningHub hub = RunningHub.start(fresh, Map.of("hub.demo", "never"))) {
      assertThat(hub.get("/health").statusCode()).isEqualTo(200);
    }
    assertThat(fresh.resolve("mqtt-hub.secret")).isRegularFile();
    if (TestDatabases.chosen() == TestDatabases.Store.SQLITE) {
      assertThat(fresh.resolve("hub.db")).isRegularFile();
    }
  }

  @Test
  void shouldMapFlagsToSettingsAndRefuseUnknownOnes() {
    Map<String, Object> properties =
        HubMain.parse(
            List.of(
                "--http-port=9090",
                "--data-dir=/srv/liaison",
                "--broker-uri=tcp://mq:1883",
                "--demo"));

    assertThat(properties)
        .containsEntry("hub.http-port", "9090")
        .containsEntry("hub.data-dir", "/srv/liaison")
        .containsEntry("hub.mqtt.uri", "tcp://mq:1883")
        .containsEntry("hub.demo", "always");
    assertThatThrownBy(() -> HubMain.parse(List.of("--htp-port=1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown option --htp-port");
  }

  @Test
  void shouldKeepThePlainListenersOnThisMachineUnlessOpened() {
    try (io.micronaut.context.ApplicationContext probe =
        io.micronaut.context.ApplicationContext.builder().build()) {
      io.micronaut.context.env.Environment env = probe.getEnvironment();
      env.start();
      assertThat(env.getProperty("hub.http-host", String.class)).contains("127.0.0.1");
      assertThat(env.getProperty("hub.mqtt.host", String.class)).contains("127.0.0.1");
    }
    assertThat(HubMain.parse(List.of("--http-host=0.0.0.0", "--mqtt-host=0.0.0.0")))
        .containsEntry("hub.http-host", "0.0.0.0")
        .containsEntry("hub.mqtt.host", "0.0.0.0");
  }

  @Test
  void shouldNameTheKeystoreWhenItCannotBeOpened() throws Exception {
    Path missing = dir.resolve("no-such.p12");
    Path notAKeystore = Files.writeString(dir.resolve("junk.p12"), "not a keystore");

    assertThatThrownBy(
            () ->
                HubMain.preflight(
                    Map.of(
                        "hub.data-dir",
                        dir.toString(),
                        "hub.http-port",
                        0,
                        "hub.tls.keystore",
                        missing.toString())))
        .isInstanceOf(StartupProblem.class)
        .hasMessageContaining(missing.toAbsolutePath().toString())
        .hasMessageContaining("--tls-keystore");
    assertThatThrownBy(
            () ->
                HubMain.preflight(
                    Map.of(
                        "hub.data-dir",
                        dir.toString(),
                        "hub.http-port",
                        0,
                        "hub.tls.keystore",
                        notAKeystore.toString(),
                        "hub.tls.keystore-password",
                        "x")))
        .isInstanceOf(StartupProblem.class)
        .hasMessageContaining("cannot open the TLS keystore")
        .hasMessageContaining("password");
  }
}
