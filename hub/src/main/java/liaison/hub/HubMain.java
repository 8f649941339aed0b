package liaison.hub;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import liaison.hub.backup.HubBackup;
import liaison.hub.backup.HubRestore;
import liaison.hub.config.DiskFull;
import liaison.hub.config.Preflight;
import liaison.hub.config.StartupProblem;
import liaison.hub.config.TimeFactory;
import liaison.hub.migrate.MigrateToPostgres;
import liaison.hub.notify.mail.CheckMail;

/**
 * {@code java -jar hub.jar [flags]}: reads the flags, checks paths and ports, starts Micronaut and
 * prints where to go next.
 */
public final class HubMain {

  /** Flag → property. Each property can also come from its environment variable (HUB_…). */
  static final Map<String, String> FLAGS =
      Map.ofEntries(
          Map.entry("http-port", "hub.http-port"),
          Map.entry("http-host", "hub.http-host"),
          Map.entry("data-dir", "hub.data-dir"),
          Map.entry("public-url", "hub.public-url"),
          Map.entry("mqtt-port", "hub.mqtt.port"),
          Map.entry("mqtt-host", "hub.mqtt.host"),
          Map.entry("broker-uri", "hub.mqtt.uri"),
          Map.entry("db-url", "hub.db.url"),
          Map.entry("db-user", "hub.db.user"),
          Map.entry("db-password", "hub.db.password"),
          Map.entry("db-pool-size", "hub.db.pool-size"),
          Map.entry("mqtt-username", "hub.mqtt.username"),
          Map.entry("mqtt-password", "hub.mqtt.password"),
          Map.entry("mqtt-client-id", "hub.mqtt.broker.client-id"),
          Map.entry("mosquitto-dir", "hub.mqtt.mosquitto-dir"),
          Map.entry("tls-keystore", "hub.tls.keystore"),
          Map.entry("tls-keystore-password", "hub.tls.keystore-password"),
          Map.entry("https-port", "hub.tls.https-port"),
          Map.entry("https-host", "hub.tls.https-host"),
          Map.entry("mqtts-port", "hub.tls.mqtt-port"),
          Map.entry("mqtts-host", "hub.tls.mqtt-host"),
          Map.entry("metrics-token", "hub.metrics.token"));

  static final String USAGE =
      """
      Usage: java -jar hub.jar [options]

        --http-port=8080        web admin, residents' pages, API        (HUB_HTTP_PORT)
        --http-host=127.0.0.1   address plain HTTP listens on; 0.0.0.0 opens it to the
                                network                                  (HUB_HTTP_HOST)
        --data-dir=data         database, broker files, photos, media;
                                several hubs share one (SCALING.md)     (HUB_DATA_DIR)
        --public-url=URL        base of the QR links, e.g. https://rd.example.gov.cn
                                (default http://<LAN address>:<port>)    (HUB_PUBLIC_URL)
        --mqtt-port=1883        embedded broker port                     (HUB_MQTT_PORT)
        --mqtt-host=127.0.0.1   embedded broker address                  (HUB_MQTT_HOST)
        --broker-uri=URI        use an external broker, e.g. tcp://mq:1883 (HUB_MQTT_URI)
        --mqtt-username=…  --mqtt-password=…  the hub's own MQTT account; default
                                liaison_hub and a password made on first start
                                (HUB_MQTT_USERNAME, HUB_MQTT_PASSWORD)
        --mqtt-client-id=liaison-hub  the hub's MQTT client id; several hubs on one broker
                                need one each, e.g. liaison-hub-a; it also names
                                the hub's work folders   (HUB_MQTT_BROKER_CLIENT_ID)
        --mosquitto-dir=DIR     keep a Mosquitto password and ACL file there (HUB_MQTT_MOSQUITTO_DIR)
        --tls-keystore=FILE     PKCS#12 with the hub's certificate and key: HTTPS and
                                MQTT over TLS                           (HUB_TLS_KEYSTORE)
        --tls-keystore-password=…                                         (HUB_TLS_KEYSTORE_PASSWORD)
        --https-port=8443 --https-host=0.0.0.0                            (HUB_TLS_HTTPS_PORT, …)
        --mqtts-port=8883 --mqtts-host=0.0.0.0                            (HUB_TLS_MQTT_PORT, …)
        --db-url=JDBC_URL       e.g. jdbc:postgresql://db/liaison         (HUB_DB_URL)
        --db-user=… --db-password=…                                       (HUB_DB_USER, HUB_DB_PASSWORD)
        --db-pool-size=4        database connections kept open           (HUB_DB_POOL_SIZE)
        --metrics-token=…       GET /metrics (Prometheus) with "Authorization: Bearer …";
                                unset: /metrics answers 404             (HUB_METRICS_TOKEN)
        --demo                  load the demo county if it is missing    (HUB_DEMO=always)
        --no-demo               never load demo data                     (HUB_DEMO=never)

      java -jar hub.jar migrate-to-postgres --from=data/hub.db --to=jdbc:postgresql://db/liaison
                                copy a stopped hub's SQLite file into an empty PostgreSQL
                                database and check every table (migrate-to-postgres --help)
      java -jar hub.jar backup --to=FILE.zip|DIR
                                the running hub in one file: a consistent copy of the
                                database, photos and keys, a manifest (backup --help)
      java -jar hub.jar restore --from=FILE.zip --data-dir=NEW [--db-url=…]
                                a backup into a new folder (and an empty PostgreSQL
                                database), every table and file checked (restore --help)
      java -jar hub.jar check-mail --to=someone@county.gov.cn
                                send one test message with the mail settings
                                (hub.notify.mail.*, docs/NOTIFICATIONS.md)
      """;

  private HubMain() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals(CheckMail.COMMAND)) {
      System.exit(
          CheckMail.run(
              List.of(args).subList(1, args.length),
              Map.of(),
              new TimeFactory().clock(),
              System.out,
              System.err));
      return;
    }
    if (args.length > 0 && args[0].equals(HubBackup.COMMAND)) {
      System.exit(
          HubBackup.run(
              List.of(args).subList(1, args.length),
              new TimeFactory().clock(),
              System.out,
              System.err));
      return;
    }
    if (args.length > 0 && args[0].equals(HubRestore.COMMAND)) {
      System.exit(HubRestore.run(List.of(args).subList(1, args.length), System.out, System.err));
      return;
    }
    if (args.length > 0 && args[0].equals(MigrateToPostgres.COMMAND)) {
      System.exit(
          MigrateToPostgres.run(
              List.of(args).subList(1, args.length), System.getenv(), System.out, System.err));
      return;
    }
    Map<String, Object> properties;
    try {
      properties = parse(List.of(args));
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("hub: " + e.getMessage());
      }
      System.err.print(USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    try {
      preflight(properties);
      properties.putAll(webListeners(properties));
      ApplicationContext context =
          Micronaut.build(new String[0])
              .mainClass(HubMain.class)
              .properties(properties)
              .banner(false)
              .start();
      context.getBean(StartupSummary.class).print(System.out);
    } catch (RuntimeException e) {
      StartupProblem problem = findProblem(e, dataDir(properties));
      if (problem == null) {
        throw e;
      }
      System.err.println();
      System.err.println("hub: cannot start: " + problem.getMessage());
      System.exit(1);
    }
  }

  /** Reads the effective settings (flags, environment, defaults) and checks paths and ports. */
  static void preflight(Map<String, Object> properties) {
    try (ApplicationContext probe = ApplicationContext.builder().properties(properties).build()) {
      Environment env = probe.getEnvironment();
      env.start();
      String dataDir = env.getProperty("hub.data-dir", String.class).orElse("data");
      long minFree =
          env.getProperty("hub.disk.min-free-mb", Long.class).orElse(Preflight.MIN_FREE_BYTES >> 20)
              << 20;
      Preflight.checkWritableDirectory(Path.of(dataDir), minFree, "--data-dir or HUB_DATA_DIR");
      String httpHost = env.getProperty("hub.http-host", String.class).orElse("127.0.0.1");
      int httpPort = env.getProperty("hub.http-port", Integer.class).orElse(8080);
      Preflight.checkPortFree(httpHost, httpPort, "the web", "--http-port or HUB_HTTP_PORT");
      String keystore = env.getProperty("hub.tls.keystore", String.class).orElse("");
      if (!keystore.isBlank()) {
        Preflight.checkKeystore(
            Path.of(keystore).toAbsolutePath(),
            env.getProperty("hub.tls.keystore-password", String.class).orElse(""),
            "--tls-keystore / --tls-keystore-password");
        Preflight.checkPortFree(
            env.getProperty("hub.tls.https-host", String.class).orElse("0.0.0.0"),
            env.getProperty("hub.tls.https-port", Integer.class).orElse(8443),
            "the HTTPS",
            "--https-port or HUB_TLS_HTTPS_PORT");
      }
    }
  }

  /**
   * With a TLS keystore configured, the web server gets two listeners: plain HTTP where {@code
   * hub.http-host} puts it (this machine only, by default) and HTTPS on {@code hub.tls.https-host}
   * (the network, by default). Without one, nothing changes.
   */
  public static Map<String, Object> webListeners(Map<String, Object> properties) {
    try (ApplicationContext probe = ApplicationContext.builder().properties(properties).build()) {
      Environment env = probe.getEnvironment();
      env.start();
      String keystore = env.getProperty("hub.tls.keystore", String.class).orElse("");
      if (keystore.isBlank()) {
        return Map.of();
      }
      Path file = Path.of(keystore).toAbsolutePath();
      String password = env.getProperty("hub.tls.keystore-password", String.class).orElse("");
      String keyPassword =
          env.getProperty("hub.tls.key-password", String.class)
              .filter(p -> !p.isEmpty())
              .orElse(password);
      Map<String, Object> server = new LinkedHashMap<>();
      server.put("micronaut.server.ssl.enabled", true);
      server.put("micronaut.server.ssl.key-store.path", "file:" + file);
      server.put("micronaut.server.ssl.key-store.password", password);
      server.put(
          "micronaut.server.ssl.key-store.type",
          file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
      server.put("micronaut.server.ssl.key.password", keyPassword);
      server.put("micronaut.server.netty.listeners.http.family", "TCP");
      server.put(
          "micronaut.server.netty.listeners.http.host",
          env.getProperty("hub.http-host", String.class).orElse("127.0.0.1"));
      server.put(
          "micronaut.server.netty.listeners.http.port",
          env.getProperty("hub.http-port", Integer.class).orElse(8080));
      server.put("micronaut.server.netty.listeners.http.ssl", false);
      server.put("micronaut.server.netty.listeners.https.family", "TCP");
      server.put(
          "micronaut.server.netty.listeners.https.host",
          env.getProperty("hub.tls.https-host", String.class).orElse("0.0.0.0"));
      server.put(
          "micronaut.server.netty.listeners.https.port",
          env.getProperty("hub.tls.https-port", Integer.class).orElse(8443));
      server.put("micronaut.server.netty.listeners.https.ssl", true);
      return server;
    }
  }

  private static Path dataDir(Map<String, Object> properties) {
    try (ApplicationContext probe = ApplicationContext.builder().properties(properties).build()) {
      Environment env = probe.getEnvironment();
      env.start();
      return Path.of(env.getProperty("hub.data-dir", String.class).orElse("data"))
          .toAbsolutePath()
          .normalize();
    }
  }

  private static StartupProblem findProblem(Throwable e, Path dataDir) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StartupProblem problem) {
        return problem;
      }
      if (t instanceof java.net.BindException bind) {
        return new StartupProblem(
            "a port is already in use ("
                + bind.getMessage()
                + "); choose another with --http-port or --mqtt-port");
      }
    }
    if (DiskFull.isDiskFull(e)) {
      // The database or a library ran out of space after the checks: say so, not in the library's
      // words.
      return new StartupProblem(
          DiskFull.describe(dataDir)
              + "; free some space there or choose another folder with --data-dir",
          e);
    }
    return null;
  }

  static Map<String, Object> parse(List<String> args) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.equals("--help") || arg.equals("-h")) {
        throw new IllegalArgumentException("");
      }
      if (arg.equals("--demo")) {
        properties.put("hub.demo", "always");
        continue;
      }
      if (arg.equals("--no-demo")) {
        properties.put("hub.demo", "never");
        continue;
      }
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String flag = arg.substring(2, eq);
      String property = FLAGS.get(flag);
      if (property == null) {
        throw new IllegalArgumentException("unknown option --" + flag);
      }
      properties.put(property, arg.substring(eq + 1));
    }
    return properties;
  }
}
