package liaison.signage.player.update;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import liaison.signage.protocol.BundleSignature;
import liaison.signage.protocol.StationContent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's side of a rollout, as the apps run it (docs/FIELD.md "Updates from the hub"): at
 * start it reports a rollback {@code liaison-update-check} made; once healthy (first frame shown,
 * connected, content received) it confirms a pending update of its own version; when a snapshot
 * names another version, not one that rolled back here, it downloads, checks and switches to it on
 * its own thread and then asks the app to stop in order and exit with {@link #RESTART_STATUS}. Each
 * step is reported to the hub as a {@code software.update} event.
 */
public final class SoftwareUpdates {
  /** The exit status systemd restarts the station on, as the kiosk's restart command uses. */
  public static final int RESTART_STATUS = 75;

  /** The event type the hub reads ({@code liaison.hub.software.UpdateReportIngest}). */
  public static final String EVENT_TYPE = "software.update";

  /** How long a new version has to come up healthy before liaison-update-check rolls it back. */
  public static final Duration HEALTH_WITHIN = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(SoftwareUpdates.class);

  private final @Nullable Path home;
  private final String ownVersion;
  private final String arch;
  private final @Nullable URI hub;
  private final Supplier<Optional<String>> hubKeyPem;
  private final BiConsumer<String, Map<String, Object>> report;
  private final Runnable restart;
  private final Duration healthWithin;
  private final Clock clock;
  private final AtomicBoolean busy = new AtomicBoolean();
  private final AtomicBoolean confirmed = new AtomicBoolean();
  private volatile boolean notInstalledReported;

  /**
   * @param home {@code LIAISON_HOME} when the installer laid the station out ({@link
   *     StationUpdate#installedHome}); null when updates are off
   * @param hub the hub's web address the snapshot's bundle paths are relative to
   * @param hubKeyPem the hub's public key from enrolment, if the station has one
   * @param report records an event for the hub (type, body)
   * @param restart stops the app in order and exits with {@link #RESTART_STATUS}
   */
  public SoftwareUpdates(
      @Nullable Path home,
      String ownVersion,
      String arch,
      @Nullable URI hub,
      Supplier<Optional<String>> hubKeyPem,
      BiConsumer<String, Map<String, Object>> report,
      Runnable restart,
      Duration healthWithin,
      Clock clock) {
    this.home = home;
    this.ownVersion = ownVersion;
    this.arch = arch;
    this.hub = hub;
    this.hubKeyPem = hubKeyPem;
    this.report = report;
    this.restart = restart;
    this.healthWithin = healthWithin;
    this.clock = clock;
  }

  /** The processor as the bundles name it: linux-x64 or linux-aarch64. */
  public static String thisArch() {
    String arch = System.getProperty("os.arch", "");
    return arch.equals("aarch64") || arch.equals("arm64") ? "linux-aarch64" : "linux-x64";
  }

  /** At start: the rollback {@code liaison-update-check} made, reported once. */
  public void started() {
    if (home == null) {
      return;
    }
    try {
      new UpdateRecord(home)
          .takeRollback()
          .ifPresent(
              r -> {
                LOG.warn(
                    "version {} rolled back to {} ({})", r.version(), r.previous(), r.reason());
                send(r.version(), "rolled-back", r.reason());
              });
    } catch (IOException e) {
      LOG.warn("cannot read the update record under {}", home, e);
    }
  }

  /**
   * The station is healthy (first frame shown, connected, content received): a pending update of
   * this version is confirmed and reported once.
   */
  public void healthy() {
    if (home == null || !confirmed.compareAndSet(false, true)) {
      return;
    }
    try {
      if (new UpdateRecord(home).confirmHealthy(ownVersion)) {
        LOG.info("version {} is healthy: the update is confirmed", ownVersion);
        send(ownVersion, "healthy", "");
      }
    } catch (IOException e) {
      LOG.warn("cannot confirm the update under {}", home, e);
    }
  }

  /**
   * A snapshot arrived: when it names another version for this processor, not one that rolled back
   * here, the update starts on its own thread (one at a time).
   */
  public void offered(StationContent content) {
    Optional<StationContent.Software> software = content.softwareIfAny();
    if (software.isEmpty() || software.get().version().equals(ownVersion)) {
      return;
    }
    String version = software.get().version();
    Optional<StationContent.Bundle> bundle = software.get().bundleFor(arch);
    if (bundle.isEmpty()) {
      return;
    }
    if (home == null || hub == null) {
      if (!notInstalledReported) {
        notInstalledReported = true;
        LOG.info("version {} offered; not installed by the installer, so not updating", version);
        send(version, "not-installed", "");
      }
      return;
    }
    try {
      if (new UpdateRecord(home).failed(version)) {
        return;
      }
    } catch (IOException e) {
      LOG.warn("cannot read the update record under {}", home, e);
      return;
    }
    if (busy.compareAndSet(false, true)) {
      Thread.ofPlatform()
          .name("station-update")
          .daemon()
          .start(() -> update(version, bundle.get()));
    }
  }

  private void update(String version, StationContent.Bundle bundle) {
    Path installed = java.util.Objects.requireNonNull(home);
    try {
      Optional<String> pem = hubKeyPem.get();
      if (pem.isEmpty()) {
        send(version, "refused", "no-key");
        return;
      }
      PublicKey key = BundleSignature.publicKey(pem.get());
      BundleTarget target =
          new BundleTarget(
              version,
              bundle.arch(),
              bundle.sha256(),
              bundle.size(),
              bundle.signature(),
              java.util.Objects.requireNonNull(hub).resolve(bundle.path()));
      StationUpdate update =
          new StationUpdate(
              installed,
              key,
              HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
              clock);
      send(version, "downloading", "");
      Path file = update.download(target);
      send(version, "verified", "");
      update.switchTo(target, file, healthWithin);
      send(version, "switched", "");
      LOG.info("switched to {}: restarting", version);
      restart.run();
    } catch (StationUpdate.Refused e) {
      LOG.warn("{}", e.getMessage());
      send(version, "refused", e.reason());
    } catch (IOException | RuntimeException e) {
      LOG.warn("update to {} failed; tried again with the next snapshot", version, e);
      send(version, "failed", String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      busy.set(false);
    }
  }

  private void send(String version, String outcome, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", version);
    body.put("outcome", outcome);
    if (!reason.isEmpty()) {
      body.put("reason", reason);
    }
    try {
      report.accept(EVENT_TYPE, body);
    } catch (RuntimeException e) {
      LOG.warn("could not record the update's {} for the hub", outcome, e);
    }
  }
}
