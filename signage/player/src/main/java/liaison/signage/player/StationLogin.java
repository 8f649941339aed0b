package liaison.signage.player;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import liaison.signage.player.enrol.Enrolment;
import liaison.signage.player.enrol.EnrolmentState;
import liaison.signage.player.enrol.StationName;
import liaison.signage.player.link.HubLink;
import liaison.signage.player.model.LiveValue;
import liaison.signage.player.store.ContentStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How this screen gets into the hub's broker: with the credentials it was given outright, else the
 * ones enrolment stored, else by enrolling first (a code an administrator enters at the hub) and
 * connecting once that is done. A credential the broker refuses (revoked, or a hub that does not
 * know this screen) starts enrolment again, while the old credential keeps being tried.
 */
final class StationLogin implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StationLogin.class);
  private static final LiveValue<EnrolmentState> NO_ENROLMENT =
      new LiveValue<>(EnrolmentState.NOT_NEEDED);

  private final StationConfig config;
  private final ContentStore store;
  private final @Nullable Enrolment enrolment;
  private final LiveValue<Optional<StationName>> keptName;

  /**
   * @param tls trusting the hub's certificate for its web address; null: the JVM's trust
   * @param enrolled called once enrolment stored a credential (on the enrolment's own thread)
   */
  StationLogin(
      StationConfig config,
      ContentStore store,
      Clock clock,
      @Nullable SSLContext tls,
      Runnable enrolled) {
    this.config = config;
    this.store = store;
    HubAccess access = config.access();
    this.enrolment =
        access.enrols()
            ? new Enrolment(
                config.stationId(),
                config.appVersion(),
                access.hubUrl(),
                tls,
                access.poll(),
                store,
                clock,
                config.enrolmentCodeFile(),
                enrolled)
            : null;
    this.keptName =
        enrolment == null ? new LiveValue<>(Enrolment.storedName(store)) : enrolment.name();
  }

  /**
   * Where the screen stands with enrolment: what to show while it waits for an administrator
   * ({@link EnrolmentState#NOT_NEEDED} when it has its credential, or enrols by no hub).
   */
  LiveValue<EnrolmentState> state() {
    return enrolment == null ? NO_ENROLMENT : enrolment.state();
  }

  /**
   * The station's name as enrolment heard it from the hub, kept in the store: what a screen says
   * before its first content. Without enrolment, what an earlier enrolment kept, if anything.
   */
  LiveValue<Optional<StationName>> name() {
    return keptName;
  }

  /**
   * Connects at once when there is a credential; otherwise enrols first ({@code enrolled}
   * connects).
   */
  void start(Runnable connect) {
    if (enrolment != null && credentials() == null) {
      enrolment.start(false);
    } else {
      connect.run();
    }
  }

  /**
   * The credentials for the next connect: given outright, else the ones enrolment stored, else
   * none.
   */
  HubLink.@Nullable Credentials credentials() {
    HubAccess.Login given = config.access().login();
    if (given != null) {
      return new HubLink.Credentials(
          given.username(), given.password().getBytes(StandardCharsets.UTF_8));
    }
    Optional<String> username = store.memo(Enrolment.MQTT_USERNAME);
    Optional<String> password = store.memo(Enrolment.MQTT_PASSWORD);
    if (username.isPresent() && password.isPresent()) {
      return new HubLink.Credentials(
          username.get(), password.get().getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  /** The broker refused the credential (CONNACK 0x86 or 0x87). */
  void refused(int reasonCode) {
    if (enrolment != null) {
      // Revoked, or a hub that does not know this screen: show a code to enrol it again, and
      // keep trying the old credential meanwhile (a hub restored from a backup may know it).
      enrolment.start(true);
    } else {
      LOG.error(
          "station {}: the broker refused this station's credentials (reason 0x{}); check them at the hub",
          config.stationId(),
          Integer.toHexString(reasonCode));
    }
  }

  /** The credential works: a code still on screen is not needed any more. */
  void connected() {
    if (enrolment != null) {
      enrolment.cancel();
    }
  }

  @Override
  public void close() {
    if (enrolment != null) {
      enrolment.close();
    }
  }
}
