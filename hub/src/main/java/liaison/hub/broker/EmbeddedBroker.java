package liaison.hub.broker;

import com.codahale.metrics.Counter;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import liaison.hub.config.DiskFull;
import liaison.hub.config.HubConfig;
import liaison.hub.config.MqttConfig;
import liaison.hub.config.Preflight;
import liaison.hub.config.StartupProblem;
import liaison.hub.config.TlsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HiveMQ CE broker inside the hub, so one command runs everything on one machine. Its files
 * live under {@code <data-dir>/broker}: with file persistence, the queued events of the hub's
 * session survive a crash of the whole process.
 *
 * <p>It never runs open: {@link BrokerSecurity} is installed as an embedded extension when it
 * starts (HiveMQ alone admits everyone), and the hub refuses to go on unless the extension started
 * and an anonymous client is in fact turned away. With {@code hub.tls.keystore} set it also listens
 * for MQTT over TLS.
 */
@Context
@Requires(condition = MqttConfig.EmbeddedWanted.class)
public class EmbeddedBroker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

  /** The client id of the start-up check that an anonymous client is refused. */
  static final String PROBE_CLIENT_ID = "liaison-anonymous-probe";

  /** HiveMQ CE's own cap on the QoS 1 messages in flight to one client. */
  static final int HIVEMQ_INFLIGHT_WINDOW = 50;

  private final MqttConfig config;
  private final TlsConfig tls;
  private final EmbeddedHiveMQ hivemq;
  private final BrokerSecurity security;
  private final boolean inMemory;
  private volatile boolean running;

  public EmbeddedBroker(
      MqttConfig config,
      HubConfig hub,
      BrokerSettings settings,
      TlsConfig tls,
      HubAccount hubAccount,
      StationAccounts stations,
      BrokerSecurityConfig securityConfig,
      Clock clock) {
    this.config = config;
    this.tls = tls;
    this.inMemory = "in-memory".equals(settings.persistence());
    Preflight.checkPortFree(
        config.host(), config.port(), "the MQTT broker", "--mqtt-port or HUB_MQTT_PORT");
    if (tls.enabled()) {
      Preflight.checkKeystore(
          tls.keystorePath(), tls.storePassword(), "--tls-keystore / --tls-keystore-password");
      Preflight.checkPortFree(
          tls.mqttHost(), tls.mqttPort(), "the MQTT-over-TLS", "--mqtts-port or HUB_TLS_MQTT_PORT");
    }
    Path home = hub.dataPath().resolve("broker").toAbsolutePath();
    try {
      Files.createDirectories(home.resolve("conf"));
      Files.createDirectories(home.resolve("data"));
      Files.createDirectories(home.resolve("extensions"));
      Path xml = home.resolve("conf/config.xml");
      Files.writeString(xml, configXml(config, settings, tls));
      try {
        // It may hold the keystore's password.
        Files.setPosixFilePermissions(
            xml, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
    } catch (IOException e) {
      if (DiskFull.isDiskFull(e)) {
        throw new StartupProblem(
            DiskFull.describe(home) + ": the broker cannot write its folder; free some space there",
            e);
      }
      throw new StartupProblem(
          "cannot prepare the broker's folder " + home + ": " + e.getMessage(), e);
    }
    security = new BrokerSecurity(hubAccount, stations, securityConfig, clock);
    hivemq =
        EmbeddedHiveMQ.builder()
            .withConfigurationFolder(home.resolve("conf"))
            .withDataFolder(home.resolve("data"))
            .withExtensionsFolder(home.resolve("extensions"))
            .withEmbeddedExtension(
                EmbeddedExtension.builder()
                    .withId("liaison-security")
                    .withName("Liaison station credentials and topic permissions")
                    .withVersion("1")
                    .withAuthor("Liaison")
                    .withPriority(1000)
                    .withStartPriority(1000)
                    .withExtensionMain(security)
                    .build())
            .build();
    // HiveMQ waits 2 s at every stop for persistence writes in flight; in memory there are none to
    // wait for (a test suite of some sixty hub starts paid it each time). The setting is global.
    com.hivemq.configuration.service.InternalConfigurations.PERSISTENCE_SHUTDOWN_GRACE_PERIOD_MSEC
        .set(inMemory ? 0 : 2_000);
    // HiveMQ CE sends a client at most 50 QoS 1 messages unacknowledged, whatever larger Receive
    // Maximum the client asks for. The hub acknowledges events only after their commit, so 50 per
    // commit cycle was the most it could store (issue 22, BENCHMARKS.md): let the hub's own
    // Receive Maximum decide. Global, as above; other clients still get no more than they ask for.
    com.hivemq.configuration.service.InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES =
        Math.max(HIVEMQ_INFLIGHT_WINDOW, settings.clientReceiveMaximum());
    long started = System.nanoTime();
    try {
      hivemq.start().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (DiskFull.isDiskFull(e) || usableSpace(home) < 1024 * 1024) {
        // HiveMQ on a full disk does not fail, it never finishes starting: name the disk, not the
        // time-out.
        throw new StartupProblem(
            DiskFull.describe(home)
                + ": the embedded MQTT broker could not start; free some space there",
            e);
      }
      throw new StartupProblem(
          "the embedded MQTT broker did not start on "
              + config.host()
              + ":"
              + config.port()
              + ": "
              + e,
          e);
    }
    running = true;
    try {
      refuseToRunOpen();
    } catch (StartupProblem e) {
      close();
      throw e;
    }
    LOG.info(
        "MQTT broker (HiveMQ CE, embedded) listening on {}:{}{}, {} persistence, clients need credentials, started in {} ms",
        config.host(),
        config.port(),
        tls.enabled() ? " and over TLS on " + tls.mqttHost() + ":" + tls.mqttPort() : "",
        settings.persistence(),
        (System.nanoTime() - started) / 1_000_000);
  }

  private static long usableSpace(Path folder) {
    try {
      return Files.getFileStore(folder).getUsableSpace();
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * HiveMQ starts even when an extension fails, and then admits everyone: check that the security
   * extension runs and that an anonymous client is turned away, or stop.
   */
  private void refuseToRunOpen() {
    if (!security.started()) {
      throw new StartupProblem(
          "the broker's security extension did not start, so the broker would admit anyone; not starting it (see the log above)");
    }
    String host = config.clientUri().replaceFirst("^tcp://", "").replaceFirst(":\\d+$", "");
    int reason;
    try {
      reason = AnonymousProbe.reasonCode(host, config.port(), PROBE_CLIENT_ID);
    } catch (IOException e) {
      throw new StartupProblem(
          "could not check that the broker at "
              + config.clientUri()
              + " refuses anonymous clients: "
              + e.getMessage(),
          e);
    }
    if (reason == 0) {
      throw new StartupProblem(
          "the embedded broker let an anonymous client in; refusing to run it open");
    }
    if (reason != 0x86 && reason != 0x87) {
      throw new StartupProblem(
          "could not check that the broker at "
              + config.clientUri()
              + " refuses anonymous clients (reason 0x"
              + Integer.toHexString(reason)
              + ")");
    }
  }

  /**
   * Closes a station's connections made with a credential it no longer holds (revoked or replaced).
   *
   * @return how many were closed
   */
  public int enforceCredential(String stationId) {
    return running ? security.enforce(stationId) : 0;
  }

  /**
   * Closes every connection of a station (its Last Will goes out), e.g. one that floods the hub
   * with malformed messages.
   *
   * @return how many were closed
   */
  public int disconnectStation(String stationId, String why) {
    return running ? security.disconnect(stationId, why) : 0;
  }

  /** Connect attempts held back as a storm since the broker started. */
  public long refusedConnects() {
    return security.refusedByGuard();
  }

  /** The MQTT-over-TLS address, when TLS is on. */
  public java.util.Optional<String> tlsAddress() {
    return tls.enabled()
        ? java.util.Optional.of(tls.mqttHost() + ":" + tls.mqttPort())
        : java.util.Optional.empty();
  }

  static String configXml(MqttConfig config, BrokerSettings settings, TlsConfig tls) {
    String tlsListener =
        !tls.enabled()
            ? ""
            : """
                <tls-tcp-listener>
                  <port>%d</port>
                  <bind-address>%s</bind-address>
                  <tls>
                    <keystore>
                      <path>%s</path>
                      <password>%s</password>
                      <private-key-password>%s</private-key-password>
                    </keystore>
                    <client-authentication-mode>NONE</client-authentication-mode>
                  </tls>
                </tls-tcp-listener>
            """
                .formatted(
                    tls.mqttPort(),
                    xml(tls.mqttHost()),
                    xml(tls.keystorePath().toString()),
                    xml(tls.storePassword()),
                    xml(tls.privateKeyPassword()));
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
            </tcp-listener>
        %s  </listeners>
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
            xml(config.host()),
            tlsListener,
            settings.maxQueuedMessages(),
            settings.serverReceiveMaximum(),
            settings.maxPacketBytes(),
            settings.persistence());
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /**
   * Messages the broker has dropped since it started (a full client or shared-subscription queue,
   * an oversized packet…): zero in a healthy hub.
   */
  public long droppedMessages() {
    Counter dropped =
        hivemq.getMetricRegistry().getCounters().get("com.hivemq.messages.dropped.count");
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
    if (!inMemory) {
      stopWholly();
      return;
    }
    // HiveMQ closes its listeners, cuts its clients off, closes its event loops and then idles 2 s
    // (Netty's quiet period, a literal in HiveMQ) before its stop completes. In memory there is
    // nothing left to write: the hub is done once its port refuses connections, and the rest ends
    // on HiveMQ's own threads (a test suite starts and stops some hundred hubs). A client may be
    // served for a few milliseconds more; a stop that must have cut every client off is not this
    // one (a hub with files waits for the whole stop above).
    Thread stopping = Thread.ofPlatform().name("mqtt-broker-stop").start(this::stopWholly);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (listening() && stopping.isAlive() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
  }

  private void stopWholly() {
    try {
      hivemq.stop().get(30, TimeUnit.SECONDS);
      hivemq.close();
      LOG.info("MQTT broker stopped");
    } catch (Exception e) {
      LOG.warn("the embedded MQTT broker did not stop cleanly: {}", e.toString());
    }
  }

  /** Whether the broker's MQTT port still takes connections. */
  private boolean listening() {
    URI uri = URI.create(config.clientUri());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1_000);
      return true;
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
