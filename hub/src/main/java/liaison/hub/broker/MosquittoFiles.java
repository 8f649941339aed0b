package liaison.hub.broker;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import liaison.hub.config.MqttConfig;
import liaison.hub.config.StartupProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker's rules for an external Mosquitto: a password file (the hub's account and
 * every enrolled station, each as the same {@code $7$} hash the hub keeps) and an ACL file with
 * {@link BrokerPermissions} as patterns ({@code %u}: the user name, which for a station is its id).
 * With {@code hub.mqtt.mosquitto-dir} set the hub writes both there at start and after every
 * enrolment or revocation; point Mosquitto's {@code password_file} and {@code acl_file} at them and
 * send it SIGHUP to read them again.
 */
@Context
public class MosquittoFiles {
  private static final Logger LOG = LoggerFactory.getLogger(MosquittoFiles.class);
  public static final String PASSWORD_FILE = "passwd";
  public static final String ACL_FILE = "acl";

  private final MqttConfig config;
  private final HubAccount hub;
  private final StationAccounts stations;

  public MosquittoFiles(MqttConfig config, HubAccount hub, StationAccounts stations) {
    this.config = config;
    this.hub = hub;
    this.stations = stations;
  }

  @PostConstruct
  void atStart() {
    if (configured()) {
      try {
        writeIfConfigured();
      } catch (RuntimeException e) {
        throw new StartupProblem(e.getMessage(), e);
      }
    }
  }

  boolean configured() {
    return config.mosquittoDir() != null && !config.mosquittoDir().isBlank();
  }

  /** Rewrites both files when a folder is configured. */
  public void writeIfConfigured() {
    if (!configured()) {
      return;
    }
    Path dir = Path.of(config.mosquittoDir()).toAbsolutePath();
    write(dir);
    LOG.info(
        "Mosquitto password and ACL files written to {}; send Mosquitto SIGHUP to read them", dir);
  }

  /**
   * Writes {@code passwd} and {@code acl} into the folder (atomically, readable by owner and group
   * only).
   */
  public void write(Path dir) {
    try {
      Files.createDirectories(dir);
      replace(
          dir.resolve(PASSWORD_FILE),
          passwordFile(hub.username(), hub.passwordHash(), stations.all()));
      replace(dir.resolve(ACL_FILE), aclFile(hub.username()));
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot write the Mosquitto files in " + dir + ": " + e.getMessage(), e);
    }
  }

  static String passwordFile(String hubUser, String hubHash, Map<String, String> stationHashes) {
    StringBuilder out = new StringBuilder();
    out.append(hubUser).append(':').append(hubHash).append('\n');
    stationHashes.forEach(
        (station, hash) -> out.append(station).append(':').append(hash).append('\n'));
    return out.toString();
  }

  static String aclFile(String hubUser) {
    StringBuilder out = new StringBuilder();
    out.append("# Written by the Liaison hub; the same rules as its embedded broker.\n");
    out.append("# The hub: everything under liaison/.\n");
    out.append("user ").append(hubUser).append('\n');
    for (BrokerPermissions.Rule rule : BrokerPermissions.HUB_RULES) {
      out.append("topic ")
          .append(mosquitto(rule.access()))
          .append(' ')
          .append(rule.filter())
          .append('\n');
    }
    out.append("\n# Each station (user name = station id): its own topics only.\n");
    for (BrokerPermissions.Rule rule : BrokerPermissions.STATION_RULES) {
      out.append("pattern ")
          .append(mosquitto(rule.access()))
          .append(' ')
          .append(rule.filter().replace(BrokerPermissions.STATION, "%u"))
          .append('\n');
    }
    return out.toString();
  }

  private static String mosquitto(BrokerPermissions.Access access) {
    return switch (access) {
      case READ -> "read";
      case WRITE -> "write";
      case READ_WRITE -> "readwrite";
    };
  }

  private static void replace(Path file, String content) throws IOException {
    // A name of this write's own: every hub writes these files into the one folder, perhaps at
    // once.
    Path temp =
        Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      try {
        // Mosquitto runs as its own user: readable by the group it shares with the hub, no one
        // else.
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r-----"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
