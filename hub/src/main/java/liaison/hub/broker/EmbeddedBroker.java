package liaison.hub.broker;

import com.codahale.metrics.Counter;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import liaison.hub.config.HubConfig;
import liaison.hub.config.MqttConfig;
import liaison.hub.config.Preflight;
import liaison.hub.config.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HiveMQ CE broker inside the hub, so one command runs everything on one machine. Its files
 * live under {@code <data-dir>/broker}: with file persistence, the queued events of the hub's
 * session survive a crash of the whole process.
 */
@Context
@Requires(condition = MqttConfig.EmbeddedWanted.class)
public class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  private final MqttConfig config;
  private final EmbeddedHiveMQ hivemq;
  private volatile boolean running;

  public EmbeddedBroker(MqttConfig config, HubConfig hub, BrokerSettings settings) {
    this.config = config;
    Preflight.checkPortFree(config.host(), config.port(), "the MQTT broker", "--mqtt-port or HUB_MQTT_PORT");
    Path home = hub.dataPath().resolve("broker").toAbsolutePath();
    try {
      Files.createDirectories(home.resolve("conf"));
      Files.createDirectories(home.resolve("data"));
      Files.createDirectories(home.resolve("extensions"));
      Files.writeString(home.resolve("conf/config.xml"), configXml(config, settings));
    } catch (IOException e) {
      throw new StartupProblem("cannot prepare the broker's folder " + home + ": " + e.getMessage(), e);
    }
    hivemq =
        EmbeddedHiveMQ.builder()
            .withConfigurationFolder(home.resolve("conf"))
            .withDataFolder(home.resolve("data"))
            .withExtensionsFolder(home.resolve("extensions"))
            .build();
    long started = System.nanoTime();
    try {
      hivemq.start().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new StartupProblem(
          "the embedded MQTT broker did not start on " + config.host() + ":" + config.port() + ": " + e, e);
    }
    running = true;
    LOG.info(
        "MQTT broker (HiveMQ CE, embedded) listening on {}:{}, {} persistence, started in {} ms",
        config.host(),
        config.port(),
        settings.persistence(),
        (System.nanoTime() - started) / 1_000_000);
  }

  static String configXml(MqttConfig config, BrokerSettings settings) {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
              <strategy>discard</strategy>
            </queued-messages>
            <receive-maximum>
              <server-receive-maximum>%d</server-receive-maximum>
            </receive-maximum>
            <packets>
              <max-packet-size>%d</max-packet-size>
            </packets>
          </mqtt>
          <persistence>
            <mode>%s</mode>
          </persistence>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """
        .formatted(
            config.port(),
            config.host(),
            settings.maxQueuedMessages(),
            settings.serverReceiveMaximum(),
            settings.maxPacketBytes(),
            settings.persistence());
  }

  /**
   * Messages the broker has dropped since it started (a full client or shared-subscription queue,
   * an oversized packet…): zero in a healthy hub.
   */
  public long droppedMessages() {
    Counter dropped = hivemq.getMetricRegistry().getCounters().get("com.hivemq.messages.dropped.count");
    return dropped == null ? 0 : dropped.getCount();
  }

  public boolean isRunning() {
    return running;
  }

  public String address() {
    return config.host() + ":" + config.port();
  }

  @PreDestroy
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    try {
      hivemq.stop().get(30, TimeUnit.SECONDS);
      hivemq.close();
      LOG.info("MQTT broker stopped");
    } catch (Exception e) {
      LOG.warn("the embedded MQTT broker did not stop cleanly: {}", e.toString());
    }
  }
}
