package liaison.hub.broker;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
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

  /**
   * The password in the file, or a new one kept there. Hubs that share the data folder may start at
   * once: the new password is written whole under a name of this hub's own, then linked under the
   * file's name, which fails if another hub's is there already; then the winner's is read, so every
   * hub uses the one password kept.
   */
  private static String storedOrNew(Path file) {
    try {
      Optional<String> stored = stored(file);
      if (stored.isPresent()) {
        return stored.get();
      }
      Path folder = Files.createDirectories(file.toAbsolutePath().getParent());
      String fresh = MqttPasswordHash.newPassword();
      Path temp = Files.createTempFile(folder, SECRET_FILE + ".", ".tmp");
      try {
        Files.writeString(temp, fresh + "\n", StandardCharsets.UTF_8);
        try {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system (Windows): the data directory's own permissions protect it
        }
        if (Files.exists(file)) {
          Optional<String> kept = stored(file);
          if (kept.isPresent()) {
            return kept.get(); // another hub's, kept since this one looked
          }
          // an empty file left by hand: replaced, as before
          Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } else {
          try {
            Files.createLink(file, temp);
          } catch (UnsupportedOperationException e) {
            // no hard links here (not a POSIX file system): one hub per data folder, as before
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
          }
        }
      } catch (FileAlreadyExistsException e) {
        return stored(file)
            .orElseThrow(() -> new IOException("another hub made " + file + " empty"));
      } finally {
        Files.deleteIfExists(temp);
      }
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

  private static Optional<String> stored(Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (!stored.isEmpty()) {
        return Optional.of(stored);
      }
    }
    return Optional.empty();
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
