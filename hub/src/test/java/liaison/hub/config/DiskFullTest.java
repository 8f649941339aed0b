package liaison.hub.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import liaison.hub.RunningHub;
import liaison.hub.StaffClient;
import liaison.hub.TestDatabases;
import liaison.hub.demo.DemoCounty;
import liaison.hub.web.ErrorAnswers;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full disk is named as such, with the path, at start and at run time, instead of a broker that
 * does not start in time or a bare 500.
 *
 * <p>At start the hub runs as its own process on a real, tiny file system: a tmpfs mounted in a
 * user namespace ({@code unshare --user --map-root-user --mount}), which needs no root; where the
 * kernel does not allow that, those tests are skipped and say why. At run time SQLite itself is
 * made full by {@code max_page_count} on the hub's own connection: its real {@code SQLITE_FULL}.
 */
@Tag("security")
class DiskFullTest {

  @Test
  void shouldRefuseToStartOnADiskWithTooLittleSpaceNamingThePath(@TempDir Path dir)
      throws Exception {
    Path mount = Files.createDirectories(dir.resolve("small"));

    Run run = hubOnTmpfs(mount, "16m", "", "");

    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output())
        .contains("hub: cannot start: 磁盘空间已满 · no space left on " + mount.resolve("data"))
        .contains("MB free, the hub needs at least 64 MB")
        .doesNotContain("TimeoutException", "did not start on");
  }

  @Test
  void shouldRefuseToStartOnAFullDiskNamingThePath(@TempDir Path dir) throws Exception {
    Path mount = Files.createDirectories(dir.resolve("full"));

    // Everything written until the kernel says ENOSPC; the hub is told to need no free space at
    // all,
    // so it is the write itself that fails.
    Run run =
        hubOnTmpfs(
            mount,
            "1m",
            "dd if=/dev/zero of=" + mount.resolve("filler") + " bs=64k 2>/dev/null; ",
            "-Dhub.disk.min-free-mb=0");

    assertThat(run.exit()).as(run.output()).isEqualTo(1);
    assertThat(run.output())
        .contains("hub: cannot start: 磁盘空间已满 · no space left on " + mount.resolve("data"));
  }

  @Test
  void shouldAnswer507AndNameTheDatabaseFileInTheLogWhenSqliteIsFull(@TempDir Path dir)
      throws Exception {
    long pages;
    try (RunningHub first = RunningHub.start(dir, TestDatabases.Store.SQLITE, Map.of())) {
      pages =
          first
              .bean(Jdbi.class)
              .withHandle(h -> h.createQuery("PRAGMA page_count").mapTo(Long.class).one());
    }
    String url =
        "jdbc:sqlite:"
            + dir
            + "/hub.db?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000"
            + "&transaction_mode=IMMEDIATE&max_page_count="
            + (pages + 40);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    ch.qos.logback.classic.Logger logger =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ErrorAnswers.class);
    logger.addAppender(log);
    try (RunningHub hub = RunningHub.start(dir, Map.of("hub.db.url", url, "hub.demo", "never"))) {
      StaffClient admin = StaffClient.basic(hub, "admin", DemoCounty.PASSWORD);
      List<Integer> statuses = new ArrayList<>();
      HttpResponse<String> last = null;
      for (int i = 0; i < 400 && !statuses.contains(507); i++) {
        last =
            admin.api(
                "POST",
                "/api/departments",
                "{\"name\": \"第"
                    + i
                    + "个承办单位"
                    + "名".repeat(40)
                    + "\", \"contact\": \""
                    + "电话".repeat(100)
                    + "\"}");
        statuses.add(last.statusCode());
      }
      long stored =
          hub.bean(Jdbi.class)
              .withHandle(
                  h -> h.createQuery("SELECT COUNT(*) FROM department").mapTo(Long.class).one());

      assertThat(statuses).as("filled until SQLite said it was full").contains(507);
      assertThat(statuses.stream().distinct()).containsOnly(201, 507);
      assertThat(last.body())
          .contains("磁盘空间已满", "disk is full", "nothing was saved")
          .doesNotContain("SQLITE", "java.", "liaison.");
      assertThat(stored)
          .as("every 201 stored, the 507 not half-written")
          .isEqualTo(6 + statuses.stream().filter(s -> s == 201).count());
      assertThat(hub.get("/health").statusCode()).as("the hub still answers").isIn(200, 503);
      synchronized (log) {
        assertThat(log.list.stream().map(ILoggingEvent::getFormattedMessage))
            .anyMatch(m -> m.contains("磁盘空间已满 · no space left on " + dir.resolve("hub.db")));
      }
    } finally {
      logger.detachAppender(log);
    }
  }

  @Test
  void shouldRecogniseTheKernelsNoSpaceLeftOnDevice() {
    // /dev/full answers every write with ENOSPC: the error a full disk gives, from the kernel
    // itself.
    Assumptions.assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full on this system");
    IOException full = null;
    try {
      Files.write(Path.of("/dev/full"), new byte[] {1});
    } catch (IOException e) {
      full = e;
    }

    assertThat(full).isNotNull();
    assertThat(
            DiskFull.isDiskFull(new java.io.UncheckedIOException("cannot write the photo", full)))
        .isTrue();
    assertThat(DiskFull.isDiskFull(new IOException("Connection reset by peer"))).isFalse();
  }

  record Run(int exit, String output) {}

  /**
   * Starts {@code java -cp <this classpath> liaison.hub.HubMain --data-dir=<mount>/data} with a
   * tmpfs of {@code size} mounted on {@code mount} in a user namespace; {@code before} runs first,
   * inside.
   */
  private static Run hubOnTmpfs(Path mount, String size, String before, String jvmOption)
      throws Exception {
    Assumptions.assumeTrue(
        userNamespacesWork(),
        "this kernel does not let a user mount a tmpfs in a namespace (unshare)");
    String java = ProcessHandle.current().info().command().orElse("java");
    String script =
        "mount -t tmpfs -o size="
            + size
            + " liaison-test "
            + mount
            + " && "
            + before
            + "exec "
            + java
            + " "
            + jvmOption
            + " -cp \"$CP\" liaison.hub.HubMain --data-dir="
            + mount.resolve("data")
            + " --http-port=0 --mqtt-port=0 --no-demo";
    ProcessBuilder builder =
        new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script);
    builder.environment().put("CP", System.getProperty("java.class.path"));
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    return new Run(process.exitValue(), output);
  }

  private static boolean userNamespacesWork() {
    try {
      Process probe =
          new ProcessBuilder(
                  "unshare",
                  "--user",
                  "--map-root-user",
                  "--mount",
                  "sh",
                  "-c",
                  "mount -t tmpfs -o size=1m none /tmp")
              .redirectErrorStream(true)
              .start();
      probe.getInputStream().readAllBytes();
      return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
