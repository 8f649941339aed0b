package liaison.hub.broker;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the broker that a station's credential changed (enrolled anew or revoked): the embedded
 * broker closes the connections made with the old one; with an external Mosquitto the hub rewrites
 * its password file (Mosquitto reads it again on SIGHUP).
 */
@Singleton
public class CredentialChanges {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialChanges.class);

  private final Optional<EmbeddedBroker> embedded;
  private final MosquittoFiles mosquitto;

  public CredentialChanges(Optional<EmbeddedBroker> embedded, MosquittoFiles mosquitto) {
    this.embedded = embedded;
    this.mosquitto = mosquitto;
  }

  /**
   * @return how many live connections were closed
   */
  public int changed(String stationId) {
    int closed = embedded.map(b -> b.enforceCredential(stationId)).orElse(0);
    try {
      mosquitto.writeIfConfigured();
    } catch (RuntimeException e) {
      LOG.error(
          "station {}: the Mosquitto password file could not be rewritten: {}",
          stationId,
          e.getMessage());
    }
    return closed;
  }
}
