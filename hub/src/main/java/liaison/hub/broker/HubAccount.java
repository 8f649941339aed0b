package liaison.hub.broker;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import liaison.hub.config.HubConfig;
import liaison.hub.config.MqttConfig;
import liaison.hub.config.StartupProblem;
import liaison.signage.protocol.MqttPasswordHash;
import liaison.signage.protocol.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's own MQTT account. Its user name ({@code hub.mqtt.username}, default {@code
 * liaison_hub}) holds an underscore, which no station id may, so no station can be enrolled under
 * it. Its password is {@code hub.mqtt.password} when set (an external broker where it was chosen),
 * else made on first start and kept in {@code <data-dir>/mqtt-hub.secret}, readable by the hub's
 * user only.
 */
@Singleton
public class HubAccount {
  private static final Logger LOG = LoggerFactory.getLogger(HubAccount.class);
  static final String SECRET_FILE = "mqtt-hub.secret";

  private final String username;
  private final String password;
  private final String passwordHash;

  public HubAccount(MqttConfig config, HubConfig hub) {
    this.username = config.username();
    if (Topic.isValidStationId(username)) {
      throw new StartupProblem(
          "the hub's MQTT user name '"
              + username
              + "' could also be a station id; choose one with an underscore,"
              + " e.g. liaison_hub (hub.mqtt.username, HUB_MQTT_USERNAME)");
    }
    this.password =
        config.password() == null || config.password().isBlank()
            ? storedOrNew(hub.dataPath().resolve(SECRET_FILE))
            : config.password();
    this.passwordHash = MqttPasswordHash.hash(password);
  }

  private static String storedOrNew(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!stored.isEmpty()) {
          return stored;
        }
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      String fresh = MqttPasswordHash.newPassword();
      Path temp = file.resolveSibling(SECRET_FILE + ".tmp");
      Files.writeString(temp, fresh + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system (Windows): the data directory's own permissions protect it
      }
      Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      LOG.info("made the hub's MQTT password and kept it in {}", file.toAbsolutePath());
      return fresh;
    } catch (IOException e) {
      throw new StartupProblem(
          "cannot read or write the hub's MQTT password file "
              + file.toAbsolutePath()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  public String username() {
    return username;
  }

  public byte[] password() {
    return password.getBytes(StandardCharsets.UTF_8);
  }

  /** For an external broker's password file. */
  public String passwordHash() {
    return passwordHash;
  }

  boolean matches(String user, byte[] given) {
    return username.equals(user) && java.security.MessageDigest.isEqual(password(), given);
  }
}
