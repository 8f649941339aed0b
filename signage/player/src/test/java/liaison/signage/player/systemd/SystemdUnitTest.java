package liaison.signage.player.systemd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import liaison.signage.player.fx.FxToolkit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's notifications reach a real unix datagram socket (a path and an abstract name), and the
 * watchdog is fed only while the JavaFX thread (headless platform) answers.
 */
@ExtendWith(FxToolkit.class)
class SystemdUnitTest {
  private static final long PID = ProcessHandle.current().pid();

  @TempDir Path dir;

  @Test
  void withoutNotifySocketNothingIsSentAndNoProbeIsPosted() {
    AtomicInteger probes = new AtomicInteger();
    SystemdUnit unit =
        SystemdUnit.fromEnvironment(
            Map.of("WATCHDOG_USEC", "30000000")::get, PID, r -> probes.incrementAndGet());
    unit.shown("showing");
    unit.close();
    assertEquals(Optional.empty(), unit.feedEvery());
    assertEquals(0, probes.get());
  }

  @Test
  void readyStatusAndStoppingReachASocketFile() throws Throwable {
    String socket = dir.resolve("notify").toString();
    try (NotifyReceiver systemd = new NotifyReceiver(socket)) {
      SystemdUnit unit =
          SystemdUnit.fromEnvironment(Map.of("NOTIFY_SOCKET", socket)::get, PID, Runnable::run);
      unit.shown("屏幕已显示 · showing s-002");
      unit.shown("twice");
      unit.status("登记码 · enrolment code shown");
      unit.close();

      assertEquals(
          List.of(
              "READY=1\nSTATUS=屏幕已显示 · showing s-002",
              "STATUS=twice",
              "STATUS=登记码 · enrolment code shown",
              "STOPPING=1"),
          systemd.messages());
      assertEquals(Optional.empty(), unit.feedEvery(), "no WATCHDOG_USEC, no feeding");
    }
  }

  @Test
  void anAbstractSocketIsReachedByItsName() throws Throwable {
    String socket = "@liaison-test-" + UUID.randomUUID();
    try (NotifyReceiver systemd = new NotifyReceiver(socket)) {
      new SystemdNotify(socket).send("READY=1");
      assertEquals(List.of("READY=1"), systemd.messages());
    }
  }

  @Test
  void aSocketNobodyListensOnIsAClearFailureAndTheUnitGoesOn() {
    String socket = dir.resolve("nobody").toString();
    java.io.IOException failure =
        assertThrows(java.io.IOException.class, () -> new SystemdNotify(socket).send("READY=1"));
    assertTrue(failure.getMessage().startsWith("sendto " + socket + ": "), failure.getMessage());
    SystemdUnit unit =
        SystemdUnit.fromEnvironment(Map.of("NOTIFY_SOCKET", socket)::get, PID, Runnable::run);
    unit.shown("showing");
    unit.close();
  }

  @Test
  void whatSystemdWritesIsReadAndAnythingElseRefused() {
    Map<String, String> env =
        Map.of(
            "NOTIFY_SOCKET",
            "/run/systemd/notify",
            "WATCHDOG_USEC",
            "30000000",
            "WATCHDOG_PID",
            Long.toString(PID));
    assertEquals(
        Optional.of(Duration.ofSeconds(10)),
        SystemdUnit.fromEnvironment(env::get, PID, Runnable::run).feedEvery());
    assertEquals(
        Optional.empty(),
        SystemdUnit.fromEnvironment(env::get, PID + 1, Runnable::run).feedEvery(),
        "the watchdog of another process (WATCHDOG_PID) is not fed from here");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            SystemdUnit.fromEnvironment(
                Map.of("NOTIFY_SOCKET", "/run/n", "WATCHDOG_USEC", "30s")::get,
                PID,
                Runnable::run));
    assertThrows(IllegalArgumentException.class, () -> new SystemdNotify("/" + "x".repeat(107)));
    assertThrows(IllegalArgumentException.class, () -> new SystemdNotify("@"));
  }

  @Test
  void aHungFxThreadStopsTheFeedingWhileReadyAndStatusStillGo() throws Throwable {
    String socket = "@liaison-test-" + UUID.randomUUID();
    try (NotifyReceiver systemd = new NotifyReceiver(socket)) {
      // 300 ms of watchdog: fed every 100 ms.
      SystemdUnit unit =
          SystemdUnit.fromEnvironment(
              Map.of("NOTIFY_SOCKET", socket, "WATCHDOG_USEC", "300000")::get,
              PID,
              Platform::runLater);
      unit.shown("showing");
      await().atMost(Duration.ofSeconds(20)).until(() -> systemd.count("WATCHDOG=1") >= 3);
      assertEquals("READY=1\nSTATUS=showing", systemd.messages().getFirst());

      CountDownLatch hung = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      Platform.runLater(
          () -> {
            hung.countDown();
            try {
              release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      try {
        assertTrue(hung.await(20, TimeUnit.SECONDS), "the FX thread took the endless task");
        long beforeHang = systemd.count("WATCHDOG=1");
        // A probe that ran just before the hang may still be reported once; then nothing, for ten
        // rounds of feeding (more than three times the watchdog's time).
        await()
            .during(Duration.ofSeconds(1))
            .atMost(Duration.ofSeconds(5))
            .until(() -> systemd.count("WATCHDOG=1") <= beforeHang + 1);
        unit.status("still telling systemd");
        assertTrue(systemd.messages().contains("STATUS=still telling systemd"));
        long whileHung = systemd.count("WATCHDOG=1");

        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> systemd.count("WATCHDOG=1") > whileHung);
      } finally {
        release.countDown();
        unit.close();
      }
      assertEquals("STOPPING=1", systemd.messages().getLast());
      assertFalse(systemd.messages().contains("READY=1\nSTATUS=still telling systemd"));
    }
  }
}
